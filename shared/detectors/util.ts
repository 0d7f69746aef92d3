// Small helpers the detectors share: character classes as code-unit tests, "glued" checks that keep
// digit detectors out of ids, hashes and timestamps, Luhn, and placeholder tests.
import { isScanned, nextRunStart, type Anchor } from '../engine/anchors';

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

/** A regex source matching `word` in any letter case (`[aA][pP][iI]`); the raw prefilter is case-sensitive. */
export function caseless(word: string): string {
  return [...word].map((ch) => (/[a-z]/i.test(ch) ? `[${ch.toLowerCase()}${ch.toUpperCase()}]` : ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'))).join('');
}

/** A run of 8+ digits with short separators, not glued to a word before it (decoded text). */
const DIGIT_RUN = /(?<![A-Za-z0-9_])\d(?:[-. ()+]{0,4}\d){7}/;
let digitMemoText: string | undefined;
let digitMemo = false;

/**
 * The gate of phone, ssn and credit_card: each reports at least 8 digits in a row (separators
 * allowed), never glued to a word. Memoised for the last text, since all three ask.
 */
export function hasDigitRun(text: string): boolean {
  if (text !== digitMemoText) {
    digitMemoText = text;
    digitMemo = DIGIT_RUN.test(text);
  }
  return digitMemo;
}

export const DIGIT_RUN_PATTERN = DIGIT_RUN;

/**
 * Raw-line prefilter hint shared by phone, ssn and credit_card: a run of 8 to 19 digits with short
 * separators (the fewest digits any of them reports is 8), not glued to an id on either side. Written
 * for RAW JSON text: a character after a backslash (`\n`, `\"`) is an escape, not a glue character.
 */
export const RAW_DIGIT_RUN =
  String.raw`(?<!(?<!\\)[A-Za-z0-9_]|(?<!\\)[A-Za-z0-9][-./:])` +
  // Starts no detector can have: `0` not followed by a digit (`0.6643…` scores), and a plain run of
  // 8-10, 12-14 or 16-19 digits starting with 1 not after `+` (epoch seconds, ms, µs, ns): NANP
  // area codes start with 2-9, a leading 1 is a country code (11 digits), UATP cards have 15.
  String.raw`(?!0(?!\d)|(?<!\+)1(?:\d{7,9}|\d{11,13}|\d{15,18})(?!\d))` +
  String.raw`\d(?:[-. ()+]{0,4}\d){7,18}(?![A-Za-z0-9_]|[-./:][A-Za-z0-9])`;

/** The characters a raw digit run may hold (RAW_DIGIT_RUN's `\d` and `[-. ()+]`), by code unit. */
const RUN_CHARS = new Uint8Array(128);
for (const ch of '0123456789-. ()+') RUN_CHARS[ch.charCodeAt(0)] = 1;

/** A digit or a separator a raw digit run may hold (a table lookup, faster than seven comparisons here). */
function isRunChar(c: number): boolean {
  return c < 128 && RUN_CHARS[c] === 1;
}

/** What may stand before a run's first digit: a non-word character, or the letter of a `\n`-style escape (rawDigitRunAt rejects a plain letter). */
function mayPrecedeRun(c: number): boolean {
  return !isWord(c) || c === 110 /* n */ || c === 114 /* r */ || c === 116 /* t */ || c === 98 /* b */ || c === 102 /* f */;
}

const RAW_RUN = /\d(?:[-. ()+]{0,4}\d){7,18}/y;

function isRawWordBefore(raw: string, i: number): boolean {
  // raw[i] is a word character that is not the letter of a `\n`-style escape.
  return i >= 0 && isWord(raw.charCodeAt(i)) && (i === 0 || raw.charCodeAt(i - 1) !== 92);
}

/** Whether the digit run starting at `s` in raw text is glued to a token before it (RAW_DIGIT_RUN's lookbehind). */
function rawGluedBefore(raw: string, s: number): boolean {
  // Reads before the line's start are guarded, here and below, rather than left to give NaN: V8's
  // optimised code assumes reads in bounds, and the first run at a string's start (a value's, in the
  // trace reader's value-level prefilter) would throw it away to compile the check again.
  if (s < 2) return s === 1 && isRawWordBefore(raw, 0);
  if (isRawWordBefore(raw, s - 1)) return true;
  const p = raw.charCodeAt(s - 1);
  return (p === 45 || p === 46 || p === 47 || p === 58) && isAlnum(raw.charCodeAt(s - 2)) && (s < 3 || raw.charCodeAt(s - 3) !== 92);
}

function rawGluedAfter(raw: string, e: number): boolean {
  if (e >= raw.length) return false;
  const n = raw.charCodeAt(e);
  if (isWord(n)) return true;
  return (n === 45 || n === 46 || n === 47 || n === 58) && e + 1 < raw.length && isAlnum(raw.charCodeAt(e + 1));
}

/** RAW_DIGIT_RUN's exclusions: `0` not followed by a digit; plain runs starting with 1 no detector can have. */
function excludedStart(raw: string, s: number): boolean {
  const c = raw.charCodeAt(s);
  if (c === 48) return !isDigit(raw.charCodeAt(s + 1));
  if (c !== 49 || (s > 0 && raw.charCodeAt(s - 1) === 43)) return false;
  let e = s;
  while (e < raw.length && isDigit(raw.charCodeAt(e))) e++;
  const n = e - s;
  return (n >= 8 && n <= 10) || (n >= 12 && n <= 14) || (n >= 16 && n <= 19);
}

/**
 * The prefilter check of phone, ssn and credit_card, with RAW_DIGIT_RUN's meaning but run as code
 * (a lookbehind at every digit is slow in V8). A run starts with a digit after a character
 * `mayPrecedeRun` allows (or at the start) and its first 8 characters are run characters. Trace text
 * is full of digits (ids, hashes, timestamps), so rather than visit every character this goes from
 * one stretch of 8 or more run characters to the next, on the anchor scan's map of them; on text it
 * did not read, it probes every 8th character: a probe that is no run character rules out every start
 * in the 8 characters up to it; one that is, is widened to its whole stretch of run characters. The
 * starts in a stretch are tried in order.
 */
export function hasRawDigitRun(raw: string): boolean {
  const n = raw.length;
  if (isScanned(raw, NO_ANCHORS)) {
    // The anchor scan mapped where 8 run characters start in a row: the first such start after a
    // stretch is the start of the next stretch of 8 or more.
    for (let s = nextRunStart(0); s !== -1; ) {
      let e = s + 8;
      while (e < n && isRunChar(raw.charCodeAt(e))) e++;
      if (!gluedWhole(raw, s, e) && runFrom(raw, s, e)) return true;
      s = nextRunStart(e + 1);
    }
    return false;
  }
  let i = 7;
  while (i < n) {
    if (!isRunChar(raw.charCodeAt(i))) {
      i += 8;
      continue;
    }
    // Bounded by the last probe, which was no run character (or by the start).
    let s = i;
    while (s > 0 && isRunChar(raw.charCodeAt(s - 1))) s--;
    let e = i + 1;
    while (e < n && isRunChar(raw.charCodeAt(e))) e++;
    if (e - s >= 8 && !gluedWhole(raw, s, e) && runFrom(raw, s, e)) return true;
    i = e + 8;
  }
  return false;
}

const NO_ANCHORS: Anchor[] = [];

/** Whether a digit run starts in the stretch of run characters raw[s, e). */
function runFrom(raw: string, s: number, e: number): boolean {
  for (let d = s; d + 8 <= e; d++) {
    if (isDigit(raw.charCodeAt(d)) && (d === 0 || mayPrecedeRun(raw.charCodeAt(d - 1))) && rawDigitRunAt(raw, d)) return true;
  }
  return false;
}

/**
 * Whether no run can start in the stretch of run characters raw[s, e): it ends with a digit glued to
 * what follows (`2025-01-18T09`, a timestamp), and holds nothing that ends a run early (at most 19
 * digits, separators only `-` and `.`, never more than 4 in a row), so every run from a digit in it
 * ends where the stretch does, glued, as `rawDigitRunAt` would find one start at a time.
 */
function gluedWhole(raw: string, s: number, e: number): boolean {
  if (!isDigit(raw.charCodeAt(e - 1)) || !rawGluedAfter(raw, e)) return false;
  let digits = 0;
  let seps = 0;
  for (let i = s; i < e; i++) {
    const c = raw.charCodeAt(i);
    if (isDigit(c)) {
      digits++;
      seps = 0;
    } else if ((c !== 45 && c !== 46) || ++seps > 4) return false;
  }
  return digits <= 19;
}

/** Whether a digit run that a detector could report starts at `s` (RAW_DIGIT_RUN's conditions). */
export function rawDigitRunAt(raw: string, s: number): boolean {
  if (rawGluedBefore(raw, s) || excludedStart(raw, s)) return false;
  RAW_RUN.lastIndex = s;
  if (!RAW_RUN.test(raw)) return false;
  const e = RAW_RUN.lastIndex;
  if (!rawGluedAfter(raw, e)) return true;
  // A shorter run ending before a blank or parenthesis would not be glued: conservatively, a hit.
  for (let i = s; i < e; i++) {
    const c = raw.charCodeAt(i);
    if (c === 32 || c === 40 || c === 41 || c === 43) return true;
  }
  return false;
}
