// Small helpers the detectors share: character classes as code-unit tests, "glued" checks that keep
// digit detectors out of ids, hashes and timestamps, Luhn, and placeholder tests.

export function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isAlnum(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** Letters, digits and `_`: the characters of an identifier or a token body. */
export function isWord(c: number): boolean {
  return isAlnum(c) || c === 95;
}

/**
 * Whether a number-shaped match at [start, end) is part of a larger token: an id, a UUID, a hash, a
 * version string, a timestamp or a decimal. A digit run glued to letters, digits or `_` is, and so
 * is one joined by `-`, `.`, `/` or `:` to an alphanumeric neighbour (`v1.2.3`, `id-5551234567`,
 * `12:30`, `…-446655440000`).
 */
export function digitsGlued(text: string, start: number, end: number): boolean {
  if (start > 0) {
    const p = text.charCodeAt(start - 1);
    if (isWord(p)) return true;
    if ((p === 45 || p === 46 || p === 47 || p === 58) && start > 1 && isAlnum(text.charCodeAt(start - 2))) return true;
  }
  if (end < text.length) {
    const n = text.charCodeAt(end);
    if (isWord(n)) return true;
    if ((n === 45 || n === 46 || n === 47 || n === 58) && end + 1 < text.length && isAlnum(text.charCodeAt(end + 1))) return true;
  }
  return false;
}

/** Whether a token at [start, end) continues into neighbouring token characters (`extra` adds to [A-Za-z0-9]). */
export function tokenGlued(text: string, start: number, end: number, extra = ''): boolean {
  if (start > 0) {
    const p = text.charCodeAt(start - 1);
    if (isAlnum(p) || extra.includes(text[start - 1])) return true;
  }
  if (end < text.length) {
    const n = text.charCodeAt(end);
    if (isAlnum(n) || extra.includes(text[end])) return true;
  }
  return false;
}

/** Luhn checksum over the digits of `s` (other characters ignored). */
export function luhnValid(s: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    const c = s.charCodeAt(i);
    if (!isDigit(c)) continue;
    let d = c - 48;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return sum % 10 === 0;
}

/** The digits of `s`, separators dropped. */
export function digitsOf(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) if (isDigit(s.charCodeAt(i))) out += s[i];
  return out;
}

/**
 * A documentation placeholder rather than a secret: `xxxx`, `XXXX`, `****`, `####`, `aaaa`, or a
 * body with at most 3 distinct characters (`ghp_xxxxxxxx…`, `AKIAXXXXXXXXXXXXXXXX`; 2 for short bodies).
 */
export function isPlaceholderBody(body: string): boolean {
  if (body.length === 0) return true;
  const seen = new Set<string>();
  let filler = 0;
  for (const ch of body) {
    seen.add(ch);
    if (ch === 'x' || ch === 'X' || ch === '*' || ch === '#' || ch === '.' || ch === '0') filler++;
  }
  return seen.size <= 2 || (body.length >= 12 && seen.size <= 3) || filler / body.length > 0.6;
}

/** Run a global regex over `text` from `from`, calling `each` with every match. The regex must have the g flag. */
export function eachMatch(re: RegExp, text: string, each: (m: RegExpExecArray) => void, from = 0): void {
  re.lastIndex = from;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length === 0) {
      re.lastIndex++;
      continue;
    }
    each(m);
  }
}

/**
 * Raw-line prefilter hint shared by phone, ssn and credit_card: a run of 8 to 19 digits with short
 * separators (the fewest digits any of them reports is 8), not glued to an id on either side. Written
 * for RAW JSON text: a character after a backslash (`\n`, `\"`) is an escape, not a glue character.
 */
export const RAW_DIGIT_RUN = String.raw`(?<!(?<!\\)[A-Za-z0-9_]|(?<!\\)[A-Za-z0-9][-./:])\d(?:[-. ()+]{0,4}\d){7,18}(?![A-Za-z0-9_]|[-./:][A-Za-z0-9])`;
