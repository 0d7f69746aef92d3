// url_credentials: credentials written into a URL.
// - The password of the userinfo (`postgres://app:p%40ss@db/x`, `redis://:pw@cache:6379`,
//   `https://bob:pw@host`). The host starts after the LAST `@` of the authority, so a password may
//   hold `@`, `#`, `:` or `/` (as people paste them, unencoded). A userinfo without `:` that looks
//   like key material (`https://<token>@github.com/…`) is reported whole.
// - Query parameters that carry a key by name but are no assignment the generic rules judge:
//   `appid=` (OpenWeather), `key=` (Google Maps and many others), `sig=` (an Azure SAS signature),
//   after `?` or `&`. (`api_key=`, `access_token=`, `token=`, `client_secret=` are
//   generic_api_key_param's and password_field's.)
// Only the secret is reported, so a redacted URL still reads `postgres://app:[REDACTED]@db/x`.
import { isStandInValue } from './assignment';
import { hasRawKeyPrefix, QUERY_KEYS } from './raw-prefixes';
import type { Candidate, DetectContext, Detector } from './types';
import { isAlnum, isDigit } from './util';


/** Placeholders documentation writes in a URL's password. */
const PLACEHOLDER_WORDS = new Set(['password', 'passwd', 'pass', 'pwd', 'secret', 'token', 'pw', 'mypassword', 'yourpassword', 'your_password', 'pass123']);

function isSchemeChar(c: number): boolean {
  return isAlnum(c) || c === 43 || c === 45 || c === 46; // + - .
}

/** Where a URL token ends: whitespace, a quote, `<`, `>`, a backtick, or the end. */
function tokenEnd(text: string, from: number, max: number): number {
  let e = from;
  while (e < max) {
    const c = text.charCodeAt(e);
    if (c <= 32 || c === 34 || c === 39 || c === 96 || c === 60 || c === 62) break;
    e++;
  }
  return e;
}

/** Whether [s, e) is a host (name, IPv4 or [IPv6]) with an optional port, ending the authority. */
function isHostAt(text: string, s: number, end: number): boolean {
  let e = s;
  if (text.charCodeAt(s) === 91 /* [ */) {
    const close = text.indexOf(']', s);
    if (close < 0 || close >= end) return false;
    e = close + 1;
  } else {
    while (e < end && (isAlnum(text.charCodeAt(e)) || text.charCodeAt(e) === 45 || text.charCodeAt(e) === 46 || text.charCodeAt(e) === 95)) e++;
    if (e === s || !isAlnum(text.charCodeAt(s))) return false;
  }
  if (e < end && text.charCodeAt(e) === 58 /* : */) {
    e++;
    const p = e;
    while (e < end && isDigit(text.charCodeAt(e))) e++;
    if (e === p) return false;
  }
  if (e === end) return true;
  const c = text.charCodeAt(e);
  return c === 47 || c === 63 || c === 35 || c === 44 || c === 59 || c === 41 || c === 93 || c === 92; // / ? # , ; ) ] \
}

function looksLikeKeyMaterial(v: string): boolean {
  if (v.length < 20) return false;
  let digits = 0;
  let letters = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (isDigit(c)) digits++;
    else if (isAlnum(c)) letters++;
  }
  return digits > 0 && letters > 0;
}

function isPlaceholderSecret(v: string): boolean {
  if (v.length === 0 || isStandInValue(v)) return true;
  const lower = v.toLowerCase();
  if (PLACEHOLDER_WORDS.has(lower)) return true;
  const c0 = v.charCodeAt(0);
  const cl = v.charCodeAt(v.length - 1);
  // `<password>`, `[PASSWORD]`, `{password}`, `%s`-style templates.
  return (c0 === 60 && cl === 62) || (c0 === 91 && cl === 93) || (c0 === 123 && cl === 125);
}

/** The userinfo secret of the URL whose `://` is at `sep`, pushed to `out`. */
function userinfoAt(text: string, sep: number, out: Candidate[]): void {
  // A scheme of 2+ characters starting with a letter.
  let s = sep;
  while (s > 0 && sep - s < 32 && isSchemeChar(text.charCodeAt(s - 1))) s--;
  while (s < sep && !((text.charCodeAt(s) | 32) >= 97 && (text.charCodeAt(s) | 32) <= 122)) s++;
  if (sep - s < 2) return;
  const a = sep + 3;
  const end = tokenEnd(text, a, Math.min(text.length, a + 1024));
  // The last `@` that a host follows.
  let at = -1;
  for (let i = text.lastIndexOf('@', end - 1); i >= a; i = text.lastIndexOf('@', i - 1)) {
    if (isHostAt(text, i + 1, end)) {
      at = i;
      break;
    }
  }
  if (at < 0) return;
  const colon = text.indexOf(':', a);
  if (colon >= 0 && colon < at) {
    // The user part holds no `/` (else the `:` belongs to a path: `https://host/a:b@c`).
    const slash = text.indexOf('/', a);
    if (slash >= 0 && slash < colon) return;
    const pw = text.slice(colon + 1, at);
    // `test:test`, `guest:guest`: a documented default, not a leaked password.
    if (!isPlaceholderSecret(pw) && pw !== text.slice(a, colon)) out.push({ detector: 'url_credentials', start: colon + 1, end: at });
    return;
  }
  const user = text.slice(a, at);
  if (user.indexOf('/') < 0 && looksLikeKeyMaterial(user) && !isPlaceholderSecret(user)) out.push({ detector: 'url_credentials', start: a, end: at });
}

/** `?key=…` / `&appid=…` / `&sig=…` with the `=` at `eq`. */
function queryParamAt(text: string, eq: number, out: Candidate[]): void {
  let s = eq;
  while (s > 0 && eq - s < 8 && isAlnum(text.charCodeAt(s - 1))) s--;
  if (s === eq || s === 0) return;
  const before = text.charCodeAt(s - 1);
  if (before !== 63 /* ? */ && before !== 38 /* & */) return;
  if (!QUERY_KEYS.has(text.slice(s, eq).toLowerCase())) return;
  let e = eq + 1;
  while (e < text.length) {
    const c = text.charCodeAt(e);
    if (c <= 32 || c === 38 || c === 35 || c === 34 || c === 39 || c === 96 || c === 60 || c === 62 || c === 41 || c === 92) break;
    e++;
  }
  const v = text.slice(eq + 1, e);
  let digits = false;
  for (let i = 0; i < v.length && !digits; i++) digits = isDigit(v.charCodeAt(i));
  if (v.length >= 12 && digits && !isPlaceholderSecret(v)) out.push({ detector: 'url_credentials', start: eq + 1, end: e });
}

export const urlCredentials: Detector = {
  name: 'url_credentials',
  description: 'A credential in a URL: the password of its userinfo (scheme://user:password@host), or a key in its query (appid=, key=, sig=).',
  defaultSeverity: 'error',
  defaultEnabled: true,
  examples: {
    positive: [
      'DATABASE_URL=postgres://app:p%40ss-W0rd@db.internal:5432/orders',
      'redis://:Falcon42x@cache:6379/0',
      'https://bob:Falcon#42:x@host.example.com/path',
      'GET https://api.openweathermap.org/data/2.5/weather?q=London&appid=3f9c2a7b8e1d4c6f9a0b1c2d3e4f5a6b',
      'https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&sig=Abc%2Bdef123GhIjKl456MnOp%3D',
    ],
    negative: [
      'https://user:password@example.com',
      'postgres://${DB_USER}:${DB_PASSWORD}@db/app',
      'https://example.com/a:b@c',
      'mailto:jane@example.com',
      'https://example.com/search?key=value&sort=asc',
      'http://[IP]:7474/db/data/ with neo4j:[PASSWORD]',
    ],
  },
  patterns: [],
  rawHint: String.raw`:(?:\/|\\\/)(?:\/|\\\/)[^\s"']*@|[?&](?:[aA][pP][pP][iI][dD]|[kK][eE][yY]|[sS][iI][gG])=`,
  rawCheck: hasRawKeyPrefix,
  minLength: 10,
  find(text: string, _ctx: DetectContext, out: Candidate[]): void {
    if (text.indexOf('@') >= 0) {
      for (let i = text.indexOf('://'); i !== -1; i = text.indexOf('://', i + 3)) userinfoAt(text, i, out);
    }
    if (text.indexOf('?') >= 0 || text.indexOf('&') >= 0) {
      for (let eq = text.indexOf('='); eq !== -1; eq = text.indexOf('=', eq + 1)) queryParamAt(text, eq, out);
    }
  },
};
