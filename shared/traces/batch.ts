// A batch of whole JSONL lines (raw bytes), scanned or redacted: the unit of work handed to a
// worker thread, or processed in this thread for small files. Everything a batch reports is
// relative to the batch (lines, UTF-16 offsets, bytes); the caller, which knows where each batch
// starts, adds those bases, so positions are exact across batch boundaries.
import { isUtf8 } from 'node:buffer';
import type { Finding, InputProblem } from '../types';
import type { TraceEngine } from './types';
import { finish, scanLine, redactLine } from './line';
import { scanAnchors } from '../engine/anchors';
import { lineFindings } from './findings';
import type { DetectorCounts } from '../redact/edits';

export type BatchMode = 'scan' | 'redact';

export interface BatchResult {
  /** Lines in the batch (a last line without `\n` counts). */
  lines: number;
  /** UTF-16 length of the decoded batch. */
  chars: number;
  findings: Finding[];
  problems: InputProblem[];
  candidateLines: number;
  /** Redact mode: the redacted bytes of the batch. */
  output?: Uint8Array;
  counts?: DetectorCounts;
}

/**
 * Processes the complete lines in `bytes`. `file` is only copied onto findings and problems. In
 * redact mode a changed batch is written into `outBuffer` when it is large enough (a buffer that
 * served before: no fresh megabytes per batch), else into a new buffer at least as large as the input's.
 */
export function processBatch(bytes: Uint8Array, engine: TraceEngine, mode: BatchMode, file?: string, outBuffer?: ArrayBuffer): BatchResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const findings: Finding[] = [];
  const problems: InputProblem[] = [];
  const counts: DetectorCounts = {};
  const out: Uint8Array[] = [];
  let outFrom = 0; // redact: start of bytes not yet copied to `out`
  let candidateLines = 0;

  let line = 0;
  let c0 = 0; // char offset of the line
  let b0 = 0; // byte offset of the line
  while (b0 < buf.length) {
    let b1 = buf.indexOf(10, b0);
    if (b1 === -1) b1 = buf.length;
    // Each line decoded on its own: a flat string, which the prefilter's code checks read faster
    // than a slice of the whole batch's text. (UTF-8 resynchronises at every `\n`, so the lines
    // decode as they would inside the whole text.)
    const lineText = buf.toString('utf8', b0, b1);
    // Invalid UTF-8 decodes to U+FFFD; only then is the line checked byte-wise.
    if (lineText.includes('\ufffd') && !isUtf8(buf.subarray(b0, b1))) {
      problems.push({ file, line, column: 0, message: 'invalid UTF-8 (binary data?); line skipped' });
    } else {
      // The prefilter's anchor scan, from the bytes at hand (the prefilter would encode the line).
      scanAnchors(lineText, buf, b0, b1);
      const scan = scanLine(lineText, engine);
      if (scan.candidate) candidateLines++;
      if (scan.problem) problems.push({ file, line, column: scan.problem.column, message: scan.problem.message });
      if (mode === 'scan') {
        for (const f of scan.hits.length > 0 ? lineFindings(scan.hits, lineText, line, c0, b0, file) : []) findings.push(f);
      } else {
        // The opt-in path anonymiser rewrites lines with no finding too.
        const redacted = finish(engine, scan.hits.length > 0 ? redactLine(lineText, scan, engine, counts) : lineText);
        if (redacted !== lineText) {
          out.push(buf.subarray(outFrom, b0), Buffer.from(redacted, 'utf8'));
          outFrom = b1;
        }
      }
    }
    line++;
    c0 += lineText.length + 1;
    b0 = b1 + 1;
  }
  // `c0` counted a `\n` after the last line; there is none when the batch does not end with one.
  const chars = buf.length > 0 && buf[buf.length - 1] !== 10 ? c0 - 1 : c0;
  const result: BatchResult = { lines: line, chars, findings, problems, candidateLines };
  if (mode === 'redact') {
    if (outFrom === 0) result.output = bytes;
    else {
      if (outFrom < buf.length) out.push(buf.subarray(outFrom));
      result.output = concatInto(out, outBuffer, bytes.buffer.byteLength);
    }
    result.counts = counts;
  }
  return result;
}

/**
 * The parts joined in `into` when they fit, else in a new buffer at least `capacity` bytes long (the
 * input batch's), so once written out it can carry a later batch (pool.ts hands it back to the reader).
 */
function concatInto(parts: Uint8Array[], into: ArrayBuffer | undefined, capacity: number): Uint8Array {
  let total = 0;
  for (const p of parts) total += p.byteLength;
  const out = new Uint8Array(into && into.byteLength >= total ? into : new ArrayBuffer(Math.max(total, capacity)), 0, total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.byteLength;
  }
  return out;
}
