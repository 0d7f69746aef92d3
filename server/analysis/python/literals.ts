// Decodes Python string literals from the source text (tree-sitter gives only where they are).
// Doing it in JS rather than walking tree-sitter's child nodes keeps the wasm traffic at two calls
// per string, which matters on a 3,000-line file linted on every keystroke.
import type { Span } from '../../../shared/types';
import type { StringValue } from '../model';
import { StringBuilder, decodeEscapes, decodePythonEscape } from '../strings';

/** Appends one literal (`rb'...'`, `"""..."""`, `f"..."`) at [start, end) of `text` to `b`. Returns its quote and rawness. */
export function decodePythonPart(text: string, start: number, end: number, b: StringBuilder): { quote: string; raw: boolean } {
  let i = start;
  while (i < end && /[a-zA-Z]/.test(text[i])) i++;
  const prefix = text.slice(start, i).toLowerCase();
  const raw = prefix.includes('r');
  const bytes = prefix.includes('b');
  const q = text[i] ?? '"';
  const triple = text.startsWith(q + q + q, i) && end - i >= 6;
  const qlen = triple ? 3 : 1;
  const contentStart = i + qlen;
  const contentEnd = Math.max(contentStart, end - qlen);
  if (raw) {
    b.verbatim(text.slice(contentStart, contentEnd), contentStart);
    b.contentEnd(contentEnd);
    return { quote: q, raw };
  }
  decodeEscapes(text, contentStart, contentEnd, b, (k) => {
    const length = escapeLength(text, k, contentEnd, bytes);
    return { decoded: decodePythonEscape(text.slice(k, k + length), bytes), length };
  });
  return { quote: q, raw };
}

function escapeLength(text: string, k: number, limit: number, bytes: boolean): number {
  const c = text[k + 1];
  if (c === undefined || k + 1 >= limit) return 1;
  if (c === '\r' && text[k + 2] === '\n') return 3;
  if (c >= '0' && c <= '7') {
    let n = 2;
    while (n < 4 && k + n < limit && text[k + n] >= '0' && text[k + n] <= '7') n++;
    return n;
  }
  const hex = (count: number) => {
    let n = 2;
    while (n < 2 + count && k + n < limit && /[0-9a-fA-F]/.test(text[k + n])) n++;
    return n;
  };
  if (c === 'x') return hex(2);
  if (!bytes && c === 'u') return hex(4);
  if (!bytes && c === 'U') return hex(8);
  if (!bytes && c === 'N' && text[k + 2] === '{') {
    const close = text.indexOf('}', k);
    return close !== -1 && close < limit ? close - k + 1 : 2;
  }
  return 2;
}

/** A StringValue for the literal parts (one `string`, or a `concatenated_string`'s parts). */
export function pythonString(text: string, parts: Span[]): StringValue {
  const b = new StringBuilder();
  let first: { quote: string; raw: boolean } | undefined;
  for (const p of parts) {
    const r = decodePythonPart(text, p.start, p.end, b);
    first ??= r;
  }
  const span = { start: parts[0].start, end: parts[parts.length - 1].end };
  return b.build(span, first?.quote ?? '"', first?.raw ?? false);
}
