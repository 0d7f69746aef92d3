// Reading one string member of an object ahead of the walk, e.g. a TraceCraft step's `type` or an
// OTLP attribute's `key`, so that the values before it are already seen in the right context.
// Shallow and bounded: it skips nested containers by counting brackets and gives up after `limit`
// characters, so peeking at every step of a deeply nested run stays linear in practice.
import { decodeJsonString } from './strings';

/** The string value of member `key` of the object opening at `open`, if found within `limit` chars. */
export function peekStringMember(text: string, open: number, key: string, limit = 4096): string | undefined {
  const stop = Math.min(text.length, open + limit);
  let depth = 0;
  let expectKey = true;
  let i = open + 1;
  while (i < stop) {
    const c = text.charCodeAt(i);
    if (c === 34) {
      const close = findQuote(text, i + 1, stop);
      if (close < 0) return undefined;
      if (depth === 0 && expectKey) {
        if (close - i - 1 === key.length && text.startsWith(key, i + 1)) {
          let j = close + 1;
          while (j < stop && isWs(text.charCodeAt(j))) j++;
          if (text.charCodeAt(j) !== 58) return undefined;
          j++;
          while (j < stop && isWs(text.charCodeAt(j))) j++;
          if (text.charCodeAt(j) !== 34) return undefined;
          const vClose = findQuote(text, j + 1, stop);
          if (vClose < 0) return undefined;
          return decodeJsonString(text, j + 1, vClose)?.value;
        }
        expectKey = false;
      }
      i = close + 1;
      continue;
    }
    if (c === 123 || c === 91) depth++;
    else if (c === 125 || c === 93) {
      if (depth === 0) return undefined;
      depth--;
    } else if (c === 44 && depth === 0) expectKey = true;
    i++;
  }
  return undefined;
}

/** The closing quote of a string whose contents start at `i` (a quote after an even run of backslashes). */
function findQuote(text: string, i: number, stop: number): number {
  let q = text.indexOf('"', i);
  while (q !== -1 && q < stop) {
    let k = q - 1;
    while (k >= i && text.charCodeAt(k) === 92) k--;
    if ((q - 1 - k) % 2 === 0) return q;
    q = text.indexOf('"', q + 1);
  }
  return -1;
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
