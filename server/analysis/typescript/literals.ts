// Decodes JavaScript string and template literals from the source text, keeping the map from each
// decoded index to its source offset (StringBuilder), so a finding inside a string points at the
// characters on disk even through `\x41`, `\u{1F600}` or a line continuation.
import type { StringValue } from '../model';
import { StringBuilder, decodeEscapes } from '../strings';

const SIMPLE: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', v: '\v', '0': '\0' };

function escapeAt(text: string, k: number, limit: number): { decoded: string; length: number } {
  const c = text[k + 1];
  if (c === undefined || k + 1 >= limit) return { decoded: '', length: 1 };
  if (c === '\r') return { decoded: '', length: text[k + 2] === '\n' ? 3 : 2 };
  if (c === '\n' || c === '\u2028' || c === '\u2029') return { decoded: '', length: 2 };
  if (c in SIMPLE && !(c === '0' && /[0-9]/.test(text[k + 2] ?? ''))) return { decoded: SIMPLE[c], length: 2 };
  if (c === 'x' && /^[0-9a-fA-F]{2}$/.test(text.slice(k + 2, k + 4))) {
    return { decoded: String.fromCharCode(parseInt(text.slice(k + 2, k + 4), 16)), length: 4 };
  }
  if (c === 'u') {
    if (text[k + 2] === '{') {
      const close = text.indexOf('}', k);
      const cp = close !== -1 && close < limit ? parseInt(text.slice(k + 3, close), 16) : NaN;
      if (Number.isFinite(cp) && cp <= 0x10ffff) return { decoded: String.fromCodePoint(cp), length: close - k + 1 };
    } else if (/^[0-9a-fA-F]{4}$/.test(text.slice(k + 2, k + 6))) {
      return { decoded: String.fromCharCode(parseInt(text.slice(k + 2, k + 6), 16)), length: 6 };
    }
  }
  // Legacy octal (sloppy-mode strings) and identity escapes: `\d` is just `d` in a JS string.
  if (c >= '0' && c <= '7') {
    let n = 2;
    while (n < 4 && /[0-7]/.test(text[k + n] ?? '')) n++;
    return { decoded: String.fromCharCode(parseInt(text.slice(k + 1, k + n), 8)), length: n };
  }
  const cp = text.codePointAt(k + 1)!;
  return { decoded: String.fromCodePoint(cp), length: cp > 0xffff ? 3 : 2 };
}

/** Appends the content [contentStart, contentEnd) of a JS string or template chunk to `b`. */
export function decodeJsContent(text: string, contentStart: number, contentEnd: number, b: StringBuilder): void {
  decodeEscapes(text, contentStart, contentEnd, b, (k) => escapeAt(text, k, contentEnd));
}

/** A quoted string or substitution-free template literal at [start, end). */
export function jsString(text: string, start: number, end: number): StringValue {
  const b = new StringBuilder();
  decodeJsContent(text, start + 1, Math.max(start + 1, end - 1), b);
  return b.build({ start, end }, text[start] ?? '"', false);
}

/**
 * A template chunk: `contentStart`/`contentEnd` exclude the backtick / `${` / `}` delimiters.
 * The value is the cooked text of that chunk only.
 */
export function templateChunk(text: string, start: number, end: number, contentStart: number, contentEnd: number): StringValue {
  const b = new StringBuilder();
  decodeJsContent(text, contentStart, contentEnd, b);
  return b.build({ start, end }, '`', false);
}

/** A regex literal `/source/flags`: its source, offsets mapped one to one. */
export function regexLiteral(text: string, start: number, end: number): StringValue {
  const close = text.lastIndexOf('/', end - 1);
  const b = new StringBuilder();
  b.verbatim(text.slice(start + 1, close), start + 1);
  b.contentEnd(close);
  return b.build({ start, end }, '/', true);
}
