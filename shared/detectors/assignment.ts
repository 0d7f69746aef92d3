// `name = value` / `name: value` / `"name": "value"` in free text, for the detectors that find a
// credential by the identifier in front of it (password_field, generic_api_key_param).
//
// Scanning is separator-first: one pass over the code units finds each `=`, `:` and `,`, then looks BACK for the identifier and FORWARD for the value. Both detectors share
// the result for the same text (a one-entry memo), so free text is scanned once for both. The whole
// identifier is then judged by each detector's KeyMatcher (so `password_policy: strict`,
// `max_token: 512`, `token_count: 3` are not credentials), and only the VALUE is reported, so a
// redacted text still reads `password=[REDACTED]`.
//
// Shapes: `id = v`, `id: v`, `id => v`, `id := v`, `id ::= v`, `id ?= v`, `id .= v`, `id += v`,
// `id == v`, quoted ids (`"id": "v"`), a Go-style type between (`var apiKey string = "v"`), and a
// comma between two quoted strings (`setProperty("API_TOKEN", "v")`, `getenv("api_key", "v")`).
import type { Candidate } from './types';
import { KeyMatcher } from './keys';
import { isPlaceholderBody, isWord } from './util';
import { indexOfMark, mark } from '../engine/anchors';

/** A value: anything up to whitespace, a quote, or a delimiter that ends a value in code or JSON. */
const VALUE = /[^\s"'`,;<>(){}[\]|]+/y;
/** In a URL query, `&name=` starts the next parameter (a `&` inside a password does not). */
const NEXT_PARAM = /&[A-Za-z_][A-Za-z0-9_.-]*=/;

/**
 * Every identifier the assignment detectors accept contains one of these words; checking it first
 * keeps the scan cheap on text full of `:` and `=` (code, JSON, timestamps).
 */
const CREDENTIAL_WORD = /pass|pwd|secret|token|api|key|cred|auth|access/i;

/** Type names that may stand between an identifier and `=` in typed declarations. */
const TYPE_WORDS = new Set(['string', 'String', 'str', 'bytes', 'byte', 'char', 'text', 'secret', 'SecretStr']);

/**
 * Type names an unquoted value after `:` is read as (`token: string` in a TypeScript signature,
 * `api_key: Optional[str]` in Python), not a credential.
 */
const ANNOTATION_TYPES = new Set([
  'string', 'String', 'str', 'bytes', 'number', 'int', 'float', 'bool', 'boolean', 'any', 'unknown', 'object',
  'Optional', 'Union', 'SecretStr', 'Buffer', 'Uint8Array', 'Record', 'Promise',
]);

export const ASSIGNMENT_PATTERNS = [VALUE, NEXT_PARAM, CREDENTIAL_WORD];

/** The identifiers password_field reports a value of (`db_password` yes; `password_policy`, `max_token` no). */
export const PASSWORD_NAMES = new KeyMatcher(['password', 'passwd', 'pwd', 'passphrase', 'secret', 'token']);
/** The identifiers generic_api_key_param reports a value of. */
export const API_KEY_NAMES = new KeyMatcher([
  'api_key', 'apikey', 'api_token', 'api_secret', 'access_key', 'access_token', 'auth_token', 'auth', 'client_secret',
  'secret_key', 'private_key', 'credential', 'credentials', 'creds', 'app_key', 'master_key', 'service_key',
  'subscription_key', 'signing_key', 'encryption_key', 'account_key',
]);

export interface Assignment {
  identifier: string;
  start: number;
  end: number;
}

function isIdentChar(c: number): boolean {
  return isWord(c) || c === 45 || c === 46; // letters, digits, _, -, .
}
function isQuote(c: number): boolean {
  return c === 34 || c === 39 || c === 96;
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}

/** Values that stand for a secret rather than being one: templates, env lookups, literals, markers. */
const ENV_READS = ['process.env', 'os.environ', 'os.getenv', 'env.', 'env[', 'import.meta.env', 'deno.env', 'system.getenv'];

export function isStandInValue(v: string): boolean {
  const lower = v.toLowerCase();
  if (lower === 'null' || lower === 'none' || lower === 'true' || lower === 'false' || lower === 'undefined' || lower === 'nil') return true;
  const c0 = v.charCodeAt(0);
  if (c0 === 36 /* $ */ || v.startsWith('{{') || v.startsWith('%(') || v.startsWith('%s')) return true;
  // Reads of the environment: Node, Python, Go (`os.Getenv`), Vite (`import.meta.env`), Deno, Java, Ruby.
  if (ENV_READS.some((r) => lower.startsWith(r))) return true;
  if (lower.includes('redacted') || v.startsWith('[HASH:') || v === '[EXCLUDED]') return true;
  return isPlaceholderBody(v);
}

/** Skip up to `max` blanks backwards from `i` (exclusive end); returns the new end. */
function backBlanks(text: string, i: number, max: number): number {
  const min = Math.max(0, i - max);
  while (i > min && isBlank(text.charCodeAt(i - 1))) i--;
  return i;
}

/** The identifier ending at `end` (exclusive), at most 128 characters, or undefined. */
function identifierBefore(text: string, end: number): [number, number] | undefined {
  let s = end;
  const min = Math.max(0, end - 128);
  while (s > min && isIdentChar(text.charCodeAt(s - 1))) s--;
  return s < end ? [s, end] : undefined;
}

/** The smaller of two positions, where -1 means none. */
function minPos(a: number, b: number): number {
  if (a < 0) return b;
  if (b < 0) return a;
  return a < b ? a : b;
}

/** The positions of `:`, `=` and `,` in order: one indexOf cursor (memchr-fast) per character. */
class Separators {
  private colon: number;
  private equals: number;
  private comma: number;

  constructor(private readonly text: string) {
    this.colon = text.indexOf(':');
    this.equals = text.indexOf('=');
    this.comma = text.indexOf(',');
  }

  /** The first separator at or after `from`, or -1. */
  next(from: number): number {
    const t = this.text;
    if (this.colon >= 0 && this.colon < from) this.colon = t.indexOf(':', from);
    if (this.equals >= 0 && this.equals < from) this.equals = t.indexOf('=', from);
    if (this.comma >= 0 && this.comma < from) this.comma = t.indexOf(',', from);
    return minPos(this.colon, minPos(this.equals, this.comma));
  }
}

function scan(text: string): Assignment[] {
  const out: Assignment[] = [];
  const seps = new Separators(text);
  let p = -1;
  for (;;) {
    p = seps.next(p + 1);
    if (p < 0) break;
    const c = text.charCodeAt(p);
    let opStart = p;
    let opEnd = p + 1;
    let idEnd: number;
    let idRange: [number, number] | undefined;
    if (c === 44 /* , */) {
      // Only between two quoted strings: `"NAME", "value"`.
      const q = backBlanks(text, p, 8);
      if (q === 0 || !isQuote(text.charCodeAt(q - 1))) continue;
      idRange = identifierBefore(text, q - 1);
      if (!idRange || idRange[0] === 0 || !isQuote(text.charCodeAt(idRange[0] - 1))) continue;
      let v = p + 1;
      while (v < text.length && v - p <= 9 && isBlank(text.charCodeAt(v))) v++;
      if (!isQuote(text.charCodeAt(v))) continue;
      opEnd = v + 1;
    } else {
      // Widen to the whole operator: `::=`, `:=`, `=>`, `==`, `?=`, `.=`, `+=`.
      while (opStart > 0 && opStart > p - 2 && ':=?+.'.includes(text[opStart - 1])) opStart--;
      while (opEnd < text.length && opEnd < p + 4 && ':=>'.includes(text[opEnd])) opEnd++;
      const next = opEnd - 1;
      // `.=` and `+=` take the dot or plus; an identifier never ends in `.` before `=` here.
      idEnd = backBlanks(text, opStart, 8);
      if (idEnd > 0 && isQuote(text.charCodeAt(idEnd - 1))) idEnd--;
      idRange = identifierBefore(text, idEnd);
      const op = text.slice(opStart, opEnd);
      if (idRange && TYPE_WORDS.has(text.slice(idRange[0], idRange[1])) && op.includes('=')) {
        // `var apiKey string = …`: the word before `=` is a type; the identifier stands before it.
        const before = identifierBefore(text, backBlanks(text, idRange[0], 4));
        if (before && before[1] < idRange[0]) idRange = before;
      }
      p = next;
      if (!idRange) continue;
      let v = opEnd;
      const maxV = Math.min(text.length, opEnd + 8);
      while (v < maxV && isBlank(text.charCodeAt(v))) v++;
      if (v < text.length && isQuote(text.charCodeAt(v))) v++;
      opEnd = v;
    }
    const identifier = text.slice(idRange[0], idRange[1]);
    if (!CREDENTIAL_WORD.test(identifier)) continue;
    // `scheme://x-access-token:…@host`: a URL's userinfo, url_credentials' (its value ends at the host).
    if (c === 58 && idRange[0] >= 3 && text.startsWith('://', idRange[0] - 3)) continue;
    VALUE.lastIndex = opEnd;
    const v = VALUE.exec(text);
    if (!v) continue;
    let value = v[0];
    // `refresh_token = getToken(session)`: a call computes the value, it is not the value.
    if (text.charCodeAt(opEnd + value.length) === 40 /* ( */) continue;
    // `token: string`, `token?: string`: a type annotation (an unquoted type name after a lone colon).
    if (c === 58 && !isQuote(text.charCodeAt(opEnd - 1)) && ANNOTATION_TYPES.has(value) && /^\??:$/.test(text.slice(opStart, opEnd).trimEnd())) continue;
    const amp = value.indexOf('&') >= 0 ? NEXT_PARAM.exec(value) : null;
    if (amp) value = value.slice(0, amp.index);
    // A sentence may end right after the value: `password: hunter22.`
    while (value.length > 0 && '.:!?'.includes(value[value.length - 1])) value = value.slice(0, -1);
    if (value.length === 0 || isStandInValue(value)) continue;
    out.push({ identifier, start: opEnd, end: opEnd + value.length });
  }
  return out;
}

let memoText: string | undefined;
let memo: Assignment[] = [];

/** Every `identifier <separator> value` in `text` (memoised for the last text scanned). */
export function assignmentsIn(text: string): Assignment[] {
  if (text !== memoText) {
    memo = scan(text);
    memoText = text;
  }
  return memo;
}

export interface AssignmentSpec {
  detector: string;
  names: KeyMatcher;
  /** Judge a value found after a matching identifier. */
  acceptValue(value: string, identifier: string): boolean;
}

export function findAssignments(text: string, spec: AssignmentSpec, out: Candidate[]): void {
  for (const a of assignmentsIn(text)) {
    if (!spec.names.matches(a.identifier)) continue;
    const value = text.slice(a.start, a.end);
    if (!spec.acceptValue(value, a.identifier)) continue;
    out.push({ detector: spec.detector, start: a.start, end: a.end });
  }
}

/**
 * The prefilter check of password_field and generic_api_key_param over a RAW JSON line: some `=`,
 * or `:` that is not JSON's own key separator, or `,` between quoted strings, where `scan` would read
 * an identifier that PASSWORD_NAMES or API_KEY_NAMES accept and a value that can be a finding (for
 * `,`: a quote after it). Judged as `scan` judges the decoded text, and also as the raw text a
 * malformed line is scanned as; wherever an escape makes the two differ in a way not modelled here,
 * the answer is true. Each separator is judged on its own, so each kind is one indexOf loop. The
 * detectors hand the `:` half (`assignmentColonAt`) to the prefilter's one pass over `:`, and the
 * rest (`hasRawAssignmentBesideColons`) as their raw check.
 */
export function hasRawAssignment(raw: string): boolean {
  if (hasRawAssignmentBesideColons(raw)) return true;
  for (let p = raw.indexOf(':'); p !== -1; p = raw.indexOf(':', p + 1)) if (assignmentColonAt(raw, p)) return true;
  return false;
}

/** hasRawAssignment's `=` and `,` halves. */
export function hasRawAssignmentBesideColons(raw: string): boolean {
  return assignmentAfter(raw, '=') || commaAssignment(raw);
}

/**
 * hasRawAssignment at the `:` at `p`. The `:` of JSON's own structure (`"key":` before a JSON value)
 * fill a line; they are passed over here, before any other work, as `assignmentAt` would pass them over.
 */
export function assignmentColonAt(raw: string, p: number): boolean {
  if (raw.charCodeAt(p - 1) === 34 && raw.charCodeAt(p - 2) !== 92) {
    const n = raw.charCodeAt(p + 1);
    if (n === 34 || n === 123 || n === 91 || (n >= 48 && n <= 57)) return false; // most JSON values, at once
    // A JSON value after it: structure. Anything else (`"password":hunter2`) makes the line
    // malformed, and its raw text is scanned as text: judged as such.
    return !jsonValueAt(raw, p + 1) && assignmentAt(raw, p, ':', true);
  }
  return assignmentAt(raw, p, ':');
}

/**
 * assignmentColonAt right after `\"KEY\"` (Detector.rawColonKey): false when the identifier `scan`
 * reads there cannot name a credential, with any operator (`:=` lets a type word stand there).
 * `assignmentAt` reads the same identifier in place, the `"` before KEY ending it alike.
 */
export function assignmentColonKey(key: string): boolean {
  const raw = `"${key}\\"`;
  return rawIdentifierMayName(raw, raw.length, false, true);
}

/** Whether a JSON value starts at `v` (after blanks): a string, object, array, number, true, false or null. */
function jsonValueAt(raw: string, v: number): boolean {
  while (raw.charCodeAt(v) === 32 || raw.charCodeAt(v) === 9) v++;
  const c = raw.charCodeAt(v);
  if (c === 34 || c === 123 || c === 91 || c === 45 || (c >= 48 && c <= 57)) return true;
  return c === 110 ? raw.startsWith('null', v) : c === 116 ? raw.startsWith('true', v) : c === 102 && raw.startsWith('false', v);
}

const COMMA = mark(',');

function commaAssignment(raw: string): boolean {
  for (let p = indexOfMark(raw, COMMA); p !== -1; p = indexOfMark(raw, COMMA, p + 1)) {
    const b = raw.charCodeAt(p - 1);
    // A quote must stand before it (blanks between): `"x",` unescaped is structure.
    if ((b === 34 && raw.charCodeAt(p - 2) !== 92) || (b !== 39 && b !== 96 && b !== 34 && b !== 32 && b !== 9 && b !== 116)) continue;
    if (assignmentAt(raw, p, ',')) return true;
  }
  return false;
}

function assignmentAfter(raw: string, sep: '=' | ':' | ','): boolean {
  for (let p = raw.indexOf(sep); p !== -1; p = raw.indexOf(sep, p + 1)) if (assignmentAt(raw, p, sep)) return true;
  return false;
}

/**
 * Whether the separator `sep` at `p` may end an identifier the assignment detectors read, with a value
 * after it. `asText`: a `":` that is no JSON structure (the line is malformed, read as text).
 */
function assignmentAt(raw: string, p: number, sep: '=' | ':' | ',', asText = false): boolean {
  const j = rawBackBlanks(raw, p);
  const before = raw.charCodeAt(j - 1);
  // An unescaped `"` before `:` ends a JSON key; before `,` it ends a JSON string. Neither is text.
  const structural = before === 34 && raw.charCodeAt(j - 2) !== 92;
  if (sep === ':' && structural && !asText) return false;
  if (sep === ',' && (structural || !isQuote(before))) return false;
  // The identifier ends before the whole operator (`token ?= …`, `token?: …`), as `scan` reads it.
  let o = p;
  let typed = false; // an operator with `=`: a type word may stand between identifier and operator
  if (sep !== ',') {
    typed = sep === '=';
    for (; o > 0 && o > p - 2 && isOperatorHead(raw.charCodeAt(o - 1)); o--) if (raw.charCodeAt(o - 1) === 61) typed = true;
    for (let oe = p + 1; oe < raw.length && oe < p + 4 && isOperatorTail(raw.charCodeAt(oe)); oe++) if (raw.charCodeAt(oe) === 61) typed = true;
  }
  if (!rawIdentifierMayName(raw, o === p ? j : rawBackBlanks(raw, o), sep === ',', typed)) return false;
  return sep === ',' ? rawQuoteFollows(raw, p) : rawValueMayFollow(raw, p);
}

/** `:=?+.`: what an operator may hold before its separator (`?=`, `::=`, `.=`). */
function isOperatorHead(c: number): boolean {
  return c === 58 || c === 61 || c === 63 || c === 43 || c === 46;
}

/** `:=>`: what an operator may hold after its separator (`:=`, `=>`, `==`). */
function isOperatorTail(c: number): boolean {
  return c === 58 || c === 61 || c === 62;
}

/** Back from `i` over blanks, `\t` escapes included (as many as stand there). */
function rawBackBlanks(raw: string, i: number): number {
  for (;;) {
    const b = raw.charCodeAt(i - 1);
    if (b === 32 || b === 9) i--;
    else if (b === 116 /* t */ && raw.charCodeAt(i - 2) === 92) i -= 2; // a `\t` escape
    else return i;
  }
}

/** Whether `len` characters of `raw` from `i` spell `word` (lower case) in any letter case. */
function caselessAt(raw: string, i: number, word: string): boolean {
  for (let k = 0; k < word.length; k++) if ((raw.charCodeAt(i + k) | 32) !== word.charCodeAt(k)) return false;
  return true;
}

/** CREDENTIAL_WORD over raw[s, e), without a slice or a regex (`| 32` lower-cases letters only into a-z). */
function hasCredentialWord(raw: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    switch (raw.charCodeAt(i) | 32) {
      case 112: if (e - i >= 4 && caselessAt(raw, i, 'pass')) return true; if (e - i >= 3 && caselessAt(raw, i, 'pwd')) return true; break;
      case 115: if (e - i >= 6 && caselessAt(raw, i, 'secret')) return true; break;
      case 116: if (e - i >= 5 && caselessAt(raw, i, 'token')) return true; break;
      case 97: if ((e - i >= 3 && caselessAt(raw, i, 'api')) || (e - i >= 4 && caselessAt(raw, i, 'auth')) || (e - i >= 6 && caselessAt(raw, i, 'access'))) return true; break;
      case 107: if (e - i >= 3 && caselessAt(raw, i, 'key')) return true; break;
      case 99: if (e - i >= 4 && caselessAt(raw, i, 'cred')) return true; break;
    }
  }
  return false;
}

/**
 * Whether the identifier `scan` reads before a separator (its blanks skipped: `j`) may be one that
 * PASSWORD_NAMES or API_KEY_NAMES accept (`SecretId`, `token_ttl`, `Author`, `tokens` are not). An
 * escape's letter at its start (`\npassword`) is judged with and without it (the raw text of a
 * malformed line keeps it); a type word before an operator with `=` (`apiKey string =`) defers to
 * the word before it: true.
 */
function rawIdentifierMayName(raw: string, j: number, quotedWhole: boolean, typed: boolean): boolean {
  let end = j;
  if (end > 0 && isQuote(raw.charCodeAt(end - 1))) {
    end--;
    if (raw.charCodeAt(end - 1) === 92) end--; // `\"`: the decoded text's quote
  }
  let s = end;
  const min = Math.max(0, end - 128);
  // Every credential word and type word has three letters in a row, and any three characters in a row
  // hold one of every third character back from the end: when none of those is a letter, back to a
  // character no identifier holds, no identifier here names one. Timestamps (`…T12:30`), ids and
  // numbers are ruled out so, reading a third of their characters.
  for (let k = end - 1; ; k -= 3) {
    if (k < min) return false;
    const c = raw.charCodeAt(k);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) break;
    if (!isIdentChar(c)) return false;
  }
  let letters = 0;
  let longest = 0;
  for (; s > min; s--) {
    const c = raw.charCodeAt(s - 1);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) {
      if (++letters > longest) longest = letters;
    } else if (isIdentChar(c)) letters = 0;
    else break;
  }
  if (longest < 3) return false;
  // `"NAME", "value"`: the identifier is the whole quoted string.
  if (quotedWhole && !isQuote(raw.charCodeAt(s - 1))) return false;
  if (!hasCredentialWord(raw, s, end) && !(typed && isTypeWordAt(raw, s, end))) return false;
  const id = raw.slice(s, end);
  if (typed && TYPE_WORDS.has(id)) return true;
  if (PASSWORD_NAMES.matches(id) || API_KEY_NAMES.matches(id)) return true;
  if (s > 0 && raw.charCodeAt(s - 1) === 92 && id.length > 1) {
    const rest = id.slice(1);
    return PASSWORD_NAMES.matches(rest) || API_KEY_NAMES.matches(rest) || (typed && TYPE_WORDS.has(rest));
  }
  return false;
}

/** `, "value"`: after the `,` at `p`, up to 9 blanks (`\t` escaped or not) and a quote (`\"` in a JSON string). */
function rawQuoteFollows(raw: string, p: number): boolean {
  let v = p + 1;
  for (let n = 0; n < 9; n++) {
    if (isBlank(raw.charCodeAt(v))) v++;
    else if (raw.charCodeAt(v) === 92 && raw.charCodeAt(v + 1) === 116) v += 2; // `\t`
    else break;
  }
  const c = raw.charCodeAt(v);
  return isQuote(c) || (c === 92 && raw.charCodeAt(v + 1) === 34);
}

/** Whether a code unit ends a VALUE (`[^\s"'\x60,;<>(){}[\]|]`). */
function endsValue(raw: string, i: number): boolean {
  const c = raw.charCodeAt(i);
  if (c > 127) return /\s/.test(raw[i]);
  return c <= 32 || c === 34 || c === 39 || c === 96 || c === 44 || c === 59 || c === 60 || c === 62 || c === 40 || c === 41 ||
    c === 123 || c === 125 || c === 91 || c === 93 || c === 124;
}

/**
 * Whether `scan` may read a value after the `=` or `:` at `p` of a RAW JSON line, judged as `scan`
 * judges the decoded text: the same operator, blanks and quote, the same VALUE, refused when a call
 * follows it (`getToken(session)`), when it is a type annotation (`token: string`), a stand-in
 * (`${X}`, `None`) or shorter than any detector accepts (4). Where an escape makes the raw text read
 * otherwise than the decoded one (`\t` before the value, `\/` inside it), the answer is true.
 */
function rawValueMayFollow(raw: string, p: number): boolean {
  let opStart = p;
  let opEnd = p + 1;
  while (opStart > 0 && opStart > p - 2 && ':=?+.'.includes(raw[opStart - 1])) opStart--;
  while (opEnd < raw.length && opEnd < p + 4 && ':=>'.includes(raw[opEnd])) opEnd++;
  const lone = /^\??:$/.test(raw.slice(opStart, opEnd));
  let v = opEnd;
  const maxV = Math.min(raw.length, opEnd + 8);
  while (v < maxV && isBlank(raw.charCodeAt(v))) v++;
  // A malformed line is scanned as raw text: its reading counts too (a backslash is a value character there).
  if (valueMayHit(raw, v, lone, false)) return true;
  const q = raw.charCodeAt(v);
  if (q === 92 /* \ */) {
    if (raw.charCodeAt(v + 1) !== 34) return true; // `\t` before the value: cannot judge
    return valueMayHit(raw, v + 2, lone, true); // `\"`: a quote of the decoded text
  }
  return false;
}

/**
 * Whether VALUE at `v` (after one quote, if one stands there) may be a finding: not a call, not a
 * type annotation after a lone `:`, not a stand-in, at least 4 characters (the fewest any detector
 * accepts). `decodedQuoted` reads a JSON line's decoded text after a `\"`. Otherwise the text is read
 * both as the raw text it is (a malformed line is scanned so, a backslash being a value character
 * there) and, when an escape stands in the value, as decoded: `\n`, `\t`, `\r`, `\f`, `\"` end the
 * value there; an escape that continues it (`\/`) cannot be judged raw, so the answer is true.
 */
function valueMayHit(raw: string, v: number, lone: boolean, decodedQuoted: boolean): boolean {
  let quoted = decodedQuoted;
  if (!quoted && isQuote(raw.charCodeAt(v))) {
    v++;
    quoted = true;
  }
  let e = v;
  let esc = -1;
  while (e < raw.length && !endsValue(raw, e)) {
    if (esc < 0 && raw.charCodeAt(e) === 92) esc = e;
    e++;
  }
  if (judgeValue(raw, v, e, raw.charCodeAt(e) === 40, lone && !quoted)) return true;
  if (esc < 0) return false;
  const n = raw.charCodeAt(esc + 1);
  if (!(n === 110 || n === 116 || n === 114 || n === 102 || n === 34)) return true;
  return judgeValue(raw, v, esc, false, lone && !quoted);
}

/** The value raw[v, e) as `scan` judges it (`call`: a `(` follows it; `annotation`: after a lone `:`, unquoted). */
function judgeValue(raw: string, v: number, e: number, call: boolean, annotation: boolean): boolean {
  if (e === v || call) return false;
  let value = raw.slice(v, e);
  if (annotation && ANNOTATION_TYPES.has(value)) return false;
  const amp = value.indexOf('&') >= 0 ? NEXT_PARAM.exec(value) : null;
  if (amp) value = value.slice(0, amp.index);
  while (value.length > 0 && '.:!?'.includes(value[value.length - 1])) value = value.slice(0, -1);
  return value.length >= 4 && !isStandInValue(value);
}

/** Whether raw[s, e) (or it without its first character, an escape's letter) is one of TYPE_WORDS. */
function isTypeWordAt(raw: string, s: number, e: number): boolean {
  if (e - s > 10) return false;
  const id = raw.slice(s, e);
  return TYPE_WORDS.has(id) || TYPE_WORDS.has(id.slice(1));
}
