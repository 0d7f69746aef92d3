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
import type { KeyMatcher } from './keys';
import { isPlaceholderBody, isWord } from './util';

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
export function isStandInValue(v: string): boolean {
  const lower = v.toLowerCase();
  if (lower === 'null' || lower === 'none' || lower === 'true' || lower === 'false' || lower === 'undefined' || lower === 'nil') return true;
  const c0 = v.charCodeAt(0);
  if (c0 === 36 /* $ */ || v.startsWith('{{') || v.startsWith('%(') || v.startsWith('%s')) return true;
  if (lower.startsWith('process.env') || lower.startsWith('os.environ') || lower.startsWith('os.getenv') || lower.startsWith('env.')) return true;
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

/** Characters that may stand between a credential word and its separator in RAW JSON text. */
function isRawLeadChar(c: number): boolean {
  return isIdentChar(c) || c === 32 || c === 9 || c === 92 || isQuote(c);
}

/**
 * The prefilter check of password_field and generic_api_key_param over a RAW JSON line: some `=`,
 * or `:` that is not JSON's own key separator, or `,` after a quote, has a credential word in the run
 * of identifier characters, blanks, quotes and escapes before it (up to 300 characters, which covers
 * an identifier, a type word, quotes and blanks, however escaped). A superset of what `scan` accepts.
 * Each separator is judged on its own, so each kind is one indexOf loop (rarest first).
 */
export function hasRawAssignment(raw: string): boolean {
  return assignmentAfter(raw, '=') || assignmentAfter(raw, ':') || assignmentAfter(raw, ',');
}

function assignmentAfter(raw: string, sep: '=' | ':' | ','): boolean {
  for (let p = raw.indexOf(sep); p !== -1; p = raw.indexOf(sep, p + 1)) {
    let j = p;
    for (;;) {
      const b = raw.charCodeAt(j - 1);
      if (b === 32 || b === 9) j--;
      else if (b === 116 /* t */ && raw.charCodeAt(j - 2) === 92) j -= 2; // a `\t` escape
      else break;
    }
    const before = raw.charCodeAt(j - 1);
    // An unescaped `"` before `:` ends a JSON key; before `,` it ends a JSON string. Neither is text.
    const structural = before === 34 && raw.charCodeAt(j - 2) !== 92;
    if (sep === ':' && structural) continue;
    if (sep === ',' && (structural || !isQuote(before))) continue;
    if (credentialWordBefore(raw, j)) return true;
  }
  return false;
}

/** Whether the run of lead characters ending at `j` (at most 300) holds a credential word. */
function credentialWordBefore(raw: string, j: number): boolean {
  let s = j;
  const min = Math.max(0, j - 300);
  while (s > min && isRawLeadChar(raw.charCodeAt(s - 1))) s--;
  return s < j && CREDENTIAL_WORD.test(raw.slice(s, j));
}
