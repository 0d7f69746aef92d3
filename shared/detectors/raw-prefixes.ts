// The raw-text promise of the key formats whose prefix ends in `_` or `-` after letters common in
// text (gh?_ and github_pat_, hf_, gsk_, npm_, r8_, whsec_, e2b_, lsv2_pt_/lsv2_sk_; tvly-, pplx-, glpat-,
// xai-), of command_line_credential's flags (`--password`, ` -p`, `PGPASSWORD=`, openssl's `-k`,
// htpasswd's `-b`, zip's `-P`) and of url_credentials (`://…@`, `?appid=`, `&key=`, `&sig=`). One
// function for all of them, so the prefilter (which runs a check shared by several detectors once)
// makes one pass over `_` and one over `-` and looks around each, instead of one indexOf pass per
// prefix. Each detector's promise is a part of it, so the whole is a superset of each.
import { KeyMatcher } from './keys';
import { isAlnum } from './util';
import { indexOfMark, mark } from '../engine/anchors';

/** Query keys url_credentials owns (lower case). */
export const QUERY_KEYS = new Set(['appid', 'key', 'sig']);

/** Whether `raw` has `word` ending right before position `end`. */
function endsAt(raw: string, word: string, end: number): boolean {
  return end >= word.length && raw.startsWith(word, end - word.length);
}

/**
 * Prefixes a mark may end, by the code unit before the mark, and the one before that (-1: none). One
 * path for every prefix, looked up instead of a switch: V8 optimises a function for the branches it has
 * seen, and each arm of a switch first taken later (the first `hf_` of a trace) threw the optimised
 * code of the whole prefilter check away to compile it again.
 */
interface PrefixTable {
  words: Array<string | undefined>;
  beforeLast: Int32Array;
}

function prefixTable(words: readonly string[]): PrefixTable {
  const table: PrefixTable = { words: new Array(128).fill(undefined), beforeLast: new Int32Array(128).fill(-1) };
  for (const w of words) {
    const last = w.charCodeAt(w.length - 1);
    if (table.words[last] !== undefined) throw new Error(`two prefixes end in ${w[w.length - 1]}`);
    table.words[last] = w;
    table.beforeLast[last] = w.charCodeAt(w.length - 2);
  }
  return table;
}

/** Whether a prefix of `table` ends right before the mark at `i` (i >= 2). */
function prefixBefore(raw: string, i: number, table: PrefixTable): boolean {
  const b = raw.charCodeAt(i - 1);
  if (!(b < 128)) return false;
  const want = table.beforeLast[b];
  return want !== -1 && raw.charCodeAt(i - 2) === want && endsAt(raw, table.words[b]!, i);
}

/** The prefixes before `_`: gh[pousr], github_pat, hf, gsk, npm, r8, whsec, e2b, lsv2 (the `_` after lsv2 is enough). */
const UNDERSCORE_PREFIXES = prefixTable(['ghp', 'gho', 'ghu', 'ghs', 'ghr', 'github_pat', 'hf', 'gsk', 'npm', 'r8', 'whsec', 'e2b', 'lsv2']);

const UNDERSCORE = mark('_');
const DASH = mark('-');

function hasUnderscorePrefix(raw: string): boolean {
  for (let i = indexOfMark(raw, UNDERSCORE, 2); i !== -1; i = indexOfMark(raw, UNDERSCORE, i + 1)) if (prefixBefore(raw, i, UNDERSCORE_PREFIXES)) return true;
  return false;
}

/** Long flags command_line_credential reads (`--password`, `--api-key`), and `--user` (curl). */
export const CREDENTIAL_FLAGS = new KeyMatcher([
  'password', 'passwd', 'pwd', 'passphrase', 'secret', 'token', 'api_key', 'apikey', 'api_token', 'api_secret', 'access_token',
  'auth_token', 'client_secret', 'secret_key', 'private_token', 'oauth2_bearer', 'http_password', 'proxy_password', 'auth',
]);

function isFlagNameChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 45 || c === 95;
}

/** The prefixes before `-`. */
const DASH_PREFIXES = prefixTable(['tvly', 'pplx', 'glpat', 'xai']);

/**
 * A `-` that ends tvly, pplx, glpat or xai; or starts a word (after a blank, a quote, `[` or `,`) as
 * `--<credential flag>`, `--user`, `--proxy-user`, or a short flag some command reads a credential
 * from (`-p`, `-a`, `-u`, `-U`, attached values included).
 */
function hasDashMark(raw: string): boolean {
  for (let i = indexOfMark(raw, DASH); i !== -1; i = indexOfMark(raw, DASH, i + 1)) {
    if (i >= 2 && prefixBefore(raw, i, DASH_PREFIXES)) return true;
    const b = raw.charCodeAt(i - 1);
    // A flag starts a word: the line's start, a blank, a quote (`"-p"` in argv), `'`, `=`, `(`, or
    // the letter of a `\\n`, `\\t`, `\\r` escape in raw JSON.
    if (i > 0 && b !== 32 && b !== 34 && b !== 39 && b !== 9 && b !== 10 && b !== 13 && b !== 61 && b !== 40) {
      if ((b !== 110 && b !== 116 && b !== 114) || raw.charCodeAt(i - 2) !== 92) continue;
    }
    const c = raw.charCodeAt(i + 1);
    if (c === 112 || c === 97 || c === 117 || c === 85) return true; // p a u U
    if (c !== 45) {
      // openssl's `-k <password>`, htpasswd's `-b…`, zip's and sqlcmd's `-P`: short flags common
      // elsewhere, so the tool's name is looked for, on the lines that have one.
      if (c === 107 && endsFlag(raw.charCodeAt(i + 2)) && raw.includes('openssl')) return true;
      if (c === 80 && (raw.includes('zip') || raw.includes('sqlcmd') || raw.includes('bcp') || raw.includes('osql'))) return true;
      if (shortFlagsHold(raw, i + 1, 98) && raw.includes('htpasswd')) return true;
      continue;
    }
    let e = i + 2;
    while (e < raw.length && isFlagNameChar(raw.charCodeAt(e))) e++;
    const name = raw.slice(i + 2, e);
    if (name === 'user' || name === 'proxy-user' || CREDENTIAL_FLAGS.matches(name)) return true;
  }
  return false;
}

/** Whether `c` (NaN past the end) ends a flag word in raw text or raw JSON (`"-k"`, `\"-k\"`). */
function endsFlag(c: number): boolean {
  return !(c > 32) || c === 34 || c === 39 || c === 92;
}

/** Whether the letters of the short flags from `i` (`bc` of `-bc`) hold `letter`. */
export function shortFlagsHold(raw: string, i: number, letter: number): boolean {
  for (; ; i++) {
    const c = raw.charCodeAt(i);
    if (c === letter) return true;
    if (!((c >= 97 && c <= 122) || (c >= 65 && c <= 90))) return false;
  }
}

/**
 * An `=` after an environment name that glues the credential word (`PGPASSWORD=`, `SSHPASS=`,
 * `MYSQL_PWD=`, `REDISCLI_AUTH=`), or after `?`/`&` + appid, key or sig (a URL's query).
 */
function hasEqualsMark(raw: string): boolean {
  for (let i = raw.indexOf('=', 3); i !== -1; i = raw.indexOf('=', i + 1)) {
    const c = raw.charCodeAt(i - 1);
    if ((c === 83 && endsAt(raw, 'PAS', i - 1)) || (c === 68 && (endsAt(raw, 'PW', i - 1) || endsAt(raw, 'WOR', i - 1))) || (c === 72 && endsAt(raw, 'AUT', i - 1))) return true;
    if (c !== 121 && c !== 89 && c !== 100 && c !== 68 && c !== 103 && c !== 71) continue; // y Y d D g G
    let s = i;
    while (s > 0 && i - s < 8 && isAlnum(raw.charCodeAt(s - 1))) s--;
    const b = raw.charCodeAt(s - 1);
    if ((b === 63 || b === 38) && QUERY_KEYS.has(raw.slice(s, i).toLowerCase())) return true;
  }
  return false;
}

/** An `@` with `://` (or `:\/\/`) before it in the same token: a URL's userinfo. */
function hasUserinfoMark(raw: string): boolean {
  for (let at = raw.indexOf('@'); at !== -1; at = raw.indexOf('@', at + 1)) {
    const min = Math.max(0, at - 1024);
    for (let i = at - 1; i >= min; i--) {
      const c = raw.charCodeAt(i);
      if (c <= 32 || c === 34 || c === 39) break;
      if (c === 58 /* : */ && (raw.startsWith('//', i + 1) || raw.startsWith('\\/\\/', i + 1))) return true;
    }
  }
  return false;
}

/** The shared raw check of the key formats, command-line flags and URL marks listed above (a superset for each). */
export function hasRawKeyPrefix(raw: string): boolean {
  return hasUnderscorePrefix(raw) || hasDashMark(raw) || hasEqualsMark(raw) || hasUserinfoMark(raw);
}
