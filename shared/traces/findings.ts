// Turning positioned hits into `Finding`s: masked message, content fingerprint, 0-based range,
// UTF-16 span and UTF-8 byte offsets. The secret is kept decoded on the finding (for fingerprints,
// baselines and redaction) and only ever printed through `maskSecret`.
import { createHash } from 'node:crypto';
import { maskSecret } from '../mask';
import type { Finding } from '../types';
import type { ValueHit } from './scan-json';
import { flatCopy } from '../json/walker';

/** `ruleId:sha256hex(secret)`: stable when the secret moves to another line or file. */
export function fingerprint(ruleId: string, secret: string): string {
  return `${ruleId}:${createHash('sha256').update(secret, 'utf8').digest('hex')}`;
}

/** `openai_api_key: sk-p…(51 chars) in steps[2].inputs.api_key` */
export function findingMessage(ruleId: string, secret: string, jsonPath: string | undefined): string {
  return `${ruleId}: ${maskSecret(secret)}${jsonPath ? ` in ${jsonPath}` : ''}`;
}

/** UTF-8 length of `text[from, to)`, without allocating. Lone surrogates count 3 bytes, as Node encodes U+FFFD. */
export function utf8Length(text: string, from: number, to: number): number {
  let n = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < to) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n += 4;
        i++;
      } else n += 3;
    } else n += 3;
  }
  return n;
}

/**
 * Findings for the hits of one line (`lineText` starting at `line` in the file, at UTF-16 offset
 * `lineChar` and byte offset `lineByte`). Hits are taken in order of position so byte offsets are
 * computed incrementally.
 */
export function lineFindings(hits: ValueHit[], lineText: string, line: number, lineChar: number, lineByte: number, file: string | undefined): Finding[] {
  const sorted = hits.length > 1 ? [...hits].sort((a, b) => a.start - b.start || a.end - b.end) : hits;
  const out: Finding[] = [];
  let at = 0;
  let bytes = 0;
  for (const h of sorted) {
    bytes += utf8Length(lineText, at, h.start);
    at = h.start;
    const byteStart = lineByte + bytes;
    const byteEnd = byteStart + utf8Length(lineText, h.start, h.end);
    out.push(makeFinding(h, file, { start: lineChar + h.start, end: lineChar + h.end }, { line, column: h.start, endLine: line, endColumn: h.end }, byteStart, byteEnd));
  }
  return out;
}

export function makeFinding(h: ValueHit, file: string | undefined, span: Finding['span'], range: Finding['range'], byteStart: number | undefined, byteEnd: number | undefined): Finding {
  const ruleId = h.match.detector;
  // Copied, so a finding kept by a caller does not keep the whole line or batch it was cut from.
  const secret = flatCopy(h.match.text);
  const f: Finding = {
    ruleId,
    severity: h.match.severity,
    message: findingMessage(ruleId, secret, h.path),
    span,
    range,
    jsonPath: flatCopy(h.path),
    secret,
    fingerprint: fingerprint(ruleId, secret),
  };
  if (file !== undefined) f.file = file;
  if (byteStart !== undefined) {
    f.byteStart = byteStart;
    f.byteEnd = byteEnd;
  }
  return f;
}
