// The verdict on one custom pattern, as the rules report it: Python's own rejection, a pattern
// tracelint cannot translate, or recheck's judgement of the translation, with polynomial verdicts
// confirmed (or not) by timing and bounded-repeat false alarms downgraded. Judgements are cached by
// pattern + flags for the life of the process; a cancelled one is not cached.
import { checkRegex, type Backend, type RecheckVerdict } from './checker';
import { confirmByTiming, type Confirmation, type ConfirmOptions } from './confirm';
import { translatePython } from './translate';
import { readVerdict, writeVerdict, type VerdictKey } from './verdict-cache';
import { FLAG_I, MAXREPEAT, parsePython, type Alt, type Node } from './python-parser';

export interface Span2 {
  start: number;
  end: number;
}

export type Severity = 'error' | 'warning' | 'none';

/** What a vulnerable pattern costs in CPython (TraceCraft's runtime), estimated from the timing. */
export interface Cost {
  /** Estimated CPython time, in milliseconds, on a 10 KB and a 100 KB attack string. */
  at10k: number;
  at100k: number;
  /** Whether 10 KB / 100 KB lay within the measured sizes (else extrapolated from the growth). */
  measured10k: boolean;
  measured100k: boolean;
}

export type Judgement =
  | { kind: 'invalid' | 'untranslatable'; message: string; span: Span2 }
  | { kind: 'safe'; notes: string[]; backend: Backend; ms: number; /** Judged with bounded repeats unbounded (see `relaxed` below). */ relaxed?: boolean }
  | { kind: 'unknown'; reason: string; notes: string[]; backend: Backend; ms: number }
  | {
    kind: 'vulnerable';
    complexity: { type: 'exponential' } | { type: 'polynomial'; degree: number };
    /** Which recheck checker found it: the automaton's verdicts are exact, the fuzzer's a lead. */
    checker?: 'automaton' | 'fuzz';
    /** The attack string, escaped and truncated for messages. */
    attack: string;
    attackLength: number;
    /** The repeated part of the attack, escaped. */
    pump: string;
    /** The attack as recheck built it (prefix + pump^n per part, then the suffix), unescaped. */
    attackParts: { pumps: Array<{ prefix: string; pump: string }>; suffix: string };
    /** Hotspots as [start, end) in the Python pattern. */
    hotspots: Span2[];
    /**
     * Hotspots that are plain literal text (`token=`, `http`): where a search starts over, not where
     * it backtracks. `source` is the repeat that does the backtracking (the innermost repeat holding
     * a hotspot that is not literal), when there is one.
     */
    literalHotspots: Span2[];
    source?: Span2;
    confirmation?: Confirmation;
    /**
     * recheck judged the pattern with its bounded one-character repeats unbounded (its automaton
     * checker, where the bounded form would need its fuzzer): the class and hotspots are that form's.
     */
    relaxed?: boolean;
    /** Why the verdict is milder than recheck's class, when it is. */
    downgrade?: { reason: 'bounded' | 'measured-linear' | 'not-confirmed'; repeats: string[] };
    /**
     * error: exponential or of degree 3 and more; warning: quadratic (or not confirmed by timing);
     * none: linear in practice (bounded repeats, or measured linear), not a finding.
     */
    severity: Severity;
    /** The degree the severity rests on (recheck's exact one, or the measured growth for the fuzzer's). */
    degree?: number;
    cost?: Cost;
    notes: string[];
    backend: Backend;
    ms: number;
  };

export interface JudgeOptions {
  flags?: string;
  /**
   * The pattern is only ever used with `re.fullmatch` (TraceCraft's allowlist patterns): it is judged
   * anchored at both ends, where `.+@.+` is linear though a search with it is quadratic.
   */
  fullMatch?: boolean;
  /** recheck's time budget, ms. */
  timeoutMs?: number;
  backend?: Backend;
  signal?: AbortSignal;
  confirm?: ConfirmOptions;
  /**
   * false: never judge bounded repeats unbounded first, always the pattern as written (the corpus
   * test checks that shortcut against it). Such judgements are not stored in the verdict cache.
   */
  relaxBounds?: boolean;
}

const judgements = new Map<string, Promise<Judgement>>();

export function judgePattern(pattern: string, options: JudgeOptions = {}): Promise<Judgement> {
  const key = `${options.backend ?? ''}\u0000${options.flags ?? ''}\u0000${options.fullMatch ? 'full' : 'search'}\u0000${options.relaxBounds === false ? 'exact' : ''}\u0000${pattern}`;
  let p = judgements.get(key);
  if (!p) {
    p = options.relaxBounds === false ? judge(pattern, options) : persisted({ pattern, flags: options.flags ?? '', usage: options.fullMatch ? 'fullmatch' : 'search', syntax: 'python' }, () => judge(pattern, options));
    judgements.set(key, p);
    void p.then((j) => {
      if (j.kind === 'unknown' && j.reason === 'cancelled') judgements.delete(key);
    });
  }
  return p;
}

/**
 * The verdict from the persistent cache (verdict-cache.ts), else judged and stored. Only settled
 * verdicts are stored: not `unknown` (a budget ran out, or the check was cancelled), not one whose
 * timing the wall-clock safety net cut short, and not the quick answers (invalid, untranslatable).
 */
async function persisted(key: VerdictKey, run: () => Promise<Judgement>): Promise<Judgement> {
  const hit = readVerdict<Judgement>(key);
  if (hit && (hit.kind === 'safe' || hit.kind === 'vulnerable')) return { ...hit, ms: 0 };
  const j = await run();
  if (j.kind === 'safe' || (j.kind === 'vulnerable' && !j.confirmation?.incomplete)) writeVerdict(key, j);
  return j;
}

export function clearJudgements(): void {
  judgements.clear();
}

/** A string for a message: control and non-ASCII characters escaped, at most `max` characters shown. */
export function escapeForMessage(s: string, max = 32): string {
  let out = '';
  for (const ch of s) {
    if (out.length >= max) return `${out}…`;
    const c = ch.codePointAt(0)!;
    out += ch === '"' ? '\\"' : ch === '\\' ? '\\\\' : c < 0x20 || c === 0x7f ? `\\x${c.toString(16).padStart(2, '0')}`
      : c > 0x7e ? (c > 0xffff ? `\\U${c.toString(16).padStart(8, '0')}` : `\\u${c.toString(16).padStart(4, '0')}`) : ch;
  }
  return out;
}

async function judge(pattern: string, options: JudgeOptions): Promise<Judgement> {
  const exec = translatePython(pattern, options.flags ?? '');
  if (!exec.ok) return { kind: exec.kind, message: exec.message, span: { start: exec.start, end: exec.end } };
  const analysis = translatePython(pattern, options.flags ?? '', { analysis: true });
  if (!analysis.ok) return { kind: analysis.kind, message: analysis.message, span: { start: analysis.start, end: analysis.end } };
  // Anchoring adds `^(?:` in front (4 code units), which the hotspot map steps back over.
  const wrap = options.fullMatch ? (src: string) => `^(?:${src})$` : (src: string) => src;
  const shift = options.fullMatch ? 4 : 0;
  const relaxed = options.relaxBounds !== false && repeatCount(analysis.parsed.body) > RECHECK_MAX_REPEAT_COUNT ? translatePython(pattern, options.flags ?? '', { analysis: true, relaxBounds: true }) : undefined;
  return verdict({
    analysis: {
      source: wrap(analysis.source),
      flags: analysis.flags,
      toPattern: (start, end) => analysis.toPython(Math.max(0, start - shift), Math.max(0, end - shift)),
    },
    ...(relaxed?.ok && relaxed.source !== analysis.source ? {
      relaxed: {
        source: wrap(relaxed.source),
        flags: relaxed.flags,
        toPattern: (start: number, end: number) => relaxed.toPython(Math.max(0, start - shift), Math.max(0, end - shift)),
      },
    } : {}),
    exec: { source: wrap(exec.source), flags: exec.flags },
    body: analysis.parsed.body,
    pattern,
    notes: exec.notes,
  }, options);
}

/**
 * The same judgement for one of tracelint's own JavaScript regexes (the built-in detectors). The
 * bounded-repeat analysis reads the source with the Python parser, whose syntax these simple
 * regexes share; when it cannot, no verdict is downgraded.
 */
export function judgeJsRegex(re: RegExp, options: Omit<JudgeOptions, 'flags'> = {}): Promise<Judgement> {
  const flags = re.flags.replace(/[gyd]/g, '');
  let body: Alt | undefined;
  try {
    body = parsePython(re.source, flags.includes('i') ? FLAG_I : 0).body;
  } catch {
    body = undefined;
  }
  return persisted({ pattern: re.source, flags, usage: options.fullMatch ? 'fullmatch' : 'search', syntax: 'js' }, () => verdict({
    analysis: { source: re.source, flags, toPattern: (start, end) => ({ start, end }) },
    exec: { source: re.source, flags },
    body,
    pattern: re.source,
    notes: [],
  }, options));
}

/**
 * recheck leaves its automaton checker for its fuzzer when the repeat counts of a pattern add up to
 * more than this (its `maxRepeatCount`): the fuzzer is slower (TraceCraft's email rule: 1.5 s of
 * CPU, most of it one attack run cut by a 1 s wall-clock limit) and its verdicts depend on load.
 */
const RECHECK_MAX_REPEAT_COUNT = 30;

/**
 * The repeat counts of the analysis form added up as recheck does: each repeat's upper bound, or its
 * lower one when unbounded (which the analysis form writes as at most 2 for one character, `{36,}`
 * as `{2,}`: see translate.ts).
 */
function repeatCount(root: Alt): number {
  let sum = 0;
  for (const n of nodes(root)) {
    if (n.t !== 'repeat') continue;
    const single = n.body.t === 'char' || n.body.t === 'any' || n.body.t === 'class' || n.body.t === 'cat';
    sum += n.max >= MAXREPEAT ? (single ? Math.min(n.min, 2) : n.min) : n.max;
  }
  return sum;
}

type Analysis = { source: string; flags: string; toPattern(start: number, end: number): Span2 };

interface Subject {
  /** What recheck judges, and how its offsets map back to the pattern as written. */
  analysis: Analysis;
  /**
   * The analysis form with every bounded one-character repeat unbounded (translate.ts relaxBounds),
   * judged first when the pattern's repeat counts would send recheck to its fuzzer.
   */
  relaxed?: Analysis;
  /** What the timing runs: the exact meaning. */
  exec: { source: string; flags: string };
  body: Alt | undefined;
  pattern: string;
  notes: string[];
}

/**
 * Whether recheck will judge the pattern as written with its fuzzer: a backreference or a lookaround
 * (which its automaton does not handle), or repeat counts past its limit. Such a check runs alone.
 */
function fuzzProne(root: Alt | undefined): boolean {
  if (!root) return true;
  return nodes(root).some((n) => n.t === 'backref' || n.t === 'look' || n.t === 'cond') || repeatCount(root) > RECHECK_MAX_REPEAT_COUNT;
}

async function verdict(subject: Subject, options: JudgeOptions): Promise<Judgement> {
  const { analysis, exec } = subject;
  const recheck = (a: Analysis, alone = false) => checkRegex(a.source, a.flags, { timeoutMs: options.timeoutMs, backend: options.backend, signal: options.signal, alone });
  // The relaxed form first. Its automaton's `safe` holds for the pattern as written: a bounded
  // repeat of one character matches a subset of what the unbounded one does, along the same single
  // path per length, so the bounded pattern has no way to backtrack that the relaxed one lacks. A
  // polynomial verdict whose hotspots all lie in repeats bounded as written is the bounded-repeat
  // downgrade below, from exact hotspots. Anything else (exponential, a hotspot in a repeat that is
  // unbounded as written, the fuzzer, unknown) is decided on the pattern as written.
  if (subject.relaxed && subject.body) {
    const r = await recheck(subject.relaxed);
    if (r.checker === 'automaton' && r.status === 'safe') return { kind: 'safe', notes: subject.notes, backend: r.backend, ms: r.ms, relaxed: true };
    if (r.checker === 'automaton' && r.status === 'vulnerable' && r.complexity?.type === 'polynomial') {
      const judged = vulnerable(subject, subject.relaxed, r);
      const repeats = boundedRepeatsAt(subject.body, judged.hotspots, subject.pattern);
      if (repeats.length > 0) {
        judged.relaxed = true;
        judged.downgrade = { reason: 'bounded', repeats };
        judged.severity = 'none';
        return judged;
      }
    }
  }
  const v: RecheckVerdict = await recheck(analysis, fuzzProne(subject.body));
  const base = { notes: subject.notes, backend: v.backend, ms: v.ms };
  if (v.status === 'safe') return { kind: 'safe', ...base };
  if (v.status === 'unknown') return { kind: 'unknown', reason: v.reason ?? 'recheck gave no reason', ...base };
  const judged = vulnerable(subject, analysis, v);
  // Bounded repeats at every hotspot cap the backtracking from each start position, so the time
  // is linear in the input (TraceCraft's email rule: {0,62} and {0,61}). Decided from the pattern
  // alone, before any timing: the same answer on any machine.
  const repeats = subject.body ? boundedRepeatsAt(subject.body, judged.hotspots, subject.pattern) : [];
  if (judged.complexity.type === 'polynomial' && repeats.length > 0) {
    judged.downgrade = { reason: 'bounded', repeats };
    judged.severity = 'none';
    return judged;
  }
  const confirmation = await confirmByTiming(exec.source, exec.flags, v.attack!, {
    // recheck's automaton proves an exponential class exactly: the attack overruns any limit within
    // a few more pumps, so a quarter of the limit confirms it as surely and spends a quarter of it.
    ...(judged.complexity.type === 'exponential' && judged.checker === 'automaton' ? { perSizeMs: EXPONENTIAL_PER_SIZE_MS } : {}),
    ...options.confirm,
  });
  judged.confirmation = confirmation;
  grade(judged, confirmation);
  return judged;
}

/** The CPU-time limit of one size when timing an exponential class the automaton proved. */
const EXPONENTIAL_PER_SIZE_MS = 250;

/** A vulnerable verdict of recheck's, its offsets mapped back to the pattern (severity still to grade). */
function vulnerable(subject: Subject, a: Analysis, v: RecheckVerdict): Extract<Judgement, { kind: 'vulnerable' }> {
  const hotspots = mergeSpans(v.hotspots.map((h) => a.toPattern(h.start, h.end)));
  const attack = v.attack!;
  const { literal, source } = subject.body ? hotspotRoles(subject.body, hotspots) : { literal: [], source: undefined };
  return {
    kind: 'vulnerable',
    complexity: v.complexity!,
    ...(v.checker ? { checker: v.checker } : {}),
    attack: escapeForMessage(attack.string),
    attackLength: [...attack.string].length,
    pump: escapeForMessage(attack.pumps.map((p) => p.pump).join(''), 16),
    attackParts: { pumps: attack.pumps, suffix: attack.suffix },
    hotspots,
    literalHotspots: literal,
    ...(source ? { source } : {}),
    severity: 'error',
    notes: subject.notes,
    backend: v.backend,
    ms: v.ms,
  };
}

/**
 * The measured exponent from which a fuzzer's polynomial verdict counts as degree 3 (an error). V8's
 * quadratic attacks measure up to n^2.4 (cache effects at the large sizes: the realm pattern of
 * CVE-2020-8492, which CPython runs in n^2.0), cubic ones n^2.9 to n^3.1.
 */
const CUBIC_EXPONENT = 2.7;

/** Severity and cost from recheck's class and the timing (CPU time: the same under any load). */
export function grade(judged: Extract<Judgement, { kind: 'vulnerable' }>, c: Confirmation): void {
  if (judged.complexity.type === 'exponential') {
    if (c.confirmed) {
      judged.severity = 'error';
      return;
    }
    // The fuzzer calls an attack exponential when its wall-clock limit runs out first, which a busy
    // machine makes happen: measured linear to a long string (CPU time), it is a false alarm.
    if (judged.checker === 'fuzz' && measuredLinear(c)) {
      judged.downgrade = { reason: 'measured-linear', repeats: [] };
      judged.severity = 'none';
      return;
    }
    // Timing the exact form did not reproduce it: recheck's verdict stands, as a warning.
    judged.downgrade = { reason: 'not-confirmed', repeats: [] };
    judged.severity = 'warning';
    judged.cost = costOf(c, 2);
    return;
  }
  // The automaton's degree is exact; the fuzzer's depends on the attack it happened to find, so
  // the measured growth decides there (and wherever it is higher than the automaton's).
  const measured = c.exponent !== null && c.exponent >= CUBIC_EXPONENT ? 3 : 2;
  const degree = judged.checker === 'automaton' ? judged.complexity.degree : c.exponent === null ? judged.complexity.degree : measured;
  judged.degree = degree;
  if (c.confirmed) {
    judged.severity = degree >= 3 ? 'error' : 'warning';
    if (judged.severity === 'warning') judged.cost = costOf(c, degree);
    return;
  }
  if (measuredLinear(c)) {
    judged.downgrade = { reason: 'measured-linear', repeats: [] };
    judged.severity = 'none';
    return;
  }
  judged.downgrade = { reason: 'not-confirmed', repeats: [] };
  judged.severity = 'warning';
  judged.cost = costOf(c, Math.max(1, c.exponent ?? 2));
}

/**
 * CPython's time on an attack over V8's: python3 3.11 took 2.2 to 7 times V8's CPU time on the
 * quadratic attacks of test/unit/regex-corpus.test.ts (`token=([^;]*);` about 5.8, a URL pattern
 * about 2.5, `\s+$` about 5.5); `npm run bench regex` prints the ratio on this machine.
 */
export const CPYTHON_PER_V8 = 5;

/**
 * Estimated CPython time at 10 KB and 100 KB: interpolated between the measured sizes around it,
 * or extrapolated from the largest measured size along the growth (the measured exponent, at least
 * `degree`'s when the size lies beyond the measurements, which is where the asymptote rules).
 */
export function costOf(c: Confirmation, degree: number): Cost | undefined {
  const pts = c.measurements.filter((m) => m.ms > 0);
  if (pts.length === 0) return undefined;
  const k = Math.max(degree, c.exponent ?? degree);
  const at = (n: number): { ms: number; measured: boolean } => {
    const last = pts[pts.length - 1];
    if (n > last.chars) return { ms: last.ms * (n / last.chars) ** k, measured: false };
    const i = pts.findIndex((m) => m.chars >= n);
    if (i <= 0) return { ms: pts[0].ms * (n / pts[0].chars) ** k, measured: true };
    const a = pts[i - 1];
    const b = pts[i];
    const slope = Math.log(b.ms / a.ms) / Math.log(b.chars / a.chars);
    return { ms: a.ms * (n / a.chars) ** slope, measured: true };
  };
  const ten = at(10_000);
  const hundred = at(100_000);
  return { at10k: ten.ms * CPYTHON_PER_V8, at100k: hundred.ms * CPYTHON_PER_V8, measured10k: ten.measured, measured100k: hundred.measured };
}

/** The attack ran to a long string and time grew no faster than the input: a fuzzing false alarm. */
export const LINEAR_EVIDENCE_CHARS = 65536;

function measuredLinear(c: Confirmation): boolean {
  const last = c.measurements[c.measurements.length - 1];
  // No exponent means no size took 2 ms: to a long string, faster than any super-linear attack runs.
  return !c.timedOut && !c.incomplete && (c.exponent === null || c.exponent < 1.3) && last !== undefined && last.chars >= LINEAR_EVIDENCE_CHARS;
}

/** Whether a node matches fixed literal text only (characters, in groups or alternations of them). */
function isLiteral(n: Node): boolean {
  if (n.t === 'char') return true;
  if (n.t === 'group') return n.body.branches.every((b) => b.every(isLiteral));
  if (n.t === 'alt') return n.branches.every((b) => b.every(isLiteral));
  return false;
}

function nodes(root: Alt): Node[] {
  const all: Node[] = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    all.push(n);
    if (n.t === 'repeat') stack.push(n.body);
    else if (n.t === 'alt') for (const b of n.branches) stack.push(...b);
    else if (n.t === 'group' || n.t === 'look') for (const b of n.body.branches) stack.push(...b);
    else if (n.t === 'cond') stack.push(...n.yes, ...(n.no ?? []));
  }
  return all;
}

/**
 * Which hotspots are plain literal text outside every repeat (`token=`, `http`: the user cannot
 * make them backtrack less, a search merely starts over at each), and the repeat that does the
 * backtracking: the innermost unbounded-enough repeat holding the first other hotspot.
 */
function hotspotRoles(root: Alt, hotspots: Span2[]): { literal: Span2[]; source?: Span2 } {
  const all = nodes(root);
  const repeats = all.filter((n): n is Extract<Node, { t: 'repeat' }> => n.t === 'repeat' && n.max > 1);
  const literal: Span2[] = [];
  let source: Span2 | undefined;
  for (const h of hotspots) {
    const inRepeat = repeats.some((r) => r.start <= h.start && h.end <= r.end);
    const inside = all.filter((n) => n.t !== 'alt' && h.start <= n.start && n.end <= h.end && n.end > n.start);
    if (!inRepeat && inside.length > 0 && inside.every((n) => isLiteral(n))) {
      literal.push(h);
      continue;
    }
    if (!source) {
      const holder = repeats.filter((r) => r.start <= h.start && h.end <= r.end).sort((a, b) => (a.end - a.start) - (b.end - b.start))[0];
      if (holder) source = { start: holder.start, end: holder.end };
    }
  }
  return { literal, ...(source ? { source } : {}) };
}

function mergeSpans(spans: Span2[]): Span2[] {
  const s = [...spans].sort((a, b) => a.start - b.start);
  const out: Span2[] = [];
  for (const x of s) {
    const last = out[out.length - 1];
    if (last && x.start <= last.end) last.end = Math.max(last.end, x.end);
    else out.push({ ...x });
  }
  return out;
}

/** Repeats bounded above this are treated like unbounded ones (RE2's own repetition limit). */
const MAX_BOUND = 1000;

/**
 * The bounded repeats (`{0,62}`) that contain a hotspot, as written; empty unless every hotspot
 * lies inside one (an unbounded repeat at a hotspot keeps the verdict).
 */
function boundedRepeatsAt(root: Alt, hotspots: Span2[], pattern: string): string[] {
  const repeats: Array<Extract<Node, { t: 'repeat' }>> = [];
  const stack: Node[] = [root];
  while (stack.length) {
    const n = stack.pop()!;
    if (n.t === 'repeat') {
      repeats.push(n);
      stack.push(n.body);
    } else if (n.t === 'alt') for (const b of n.branches) stack.push(...b);
    else if (n.t === 'group' || n.t === 'look') for (const b of n.body.branches) stack.push(...b);
    else if (n.t === 'cond') stack.push(...n.yes, ...(n.no ?? []));
  }
  const used = new Set<string>();
  for (const h of hotspots) {
    // Every repeat (of more than one) holding the hotspot must be bounded, the innermost one is
    // named; a hotspot outside every such repeat (a single class before or after one) cannot
    // backtrack by itself and is skipped.
    const holders = repeats.filter((r) => r.max > 1 && r.start <= h.start && h.end <= r.end).sort((a, b) => (a.end - a.start) - (b.end - b.start));
    if (holders.length === 0) continue;
    if (holders.some((r) => r.max > MAX_BOUND)) return [];
    used.add(pattern.slice(holders[0].body.end, holders[0].end));
  }
  return [...used];
}
