// A parser for Python `re` patterns (str patterns, CPython 3.11+ semantics), modelled on CPython's
// own `re/_parser.py` so that it accepts and rejects exactly what Python does, with Python's error
// messages. It yields an AST with [start, end) offsets into the pattern (UTF-16 units, as JS
// strings count), which the translators turn into JavaScript or RE2 syntax with a position map.
// It is iterative over the input except for group nesting, which is bounded by MAX_NESTING.

export const MAXREPEAT = 4294967295;
const MAXGROUPS = 1073741823;
/** Deeper nesting than this is refused (Python would hit its own recursion limit near 1000). */
export const MAX_NESTING = 200;

export const FLAG_I = 1;
export const FLAG_M = 2;
export const FLAG_S = 4;
export const FLAG_X = 8;
export const FLAG_A = 16;
export const FLAG_U = 32;
const FLAG_L = 64;
const FLAG_T = 128;
const FLAGS: Record<string, number> = { i: FLAG_I, L: FLAG_L, m: FLAG_M, s: FLAG_S, x: FLAG_X, a: FLAG_A, t: FLAG_T, u: FLAG_U };
const TYPE_FLAGS = FLAG_A | FLAG_L | FLAG_U;
const GLOBAL_FLAGS = FLAG_T;

export type Category = 'd' | 'D' | 's' | 'S' | 'w' | 'W';
export type ClassItem = { k: 'char'; cp: number } | { k: 'range'; lo: number; hi: number } | { k: 'cat'; cat: Category };

interface At { start: number; end: number }
export type Node = At & (
  | { t: 'char'; cp: number }
  | { t: 'any' }
  | { t: 'class'; negate: boolean; items: ClassItem[] }
  | { t: 'cat'; cat: Category }
  /** bos = \A, eos = \Z, bol = ^, eol = $, wb = \b, nwb = \B */
  | { t: 'assert'; kind: 'bos' | 'eos' | 'bol' | 'eol' | 'wb' | 'nwb' }
  | { t: 'group'; index: number | null; name: string | null; atomic: boolean; addFlags: number; delFlags: number; body: Alt }
  | { t: 'look'; behind: boolean; negate: boolean; body: Alt }
  | { t: 'backref'; group: number }
  | { t: 'cond'; group: number; yes: Seq; no: Seq | null }
  | { t: 'repeat'; min: number; max: number; mode: 'greedy' | 'lazy' | 'possessive'; body: Node }
  /** A non-capturing `(?:...)` group without flags, kept so that positions stay precise. */
  | { t: 'alt'; branches: Seq[] }
);
export type Seq = Node[];
export type Alt = At & { t: 'alt'; branches: Seq[] };

export interface ParsedPattern {
  body: Alt;
  /** Flags in force for the whole pattern (initial flags plus global inline flags). */
  flags: number;
  groupCount: number;
  groupNames: Map<string, number>;
}

/** Python's `re.error`: a message and the offset (UTF-16 units) where Python reports it. */
export class PythonRegexError extends Error {
  constructor(message: string, readonly pos: number, readonly end: number = pos + 1) {
    super(message);
  }
}

const DIGITS = '0123456789';
const OCTDIGITS = '01234567';
const HEXDIGITS = '0123456789abcdefABCDEF';
const WHITESPACE = ' \t\n\r\v\f';
const SPECIAL_CHARS = '.\\[{()*+?^$|';
const ASCIILETTERS = /^[a-zA-Z]$/;
const ESCAPES: Record<string, number> = { '\\a': 7, '\\b': 8, '\\f': 12, '\\n': 10, '\\r': 13, '\\t': 9, '\\v': 11, '\\\\': 92 };
const CATEGORIES: Record<string, Node['t'] extends never ? never : { cat?: Category; at?: 'bos' | 'eos' | 'wb' | 'nwb' }> = {
  '\\A': { at: 'bos' }, '\\b': { at: 'wb' }, '\\B': { at: 'nwb' }, '\\Z': { at: 'eos' },
  '\\d': { cat: 'd' }, '\\D': { cat: 'D' }, '\\s': { cat: 's' }, '\\S': { cat: 'S' }, '\\w': { cat: 'w' }, '\\W': { cat: 'W' },
};

/** The tokenizer of `_parser.py`: `next` is one code point, or a backslash and one code point. */
class Tokenizer {
  index = 0;
  next: string | null = null;
  constructor(readonly string: string) {
    this.advance();
  }
  private advance(): void {
    let index = this.index;
    if (index >= this.string.length) {
      this.next = null;
      return;
    }
    let char = String.fromCodePoint(this.string.codePointAt(index)!);
    if (char === '\\') {
      index += 1;
      if (index >= this.string.length) throw new PythonRegexError('bad escape (end of pattern)', this.string.length - 1, this.string.length);
      char += String.fromCodePoint(this.string.codePointAt(index)!);
      index += char.length - 1;
    } else {
      index += char.length;
      this.index = index;
      this.next = char;
      return;
    }
    this.index = index;
    this.next = char;
  }
  match(c: string): boolean {
    if (c === this.next) {
      this.advance();
      return true;
    }
    return false;
  }
  get(): string | null {
    const t = this.next;
    this.advance();
    return t;
  }
  getwhile(n: number, charset: string): string {
    let r = '';
    for (let i = 0; i < n; i++) {
      const c = this.next;
      if (c === null || c.length !== 1 || !charset.includes(c)) break;
      r += c;
      this.advance();
    }
    return r;
  }
  getuntil(terminator: string, name: string): string {
    let r = '';
    for (;;) {
      const c = this.next;
      this.advance();
      if (c === null) {
        if (!r) throw this.error(`missing ${name}`);
        throw this.error(`missing ${terminator}, unterminated name`, r.length);
      }
      if (c === terminator) {
        if (!r) throw this.error(`missing ${name}`, 1);
        break;
      }
      r += c;
    }
    return r;
  }
  tell(): number {
    return this.index - (this.next ?? '').length;
  }
  seek(i: number): void {
    this.index = i;
    this.advance();
  }
  /** Python's `source.error(msg, offset)`: the error sits at tell() - offset; `end` is where we were. */
  error(msg: string, offset = 0): PythonRegexError {
    const pos = this.tell() - offset;
    return new PythonRegexError(msg, pos, Math.max(this.tell(), pos + 1));
  }
  checkgroupname(name: string, offset: number): void {
    if (!isIdentifier(name)) throw this.error(`bad character in group name ${pyRepr(name)}`, name.length + offset);
  }
}

function isIdentifier(s: string): boolean {
  return /^[\p{XID_Start}_][\p{XID_Continue}]*$/u.test(s);
}

/** Python's repr() of a str, enough for error messages. */
export function pyRepr(s: string): string {
  const q = s.includes("'") && !s.includes('"') ? '"' : "'";
  let out = q;
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === q) out += '\\' + q;
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || c === 0x7f) out += '\\x' + c.toString(16).padStart(2, '0');
    else out += ch;
  }
  return out + q;
}

interface State {
  flags: number;
  groupdict: Map<string, number>;
  /** Width of each closed group; undefined while the group is open. Index 0 is the whole match. */
  groupwidths: Array<[number, number] | undefined>;
  lookbehindgroups: number | null;
  grouprefpos: Map<number, number>;
}

function groups(state: State): number {
  return state.groupwidths.length;
}

function checkgroup(state: State, gid: number): boolean {
  return gid < groups(state) && state.groupwidths[gid] !== undefined;
}

function checklookbehindgroup(state: State, gid: number, source: Tokenizer): void {
  if (state.lookbehindgroups !== null) {
    if (!checkgroup(state, gid)) throw source.error('cannot refer to an open group');
    if (gid >= state.lookbehindgroups) throw source.error('cannot refer to group defined in the same lookbehind subpattern');
  }
}

/** Python's SubPattern.getwidth(): (min, max) characters a node can match, capped at MAXREPEAT. */
export function widthOf(nodes: Seq, groupwidths: ReadonlyArray<[number, number] | undefined>): [number, number] {
  let lo = 0;
  let hi = 0;
  for (const n of nodes) {
    const [i, j] = nodeWidth(n, groupwidths);
    lo += i;
    hi += j;
  }
  return [Math.min(lo, MAXREPEAT - 1), Math.min(hi, MAXREPEAT)];
}

function nodeWidth(n: Node, gw: ReadonlyArray<[number, number] | undefined>): [number, number] {
  switch (n.t) {
    case 'char': case 'any': case 'class': case 'cat':
      return [1, 1];
    case 'assert': case 'look':
      return [0, 0];
    case 'group':
      return altWidth(n.body, gw);
    case 'alt':
      return altWidth(n, gw);
    case 'repeat': {
      const [i, j] = nodeWidth(n.body, gw);
      return [i * n.min, j * n.max];
    }
    case 'backref':
      return gw[n.group] ?? [0, MAXREPEAT];
    case 'cond': {
      const [i, j] = widthOf(n.yes, gw);
      if (n.no === null) return [0, j];
      const [l, h] = widthOf(n.no, gw);
      return [Math.min(i, l), Math.max(j, h)];
    }
  }
}

function altWidth(a: { branches: Seq[] }, gw: ReadonlyArray<[number, number] | undefined>): [number, number] {
  if (a.branches.length === 1) return widthOf(a.branches[0], gw);
  let i = MAXREPEAT - 1;
  let j = 0;
  for (const b of a.branches) {
    const [l, h] = widthOf(b, gw);
    i = Math.min(i, l);
    j = Math.max(j, h);
  }
  return [i, j];
}

type Code = { t: 'char'; cp: number } | { t: 'cat'; cat: Category } | { t: 'assert'; kind: 'bos' | 'eos' | 'wb' | 'nwb' } | { t: 'backref'; group: number };

function categoryCode(escape: string): Code | null {
  const c = CATEGORIES[escape];
  if (!c) return null;
  return c.cat ? { t: 'cat', cat: c.cat } : { t: 'assert', kind: c.at! };
}

/** The \x, \u, \U, \N and octal forms shared by `_escape` and `_class_escape`. Returns null if not one. */
function numericEscape(source: Tokenizer, escape: string): number | null {
  const c = escape.slice(1);
  if (c === 'x' || c === 'u' || c === 'U') {
    const n = c === 'x' ? 2 : c === 'u' ? 4 : 8;
    escape += source.getwhile(n, HEXDIGITS);
    if (escape.length !== n + 2) throw source.error(`incomplete escape ${escape}`, escape.length);
    const v = parseInt(escape.slice(2), 16);
    if (v > 0x10ffff) throw source.error(`bad escape ${escape}`, escape.length);
    return v;
  }
  if (c === 'N') {
    if (!source.match('{')) throw source.error('missing {');
    const name = source.getuntil('}', 'character name');
    // Node has no Unicode name table: the name is kept unresolved and the translators refuse it.
    throw new UnresolvedName(name, source.tell() - name.length - 4, source.tell());
  }
  return null;
}

/** `\N{...}` is valid Python, but tracelint cannot resolve Unicode character names. */
export class UnresolvedName extends Error {
  constructor(readonly charName: string, readonly pos: number, readonly end: number) {
    super(`\\N{${charName}}`);
  }
}

function classEscape(source: Tokenizer, escape: string): ClassItem {
  const code = ESCAPES[escape];
  if (code !== undefined) return { k: 'char', cp: code };
  const cat = categoryCode(escape);
  if (cat && cat.t === 'cat') return { k: 'cat', cat: cat.cat };
  const c = escape.slice(1);
  const num = numericEscape(source, escape);
  if (num !== null) return { k: 'char', cp: num };
  if (c.length === 1 && OCTDIGITS.includes(c)) {
    escape += source.getwhile(2, OCTDIGITS);
    const v = parseInt(escape.slice(1), 8);
    if (v > 0o377) throw source.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
    return { k: 'char', cp: v };
  }
  if (c.length === 1 && DIGITS.includes(c)) throw source.error(`bad escape ${escape}`, escape.length);
  if (ASCIILETTERS.test(c)) throw source.error(`bad escape ${escape}`, escape.length);
  return { k: 'char', cp: c.codePointAt(0)! };
}

function escapeCode(source: Tokenizer, escape: string, state: State): Code {
  const cat = categoryCode(escape);
  if (cat) return cat;
  const code = ESCAPES[escape];
  if (code !== undefined) return { t: 'char', cp: code };
  const c = escape.slice(1);
  const num = numericEscape(source, escape);
  if (num !== null) return { t: 'char', cp: num };
  if (c === '0') {
    escape += source.getwhile(2, OCTDIGITS);
    return { t: 'char', cp: parseInt(escape.slice(1), 8) };
  }
  if (c.length === 1 && DIGITS.includes(c)) {
    // An octal escape or a group reference (as Python says: sigh).
    if (source.next !== null && source.next.length === 1 && DIGITS.includes(source.next)) {
      escape += source.get();
      if (OCTDIGITS.includes(escape[1]) && OCTDIGITS.includes(escape[2]) && source.next !== null && source.next.length === 1 && OCTDIGITS.includes(source.next)) {
        escape += source.get();
        const v = parseInt(escape.slice(1), 8);
        if (v > 0o377) throw source.error(`octal escape value ${escape} outside of range 0-0o377`, escape.length);
        return { t: 'char', cp: v };
      }
    }
    const group = parseInt(escape.slice(1), 10);
    if (group < groups(state)) {
      if (!checkgroup(state, group)) throw source.error('cannot refer to an open group', escape.length);
      checklookbehindgroup(state, group, source);
      return { t: 'backref', group };
    }
    throw source.error(`invalid group reference ${group}`, escape.length - 1);
  }
  if (ASCIILETTERS.test(c)) throw source.error(`bad escape ${escape}`, escape.length);
  return { t: 'char', cp: c.codePointAt(0)! };
}

/** Parses a Python `re` pattern; throws PythonRegexError exactly where Python would raise re.error. */
export function parsePython(pattern: string, initialFlags = 0): ParsedPattern {
  const source = new Tokenizer(pattern);
  const state: State = { flags: initialFlags, groupdict: new Map(), groupwidths: [[0, 0]], lookbehindgroups: null, grouprefpos: new Map() };
  const body = parseSub(source, state, (initialFlags & FLAG_X) !== 0, 0, 0);
  if (state.flags & FLAG_L) throw new PythonRegexError('cannot use LOCALE flag with a str pattern', 0);
  if (state.flags & FLAG_A && state.flags & FLAG_U) throw new PythonRegexError('ASCII and UNICODE flags are incompatible', 0);
  if (source.next !== null) throw source.error('unbalanced parenthesis');
  for (const [g, pos] of state.grouprefpos) {
    if (g >= groups(state)) throw new PythonRegexError(`invalid group reference ${g}`, pos);
  }
  checkLookbehinds(body, state.groupwidths);
  return { body, flags: state.flags, groupCount: groups(state) - 1, groupNames: state.groupdict };
}

function parseSub(source: Tokenizer, state: State, verbose: boolean, nested: number, start: number): Alt {
  const branches: Seq[] = [];
  const begin = source.tell();
  for (;;) {
    branches.push(parseSeq(source, state, verbose, nested + 1, nested === 0 && branches.length === 0));
    if (!source.match('|')) break;
    if (nested === 0) verbose = (state.flags & FLAG_X) !== 0;
  }
  void start;
  return { t: 'alt', branches, start: begin, end: source.tell() };
}

const REPEAT_CODES = new Set(['repeat']);

function parseSeq(source: Tokenizer, state: State, verbose: boolean, nested: number, first: boolean): Seq {
  if (nested > MAX_NESTING) throw source.error('too deeply nested for tracelint to check');
  const seq: Seq = [];
  for (;;) {
    const thisStart = source.tell();
    let t = source.next;
    if (t === null) break;
    if (t === '|' || t === ')') break;
    source.get();
    if (verbose) {
      if (WHITESPACE.includes(t) && t.length === 1) continue;
      if (t === '#') {
        for (;;) {
          t = source.get();
          if (t === null || t === '\n') break;
        }
        continue;
      }
    }
    if (t[0] === '\\') {
      const code = escapeCode(source, t, state);
      seq.push({ ...code, start: thisStart, end: source.tell() } as Node);
    } else if (!SPECIAL_CHARS.includes(t)) {
      seq.push({ t: 'char', cp: t.codePointAt(0)!, start: thisStart, end: source.tell() });
    } else if (t === '[') {
      seq.push(parseClass(source, thisStart));
    } else if ('*+?{'.includes(t)) {
      const here = source.tell();
      let min = 0;
      let max = MAXREPEAT;
      if (t === '?') max = 1;
      else if (t === '+') min = 1;
      else if (t === '{') {
        if (source.next === '}') {
          seq.push({ t: 'char', cp: 0x7b, start: thisStart, end: source.tell() });
          continue;
        }
        let lo = '';
        let hi = '';
        while (source.next !== null && source.next.length === 1 && DIGITS.includes(source.next)) lo += source.get();
        if (source.match(',')) {
          while (source.next !== null && source.next.length === 1 && DIGITS.includes(source.next)) hi += source.get();
        } else hi = lo;
        if (!source.match('}')) {
          seq.push({ t: 'char', cp: 0x7b, start: thisStart, end: thisStart + 1 });
          source.seek(here);
          continue;
        }
        if (lo) {
          min = Number(lo);
          if (min >= MAXREPEAT) throw new PythonRegexError('the repetition number is too large', thisStart, source.tell());
        }
        if (hi) {
          max = Number(hi);
          if (max >= MAXREPEAT) throw new PythonRegexError('the repetition number is too large', thisStart, source.tell());
          if (max < min) throw source.error('min repeat greater than max repeat', source.tell() - here);
        }
      }
      const item = seq[seq.length - 1];
      if (!item || item.t === 'assert') throw source.error('nothing to repeat', source.tell() - here + t.length);
      if (REPEAT_CODES.has(item.t)) throw source.error('multiple repeat', source.tell() - here + t.length);
      let mode: 'greedy' | 'lazy' | 'possessive' = 'greedy';
      if (source.match('?')) mode = 'lazy';
      else if (source.match('+')) mode = 'possessive';
      seq[seq.length - 1] = { t: 'repeat', min, max, mode, body: item, start: item.start, end: source.tell() };
    } else if (t === '.') {
      seq.push({ t: 'any', start: thisStart, end: source.tell() });
    } else if (t === '(') {
      const node = parseGroup(source, state, verbose, nested, first, seq.length === 0, thisStart);
      if (node === 'flags') {
        verbose = (state.flags & FLAG_X) !== 0;
        continue;
      }
      if (node !== null) seq.push(node);
    } else if (t === '^') {
      seq.push({ t: 'assert', kind: 'bol', start: thisStart, end: source.tell() });
    } else if (t === '$') {
      seq.push({ t: 'assert', kind: 'eol', start: thisStart, end: source.tell() });
    }
  }
  return seq;
}

function parseClass(source: Tokenizer, here: number): Node {
  const items: ClassItem[] = [];
  const negate = source.match('^');
  for (;;) {
    const t = source.get();
    if (t === null) throw source.error('unterminated character set', source.tell() - here);
    if (t === ']' && items.length > 0) break;
    let code1: ClassItem = t[0] === '\\' ? classEscape(source, t) : { k: 'char', cp: t.codePointAt(0)! };
    // Python checks `if set`, which counts items already appended; a `]` right after `[` or `[^` is literal.
    if (source.match('-')) {
      const that = source.get();
      if (that === null) throw source.error('unterminated character set', source.tell() - here);
      if (that === ']') {
        items.push(code1, { k: 'char', cp: 0x2d });
        break;
      }
      const code2: ClassItem = that[0] === '\\' ? classEscape(source, that) : { k: 'char', cp: that.codePointAt(0)! };
      if (code1.k !== 'char' || code2.k !== 'char' || code2.cp < code1.cp) {
        throw source.error(`bad character range ${t}-${that}`, t.length + 1 + that.length);
      }
      code1 = { k: 'range', lo: code1.cp, hi: code2.cp };
    }
    items.push(code1);
  }
  return { t: 'class', negate, items, start: here, end: source.tell() };
}

function parseGroup(source: Tokenizer, state: State, verbose: boolean, nested: number, first: boolean, seqEmpty: boolean, start: number): Node | null | 'flags' {
  let capture = true;
  let atomic = false;
  let name: string | null = null;
  let addFlags = 0;
  let delFlags = 0;
  if (source.match('?')) {
    const char = source.get();
    if (char === null) throw source.error('unexpected end of pattern');
    if (char === 'P') {
      if (source.match('<')) {
        name = source.getuntil('>', 'group name');
        source.checkgroupname(name, 1);
      } else if (source.match('=')) {
        const ref = source.getuntil(')', 'group name');
        source.checkgroupname(ref, 1);
        const gid = state.groupdict.get(ref);
        if (gid === undefined) throw source.error(`unknown group name ${pyRepr(ref)}`, ref.length + 1);
        if (!checkgroup(state, gid)) throw source.error('cannot refer to an open group', ref.length + 1);
        checklookbehindgroup(state, gid, source);
        return { t: 'backref', group: gid, start, end: source.tell() };
      } else {
        const c = source.get();
        if (c === null) throw source.error('unexpected end of pattern');
        throw source.error(`unknown extension ?P${c}`, c.length + 2);
      }
    } else if (char === ':') {
      capture = false;
    } else if (char === '#') {
      for (;;) {
        if (source.next === null) throw source.error('missing ), unterminated comment', source.tell() - start);
        if (source.get() === ')') break;
      }
      return null;
    } else if ('=!<'.includes(char)) {
      let c = char;
      let behind = false;
      let lookbehindgroups: number | null = null;
      if (c === '<') {
        const d = source.get();
        if (d === null) throw source.error('unexpected end of pattern');
        if (!'=!'.includes(d) || d.length !== 1) throw source.error(`unknown extension ?<${d}`, d.length + 2);
        c = d;
        behind = true;
        lookbehindgroups = state.lookbehindgroups;
        if (lookbehindgroups === null) state.lookbehindgroups = groups(state);
      }
      const body = parseSub(source, state, verbose, nested + 1, start);
      if (behind && lookbehindgroups === null) state.lookbehindgroups = null;
      if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
      return { t: 'look', behind, negate: c === '!', body, start, end: source.tell() };
    } else if (char === '(') {
      const condname = source.getuntil(')', 'group name');
      let condgroup: number;
      if (isIdentifier(condname)) {
        source.checkgroupname(condname, 1);
        const g = state.groupdict.get(condname);
        if (g === undefined) throw source.error(`unknown group name ${pyRepr(condname)}`, condname.length + 1);
        condgroup = g;
      } else {
        if (!/^[0-9]+$/.test(condname)) throw source.error(`bad character in group name ${pyRepr(condname)}`, condname.length + 1);
        condgroup = Number(condname);
        if (!condgroup) throw source.error('bad group number', condname.length + 1);
        if (condgroup >= MAXGROUPS) throw source.error(`invalid group reference ${condgroup}`, condname.length + 1);
        if (!state.grouprefpos.has(condgroup)) state.grouprefpos.set(condgroup, source.tell() - condname.length - 1);
      }
      checklookbehindgroup(state, condgroup, source);
      const yes = parseSeq(source, state, verbose, nested + 1, false);
      let no: Seq | null = null;
      if (source.match('|')) {
        no = parseSeq(source, state, verbose, nested + 1, false);
        if (source.next === '|') throw source.error('conditional backref with more than two branches');
      }
      if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
      return { t: 'cond', group: condgroup, yes, no, start, end: source.tell() };
    } else if (char === '>') {
      capture = false;
      atomic = true;
    } else if (char in FLAGS || char === '-') {
      const flags = parseFlags(source, state, char);
      if (flags === null) {
        if (!first || !seqEmpty) throw source.error('global flags not at the start of the expression', source.tell() - start);
        return 'flags';
      }
      [addFlags, delFlags] = flags;
      capture = false;
    } else {
      throw source.error(`unknown extension ?${char}`, char.length + 1);
    }
  }
  let index: number | null = null;
  if (capture) {
    index = groups(state);
    state.groupwidths.push(undefined);
    if (groups(state) > MAXGROUPS) throw source.error('too many groups', name ? name.length + 1 : 0);
    if (name !== null) {
      const ogid = state.groupdict.get(name);
      if (ogid !== undefined) throw source.error(`redefinition of group name ${pyRepr(name)} as group ${index}; was group ${ogid}`, name.length + 1);
      state.groupdict.set(name, index);
    }
  }
  const subVerbose = (verbose || (addFlags & FLAG_X) !== 0) && !(delFlags & FLAG_X);
  const body = parseSub(source, state, subVerbose, nested + 1, start);
  if (!source.match(')')) throw source.error('missing ), unterminated subpattern', source.tell() - start);
  if (index !== null) state.groupwidths[index] = altWidth(body, state.groupwidths);
  if (index === null && !atomic && !addFlags && !delFlags) return { t: 'alt', branches: body.branches, start, end: source.tell() };
  return { t: 'group', index, name, atomic, addFlags, delFlags, body, start, end: source.tell() };
}

function parseFlags(source: Tokenizer, state: State, char: string | null): [number, number] | null {
  let addFlags = 0;
  let delFlags = 0;
  if (char !== '-') {
    for (;;) {
      const flag = FLAGS[char!];
      if (char === 'L') throw source.error("bad inline flags: cannot use 'L' flag with a str pattern");
      addFlags |= flag;
      if (flag & TYPE_FLAGS && (addFlags & TYPE_FLAGS) !== flag) throw source.error("bad inline flags: flags 'a', 'u' and 'L' are incompatible");
      char = source.get();
      if (char === null) throw source.error('missing -, : or )');
      if (')-:'.includes(char) && char.length === 1) break;
      if (!(char in FLAGS)) throw source.error(/^\p{L}$/u.test(char) ? 'unknown flag' : 'missing -, : or )', char.length);
    }
  }
  if (char === ')') {
    state.flags |= addFlags;
    return null;
  }
  if (addFlags & GLOBAL_FLAGS) throw source.error('bad inline flags: cannot turn on global flag', 1);
  if (char === '-') {
    char = source.get();
    if (char === null) throw source.error('missing flag');
    if (!(char in FLAGS)) throw source.error(/^\p{L}$/u.test(char) ? 'unknown flag' : 'missing flag', char.length);
    for (;;) {
      const flag = FLAGS[char];
      if (flag & TYPE_FLAGS) throw source.error("bad inline flags: cannot turn off flags 'a', 'u' and 'L'");
      delFlags |= flag;
      char = source.get();
      if (char === null) throw source.error('missing :');
      if (char === ':') break;
      if (!(char in FLAGS)) throw source.error(/^\p{L}$/u.test(char) ? 'unknown flag' : 'missing :', char.length);
    }
  }
  if (delFlags & GLOBAL_FLAGS) throw source.error('bad inline flags: cannot turn off global flag', 1);
  if (addFlags & delFlags) throw source.error('bad inline flags: flag turned on and off', 1);
  return [addFlags, delFlags];
}

/** Python checks lookbehind widths when compiling; the error then has no position, we give the group's. */
function checkLookbehinds(root: Alt, gw: ReadonlyArray<[number, number] | undefined>): void {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    switch (n.t) {
      case 'look':
        if (n.behind) {
          const [lo, hi] = altWidth(n.body, gw);
          if (lo !== hi) throw new PythonRegexError('look-behind requires fixed-width pattern', n.start, n.end);
        }
        for (const b of n.body.branches) stack.push(...b);
        break;
      case 'group':
        for (const b of n.body.branches) stack.push(...b);
        break;
      case 'alt':
        for (const b of n.branches) stack.push(...b);
        break;
      case 'repeat':
        stack.push(n.body);
        break;
      case 'cond':
        stack.push(...n.yes, ...(n.no ?? []));
        break;
      default:
        break;
    }
  }
}
