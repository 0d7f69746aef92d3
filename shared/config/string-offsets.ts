// Mapping a decoded string value back to its place in the file: `offsetOf(i)` is the offset in
// the raw text of the character at decoded index i (i = length maps to the closing quote), so a
// rule can underline one part of a pattern (a ReDoS hotspot) through escapes and quotes.
import type { Span } from '../types';

export type OffsetOf = (valueIndex: number) => number;

/** Builds `offsetOf` from the raw start of every decoded character. */
function fromStarts(starts: number[], end: number): OffsetOf {
  return (i) => (i < 0 ? starts[0] ?? end : i < starts.length ? starts[i] : end);
}

/**
 * A JSON string literal at `span` (quotes included). JSON escapes: `\"`, `\\`, `\/`, `\b`, `\f`,
 * `\n`, `\r`, `\t` (2 raw chars for 1), `\uXXXX` (6 for 1).
 */
export function jsonStringOffsets(text: string, span: Span): OffsetOf {
  const starts: number[] = [];
  let i = span.start + 1;
  const close = span.end - 1;
  while (i < close) {
    starts.push(i);
    i += text.charCodeAt(i) === 92 ? (text[i + 1] === 'u' ? 6 : 2) : 1;
  }
  return fromStarts(starts, close);
}

/**
 * A YAML flow scalar at `span`: plain (1:1), single-quoted (`''` is one quote), double-quoted
 * (backslash escapes: `\xXX` 4, `\uXXXX` 6, `\UXXXXXXXX` 10, others 2). Line folding in
 * multi-line scalars is not mapped; such values map to their first character.
 */
export function yamlScalarOffsets(text: string, span: Span, style: string | undefined): OffsetOf {
  const raw = text.slice(span.start, span.end);
  if (raw.includes('\n') || (style !== 'PLAIN' && style !== 'QUOTE_SINGLE' && style !== 'QUOTE_DOUBLE')) {
    return () => span.start;
  }
  if (style === 'PLAIN') return (i) => span.start + Math.max(0, Math.min(i, raw.length));
  const starts: number[] = [];
  let i = span.start + 1;
  const close = span.end - 1;
  while (i < close) {
    starts.push(i);
    if (style === 'QUOTE_SINGLE') i += text[i] === "'" && text[i + 1] === "'" ? 2 : 1;
    else if (text.charCodeAt(i) !== 92) i += 1;
    else i += text[i + 1] === 'x' ? 4 : text[i + 1] === 'u' ? 6 : text[i + 1] === 'U' ? 10 : 2;
  }
  return fromStarts(starts, close);
}
