// Custom patterns written in tracelint.json (`customRules[].pattern`, `allowlistPatterns[]`,
// `allowlist[]`, located by shared/config with offset maps through JSON escapes) as PatternSites
// like those the source front-ends find in code, in a SourceModel so the same pattern rules judge them.
import { LineIndex } from '../../shared/positions';
import type { Span } from '../../shared/types';
import { configPatternSites } from '../../shared/config';
import type { PatternSite, SourceModel } from '../analysis/model';

/** Pattern sites of a tracelint.json text (empty when it is not JSON of the expected shape). */
export function tracelintJsonSites(text: string): PatternSite[] {
  return configPatternSites(text).map((s) => ({ role: s.role, value: s.value, span: s.span, offsetOf: s.offsetOf, ruleName: s.ruleName, callSpan: s.span }));
}

/**
 * A SourceModel holding only the pattern sites of a tracelint.json, so the same rules (and the same
 * runner) judge patterns wherever they are written. (`.agentdbg/config.yaml` has a full model of its
 * own: analysis/config-files.ts.) Undefined for other files.
 */
export function configPatternModel(fileName: string, text: string): SourceModel | undefined {
  if (!/(^|[\\/])tracelint\.json$/.test(fileName)) return undefined;
  return {
    fileName,
    language: 'json',
    text,
    lines: new LineIndex(text),
    traced: [],
    calls: [],
    recordCalls: [],
    patterns: tracelintJsonSites(text),
    redactionConfigs: [],
    settings: [],
    strings: [],
    comments: [],
    problems: [],
  };
}

/** [start, end) in the file for [start, end) of a site's decoded value; the literal when unmappable. */
export function siteRange(site: PatternSite, start: number, end: number): Span {
  const s = site.offsetOf(start);
  const e = site.offsetOf(end);
  if (e > s) return { start: s, end: e };
  if (end > start || e < s) return site.span;
  return { start: s, end: s + 1 <= site.span.end ? s + 1 : s };
}
