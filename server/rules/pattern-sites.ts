// Where in the file a span of a pattern's decoded value lies, for the pattern rules (invalid-pattern,
// redos-unsafe-pattern), wherever the pattern is written: code, YAML or tracelint.json.
import type { Span } from '../../shared/types';
import type { PatternSite } from '../analysis/model';

/** [start, end) in the file for [start, end) of a site's decoded value; the literal when unmappable. */
export function siteRange(site: PatternSite, start: number, end: number): Span {
  const s = site.offsetOf(start);
  const e = site.offsetOf(end);
  if (e > s) return { start: s, end: e };
  if (end > start || e < s) return site.span;
  return { start: s, end: s + 1 <= site.span.end ? s + 1 : s };
}
