// Overlap resolution. Every candidate carries a rank (its place in the precedence order written
// down in shared/detectors/index.ts, extended by the engine):
//   holes (redaction markers, allowlisted matches)            rank -1, never reported
//   specific detectors, in registry order                    0 .. S-1   (atomic)
//   custom patterns, custom strings                          S, S+1     (generic)
//   generic_api_key_param, password_field,                  S+2 ..     (generic)
//   http_header_credential, command_line_credential
//   opt-in detectors (e.g. high_entropy)                     next       (generic)
//   field-path rules, sensitive_field                        last two   (generic)
// Lower rank wins. An atomic candidate that overlaps anything already accepted is dropped. A generic
// candidate keeps only the parts of its span nobody took, so a generic rule never swallows a
// specific key (`{"password": "sk-ant-…"}` reports anthropic_api_key for the key) yet everything
// else under a sensitive key is still covered (a redacted value then holds markers only).
import { hasAlnum } from './markers';

export interface Ranked {
  detector: string;
  start: number;
  end: number;
  rank: number;
  generic: boolean;
  hole?: boolean;
}

/** Leftovers of a generic span that are only an auth scheme word carry no secret. */
const SCHEME_WORDS = new Set(['bearer', 'basic', 'token', 'digest', 'negotiate', 'apikey', 'key']);

function schemeOnly(text: string, start: number, end: number): boolean {
  const word = text.slice(start, end).replace(/[^A-Za-z]/g, '').toLowerCase();
  return SCHEME_WORDS.has(word);
}

function byRank(a: Ranked, b: Ranked): number {
  return a.rank - b.rank || a.start - b.start || b.end - a.end;
}

/** Non-overlapping matches, sorted by start; holes removed. */
export function resolve(cands: Ranked[], text: string): Ranked[] {
  if (cands.length === 1 && !cands[0].hole) return cands;
  cands.sort(byRank);
  // Accepted spans, kept sorted by start (n is small: a handful of matches per value).
  const taken: Ranked[] = [];
  const overlaps = (s: number, e: number) => {
    for (const t of taken) if (t.start < e && s < t.end) return true;
    return false;
  };
  const insert = (r: Ranked) => {
    let i = taken.length;
    while (i > 0 && taken[i - 1].start > r.start) i--;
    taken.splice(i, 0, r);
  };
  for (const c of cands) {
    if (!c.generic || c.hole) {
      if (!overlaps(c.start, c.end)) insert(c);
      continue;
    }
    // Generic: the parts of [start, end) outside every accepted span.
    let pos = c.start;
    const pieces: Array<[number, number]> = [];
    for (const t of taken) {
      if (t.end <= pos || t.start >= c.end) continue;
      if (t.start > pos) pieces.push([pos, t.start]);
      pos = Math.max(pos, t.end);
    }
    if (pos < c.end) pieces.push([pos, c.end]);
    for (const [s, e] of pieces) {
      if (!hasAlnum(text, s, e)) continue;
      if ((s !== c.start || e !== c.end) && schemeOnly(text, s, e)) continue;
      insert(s === c.start && e === c.end ? c : { ...c, start: s, end: e });
    }
  }
  return taken.filter((t) => !t.hole);
}
