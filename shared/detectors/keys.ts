// Credential-like key names. Used by `sensitive_field` (JSON keys), by `password_field` and
// `generic_api_key_param` (identifiers in free text) and by the source rules (parameter names).
//
// Keys are compared as NORMALISED WORD TOKENS, not substrings: `apiKey`, `API-KEY`, `x_api_key`
// all become [..., api, key]. A name matches when its tokens appear contiguously in the key's
// tokens (or their concatenations agree: `apikey` vs [api, key]), and the key does not go on to say
// it is something else: `token_count`, `password_policy`, `auth_method`, `secret_santa_list` name a
// counter, a setting or a list, so a name only matches as the head noun of the key, optionally
// followed by a qualifier from ALLOWED_AFTER (`api_key_value`, `password_hash`, `token_prod`).
// Usage counters (`max_tokens`, `input_tokens`) miss because `tokens` is not `token` (no plural for
// token) and because a counter word before the name (DENY_BEFORE) rules the key out.
// AgentDbg's semantics (a case-insensitive substring of the raw key) are available as an option.

import { flatCopy } from '../json/walker';

/** Qualifiers that may follow a credential name and keep the key credential-like. */
const ALLOWED_AFTER = new Set([
  'key', 'keys', 'access', 'value', 'val', 'str', 'string', 'text', 'b64', 'base64', 'hex', 'raw', 'enc',
  'encrypted', 'plain', 'plaintext', 'hash', 'hashed', 'header', 'headers', 'data', 'number', 'env', 'prod',
  'production', 'dev', 'test', 'staging', 'live', 'old', 'new', 'current', 'primary', 'secondary', 'backup',
  'override', 'secret', 'token', 'password', 'pass', 'pwd', 'bearer', 'jwt', 'cookie', 'auth',
]);

/** Words before a credential name that make the key a counter, a flag or a setting. */
const DENY_BEFORE = new Set([
  'max', 'min', 'num', 'total', 'count', 'input', 'output', 'prompt', 'completion', 'cached', 'reasoning',
  'remaining', 'used', 'is', 'has', 'use', 'enable', 'enabled', 'require', 'requires', 'required', 'need',
  'needs', 'no', 'without', 'show', 'hide', 'allow', 'allowed', 'estimated',
]);

/** Name tokens that never match their plural (`tokens` is a count or a tokenizer's output). */
const NO_PLURAL = new Set(['token', 'auth', 'ssn', 'pwd', 'id']);

/** Split a key into lower-case word tokens: camelCase, PascalCase, ACRONYMKey, `_`, `-`, `.`, spaces. */
export function keyTokens(key: string): string[] {
  const out: string[] = [];
  let cur = '';
  for (let i = 0; i < key.length; i++) {
    const ch = key[i];
    const c = key.charCodeAt(i);
    const upper = c >= 65 && c <= 90;
    const lower = c >= 97 && c <= 122;
    const digit = c >= 48 && c <= 57;
    if (!upper && !lower && !digit) {
      if (cur) out.push(cur);
      cur = '';
      continue;
    }
    if (upper && cur) {
      const prev = key.charCodeAt(i - 1);
      const prevLower = (prev >= 97 && prev <= 122) || (prev >= 48 && prev <= 57);
      const next = i + 1 < key.length ? key.charCodeAt(i + 1) : 0;
      const nextLower = next >= 97 && next <= 122;
      const prevUpper = prev >= 65 && prev <= 90;
      // `apiKey` splits before K; `APIKey` splits before K (an acronym ends where a word begins).
      if (prevLower || (prevUpper && nextLower)) {
        out.push(cur);
        cur = '';
      }
    }
    cur += ch.toLowerCase();
  }
  if (cur) out.push(cur);
  return out;
}

/** The letters a-z of `s`, in either case, as bits (a name's tokens and any key matching it are made of its letters). */
function letterMask(s: string): number {
  let m = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i) | 32;
    if (c >= 97 && c <= 122) m |= 1 << (c - 97);
  }
  return m;
}

function isNumeral(t: string): boolean {
  return /^\d+$/.test(t) || /^v\d+$/.test(t);
}

/** A compiled set of credential names with one matching semantics. */
export class KeyMatcher {
  private readonly names: string[][];
  private readonly joined: string[];
  private readonly lowerNames: string[];
  private readonly cache = new Map<string, boolean>();

  /** Each name's letters as a mask (bit 0 for a): a key missing a letter of every name matches none as tokens. */
  private readonly letterMasks: Int32Array;

  constructor(names: readonly string[], private readonly substring = false) {
    this.names = names.map(keyTokens).filter((t) => t.length > 0);
    this.joined = this.names.map((t) => t.join(''));
    this.lowerNames = names.map((n) => n.toLowerCase()).filter((n) => n.length > 0);
    this.letterMasks = Int32Array.from(this.joined, letterMask);
  }

  /**
   * Whether `key` names a credential. Cached: trace files repeat the same keys millions of times.
   * A key without all the letters of some name (ids, hashes, UUIDs: traces keyed by them hold a new
   * key on every line) is answered from its letters, before the cache, which it would only churn
   * (tokens hold only ASCII letters and digits; a substring is compared lower-cased, so not there).
   */
  matches(key: string): boolean {
    if (!this.substring && !this.mayMatchLetters(letterMask(key))) return false;
    let hit = this.cache.get(key);
    if (hit === undefined) {
      hit = this.substring ? this.matchSubstring(key) : this.matchTokens(keyTokens(key));
      if (this.cache.size > 10000) this.cache.clear();
      this.cache.set(flatCopy(key), hit); // a slice of a trace line would keep the line alive
    }
    return hit;
  }

  private mayMatchLetters(letters: number): boolean {
    for (let n = 0; n < this.letterMasks.length; n++) if ((this.letterMasks[n] & letters) === this.letterMasks[n]) return true;
    return false;
  }

  private matchSubstring(key: string): boolean {
    const k = key.toLowerCase();
    return this.lowerNames.some((n) => k.includes(n));
  }

  private matchTokens(k: string[]): boolean {
    if (k.length === 0) return false;
    for (let n = 0; n < this.names.length; n++) {
      const name = this.names[n];
      const joined = this.joined[n];
      for (let i = 0; i < k.length; i++) {
        const end = this.matchAt(k, i, name, joined);
        if (end < 0) continue;
        if (!this.tailOk(k, end)) continue;
        if (this.headDenied(k, i)) continue;
        return true;
      }
    }
    return false;
  }

  /** Where a match of `name` starting at key token i ends (exclusive), or -1. */
  private matchAt(k: string[], i: number, name: string[], joined: string): number {
    // Token-for-token, the last one optionally plural.
    if (i + name.length <= k.length) {
      let ok = true;
      for (let j = 0; j < name.length && ok; j++) {
        const kt = k[i + j];
        const nt = name[j];
        if (kt === nt) continue;
        ok = j === name.length - 1 && kt === nt + 's' && !NO_PLURAL.has(nt);
      }
      if (ok) return i + name.length;
    }
    // Concatenations: key `apikey` vs name [api, key], key [api, key] vs name `apikey`.
    let acc = '';
    for (let j = i; j < k.length && acc.length < joined.length; j++) {
      acc += k[j];
      if (acc === joined || (acc === joined + 's' && !NO_PLURAL.has(joined))) return j + 1;
    }
    return -1;
  }

  private tailOk(k: string[], end: number): boolean {
    for (let j = end; j < k.length; j++) if (!ALLOWED_AFTER.has(k[j]) && !isNumeral(k[j])) return false;
    return true;
  }

  private headDenied(k: string[], start: number): boolean {
    for (let j = 0; j < start; j++) if (DENY_BEFORE.has(k[j])) return true;
    return false;
  }
}
