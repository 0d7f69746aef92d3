// Scanning and redacting a whole trace held in memory (an editor's open document, a small file):
// JSONL line by line, or one JSON document with positions from a LineIndex. A document that turns
// out to hold several values (JSON Lines saved as .json) is read as JSONL.
import { LineIndex } from '../positions';
import type { Finding, InputProblem } from '../types';
import type { TraceEngine, TraceFormatInfo } from './types';
import { scanJson, type ValueHit } from './scan-json';
import { finish, scanLine, plainTextHits, redactLine } from './line';
import { lineFindings, makeFinding, utf8Length } from './findings';
import { detectTraceFormat, SNIFF_CHARS } from './format';
import { editsForHits, applyEdits, type DetectorCounts } from '../redact/edits';

/** An engine that finds nothing: walking with it only validates the JSON. */
const VALIDATE_ONLY: TraceEngine = { scanValue: () => [], scanText: () => [], mayContainFinding: () => false, replacement: () => '' };

export interface TextScanResult {
  findings: Finding[];
  problems: InputProblem[];
  format: TraceFormatInfo;
}

/** The format of in-memory text: detected, or generic JSON when the name says nothing. */
export function formatOfText(text: string, fileName: string): TraceFormatInfo {
  return detectTraceFormat(fileName, text.slice(0, SNIFF_CHARS)) ?? detectTraceFormat('trace.json', text.slice(0, SNIFF_CHARS))!;
}

/** Scans trace text; `fileName` picks the format and is copied onto findings. */
export function scanTraceText(text: string, fileName: string, engine: TraceEngine, format = formatOfText(text, fileName)): TextScanResult {
  const findings: Finding[] = [];
  const problems: InputProblem[] = [];
  if (format.layout === 'document' && !holdsSeveralValues(text)) {
    scanDocument(text, engine, fileName, findings, problems);
  } else {
    forEachLine(text, (lineText, line, c0, b0) => {
      const scan = scanLine(lineText, engine);
      if (scan.problem) problems.push({ file: fileName, line, column: scan.problem.column, message: scan.problem.message });
      for (const f of lineFindings(scan.hits, lineText, line, c0, b0, fileName)) findings.push(f);
    });
  }
  return { findings, problems, format };
}

export interface TextRedactResult {
  text: string;
  counts: DetectorCounts;
  problems: InputProblem[];
}

/** The redacted text: only secret text replaced (JSON-escaped), every line kept, nothing else changed. */
export function redactTraceText(text: string, engine: TraceEngine, fileName = 'trace.jsonl', format = formatOfText(text, fileName)): TextRedactResult {
  const counts: DetectorCounts = {};
  const problems: InputProblem[] = [];
  if (format.layout === 'document' && !holdsSeveralValues(text)) {
    let out = text;
    let { hits, error } = scanDocumentHits(out, engine);
    if (error) problems.push(error);
    for (let pass = 0; pass < 3 && hits.length > 0; pass++) {
      out = applyEdits(out, editsForHits(hits, engine, counts));
      if (hits.every((h) => h.whole)) break;
      hits = scanDocumentHits(out, engine).hits;
    }
    return { text: finish(engine, out), counts, problems };
  }
  const parts: string[] = [];
  let at = 0;
  forEachLine(text, (lineText, line, c0) => {
    const scan = scanLine(lineText, engine);
    if (scan.problem) problems.push({ file: fileName, line, column: scan.problem.column, message: scan.problem.message });
    // The opt-in path anonymiser rewrites lines with no finding too.
    const redacted = finish(engine, scan.hits.length === 0 ? lineText : redactLine(lineText, scan, engine, counts));
    if (redacted === lineText) return;
    parts.push(text.slice(at, c0), redacted);
    at = c0 + lineText.length;
  });
  parts.push(text.slice(at));
  return { text: parts.join(''), counts, problems };
}

/**
 * Findings and problem of ONE JSONL line, for editors that rescan only the lines that changed:
 * `line`, `charStart` and `byteStart` place it in its document.
 */
export function scanTraceLine(lineText: string, line: number, charStart: number, byteStart: number, engine: TraceEngine, fileName?: string): { findings: Finding[]; problem?: InputProblem } {
  const scan = scanLine(lineText, engine);
  const findings = lineFindings(scan.hits, lineText, line, charStart, byteStart, fileName);
  if (!scan.problem) return { findings };
  const problem: InputProblem = { line, column: scan.problem.column, message: scan.problem.message };
  if (fileName !== undefined) problem.file = fileName;
  return { findings, problem };
}

/** Calls `fn` for each `\n`-separated line with its 0-based number, UTF-16 and byte offsets. */
export function forEachLine(text: string, fn: (lineText: string, line: number, charStart: number, byteStart: number) => void): void {
  let c0 = 0;
  let b0 = 0;
  let line = 0;
  while (c0 < text.length) {
    let c1 = text.indexOf('\n', c0);
    if (c1 === -1) c1 = text.length;
    fn(text.slice(c0, c1), line, c0, b0);
    b0 += utf8Length(text, c0, c1) + 1;
    c0 = c1 + 1;
    line++;
  }
}

function scanDocumentHits(text: string, engine: TraceEngine): { hits: ValueHit[]; error?: InputProblem } {
  if (!engine.mayContainFinding(text)) {
    const r = scanJson(text, VALIDATE_ONLY);
    return { hits: [], error: r.error ? problemAt(text, r.error.offset, r.error.message) : undefined };
  }
  const r = scanJson(text, engine);
  if (!r.error) return { hits: r.hits };
  // A malformed document: report where, and still search its text so nothing is lost.
  return { hits: plainTextHits(text, engine), error: problemAt(text, r.error.offset, r.error.message) };
}

function problemAt(text: string, offset: number, message: string): InputProblem {
  const pos = new LineIndex(text).position(offset);
  return { line: pos.line, column: pos.column, message: `malformed JSON at line ${pos.line + 1}, column ${pos.column + 1}: ${message}; the text was searched as plain text` };
}

function scanDocument(text: string, engine: TraceEngine, file: string, findings: Finding[], problems: InputProblem[]): void {
  const { hits, error } = scanDocumentHits(text, engine);
  if (error) problems.push({ ...error, file });
  if (hits.length === 0) return;
  const index = new LineIndex(text);
  const sorted = [...hits].sort((a, b) => a.start - b.start || a.end - b.end);
  let at = 0;
  let bytes = 0;
  for (const h of sorted) {
    bytes += utf8Length(text, at, h.start);
    at = h.start;
    findings.push(makeFinding(h, file, { start: h.start, end: h.end }, index.rangeOf(h.start, h.end), bytes, bytes + utf8Length(text, h.start, h.end)));
  }
}

/** Whether the text holds more than one top-level JSON value (JSON Lines in a .json file). */
function holdsSeveralValues(text: string): boolean {
  const r = scanJson(text, VALIDATE_ONLY);
  return r.error !== null && r.error.message.includes('after the end of the JSON value') && text.lastIndexOf('\n', r.error.offset) !== -1;
}
