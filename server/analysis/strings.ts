// Builds StringValue objects: a decoded string plus the map from each decoded index back to the
// source offset it came from, through escapes, raw strings and implicit concatenation. Both
// front-ends feed it pieces ("these source characters, verbatim" / "this escape decodes to X").
import type { Span } from '../../shared/types';
import type { StringValue } from './model';

interface Piece {
  /** Start of the piece in the decoded value. */
  at: number;
  /** Source offset of the piece. */
  src: number;
  /** Verbatim pieces map index i to src + i; escapes map every index to src. */
  verbatim: boolean;
}

/** Accumulates the decoded value of one (possibly concatenated) literal. */
export class StringBuilder {
  private value = '';
  private readonly pieces: Piece[] = [];
  private end = 0;

  /** Source text copied as is, starting at source offset `src`. */
  verbatim(text: string, src: number): void {
    if (text.length === 0) return;
    this.pieces.push({ at: this.value.length, src, verbatim: true });
    this.value += text;
    this.end = src + text.length;
  }

  /** An escape sequence at source [src, srcEnd) decoding to `decoded` (possibly empty). */
  escape(decoded: string, src: number, srcEnd: number): void {
    if (decoded.length > 0) {
      this.pieces.push({ at: this.value.length, src, verbatim: false });
      this.value += decoded;
    }
    this.end = srcEnd;
  }

  /** Marks where the content of the current part ends (for `offsetOf(value.length)`). */
  contentEnd(offset: number): void {
    this.end = offset;
  }

  build(span: Span, quote: string, raw: boolean): StringValue {
    const pieces = this.pieces;
    const value = this.value;
    const end = this.end;
    return {
      value,
      span,
      quote,
      raw,
      offsetOf(index: number): number {
        if (index >= value.length) return end;
        if (index < 0 || pieces.length === 0) return span.start;
        let lo = 0;
        let hi = pieces.length - 1;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if (pieces[mid].at <= index) lo = mid;
          else hi = mid - 1;
        }
        const p = pieces[lo];
        return p.verbatim ? p.src + (index - p.at) : p.src;
      },
    };
  }
}

/**
 * Decodes [start, end) of `text` into `b`: runs between backslashes are copied verbatim, each
 * escape is decoded by the language's `escapeAt` (its decoded text and source length).
 */
export function decodeEscapes(
  text: string, start: number, end: number, b: StringBuilder,
  escapeAt: (k: number) => { decoded: string; length: number },
): void {
  let run = start;
  let k = start;
  while (k < end) {
    if (text.charCodeAt(k) !== 92 /* \ */) {
      k++;
      continue;
    }
    b.verbatim(text.slice(run, k), run);
    const { decoded, length } = escapeAt(k);
    // An escape that decodes to itself (Python's `\d` in a plain string) maps one to one.
    if (decoded === text.slice(k, k + length)) b.verbatim(decoded, k);
    else b.escape(decoded, k, k + length);
    k += length;
    run = k;
  }
  b.verbatim(text.slice(run, end), run);
  b.contentEnd(end);
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\n': '', '\r': '',
};

/**
 * Decodes one Python escape sequence (the text of tree-sitter's `escape_sequence` node).
 * Unknown escapes keep their backslash, as CPython does; `\N{...}` decodes to U+FFFD, since the
 * Unicode name table is not worth shipping for a linter.
 */
export function decodePythonEscape(seq: string, bytes: boolean): string {
  const c = seq[1];
  if (c === undefined) return seq;
  if (c in SIMPLE_ESCAPES) return seq.startsWith('\\\r\n') ? '' : SIMPLE_ESCAPES[c];
  if (c >= '0' && c <= '7') return String.fromCharCode(parseInt(seq.slice(1), 8));
  if (c === 'x') return String.fromCharCode(parseInt(seq.slice(2), 16));
  if (!bytes && (c === 'u' || c === 'U')) {
    const cp = parseInt(seq.slice(2), 16);
    return Number.isFinite(cp) && cp <= 0x10ffff ? String.fromCodePoint(cp) : seq;
  }
  if (!bytes && c === 'N') return '\ufffd';
  return seq;
}
