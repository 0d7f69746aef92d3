// Credentials in English sentences, for password_field and generic_api_key_param: "the password is
// Falcon-42x", "temporary password Falcon-42x", "PIN 4821", "the passcode is 482913", "your API key is 9f8e…", "the token was
// 'ab12…'". A credential word, one space, an optional connector ("is", "was", "is now", "set to",
// "changed to", "reset to"), then the value: one word (or a quoted run), its trailing punctuation
// dropped. Sentences where a word merely follows ("the password is incorrect", "password reset
// link sent", "the token is 5 minutes old") are not reported: a value must look like a secret (a
// digit, or a symbol with letters; digits alone only for PINs, or 6+ for a password),
// and common words are refused. The table of real sentences both ways is in test/unit/leak-shapes.test.ts.
import { anyLiteral } from '../engine/prefilter';
import { hasRawAssignmentBesideColons, isStandInValue } from './assignment';
import type { Candidate } from './types';
import { isAlnum, isDigit } from './util';
import { anchor, indexOfAnchor } from '../engine/anchors';

export type ProseKind = 'password' | 'api_key';

interface Word {
  word: string;
  kind: ProseKind;
  /** Whether the value may follow the word directly ("password Falcon-42x"), without a connector. */
  bare: boolean;
  /** Whether a value of digits alone counts (PINs), and how short it may be. */
  digitsFrom: number;
}

const WORDS: Word[] = [
  { word: 'password', kind: 'password', bare: true, digitsFrom: 6 },
  { word: 'passwd', kind: 'password', bare: true, digitsFrom: 6 },
  { word: 'pwd', kind: 'password', bare: true, digitsFrom: 6 },
  { word: 'passphrase', kind: 'password', bare: true, digitsFrom: 6 },
  { word: 'passcode', kind: 'password', bare: true, digitsFrom: 4 },
  { word: 'pin', kind: 'password', bare: true, digitsFrom: 4 },
  { word: 'token', kind: 'password', bare: false, digitsFrom: 99 },
  { word: 'secret', kind: 'password', bare: false, digitsFrom: 99 },
  { word: 'api key', kind: 'api_key', bare: false, digitsFrom: 99 },
  { word: 'api-key', kind: 'api_key', bare: false, digitsFrom: 99 },
  { word: 'apikey', kind: 'api_key', bare: false, digitsFrom: 99 },
  { word: 'access key', kind: 'api_key', bare: false, digitsFrom: 99 },
];

const CONNECTORS = ['is now ', 'is: ', 'is ', 'was ', 'set to ', 'changed to ', 'reset to ', 'would be ', 'will be '];

/** Words that follow a credential word in sentences about it, not in place of it. */
const STOP = new Set([
  'incorrect', 'correct', 'invalid', 'valid', 'required', 'expired', 'wrong', 'missing', 'empty', 'reset', 'change', 'changed',
  'manager', 'policy', 'protected', 'strength', 'strong', 'weak', 'hash', 'hashed', 'field', 'prompt', 'length', 'rotation',
  'revoked', 'stored', 'encrypted', 'hidden', 'masked', 'redacted', 'unknown', 'unset', 'set', 'same', 'different', 'new', 'old',
  'not', 'never', 'too', 'still', 'also', 'only', 'now', 'being', 'please', 'here', 'there', 'below', 'above', 'attached',
]);

function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}

/** Whether `v` looks like a secret rather than an English word or a number of something. */
function looksSecret(v: string, w: Word, quoted: boolean): boolean {
  if (v.length < 4 || v.length > 128 || isStandInValue(v) || STOP.has(v.toLowerCase())) return false;
  let digits = 0;
  let letters = 0;
  let symbols = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (isAlnum(c)) letters++;
    else symbols++;
  }
  if (digits === v.length) return v.length >= w.digitsFrom && v.length <= (w.digitsFrom === 4 ? 8 : 64);
  if (digits > 0 && letters > 0) return true;
  if (symbols > 0 && letters > 0 && v.length >= 6) return !v.includes('/') && !v.includes('.') || digits > 0;
  // A quoted word with mixed case (`"hunTer"`) reads as a chosen password.
  return quoted && v.length >= 6 && /[a-z]/.test(v) && /[A-Z]/.test(v);
}

interface ProseHit {
  kind: ProseKind;
  start: number;
  end: number;
}

let memoText: string | undefined;
let memo: ProseHit[] = [];

/** Every credential of `kind` written in a sentence in `text`, as candidates of `detector`. */
export function findProse(text: string, kind: ProseKind, detector: string, out: Candidate[]): void {
  if (text !== memoText) {
    memo = hasProseWord(text) ? scanProse(text) : [];
    memoText = text;
  }
  for (const h of memo) if (h.kind === kind) out.push({ detector, start: h.start, end: h.end });
}

/**
 * The scan behind findProse, once per text for both kinds: from each place a raw literal stands
 * (the same literals the prefilter looks for, with indexOf), the credential word before its space,
 * then a connector and the value.
 */
function scanProse(text: string): ProseHit[] {
  const out: ProseHit[] = [];
  const seen = new Set<number>();
  for (const lit of PROSE_RAW_LITERALS) {
    for (let at = text.indexOf(lit); at !== -1; at = text.indexOf(lit, at + 1)) {
      const sp = at + lit.length - 1;
      if (seen.has(sp)) continue;
      seen.add(sp);
      proseAt(text, sp, out);
    }
  }
  return out;
}

/** The sentence credential whose word ends right before the space at `sp`, if any. */
function proseAt(text: string, sp: number, out: ProseHit[]): void {
  let w: Word | undefined;
  for (const cand of WORDS) {
    const s = sp - cand.word.length;
    if (s < 0 || text.slice(s, sp).toLowerCase() !== cand.word) continue;
    const b = s > 0 ? text.charCodeAt(s - 1) : 32;
    if (isAlnum(b) || b === 95 || b === 45) continue;
    w = cand;
    break;
  }
  if (!w) return;
  let v = sp + 1;
  let connected = false;
  for (const con of CONNECTORS) {
    if (text.length >= v + con.length && text.slice(v, v + con.length).toLowerCase() === con) {
      v += con.length;
      connected = true;
      break;
    }
  }
  if (!connected && !w.bare) return;
  // The value: a quoted run on the line, or one word with its trailing punctuation dropped.
  let s = v;
  let e = v;
  const q = text.charCodeAt(v);
  let quoted = false;
  if (isQuote(q)) {
    // The closing quote (one escaped with a backslash is part of the value).
    let close = text.indexOf(text[v], v + 1);
    while (close > 0 && text.charCodeAt(close - 1) === 92) close = text.indexOf(text[v], close + 1);
    const nl = text.indexOf('\n', v + 1);
    if (close > v + 1 && close - v <= 129 && (nl < 0 || close < nl)) {
      s = v + 1;
      e = close;
      quoted = true;
    }
  }
  if (!quoted) {
    while (e < text.length && text.charCodeAt(e) > 32) e++;
    while (e > s && '.,;:!?)'.includes(text[e - 1])) e--;
    if (e > s && isQuote(text.charCodeAt(e - 1)) && !text.slice(s, e - 1).includes(text[e - 1])) e--;
  }
  const value = text.slice(s, e);
  // "the pin 2024 release": a year after a word with no connector is no PIN.
  if (!connected && /^(?:19|20)\d\d$/.test(value)) return;
  if (e > s && looksSecret(value, w, quoted)) out.push({ kind: w.kind, start: s, end: e });
}

/**
 * The credential words and a space after each, in the letter cases sentences use: where the
 * detector (findProse) and the prefilter (hasRawProse) look.
 */
export const PROSE_RAW_LITERALS = [
  'assword ', 'ASSWORD ', 'asswd ', 'pwd ', 'assphrase ', 'ASSPHRASE ', 'asscode ', 'ASSCODE ', 'PIN ', 'Pin ', 'pin ',
  'oken ', 'ecret ', 'pi key ', 'PI key ', 'PI Key ', 'pi-key ', 'pikey ', 'ccess key ',
];

const hasProseWord = anyLiteral(PROSE_RAW_LITERALS);

/** The literals after which a value may follow without a connector ("password Falcon-42x"). */
const BARE_RAW_LITERALS = new Set(['assword ', 'ASSWORD ', 'asswd ', 'pwd ', 'assphrase ', 'ASSPHRASE ', 'asscode ', 'ASSCODE ', 'PIN ', 'Pin ', 'pin ']);

/**
 * Whether the value of a sentence credential can start at `v` of a RAW JSON line: a connector first
 * ("is", "set to": needed after token, secret, API key), then a value that is not a plain word. A
 * value of letters alone, unquoted, is never a finding (`looksSecret` wants a digit or a symbol, or
 * quotes), so "token is never refreshed" passes no line. Two readings are judged: the decoded text
 * the walker scans, where the value ends at the string's closing quote or at an escape that decodes
 * to a blank (`\n`, `\t`: "token is None:\n  File …" in a traceback is "None:"), and the raw text a
 * malformed line is scanned as, where it runs on to a blank; the raw reading counts only when the
 * text is no JSON (else it is walked, never read raw). A quote or backslash at the value's start,
 * or an escape that continues the decoded value (`\"`, `\\`, `\/`: JSON inside a string, read
 * once more), cannot be judged here: true.
 */
function proseValueMayFollow(raw: string, v: number, bare: boolean): boolean {
  let connected = false;
  for (const con of CONNECTORS) {
    if (caselessAt(raw, v, con)) {
      v += con.length;
      connected = true;
      break;
    }
  }
  if (!connected && !bare) return false;
  const c0 = raw.charCodeAt(v);
  if (c0 === 34 || c0 === 92) return true;
  let e = v;
  let decodedEnd = -1;
  for (; e < raw.length; e++) {
    const c = raw.charCodeAt(e);
    if (c <= 32) break;
    if (decodedEnd >= 0) continue;
    if (c === 34) decodedEnd = e;
    else if (c === 92) {
      const n = raw.charCodeAt(e + 1);
      if (n !== 110 && n !== 116 && n !== 114 && n !== 98 && n !== 102) return true;
      decodedEnd = e;
    }
  }
  if (decodedEnd < 0) return notPlainWord(raw, v, e);
  return notPlainWord(raw, v, decodedEnd) || (notPlainWord(raw, v, e) && !isJsonText(raw));
}

/** Whether raw[v, e), its trailing punctuation dropped, holds anything but letters. */
function notPlainWord(raw: string, v: number, e: number): boolean {
  while (e > v && '.,;:!?)'.includes(raw[e - 1])) e--;
  for (let i = v; i < e; i++) {
    const c = raw.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122))) return true;
  }
  return false;
}

let jsonMemoText: string | undefined;
let jsonMemo = false;

/** Whether `raw` is one JSON value (memoised for the last text): then it is walked, never read as text. */
function isJsonText(raw: string): boolean {
  if (raw !== jsonMemoText) {
    jsonMemoText = raw;
    try {
      JSON.parse(raw);
      jsonMemo = true;
    } catch {
      jsonMemo = false;
    }
  }
  return jsonMemo;
}

/** Whether `raw` spells `word` (lower case, no letters' case to fold besides a-z) at `i`, in any case (as toLowerCase compares). */
function caselessAt(raw: string, i: number, word: string): boolean {
  if (i + word.length > raw.length) return false;
  for (let k = 0; k < word.length; k++) {
    const c = raw.charCodeAt(i + k);
    const w = word.charCodeAt(k);
    if (c !== w && !(c >= 65 && c <= 90 && c + 32 === w)) return false;
  }
  return true;
}

/**
 * The literals as the prefilter finds them: anchors (engine/anchors.ts), looked up in the anchor
 * scan of the string it reads, searched with indexOf in text the scan cannot read (over 4 MB).
 */
const PROSE_ANCHORED = PROSE_RAW_LITERALS.map(anchor);
const PROSE_BARE = PROSE_RAW_LITERALS.map((l) => BARE_RAW_LITERALS.has(l));

/** Raw prefilter of the sentence credentials: a credential word, its connector, and a value that is not a plain word. */
export function hasRawProse(raw: string): boolean {
  for (let k = 0; k < PROSE_ANCHORED.length; k++) {
    const a = PROSE_ANCHORED[k];
    for (let t = indexOfAnchor(raw, a); t !== -1; t = indexOfAnchor(raw, a, t + 1)) if (proseValueMayFollow(raw, t + a.literal.length, PROSE_BARE[k])) return true;
  }
  return false;
}

/**
 * The raw check of password_field and generic_api_key_param: an assignment with `=` or `,`, or a
 * sentence above. Assignments with `:` are their `rawColon` (assignment.ts `assignmentColonAt`).
 */
export function hasRawAssignmentOrProse(raw: string): boolean {
  return hasRawAssignmentBesideColons(raw) || hasRawProse(raw);
}
