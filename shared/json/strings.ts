// JSON string contents: decoding with a map from decoded offsets back to raw offsets, and
// re-escaping replacement text. Used by the walker (positions through escapes such as `\u0040`,
// `\n`, `\/` and surrogate pairs) and by the redaction writer (replacements stay valid JSON).

/**
 * A decoded JSON string and where each of its UTF-16 units came from in the raw text.
 * `rawAt(i)` is the raw offset where decoded unit `i` starts; `rawAt(value.length)` is the raw
 * offset just past the last unit (the closing quote). Every escape decodes to exactly one UTF-16
 * unit (a surrogate pair is two `\uXXXX` escapes), so a decoded boundary always falls on an
 * escape boundary in the raw text.
 */
export interface DecodedString {
  value: string;
  rawAt(i: number): number;
}

/** Decodes the raw contents of a JSON string (between the quotes). Returns null on a bad escape. */
export function decodeJsonString(raw: string, start: number, end: number): DecodedString | null {
  const firstEscape = raw.indexOf('\\', start);
  if (firstEscape === -1 || firstEscape >= end) {
    // The common case: no escapes, so decoded offsets are raw offsets shifted by `start`.
    return { value: raw.slice(start, end), rawAt: (i) => start + i };
  }
  // Offsets are recorded only where an escape changes the raw/decoded alignment; between two
  // escapes the shift is constant. `marks[k]` is the decoded index after the k-th escape and
  // `shifts[k]` the raw-minus-decoded delta from there on.
  const parts: string[] = [raw.slice(start, firstEscape)];
  const marks: number[] = [0];
  const shifts: number[] = [start];
  let decodedLen = firstEscape - start;
  let i = firstEscape;
  let runStart = i;
  while (i < end) {
    if (raw.charCodeAt(i) !== 92) {
      // Jump to the next escape (or the end) in one step.
      const next = raw.indexOf('\\', i);
      i = next === -1 || next > end ? end : next;
      continue;
    }
    if (i > runStart) {
      parts.push(raw.slice(runStart, i));
      decodedLen += i - runStart;
    }
    // Record where this escaped unit starts, then where the text after it starts.
    marks.push(decodedLen);
    shifts.push(i - decodedLen);
    const e = raw.charCodeAt(i + 1);
    let ch: string;
    let len = 2;
    switch (e) {
      case 34: ch = '"'; break;
      case 92: ch = '\\'; break;
      case 47: ch = '/'; break;
      case 98: ch = '\b'; break;
      case 102: ch = '\f'; break;
      case 110: ch = '\n'; break;
      case 114: ch = '\r'; break;
      case 116: ch = '\t'; break;
      case 117: {
        const hex = raw.slice(i + 2, i + 6);
        if (i + 6 > end || !/^[0-9a-fA-F]{4}$/.test(hex)) return null;
        ch = String.fromCharCode(parseInt(hex, 16));
        len = 6;
        break;
      }
      default:
        return null;
    }
    parts.push(ch);
    decodedLen += 1;
    i += len;
    marks.push(decodedLen);
    shifts.push(i - decodedLen);
    runStart = i;
  }
  if (end > runStart) {
    parts.push(raw.slice(runStart, end));
    decodedLen += end - runStart;
  }
  const value = parts.join('');
  return {
    value,
    rawAt(idx: number): number {
      // Binary search for the last mark <= idx.
      let lo = 0;
      let hi = marks.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (marks[mid] <= idx) lo = mid;
        else hi = mid - 1;
      }
      return idx + shifts[lo];
    },
  };
}

/** Escapes text for use inside a JSON string (no surrounding quotes). */
export function escapeJsonStringContent(text: string): string {
  return JSON.stringify(text).slice(1, -1);
}
