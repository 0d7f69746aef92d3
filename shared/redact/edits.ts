// Replacement edits for positioned hits: the engine's replacement text (mask, hash or remove),
// JSON-escaped once per string layer around the secret so the result stays valid JSON at every
// level (a secret inside JSON-in-a-string is replaced inside the inner JSON, then re-escaped for
// the outer string). A number token becomes a JSON string literal.
import { escapeJsonStringContent } from '../json/strings';
import type { ValueHit } from '../traces/scan-json';
import type { TraceEngine } from '../traces/types';

export interface TextReplacement {
  start: number;
  end: number;
  text: string;
}

/** Per-detector counts of replaced secrets, for the preview and the CLI summary. */
export type DetectorCounts = Record<string, number>;

/** Edits for `hits`, sorted and without overlaps (an overlapping edit widens the one before it). */
export function editsForHits(hits: ValueHit[], engine: TraceEngine, counts?: DetectorCounts): TextReplacement[] {
  const sorted = [...hits].sort((a, b) => a.editStart - b.editStart || b.editEnd - a.editEnd);
  const edits: TextReplacement[] = [];
  for (const h of sorted) {
    if (counts) counts[h.match.detector] = (counts[h.match.detector] ?? 0) + 1;
    const last = edits[edits.length - 1];
    if (last && h.editStart < last.end) {
      if (h.editEnd > last.end) last.end = h.editEnd;
      continue;
    }
    let text = engine.replacement(h.match);
    if (h.quote) text = JSON.stringify(text);
    for (let k = 0; k < h.levels; k++) text = escapeJsonStringContent(text);
    edits.push({ start: h.editStart, end: h.editEnd, text });
  }
  return edits;
}

/** Applies sorted, non-overlapping edits to `text`. */
export function applyEdits(text: string, edits: TextReplacement[]): string {
  if (edits.length === 0) return text;
  const parts: string[] = [];
  let at = 0;
  for (const e of edits) {
    parts.push(text.slice(at, e.start), e.text);
    at = e.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

export function addCounts(into: DetectorCounts, from: DetectorCounts): void {
  for (const [k, v] of Object.entries(from)) into[k] = (into[k] ?? 0) + v;
}
