// http_header_credential: credentials in HTTP header text, as traces record requests and responses
// (`-H 'Authorization: Basic …'` in a curl command, a raw request dump, a Python dict printed in a
// tool result):
// - `Authorization:` and `Proxy-Authorization:`: the credentials after the scheme word (`Basic`,
//   `Token`, `Api-Token`, `Digest …`) or the whole value when there is no scheme. `Bearer` tokens are
//   bearer_token's (ranked first); one it declines (no digit) is still reported here.
// - `Cookie:` and `Set-Cookie:`: the values of session and authentication cookies (`sessionid`,
//   `connect.sid`, `PHPSESSID`, `auth_token`, `__Host-…`), not `theme=dark` or analytics ids.
// Headers given as JSON members (`{"Cookie": "…"}`) are sensitive_field's; `X-Api-Key:` and
// `X-Auth-Token:` in text are generic_api_key_param's and password_field's.
import { isStandInValue } from './assignment';
import type { Candidate, DetectContext, Detector } from './types';
import { isAlnum } from './util';
import { anyLiteral } from '../engine/prefilter';
import { anchor, indexOfAnchor } from '../engine/anchors';

const AUTH_HEADERS = new Set(['authorization', 'proxy-authorization']);
const COOKIE_HEADERS = new Set(['cookie', 'set-cookie']);
/** Scheme words of the Authorization header (lower case); the credentials follow them. */
const SCHEMES = new Set(['basic', 'bearer', 'token', 'api-token', 'apikey', 'api-key', 'key', 'digest', 'negotiate', 'ntlm', 'sso-key', 'ssws', 'oauth', 'dsn', 'klaviyo-api-key']);
/** Words in a cookie name that make it a session or authentication cookie. */
const SESSION_WORDS = ['sess', 'sid', 'auth', 'token', 'jwt', 'remember', 'login', 'secret', 'csrf', 'xsrf', 'cred', 'key'];

function isHeaderNameChar(c: number): boolean {
  return isAlnum(c) || c === 45 || c === 95; // - _
}
function isBlank(c: number): boolean {
  return c === 32 || c === 9;
}
function isQuote(c: number): boolean {
  return c === 34 || c === 39;
}

function isSessionCookie(name: string): boolean {
  const n = name.toLowerCase();
  if (n.startsWith('__host-') || n.startsWith('__secure-')) return true;
  for (const w of SESSION_WORDS) if (n.includes(w)) return true;
  return false;
}

/** A credential value worth reporting: not a stand-in (`$TOKEN`, `<token>`, `****`, `{base64(…)}`). */
function isCredentialValue(v: string): boolean {
  if (v.length < 6 || isStandInValue(v)) return false;
  const c0 = v.charCodeAt(0);
  if (c0 === 60 /* < */ || c0 === 123 /* { */ || c0 === 91 /* [ */ || v.startsWith('...') || v.includes('${')) return false;
  for (let i = 0; i < v.length; i++) if (isAlnum(v.charCodeAt(i))) return true;
  return false;
}

function push(text: string, s: number, e: number, out: Candidate[]): void {
  while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
  if (isCredentialValue(text.slice(s, e))) out.push({ detector: 'http_header_credential', start: s, end: e });
}

/** Whether a header name (any case) is Authorization or Proxy-Authorization. */
export function isAuthHeaderName(name: string): boolean {
  return AUTH_HEADERS.has(name.toLowerCase());
}

/**
 * Where the credentials of an Authorization value start: after a known scheme word and its blanks
 * (`Basic YWxp…` at 6), or 0 without one. sensitive_field reports a header object's value from there.
 */
export function authCredentialsStart(value: string): number {
  let w = 0;
  while (w < value.length && !isBlank(value.charCodeAt(w))) w++;
  if (w === value.length || !SCHEMES.has(value.slice(0, w).toLowerCase())) return 0;
  while (w < value.length && isBlank(value.charCodeAt(w))) w++;
  return w < value.length ? w : 0;
}

/** The header whose name ends before the `:` at `colon`, its value reported into `out`. */
function headerAt(text: string, colon: number, out: Candidate[]): void {
  let nameEnd = colon;
  while (nameEnd > 0 && isBlank(text.charCodeAt(nameEnd - 1))) nameEnd--;
  const quote = nameEnd > 0 && isQuote(text.charCodeAt(nameEnd - 1)) ? text.charCodeAt(nameEnd - 1) : 0;
  if (quote) nameEnd--;
  let nameStart = nameEnd;
  while (nameStart > 0 && nameEnd - nameStart < 24 && isHeaderNameChar(text.charCodeAt(nameStart - 1))) nameStart--;
  if (nameStart === nameEnd) return;
  if (nameStart > 0) {
    const b = text.charCodeAt(nameStart - 1);
    if (quote ? b !== quote : isHeaderNameChar(b) || b === 46 /* . */) return;
  }
  const name = text.slice(nameStart, nameEnd).toLowerCase();
  const auth = AUTH_HEADERS.has(name);
  if (!auth && !COOKIE_HEADERS.has(name)) return;
  // The value: after blanks and an optional quote, to the end of the line or that quote.
  let v = colon + 1;
  while (v < text.length && isBlank(text.charCodeAt(v))) v++;
  let close = 0;
  if (v < text.length && isQuote(text.charCodeAt(v))) close = text.charCodeAt(v++);
  let end = v;
  while (end < text.length) {
    const c = text.charCodeAt(end);
    if (c === 10 || c === 13 || (close ? c === close : c === 34 || c === 39)) break;
    end++;
  }
  if (auth) {
    // Scheme word, then the credentials; without a known scheme, the whole value.
    let w = v;
    while (w < end && !isBlank(text.charCodeAt(w))) w++;
    let s = v;
    if (w < end && SCHEMES.has(text.slice(v, w).toLowerCase())) {
      s = w;
      while (s < end && isBlank(text.charCodeAt(s))) s++;
    }
    push(text, s, end, out);
    return;
  }
  // Cookies: `name=value` pairs separated by `;` (Set-Cookie: the first pair; the rest are attributes).
  let p = v;
  while (p < end) {
    let semi = text.indexOf(';', p);
    if (semi < 0 || semi > end) semi = end;
    const eq = text.indexOf('=', p);
    if (eq > p && eq < semi) {
      let ns = p;
      while (ns < eq && isBlank(text.charCodeAt(ns))) ns++;
      if (isSessionCookie(text.slice(ns, eq))) push(text, eq + 1, semi, out);
    }
    if (name === 'set-cookie') break;
    p = semi + 1;
  }
}

/**
 * Raw prefilter: a header name this detector reads (JSON escapes none of these letters), in the
 * letter cases HTTP/1.1, HTTP/2 and logs write (`Authorization`, `authorization`, `AUTHORIZATION`,
 * `Set-Cookie`, `cookie`, `COOKIE`); the detector reads no other spelling.
 */
const RAW_LITERALS = ['uthorization', 'ookie', 'UTHORIZATION', 'OOKIE'];

const hasHeaderName = anyLiteral(RAW_LITERALS);
const RAW_ANCHORS = RAW_LITERALS.map(anchor);

/**
 * Raw prefilter: a header name read above, quoted (`"Cookie"`, `\"Authorization\"`, `'Cookie'`), or
 * where `headerAt` would read it: right before blanks and a `:`; for Authorization, a value before the
 * end of its line or a quote that holds no `${` (`Authorization: \`Bearer ${token}\``, in the
 * code coding agents read, is a template, and `push` refuses it whatever the scheme).
 */
export function hasRawHeader(raw: string): boolean {
  if (!hasHeaderName(raw)) return false;
  for (const a of RAW_ANCHORS) {
    const w = a.literal;
    for (let at = indexOfAnchor(raw, a); at !== -1; at = indexOfAnchor(raw, a, at + 1)) {
      let i = at + w.length;
      const c = raw.charCodeAt(i);
      // A quoted name: a JSON member, a name/value pair's name (`{"key": "Authorization", "value": …}`,
      // which the trace reader gives its value as key), `{'Authorization': …}`: a candidate.
      if (c === 34 || c === 39 || (c === 92 && raw.charCodeAt(i + 1) === 34)) return true;
      while (raw.charCodeAt(i) === 32 || raw.charCodeAt(i) === 9) i++;
      if (raw.charCodeAt(i) !== 58) continue;
      if (w === 'ookie' || w === 'OOKIE') return true;
      // The value, to the first place the decoded value surely ends: a quote or a line break.
      let e = i + 1;
      for (; e < raw.length; e++) {
        const v = raw.charCodeAt(e);
        if (v === 34 || v === 39) break;
        if (v === 92) {
          const n = raw.charCodeAt(e + 1);
          if (n === 110 || n === 114 || n === 34) break;
          e++;
        }
      }
      const dollar = raw.indexOf('${', i + 1);
      if (dollar < 0 || dollar >= e) return true;
    }
  }
  return false;
}

export const httpHeaderCredential: Detector = {
  name: 'http_header_credential',
  description: 'Credentials in HTTP header text: Authorization / Proxy-Authorization values (Basic, Token, …) and session cookies in Cookie / Set-Cookie.',
  defaultSeverity: 'error',
  defaultEnabled: true,
  examples: {
    positive: [
      "curl -H 'Authorization: Basic YWxpY2U6RmFsY29uLTQyeA==' https://api.example.com",
      'Cookie: theme=dark; sessionid=8f7e6d5c4b3a29180706f5e4d3c2b1a0',
      'Set-Cookie: connect.sid=s%3AkT9x2Qm7.Vb4nR8tY1wLs; Path=/; HttpOnly',
      'Proxy-Authorization: Basic cHJveHk6UzNjcjN0IXB3',
      "{'Authorization': 'Token 22cb987851bc5659229114c62e60c79abd0d2c08'}",
    ],
    negative: [
      'Cookie: theme=dark; lang=en',
      'Authorization: Basic ...',
      'Authorization: Bearer $API_KEY',
      'Authorization: Token **********',
      'the Authorization header carries the credentials',
      'authorization: basic {base64(email:password)}',
    ],
  },
  patterns: [],
  rawHint: RAW_LITERALS.join('|'),
  rawCheck: hasRawHeader,
  minLength: 12,
  find(text: string, _ctx: DetectContext, out: Candidate[]): void {
    let hit = false;
    for (const l of RAW_LITERALS) if (text.includes(l)) hit = true;
    if (!hit) return;
    for (let c = text.indexOf(':'); c !== -1; c = text.indexOf(':', c + 1)) headerAt(text, c, out);
  },
};
