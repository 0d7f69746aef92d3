// One JSONL line: the literal prefilter, the JSON walk, and what happens to a malformed line
// (reported with its column; its raw text is still searched as plain text, so a secret on a
// truncated line is not lost, and redaction still replaces it).
import { scanJson, type ValueHit } from './scan-json';
import type { TraceEngine } from './types';
import { editsForHits, applyEdits, type DetectorCounts } from '../redact/edits';

export interface LineScan {
  hits: ValueHit[];
  /** Set when the line is not one valid JSON value. */
  problem?: { column: number; message: string };
  /** Whether the prefilter let the line through to the walk. */
  candidate: boolean;
}

const NO_HITS: ValueHit[] = [];

/** Scans one line of a JSONL file (without its `\n`; a trailing `\r` is whitespace to JSON). */
export function scanLine(lineText: string, engine: TraceEngine, prefiltered = false): LineScan {
  if (!prefiltered && !engine.mayContainFinding(lineText)) {
    // No candidate: no walk. A cheap shape check still catches truncated and non-JSON lines.
    const problem = shapeProblem(lineText);
    return { hits: NO_HITS, problem, candidate: false };
  }
  const r = scanJson(lineText, engine);
  if (!r.error) return { hits: r.hits, candidate: true };
  const problem = { column: r.error.offset, message: `malformed JSON at column ${r.error.offset + 1}: ${r.error.message}; line skipped` };
  return { hits: plainTextHits(lineText, engine), problem, candidate: true };
}

/** Hits of the engine's plain-text scan over a malformed line; replacements are JSON-escaped once. */
export function plainTextHits(text: string, engine: TraceEngine): ValueHit[] {
  return engine.scanText(text).map((m) => ({ match: m, start: m.start, end: m.end, editStart: m.start, editEnd: m.end, levels: 1, quote: false, whole: false, path: '' }));
}

/** A problem visible without parsing: a line that cannot be one JSON object or array. */
export function shapeProblem(lineText: string): LineScan['problem'] {
  let a = 0;
  let b = lineText.length - 1;
  while (a <= b && isWs(lineText.charCodeAt(a))) a++;
  if (a > b) return undefined;
  while (b > a && isWs(lineText.charCodeAt(b))) b--;
  const first = lineText.charCodeAt(a);
  const last = lineText.charCodeAt(b);
  if (first === 123 && last !== 125) return { column: b, message: `malformed JSON: the object opened at column ${a + 1} is not closed on this line (truncated?); line skipped` };
  if (first === 91 && last !== 93) return { column: b, message: `malformed JSON: the array opened at column ${a + 1} is not closed on this line (truncated?); line skipped` };
  if (first === 123 || first === 91) return undefined;
  // Anything else must be a whole scalar: a string, a number, true, false or null.
  const rest = lineText.slice(a, b + 1);
  if (first === 34 ? last === 34 && rest.length > 1 : /^(true|false|null|-?\d+(\.\d+)?([eE][+-]?\d+)?)$/.test(rest)) return undefined;
  return { column: a, message: `malformed JSON at column ${a + 1}: expected a JSON value; line skipped` };
}

/**
 * The redacted text of one line: replaces every hit; when a replacement left part of a value
 * standing (the rest may now form a match, e.g. in remove mode), rescans the result until nothing
 * is found, at most three passes. A whole value replaced by a marker needs no rescan: markers are
 * never findings and the other values were scanned already.
 */
/** A redacted line as the engine finishes it (the opt-in path anonymiser), or as it is. */
export function finish(engine: TraceEngine, rawLine: string): string {
  return engine.finishRedaction ? engine.finishRedaction(rawLine) : rawLine;
}

export function redactLine(lineText: string, scan: LineScan, engine: TraceEngine, counts: DetectorCounts): string {
  let text = lineText;
  let hits = scan.hits;
  for (let pass = 0; pass < 3 && hits.length > 0; pass++) {
    text = applyEdits(text, editsForHits(hits, engine, counts));
    if (hits.every((h) => h.whole)) break;
    hits = scanLine(text, engine).hits;
  }
  return text;
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
