// Python `re` -> JavaScript RegExp (u flag) and -> RE2 syntax, from the AST of python-parser.ts.
// The JavaScript form is exact wherever JavaScript can say it (it is what recheck judges and what the
// guard runs when RE2 cannot); the RE2 form exists only when RE2 can run the pattern with Python's
// meaning. Every emitted code unit remembers the Python span it came from, so that recheck's hotspot
// (an offset in the JavaScript source) lands on the right characters of the user's literal.
// Recursion follows group nesting only, which the parser bounds (MAX_NESTING).
import {
  parsePython, PythonRegexError, UnresolvedName, FLAG_A, FLAG_I, FLAG_M, FLAG_S, FLAG_X, FLAG_U,
  type Alt, type ClassItem, type Node, type ParsedPattern, type Seq, MAXREPEAT,
} from './python-parser';
import { caseVariants, categoryAtoms, classChar, foldRanges, literalChar, normalize, rangesAtoms, wordClass, type Target } from './charset';

export interface PatternError {
  ok: false;
  /** `invalid`: Python itself rejects it. `untranslatable`: valid Python that tracelint cannot run or judge faithfully. */
  kind: 'invalid' | 'untranslatable';
  message: string;
  /** [start, end) in the Python pattern (UTF-16 units). */
  start: number;
  end: number;
}

export interface Translation {
  ok: true;
  /** JavaScript source, for `new RegExp(source, flags)` and for recheck. */
  source: string;
  flags: string;
  /** RE2 syntax with Python's meaning, or why there is none (then only the JavaScript form runs). */
  re2: { source: string; dollarAtEnd: boolean; asciiBoundary: boolean } | { reason: string };
  /** Where JavaScript's meaning differs from Python's in a way the translation could not avoid. */
  notes: string[];
  parsed: ParsedPattern;
  /** Maps a [start, end) range of `source` back to the Python pattern. */
  toPython(start: number, end: number): { start: number; end: number };
}

export type TranslateResult = Translation | PatternError;

const FLAG_LETTERS: Record<string, number> = { i: FLAG_I, m: FLAG_M, s: FLAG_S, x: FLAG_X, a: FLAG_A, u: FLAG_U };

/** Python `re` flags given as letters (`"ims"`), as configuration files write them. */
export function flagsFromLetters(letters: string): number {
  let f = 0;
  for (const c of letters) f |= FLAG_LETTERS[c] ?? 0;
  return f;
}

class Out {
  text = '';
  starts: number[] = [];
  ends: number[] = [];
  emit(s: string, start: number, end: number): void {
    this.text += s;
    for (let i = 0; i < s.length; i++) {
      this.starts.push(start);
      this.ends.push(end);
    }
  }
}

class Unsupported extends Error {
  constructor(message: string, readonly start: number, readonly end: number) {
    super(message);
  }
}

interface Ctx {
  flags: number;
}

/** How one emitter run behaves: which target, and whether IGNORECASE is left to the target's own flag. */
interface Mode {
  target: Target;
  nativeCase: boolean;
  /** Python group index -> group index in the output (atomic emulation adds groups in JavaScript). */
  groupIndex: number[];
  nextGroup: number;
  notes: Set<string>;
  dollarAtEnd: boolean;
  asciiBoundary: boolean;
  optionalGroups: Set<number>;
  analysis: boolean;
  relaxBounds: boolean;
}

export interface TranslateOptions {
  /**
   * For recheck's analysis only: `$` and `\b` are written the plain JavaScript way, which keeps
   * recheck on its exact automaton checker; the difference (a final newline, non-ASCII word
   * characters) does not change whether a pattern backtracks catastrophically.
   */
  analysis?: boolean;
  /**
   * With `analysis`: every bounded repeat of one character (`[\w-]{10,128}`, `[a-z]{0,62}`, `\d{35}`)
   * is written unbounded (`{2,}`, `*`), the form recheck's automaton checker can judge where the
   * bounded one sends it to its fuzzer (see `judge.ts`: only a `safe` verdict of that form, or a
   * polynomial one whose hotspots all lie in repeats bounded as written, is used).
   */
  relaxBounds?: boolean;
}

export function translatePython(pattern: string, flagLetters = '', options: TranslateOptions = {}): TranslateResult {
  let parsed: ParsedPattern;
  try {
    parsed = parsePython(pattern, flagsFromLetters(flagLetters));
  } catch (e) {
    if (e instanceof PythonRegexError) return { ok: false, kind: 'invalid', message: e.message, start: e.pos, end: e.end };
    if (e instanceof UnresolvedName) {
      return { ok: false, kind: 'untranslatable', message: `\\N{${e.charName}} names a Unicode character; tracelint cannot resolve character names, write the character or \\uXXXX instead`, start: e.pos, end: e.end };
    }
    throw e;
  }
  const caseRegions = scopedCase(parsed.body);
  const ascii = (parsed.flags & FLAG_A) !== 0;
  const anyCase = (parsed.flags & FLAG_I) !== 0 || caseRegions;
  const optional = optionalGroups(parsed.body);
  const jsMode: Mode = {
    target: 'js', nativeCase: !caseRegions && !(ascii && anyCase), groupIndex: [0], nextGroup: 1,
    notes: new Set(), dollarAtEnd: false, asciiBoundary: false, optionalGroups: optional, analysis: options.analysis === true, relaxBounds: options.analysis === true && options.relaxBounds === true,
  };
  const js = new Out();
  try {
    emitAlt(parsed.body, { flags: parsed.flags }, jsMode, js, true);
  } catch (e) {
    if (e instanceof Unsupported) return { ok: false, kind: 'untranslatable', message: e.message, start: e.start, end: e.end };
    throw e;
  }
  const flags = jsMode.nativeCase && parsed.flags & FLAG_I ? 'iu' : 'u';
  try {
    new RegExp(js.text, flags);
  } catch (e) {
    return { ok: false, kind: 'untranslatable', message: `tracelint's JavaScript translation failed (${(e as Error).message})`, start: 0, end: pattern.length };
  }
  const re2 = translateRe2(parsed, ascii && anyCase, optional);
  const starts = js.starts;
  const ends = js.ends;
  return {
    ok: true,
    source: js.text,
    flags,
    re2,
    notes: [...jsMode.notes],
    parsed,
    toPython(start, end) {
      let s = Infinity;
      let e = -1;
      for (let i = Math.max(0, start); i < Math.min(end, starts.length); i++) {
        s = Math.min(s, starts[i]);
        e = Math.max(e, ends[i]);
      }
      if (e < 0) return { start: 0, end: pattern.length };
      return { start: s, end: e };
    },
  };
}

function translateRe2(parsed: ParsedPattern, manualCase: boolean, optional: Set<number>): Translation['re2'] {
  const mode: Mode = {
    target: 're2', nativeCase: !manualCase, groupIndex: [0], nextGroup: 1,
    notes: new Set(), dollarAtEnd: false, asciiBoundary: false, optionalGroups: optional, analysis: false, relaxBounds: false,
  };
  const out = new Out();
  try {
    emitAlt(parsed.body, { flags: parsed.flags }, mode, out, true);
  } catch (e) {
    if (e instanceof Unsupported) return { reason: e.message };
    throw e;
  }
  const prefix = mode.nativeCase && parsed.flags & FLAG_I ? '(?i)' : '';
  return { source: prefix + out.text, dollarAtEnd: mode.dollarAtEnd, asciiBoundary: mode.asciiBoundary };
}

/** Whether IGNORECASE is switched on or off for part of the pattern only. */
function scopedCase(root: Alt): boolean {
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.t === 'group' && (n.addFlags | n.delFlags) & FLAG_I) return true;
    pushChildren(n, stack);
  }
  return false;
}

function pushChildren(n: Node, stack: Node[]): void {
  switch (n.t) {
    case 'alt': for (const b of n.branches) stack.push(...b); break;
    case 'group': case 'look': for (const b of n.body.branches) stack.push(...b); break;
    case 'repeat': stack.push(n.body); break;
    case 'cond': stack.push(...n.yes, ...(n.no ?? [])); break;
    default: break;
  }
}

/** Groups that may not take part in a match (under `?`/`*`/`{0,}`, or in one branch of several). */
function optionalGroups(root: Alt): Set<number> {
  const out = new Set<number>();
  const stack: Array<[Node, boolean]> = root.branches.length > 1 ? root.branches.flat().map((n) => [n, true]) : root.branches.flat().map((n) => [n, false]);
  while (stack.length) {
    const [n, opt] = stack.pop()!;
    if (n.t === 'group' && n.index !== null && opt) out.add(n.index);
    const kids: Node[] = [];
    pushChildren(n, kids);
    const childOpt = opt || (n.t === 'repeat' && n.min === 0) || ((n.t === 'alt' || n.t === 'group' || n.t === 'look') && (n.t === 'alt' ? n.branches : n.body.branches).length > 1) || n.t === 'cond' || n.t === 'look';
    for (const k of kids) stack.push([k, childOpt]);
  }
  return out;
}

function emitAlt(a: { branches: Seq[]; start: number; end: number }, ctx: Ctx, mode: Mode, out: Out, top: boolean): void {
  const wrap = !top && a.branches.length > 1;
  if (wrap) out.emit('(?:', a.start, a.end);
  a.branches.forEach((b, i) => {
    if (i > 0) out.emit('|', a.start, a.end);
    for (const n of b) emitNode(n, ctx, mode, out);
  });
  if (wrap) out.emit(')', a.start, a.end);
}

function caseOn(ctx: Ctx, mode: Mode): boolean {
  return !mode.nativeCase && (ctx.flags & FLAG_I) !== 0;
}

function emitNode(n: Node, ctx: Ctx, mode: Mode, out: Out): void {
  const ascii = (ctx.flags & FLAG_A) !== 0;
  const T = mode.target;
  switch (n.t) {
    case 'char': {
      if (caseOn(ctx, mode)) {
        const v = caseVariants(n.cp, ascii);
        if (v.length > 1) {
          out.emit(`[${rangesAtoms(normalize(v.map((c) => [c, c])), T)}]`, n.start, n.end);
          return;
        }
      }
      out.emit(literalChar(n.cp, T), n.start, n.end);
      return;
    }
    case 'any':
      out.emit(ctx.flags & FLAG_S ? (T === 'js' ? '[\\s\\S]' : '(?s:.)') : '[^\\n]', n.start, n.end);
      return;
    case 'cat': {
      const c = categoryAtoms(n.cat, ascii);
      out.emit(c.negatedWord ? `[^${categoryAtoms('w', ascii).atoms}]` : `[${rangesAtoms(c.ranges, T)}${c.atoms}]`, n.start, n.end);
      return;
    }
    case 'class':
      emitClass(n, ctx, mode, out);
      return;
    case 'assert':
      emitAssert(n.kind, n.start, n.end, ctx, mode, out);
      return;
    case 'alt':
      emitAlt(n, ctx, mode, out, false);
      return;
    case 'group': {
      const inner: Ctx = { flags: (ctx.flags | n.addFlags) & ~n.delFlags };
      const caseChange = mode.nativeCase && T === 're2' && ((n.addFlags | n.delFlags) & FLAG_I) !== 0;
      const caseFlag = caseChange ? (inner.flags & FLAG_I ? 'i' : '-i') : '';
      if (n.atomic && mode.analysis) {
        // For recheck, an atomic group is an ordinary one: atomicity only removes backtracking, so
        // the verdict errs on the side of caution, and the timing (on the exact form) settles it.
        out.emit('(?:', n.start, n.end);
        emitAlt(n.body, inner, mode, out, true);
        out.emit(')', n.start, n.end);
        return;
      }
      if (n.atomic) {
        if (T === 're2') throw new Unsupported('an atomic group (?>...) needs a backtracking engine', n.start, n.end);
        const g = mode.nextGroup++;
        out.emit('(?=(', n.start, n.end);
        emitAlt(n.body, inner, mode, out, true);
        out.emit(`))\\${g}`, n.start, n.end);
        return;
      }
      if (n.index !== null) {
        mode.groupIndex[n.index] = mode.nextGroup++;
        out.emit(caseFlag ? `((?${caseFlag}:` : '(', n.start, n.end);
        emitAlt(n.body, inner, mode, out, true);
        out.emit(caseFlag ? '))' : ')', n.start, n.end);
        return;
      }
      out.emit(caseFlag ? `(?${caseFlag}:` : '(?:', n.start, n.end);
      emitAlt(n.body, inner, mode, out, true);
      out.emit(')', n.start, n.end);
      return;
    }
    case 'look': {
      if (T === 're2') throw new Unsupported('lookaround needs a backtracking engine', n.start, n.end);
      out.emit(`(?${n.behind ? '<' : ''}${n.negate ? '!' : '='}`, n.start, n.end);
      emitAlt(n.body, ctx, mode, out, true);
      out.emit(')', n.start, n.end);
      return;
    }
    case 'backref': {
      if (T === 're2') throw new Unsupported('a backreference needs a backtracking engine', n.start, n.end);
      if (mode.optionalGroups.has(n.group)) {
        mode.notes.add(`the backreference to group ${n.group} matches an empty string in JavaScript when that group did not take part in the match; Python fails there`);
      }
      if (caseOn(ctx, mode)) mode.notes.add('a backreference under a scoped (?i:...) compares case-sensitively in the translation');
      out.emit(`(?:\\${mode.groupIndex[n.group]})`, n.start, n.end);
      return;
    }
    case 'cond':
      throw new Unsupported(`the conditional group (?(${n.group})...) has no JavaScript equivalent`, n.start, n.end);
    case 'repeat':
      emitRepeat(n, ctx, mode, out);
      return;
  }
}

function emitRepeat(n: Extract<Node, { t: 'repeat' }>, ctx: Ctx, mode: Mode, out: Out): void {
  const T = mode.target;
  if (n.mode === 'possessive' && T === 're2') throw new Unsupported('a possessive quantifier needs a backtracking engine', n.start, n.end);
  const max = n.max >= MAXREPEAT ? Infinity : n.max;
  if (T === 're2' && (n.min > 1000 || (max !== Infinity && max > 1000))) throw new Unsupported('RE2 allows at most 1000 repetitions', n.start, n.end);
  const b = n.body;
  const single = b.t === 'char' || b.t === 'any' || b.t === 'class' || b.t === 'cat';
  // For recheck only: an unbounded repeat of one character with a large minimum (`[A-Za-z0-9+/=]{20,}`)
  // is judged as `{2,}`. The chain of 20 copies of one class has a single path through it, so the
  // class of the backtracking (none, polynomial of degree k, exponential) is the same, while recheck's
  // automaton grows with every copy: TraceCraft's `AccountKey=[A-Za-z0-9+/=]{20,}` took 2.3 s of
  // recheck's CPU as written and 0.1 s so, and `xox[bpar]-[0-9]{10,}-...` moved from the fuzzer
  // (whose verdicts depend on load) to the automaton (whose do not).
  // With relaxBounds, a bounded repeat of one character is judged unbounded (from at most 2): every
  // way the bounded chain can match is a way the unbounded one can, one path per length in both.
  const relax = mode.relaxBounds && single && max !== Infinity && max > 1;
  const top = relax ? Infinity : max;
  const min = mode.analysis && single && top === Infinity && n.min > 2 ? 2 : n.min;
  let q = min === 0 && top === Infinity ? '*' : min === 1 && top === Infinity ? '+' : min === 0 && top === 1 ? '?'
    : top === Infinity ? `{${min},}` : min === top ? `{${min}}` : `{${min},${top}}`;
  if (n.mode === 'lazy') q += '?';
  // Possessive repeats are judged as greedy ones by recheck (see atomic groups above).
  const g = n.mode === 'possessive' && !mode.analysis ? mode.nextGroup++ : 0;
  if (g) out.emit('(?=(', n.start, n.end);
  const atomic = single || (b.t === 'group' && !b.atomic);
  if (!atomic) out.emit('(?:', b.start, b.end);
  emitNode(b, ctx, mode, out);
  if (!atomic) out.emit(')', b.start, b.end);
  out.emit(q, b.end, n.end);
  if (g) out.emit(`))\\${g}`, n.start, n.end);
}

function emitClass(n: Extract<Node, { t: 'class' }>, ctx: Ctx, mode: Mode, out: Out): void {
  const T = mode.target;
  const ascii = (ctx.flags & FLAG_A) !== 0;
  let ranges: Array<[number, number]> = [];
  let atoms = '';
  let negWord = false;
  for (const it of n.items as ClassItem[]) {
    if (it.k === 'char') ranges.push([it.cp, it.cp]);
    else if (it.k === 'range') ranges.push([it.lo, it.hi]);
    else {
      const c = categoryAtoms(it.cat, ascii);
      if (c.negatedWord) negWord = true;
      else {
        atoms += c.atoms;
        ranges.push(...c.ranges);
      }
    }
  }
  ranges = normalize(ranges);
  if (caseOn(ctx, mode)) ranges = foldRanges(ranges, ascii);
  if (ranges.length === 1 && ranges[0][0] === 0 && ranges[0][1] === 0x10ffff && !atoms && !negWord) {
    out.emit(n.negate ? '[^\\s\\S]' : '[\\s\\S]', n.start, n.end);
    return;
  }
  const body = rangesAtoms(ranges, T) + atoms;
  if (!negWord) {
    // An empty positive class cannot occur (Python needs one item); `[^...]` of everything is fine.
    out.emit(`[${n.negate ? '^' : ''}${body}]`, n.start, n.end);
    return;
  }
  const word = categoryAtoms('w', ascii).atoms;
  if (!n.negate) {
    out.emit(body ? `(?:[${body}]|[^${word}])` : `[^${word}]`, n.start, n.end);
    return;
  }
  if (!body) {
    out.emit(`[${word}]`, n.start, n.end);
    return;
  }
  if (T === 're2') throw new Unsupported('a negated class holding \\W needs lookahead', n.start, n.end);
  out.emit(`(?:(?![${body}])[${word}])`, n.start, n.end);
}

function emitAssert(kind: 'bos' | 'eos' | 'bol' | 'eol' | 'wb' | 'nwb', start: number, end: number, ctx: Ctx, mode: Mode, out: Out): void {
  const T = mode.target;
  const ascii = (ctx.flags & FLAG_A) !== 0;
  const multi = (ctx.flags & FLAG_M) !== 0;
  let s: string;
  switch (kind) {
    case 'bos': s = T === 'js' ? '^' : '\\A'; break;
    case 'eos': s = T === 'js' ? '$' : '\\z'; break;
    case 'bol': s = multi ? (T === 'js' ? '(?<![^\\n])' : '(?m:^)') : (T === 'js' ? '^' : '\\A'); break;
    case 'eol':
      if (multi) s = T === 'js' ? '(?![^\\n])' : '(?m:$)';
      else if (T === 'js') s = mode.analysis ? '$' : '(?=\\n?$)';
      else {
        // RE2 cannot say "before a final newline": the guard runs this form only on text without one.
        mode.dollarAtEnd = true;
        s = '\\z';
      }
      break;
    case 'wb': case 'nwb': {
      if (T === 're2' || ascii || mode.analysis) {
        if (T === 're2' && !ascii) mode.asciiBoundary = true;
        if (T === 'js' && ascii && mode.nativeCase && ctx.flags & FLAG_I) {
          // JavaScript's \b under the i and u flags counts U+017F and U+212A as word characters.
          const w = wordClass(true, T);
          s = kind === 'wb' ? `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))` : `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`;
        } else s = kind === 'wb' ? '\\b' : '\\B';
        break;
      }
      const w = wordClass(false, T);
      s = kind === 'wb' ? `(?:(?<=${w})(?!${w})|(?<!${w})(?=${w}))` : `(?:(?<=${w})(?=${w})|(?<!${w})(?!${w}))`;
      break;
    }
  }
  out.emit(s, start, end);
}

export { PythonRegexError };
