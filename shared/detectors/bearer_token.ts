// bearer_token: a JWT, with or without `Bearer` in front, and any opaque token after `Bearer`.
// Only the token is reported (not the word Bearer), so a redacted header reads `Bearer [REDACTED]`;
// a key of a known format after Bearer (`Bearer sk-…`) goes to its own detector by precedence.
import { regexDetector } from './regex-detector';
import { isAlnum, isDigit, isPlaceholderBody } from './util';
import { anchor, indexOfAnchor } from '../engine/anchors';

export const JWT = /(?<![A-Za-z0-9_-])ey[A-Za-z0-9_-]{10,}\.ey[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g;
const BEARER = /(?<![A-Za-z0-9_-])[Bb]earer[ \t]+([A-Za-z0-9._~+/-]{16,}=*)/g;

function isJwtChar(c: number): boolean {
  return isAlnum(c) || c === 95 || c === 45; // _ -
}
function isBearerChar(c: number): boolean {
  return isJwtChar(c) || c === 46 || c === 126 || c === 43 || c === 47; // . ~ + /
}

const BEARER_WORDS = [anchor('Bearer'), anchor('bearer')];
const DOT_EY = anchor('.ey');

/**
 * Raw prefilter: `Bearer` or `bearer`, blanks (`\t` escaped or not), then 16 token characters (a
 * `\/` escape counted as its `/`) with a digit, or a JWT's start; or a JWT's `ey…{10}.ey…{10}`,
 * whose first `ey` opens its run of characters (or follows an escape's letter: `\neyJ…`). JWT
 * characters are never JSON-escaped. "Bearer ${token}" and "bearer tokens" pass no line.
 */
export function hasRawBearer(raw: string): boolean {
  for (const w of BEARER_WORDS) {
    for (let at = indexOfAnchor(raw, w); at !== -1; at = indexOfAnchor(raw, w, at + 1)) {
      let v = at + w.literal.length;
      const v0 = v;
      for (;;) {
        const c = raw.charCodeAt(v);
        if (c === 32 || c === 9) v++;
        else if (c === 92 && raw.charCodeAt(v + 1) === 116) v += 2;
        else break;
      }
      if (v === v0) continue;
      let n = 0;
      let digit = raw.startsWith('ey', v);
      for (let e = v; e < raw.length; e++) {
        const c = raw.charCodeAt(e);
        if (c === 92 && raw.charCodeAt(e + 1) === 47) continue;
        if (!isBearerChar(c)) break;
        if (isDigit(c)) digit = true;
        n++;
      }
      if (n >= 16 && digit) return true;
    }
  }
  for (let d = indexOfAnchor(raw, DOT_EY); d !== -1; d = indexOfAnchor(raw, DOT_EY, d + 1)) {
    let a = 0;
    for (let e = d + 3; e < raw.length && isJwtChar(raw.charCodeAt(e)); e++) a++;
    if (a < 10) continue;
    let s = d;
    while (s > 0 && isJwtChar(raw.charCodeAt(s - 1))) s--;
    if (d - s >= 12 && raw.startsWith('ey', s)) return true;
    if (d - s >= 13 && raw.charCodeAt(s - 1) === 92 && raw.startsWith('ey', s + 1)) return true;
  }
  return false;
}

export const bearerToken = regexDetector({
  name: 'bearer_token',
  description: 'A JSON Web Token, or a token sent as `Authorization: Bearer …`.',
  defaultSeverity: 'error',
  examples: {
    positive: [
      'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.4Adcj3UFYzPUVaVF43FmMab6RlaQD8A9V8wFzzht-KQ',
      'curl -H "Authorization: Bearer cfcabd11c7ed9a41b1a3e063c32d5114"',
    ],
    negative: [
      'Authorization: Bearer XXXXXXXXXXXX',
      'Authorization: Bearer <Openverse API token>',
      'Bearer tokens are sent in the Authorization header',
      'Authorization: Bearer $(gcloud auth print-access-token)',
    ],
  },
  regexes: [JWT, BEARER],
  gate: ['.ey', 'earer', 'EARER'],
  // Raw text: `Bearer`, or a JWT's `ey….ey` at a token start (JWT characters are never JSON-escaped;
  // a `\n`-style escape before it is not a glued character).
  rawHint: String.raw`[Bb]earer|(?<!(?<!\\)[A-Za-z0-9_-])ey[A-Za-z0-9_-]{10,}\.ey`,
  minLength: 23,
  rawCheck: hasRawBearer,
  validate(text, start, end) {
    const token = text.slice(start, end);
    if (token.startsWith('ey') && token.includes('.')) return true;
    // An opaque bearer token: a digit somewhere and not a placeholder (`XXXX`, `<token>`).
    if (isPlaceholderBody(token)) return false;
    for (let i = 0; i < token.length; i++) if (isDigit(token.charCodeAt(i))) return true;
    return false;
  },
});
