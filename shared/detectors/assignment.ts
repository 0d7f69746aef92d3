// `name = value` / `name: value` / `"name": "value"` in free text, for the detectors that find a
// credential by the identifier in front of it (password_field, generic_api_key_param).
// A keyword regex finds candidate places cheaply; the whole identifier around the keyword is then
// judged by a KeyMatcher (so `password_policy: strict` and `max_token: 512` are not credentials),
// and only the VALUE is reported, so a redacted text still reads `password=[REDACTED]`.
import type { Candidate } from './types';
import type { KeyMatcher } from './keys';
import { isPlaceholderBody, isWord } from './util';

/**
 * Separator between an identifier and its value, with the quotes that may close and open them:
 * `=`, `:`, `=>`, `:=`, `::=`, `?=`, `.=`, `+=`, `==`; a Go-style type between (`var apiKey string =`);
 * or a comma between two quoted strings (`setProperty("API_TOKEN", "…")`, `getenv("api_key", "…")`).
 */
const SEPARATOR = /(?:["'`]?(?:[ \t]{1,4}[A-Za-z_][A-Za-z0-9_.]{0,30}[ \t]{0,8}:?=|[ \t]{0,8}(?:=>|:{1,3}=|[?.+:=]?=|:))[ \t]{0,8}["'`]?|["'`][ \t]{0,8},[ \t]{0,8}["'`])/y;
/** A value: anything up to whitespace, a quote, or a delimiter that ends a value in code or JSON. */
const VALUE = /[^\s"'`,;<>(){}[\]|]+/y;
/** In a URL query, `&name=` starts the next parameter (a `&` inside a password does not). */
const NEXT_PARAM = /&[A-Za-z_][A-Za-z0-9_.-]*=/;

export const ASSIGNMENT_PATTERNS = [SEPARATOR, VALUE, NEXT_PARAM];

function isIdentChar(c: number): boolean {
  return isWord(c) || c === 45 || c === 46; // letters, digits, _, -, .
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

export interface AssignmentSpec {
  detector: string;
  keyword: RegExp; // global, case-insensitive
  names: KeyMatcher;
  /** Judge a value found after a matching identifier. */
  acceptValue(value: string, identifier: string): boolean;
}

export function findAssignments(text: string, spec: AssignmentSpec, out: Candidate[]): void {
  const re = spec.keyword;
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    // Widen to the whole identifier (bounded, so a long token run costs O(64) per keyword hit).
    let s = m.index;
    let e = m.index + m[0].length;
    const minS = Math.max(0, s - 64);
    while (s > minS && isIdentChar(text.charCodeAt(s - 1))) s--;
    const maxE = Math.min(text.length, e + 64);
    while (e < maxE && isIdentChar(text.charCodeAt(e))) e++;
    re.lastIndex = e;
    const identifier = text.slice(s, e);
    if (!spec.names.matches(identifier)) continue;
    SEPARATOR.lastIndex = e;
    const sep = SEPARATOR.exec(text);
    if (!sep) continue;
    const vs = e + sep[0].length;
    VALUE.lastIndex = vs;
    const v = VALUE.exec(text);
    if (!v) continue;
    let value = v[0];
    const amp = value.indexOf('&') >= 0 ? NEXT_PARAM.exec(value) : null;
    if (amp) value = value.slice(0, amp.index);
    // A sentence may end right after the value: `password: hunter22.`
    while (value.length > 0 && '.:!?'.includes(value[value.length - 1])) value = value.slice(0, -1);
    if (value.length === 0 || isStandInValue(value)) continue;
    if (!spec.acceptValue(value, identifier)) continue;
    out.push({ detector: spec.detector, start: vs, end: vs + value.length });
    re.lastIndex = vs + value.length;
  }
}
