// The raw-line prefilter: `mayContainFinding(raw)` over a RAW JSONL line, before any JSON decoding,
// so the trace reader can skip JSON.parse for the (vast majority of) lines that hold nothing.
// It must NEVER answer false for a line that holds a finding; it may answer true for many that
// don't. V8 runs a long regex alternation slowly (tens of MB/s), so the checks are separate and
// mostly indexOf, which is memchr-fast when the character it looks for first is rare (each literal is
// searched from its rarest character: `literalSearch`); the line passes when any of them does:
//   - `\u` anywhere: a JSON escape can spell any character, so nothing else can be trusted;
//   - each enabled detector's `rawLiterals` (indexOf), `rawCheck` (code), or `rawHint` (a regex);
//   - one pass over the line's `:` for every rule that looks there (`hasColonCandidate`): for
//     key-driven rules (sensitive_field, field paths), a key the rule accepts with a string, array
//     (or object) value (`"api_key": "…"`), judged by the same key matcher, so `"max_tokens": 1024`
//     or `"session": {…}` pass no line; a name/value pair naming a credential; detectors'
//     `rawColon` checks (`password: hunter2` in text);
//   - custom strings (their longest fragment JSON never escapes) and custom patterns (a literal
//     every match must contain; a pattern without one makes the prefilter answer true always).
// The string is first scanned for all the literals and marks these checks search (anchors.ts): on
// it, their searches are look-ups.

import { COMMON_CHARS, anchor, holds, indexOfMark, isScanned, mark, scanText } from './anchors';

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Characters a JSON writer may escape (so their raw spelling differs), besides any `\u` escape. */
function jsonMayEscape(c: number): boolean {
  return c === 34 || c === 92 || c === 47 || c < 32 || c > 126;
}

/** The longest part of `s` that stands verbatim in raw JSON; '' when there is none. */
export function verbatimFragment(s: string): string {
  let best = '';
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (jsonMayEscape(s.charCodeAt(i))) {
      if (cur.length > best.length) best = cur;
      cur = '';
    } else cur += s[i];
  }
  return cur.length > best.length ? cur : best;
}

/**
 * A literal every match of a Python regex must contain, or undefined when none is found (then the
 * prefilter cannot exclude any line). Deliberately simple: only literals at the top level, outside
 * groups and classes, not made optional by a quantifier; any top-level `|` or verbose flag gives up.
 */
export function requiredLiteral(src: string): string | undefined {
  if (/\(\?[a-zA-Z]*x/.test(src)) return undefined;
  const runs: string[] = [];
  let cur = '';
  let depth = 0;
  const flush = () => {
    if (cur) runs.push(cur);
    cur = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      const next = src[i + 1] ?? '';
      i++;
      if (depth === 0 && next && !/[A-Za-z0-9]/.test(next) && !jsonMayEscape(next.charCodeAt(0))) {
        if (/[?*{]/.test(src[i + 1] ?? '')) flush();
        else cur += next;
      } else if (depth === 0) flush();
      continue;
    }
    if (ch === '[') {
      // Skip a character class (a `]` first in the class is literal).
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      i = j;
      if (depth === 0) flush();
      continue;
    }
    if (ch === '(') {
      depth++;
      if (depth === 1) flush();
      continue;
    }
    if (ch === ')') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) continue;
    if (ch === '|') return undefined;
    if (/[A-Za-z0-9 _-]/.test(ch) || (!/[.^$*+?{}]/.test(ch) && !jsonMayEscape(ch.charCodeAt(0)))) {
      if (/[?*{]/.test(src[i + 1] ?? '')) flush();
      else cur += ch;
      continue;
    }
    flush();
  }
  flush();
  // A `|` inside a group does not matter: group contents were skipped.
  const best = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  return best.length >= 2 ? best : undefined;
}

export interface PrefilterParts {
  /** Literal strings: a line containing one may hold a finding (checked with indexOf). */
  literals: string[];
  /** Checks of their own (deduplicated by identity). */
  checks: Array<(raw: string) => boolean>;
  /** Regex sources (opt-in detectors' hints, custom-pattern literals in any case). */
  hints: string[];
  /** The rules of the one pass over `:` (key-driven rules, name/value pairs, detectors' colon checks). */
  colon: ColonRules;
  alwaysTrue: boolean;
}

export type Prefilter = (raw: string) => boolean;

/**
 * Number tokens shorter than this cannot hold a phone number or a card, and the trace reader does
 * not scan them; a longer one under a credential key is a finding (`"api_key": 4815162342`).
 */
export const MIN_NUMBER_LENGTH = 9;

/** Whether a number token of at least MIN_NUMBER_LENGTH characters starts at `v` (its first character, a digit or `-`). */
function longNumberAt(raw: string, v: number): boolean {
  // Most numbers are short: the character where a long one would still go on says so at once.
  const last = v + MIN_NUMBER_LENGTH - 1;
  if (!isNumberChar(raw.charCodeAt(last))) return false;
  for (let e = v + 1; e < last; e++) if (!isNumberChar(raw.charCodeAt(e))) return false;
  return true;
}

/** A character of a JSON number token: digits, `-`, `+`, `.`, `e`, `E`. */
function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

function isJsonBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * What a key is to the colon pass: one the key rules accept, the name of a name/value pair, one after
 * which (as `\"KEY\":`) a colon check may answer true.
 */
const KEY_RULE = 1;
const PAIR_NAME = 2;
const COLON_KEY = 4;
/** COLON_KEY not yet asked: it matters only after a nested key (`\"KEY\":`), so it is asked there first. */
const COLON_KEY_UNKNOWN = 8;

/**
 * Keys' kinds (KEY_RULE, PAIR_NAME, COLON_KEY), looked up without a slice of the raw line: the keys
 * already seen make a trie read backwards from a key's last character, so a known key is found by
 * reading it once, from its closing quote to its opening one, a table step a character. Trace lines
 * repeat a few dozen keys thousands of times.
 */
class RawKeyMemo {
  // States × code units below 128 → the next state (0: none; state 0 is the root, the closing quote).
  // When the states run out (thousands of keys, each seen more than once), the trie starts again empty.
  private static readonly STATES = 4096;
  // The root's row alone until a key is kept (a memo that keeps none costs no megabyte).
  private next = new Uint16Array(128);
  /** The kind of the key read in full at each state, -1 where no key ends. */
  private readonly kinds = new Int8Array(RawKeyMemo.STATES).fill(-1);
  private size = 1;
  // Hashes of keys missed once: a key joins the trie when it is missed again, so keys seen once
  // (ids, UUIDs: a trace keyed by them holds new keys on every line) never fill it.
  private readonly missed = new Int32Array(4096);

  constructor(private readonly rules: ColonRules) {}

  /**
   * The kind of the key whose closing quote is at `close` (for a key of JSON inside a string, `\"`:
   * its backslash); -1 when it cannot be judged: a backslash in it, or no opening quote.
   */
  kindBefore(raw: string, close: number, escaped: boolean): number {
    // A known key: its characters lead through the trie to where its opening quote stands (the keys
    // kept hold no quote, backslash or code unit from 128 on, so the search below would stop there too).
    const { next, kinds } = this;
    for (let i = close - 1, s = 0; ; i--) {
      const c = raw.charCodeAt(i); // NaN before the line's start
      if (c === 34) {
        if ((!escaped || raw.charCodeAt(i - 1) === 92) && kinds[s] >= 0) {
          if (escaped && (kinds[s] & COLON_KEY_UNKNOWN) !== 0) kinds[s] = this.colonKind(raw.slice(i + 1, close), kinds[s]);
          return kinds[s];
        }
        break;
      }
      if (!(c < 128)) break;
      s = next[(s << 7) | c];
      if (s === 0) break;
    }
    return this.miss(raw, close, escaped);
  }

  /** kindBefore for a key the trie does not hold. */
  private miss(raw: string, close: number, escaped: boolean): number {
    // The opening quote (escaped alike for a nested key), looked for backwards in code: keys are short.
    let open = close - 1;
    let keep = true; // no quote inside, no code unit from 128 on
    let hash = 0;
    for (;;) {
      if (open < 0) {
        if (escaped || close > 0) return -1;
        open = 0; // `":` at the very start: the key is empty (the closing quote is its own opening)
        break;
      }
      const c = raw.charCodeAt(open);
      if (c === 34) {
        if (!escaped || raw.charCodeAt(open - 1) === 92) break;
        keep = false;
      }
      if (c === 92) return -1;
      if (c >= 128) keep = false;
      hash = (Math.imul(hash, 31) + c) | 0;
      open--;
    }
    const start = open + 1; // past `close` for the key at the very start: an empty slice
    const key = raw.slice(start, close);
    const kind = escaped ? this.colonKind(key, this.kindOf(key)) : this.kindOf(key);
    if (keep && close - start <= 256) {
      const slot = hash & (this.missed.length - 1);
      if (this.missed[slot] === hash) this.learn(raw, start, close, kind);
      else this.missed[slot] = hash;
    }
    return kind;
  }

  /** The kind of a key the trie does not hold, COLON_KEY unknown unless there is nothing to ask. */
  private kindOf(key: string): number {
    const { keyMatches, colonKey } = this.rules;
    return (keyMatches?.(key) ? KEY_RULE : 0) | (key === 'name' || key === 'key' ? PAIR_NAME : 0) | (colonKey === undefined ? COLON_KEY : COLON_KEY_UNKNOWN);
  }

  /** `kind` with COLON_KEY asked of `key`, if unknown. */
  private colonKind(key: string, kind: number): number {
    if ((kind & COLON_KEY_UNKNOWN) === 0) return kind;
    return (kind & ~COLON_KEY_UNKNOWN) | (this.rules.colonKey!(key) ? COLON_KEY : 0);
  }

  /** Puts the key raw[start, close) into the trie (started again empty when full). */
  private learn(raw: string, start: number, close: number, kind: number): void {
    if (this.next.length === 128) this.next = new Uint16Array(RawKeyMemo.STATES * 128);
    if (this.size + (close - start) > RawKeyMemo.STATES) {
      this.next.fill(0, 0, this.size << 7);
      this.kinds.fill(-1, 0, this.size);
      this.size = 1;
    }
    let s = 0;
    for (let i = close - 1; i >= start; i--) {
      const at = (s << 7) | raw.charCodeAt(i);
      if (this.next[at] === 0) this.next[at] = this.size++;
      s = this.next[at];
    }
    this.kinds[s] = kind;
  }
}

const memos = new WeakMap<ColonRules, RawKeyMemo>();
const COLON = mark(':');

/** What the prefilter's one pass over a raw line's `:` looks for. */
export interface ColonRules {
  /** Key names that make a value under them a finding (sensitive_field, field paths). */
  keyMatches?: (key: string) => boolean;
  /** Whether an object value under a matching key counts (nested values take its meaning). */
  keyObjects: boolean;
  /** Whether a plain string value (no escapes) can be a finding at all (not only redaction markers). */
  valueCanHit: (value: string) => boolean;
  /**
   * Name/value pairs (`{"name": "Cookie", "value": …}` in HAR and Playwright header lists, Postman's
   * `{"key": "X-Api-Key", "value": …}`): the trace reader gives the value the pair's name as its key
   * (shared/traces/context.ts), so a name `keyMatches` accepts makes the line a candidate.
   */
  pairs: boolean;
  /** Detectors' checks at a `:` (`Detector.rawColon`), run in the same pass. */
  colonChecks: ReadonlyArray<(raw: string, p: number) => boolean>;
  /**
   * Whether a colon check may answer true right after `\"KEY\"` (`Detector.rawColonKey`, for all of
   * them); asked once per KEY. Without it, the checks run at every such `:`.
   */
  colonKey?: (key: string) => boolean;
}

/**
 * The prefilter's one pass over the `:` of a RAW JSON line, for every rule that looks there: a key
 * `keyMatches` accepts with a value that can hold a string (a string, an array, with `keyObjects`
 * an object, or a number the trace reader scans), so `"max_tokens": 1024` or `"session": {…}` pass
 * no line; a pair's name `keyMatches` accepts; and the detectors' colon checks, spared right after a
 * nested key `colonKey` rules out. Keys of JSON encoded inside a JSON string (`\"api_key\": \"…\"`)
 * count too. A key holding any other escape is taken as a match, and so is a pair's name.
 */
export function hasColonCandidate(raw: string, rules: ColonRules): boolean {
  const { keyMatches, keyObjects, valueCanHit, pairs, colonChecks, colonKey } = rules;
  const wanted = (keyMatches !== undefined ? KEY_RULE : 0) | (pairs && keyMatches !== undefined ? PAIR_NAME : 0);
  let memo: RawKeyMemo | undefined;
  if (wanted !== 0 || colonKey !== undefined) {
    memo = memos.get(rules);
    if (memo === undefined) memos.set(rules, (memo = new RawKeyMemo(rules)));
  }
  for (let colon = indexOfMark(raw, COLON); colon !== -1; colon = indexOfMark(raw, COLON, colon + 1)) {
    // The colon checks pass over JSON's own `"key":"…"`, `"key":{`, `"key":[`, `"key":1` (Detector.rawColon),
    // with one blank after the colon too, as Python's json.dumps and an indenting JSON.stringify write it.
    let after = raw.charCodeAt(colon + 1);
    if (after === 32) after = raw.charCodeAt(colon + 2);
    let kind = -2; // the kind of the key before the colon, once looked up
    let checked: boolean;
    if (raw.charCodeAt(colon - 1) !== 34) checked = true;
    else if (raw.charCodeAt(colon - 2) !== 92) checked = !(after === 34 || after === 123 || after === 91 || (after >= 48 && after <= 57));
    else {
      // Right after a nested `\"KEY\"`, what the colon checks say of KEY may spare them (the keys of
      // tool output's JSON fill a line too).
      if (colonKey !== undefined) kind = memo!.kindBefore(raw, colon - 2, true);
      checked = kind < 0 || (kind & COLON_KEY) !== 0;
    }
    if (checked) for (let k = 0; k < colonChecks.length; k++) if (colonChecks[k](raw, colon)) return true;
    if (wanted === 0) continue;
    // Back over blanks, and over `\n`, `\t`, `\r` escapes (JSON inside a string, pretty-printed).
    let j = colon;
    for (;;) {
      const b = raw.charCodeAt(j - 1);
      if (isJsonBlank(b)) j--;
      else if ((b === 110 || b === 116 || b === 114) && raw.charCodeAt(j - 2) === 92) j -= 2;
      else break;
    }
    if (raw.charCodeAt(j - 1) !== 34) continue;
    const escaped = raw.charCodeAt(j - 2) === 92; // `\"`: a key of JSON inside a string
    // The value must be able to hold a string.
    // (A loop that steps at least once: its step is taken at every key before V8 optimises it.)
    let v = colon;
    do v++;
    while (isJsonBlank(raw.charCodeAt(v)));
    const vc = raw.charCodeAt(v);
    if (!(vc === 34 || vc === 91 || vc === 92 || (keyObjects && vc === 123) || (((vc >= 48 && vc <= 57) || vc === 45) && longNumberAt(raw, v)))) continue;
    // A key holding a backslash, or no opening quote, makes the line a candidate.
    if (kind === -2) kind = memo!.kindBefore(raw, escaped ? j - 2 : j - 1, escaped);
    if (kind < 0) return true;
    kind &= wanted;
    if (kind === 0) continue;
    if (kind & KEY_RULE) {
      // `"api_key": "[EXCLUDED]"` (TraceCraft's excluded input) cannot be a finding.
      if (vc !== 34) return true;
      const end = raw.indexOf('"', v + 1);
      const slash = raw.indexOf('\\', v + 1);
      if (!(end > v && (slash < 0 || slash > end) && !valueCanHit(raw.slice(v + 1, end)))) return true;
    }
    if (kind & PAIR_NAME && pairNameMatches(raw, v, escaped, keyMatches!)) return true;
  }
  return false;
}

/**
 * Whether the string value at `v` (after a pair's `"name":`) may be a name `keyMatches` accepts: the
 * name in quotes (`\"` in JSON inside a string); a name holding any other escape cannot be judged.
 */
function pairNameMatches(raw: string, v: number, escaped: boolean, keyMatches: (key: string) => boolean): boolean {
  if (escaped) {
    if (raw.charCodeAt(v) !== 92 || raw.charCodeAt(v + 1) !== 34) return false;
    const end = raw.indexOf('\\', v + 2);
    if (end < 0) return false;
    return raw.charCodeAt(end + 1) !== 34 || keyMatches(raw.slice(v + 2, end));
  }
  if (raw.charCodeAt(v) !== 34) return false;
  const end = raw.indexOf('"', v + 1);
  if (end < 0) return false;
  const name = raw.slice(v + 1, end);
  return name.includes('\\') || keyMatches(name);
}

/** The colon pass for the key rules alone (`hasColonCandidate` without pairs or colon checks). */
export function hasMatchingKey(
  raw: string,
  keyMatches: (key: string) => boolean,
  keyObjects: boolean,
  valueCanHit: (value: string) => boolean = () => true,
): boolean {
  return hasColonCandidate(raw, { keyMatches, keyObjects, valueCanHit, pairs: false, colonChecks: [] });
}

/** How common `ch` is in trace text (COMMON_CHARS); any other character counts as rarer than all of those. */
function commonness(ch: string): number {
  const i = COMMON_CHARS.indexOf(ch);
  return i < 0 ? -1 : COMMON_CHARS.length - i;
}

/**
 * A literal as it is searched: indexOf from its rarest character (`tail`), then a check that the
 * characters before it (`head`) stand in front. indexOf runs memchr for a pattern's first character
 * and compares the rest only where that character is found, so `ey=` is found fast as `=`.
 */
export interface LiteralSearch {
  head: string;
  tail: string;
}

export function literalSearch(literal: string): LiteralSearch {
  let at = 0;
  for (let i = 1; i < literal.length; i++) if (commonness(literal[i]) < commonness(literal[at])) at = i;
  return { head: literal.slice(0, at), tail: literal.slice(at) };
}

/** Whether `raw` contains the literal of `s` (the same answer as `raw.includes(head + tail)`). */
export function hasLiteral(raw: string, s: LiteralSearch): boolean {
  const { head, tail } = s;
  let i = raw.indexOf(tail, head.length);
  if (head.length === 0) return i !== -1;
  while (i !== -1) {
    if (raw.startsWith(head, i - head.length)) return true;
    i = raw.indexOf(tail, i + 1);
  }
  return false;
}

/** Literal searches whose tails start with the same character: one indexOf pass over it serves them all. */
interface LiteralGroup {
  first: string;
  searches: LiteralSearch[];
}

/** Whether `raw` contains a literal of the group. */
function hasGroupLiteral(raw: string, group: LiteralGroup): boolean {
  const { first, searches } = group;
  if (searches.length === 1) return hasLiteral(raw, searches[0]);
  for (let i = raw.indexOf(first); i !== -1; i = raw.indexOf(first, i + 1)) {
    for (let k = 0; k < searches.length; k++) {
      const { head, tail } = searches[k];
      if (raw.startsWith(tail, i) && i >= head.length && raw.startsWith(head, i - head.length)) return true;
    }
  }
  return false;
}

/**
 * Whether raw text contains any of `literals`: repeats and literals that contain another are
 * dropped (the shorter one decides); on a line the anchor scan read (anchors.ts) that is a look at
 * its hits, elsewhere each is searched from its rarest character, and those whose search starts at
 * the same character share one pass.
 */
export function anyLiteral(literals: readonly string[]): (raw: string) => boolean {
  const unique = [...new Set(literals)].filter((l) => l.length > 0);
  const kept = unique.filter((l) => !unique.some((o) => o !== l && l.includes(o)));
  const byFirst = new Map<string, LiteralSearch[]>();
  for (const l of kept) {
    const search = literalSearch(l);
    byFirst.set(search.tail[0], [...(byFirst.get(search.tail[0]) ?? []), search]);
  }
  const groups: LiteralGroup[] = [...byFirst].map(([first, searches]) => ({ first, searches }));
  const anchors = kept.map(anchor);
  return (raw) => {
    if (isScanned(raw, anchors)) {
      for (let i = 0; i < anchors.length; i++) if (holds(anchors[i])) return true;
      return false;
    }
    for (let i = 0; i < groups.length; i++) if (hasGroupLiteral(raw, groups[i])) return true;
    return false;
  };
}

export function buildPrefilter(parts: PrefilterParts): Prefilter {
  if (parts.alwaysTrue) return () => true;
  const hasAnyLiteral = anyLiteral(['\\u', ...parts.literals]);
  const checks = [...new Set(parts.checks)];
  const re = parts.hints.length ? new RegExp(parts.hints.join('|')) : undefined;
  const colon = parts.colon;
  const colonPass = colon.keyMatches !== undefined || colon.colonChecks.length > 0;
  return (raw) => {
    scanText(raw);
    if (hasAnyLiteral(raw)) return true;
    for (let i = 0; i < checks.length; i++) if (checks[i](raw)) return true;
    if (re && re.test(raw)) return true;
    return colonPass && hasColonCandidate(raw, colon);
  };
}
