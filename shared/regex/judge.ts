// The verdict on one custom pattern, as the rules report it: Python's own rejection, a pattern
// tracelint cannot translate, or recheck's judgement of the translation, with polynomial verdicts
// confirmed (or not) by timing and bounded-repeat false alarms downgraded. Judgements are cached by
// pattern + flags for the life of the process; a cancelled one is not cached.
import { checkRegex, type Backend, type RecheckVerdict } from './checker';
import { confirmByTiming, type Confirmation, type ConfirmOptions } from './confirm';
import { translatePython } from './translate';
import { FLAG_I, MAXREPEAT, parsePython, type Alt, type Node } from './python-parser';

export interface Span2 {
  start: number;
  end: number;
}

export type Judgement =
  | { kind: 'invalid' | 'untranslatable'; message: string; span: Span2 }
  | { kind: 'safe'; notes: string[]; backend: Backend; ms: number }
  | { kind: 'unknown'; reason: string; notes: string[]; backend: Backend; ms: number }
  | {
    kind: 'vulnerable';
    complexity: { type: 'exponential' } | { type: 'polynomial'; degree: number };
    /** The attack string, escaped and truncated for messages. */
    attack: string;
    attackLength: number;
    /** The repeated part of the attack, escaped. */
    pump: string;
    /** Hotspots as [start, end) in the Python pattern. */
    hotspots: Span2[];
    confirmation?: Confirmation;
    /** Why a polynomial verdict is not an error, when it is not. */
    downgrade?: { reason: 'bounded' | 'measured-linear' | 'not-confirmed'; repeats: string[] };
    severity: 'error' | 'warning' | 'info';
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
}

const judgements = new Map<string, Promise<Judgement>>();

export function judgePattern(pattern: string, options: JudgeOptions = {}): Promise<Judgement> {
  const key = `${options.backend ?? ''}\u0000${options.flags ?? ''}\u0000${options.fullMatch ? 'full' : 'search'}\u0000${pattern}`;
  let p = judgements.get(key);
  if (!p) {
    p = judge(pattern, options);
    judgements.set(key, p);
    void p.then((j) => {
      if (j.kind === 'unknown' && j.reason === 'cancelled') judgements.delete(key);
    });
  }
  return p;
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
  return verdict({
    analysis: {
      source: wrap(analysis.source),
      flags: analysis.flags,
      toPattern: (start, end) => analysis.toPython(Math.max(0, start - shift), Math.max(0, end - shift)),
    },
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
  return verdict({
    analysis: { source: re.source, flags, toPattern: (start, end) => ({ start, end }) },
    exec: { source: re.source, flags },
    body,
    pattern: re.source,
    notes: [],
  }, options);
}

interface Subject {
  /** What recheck judges, and how its offsets map back to the pattern as written. */
  analysis: { source: string; flags: string; toPattern(start: number, end: number): Span2 };
  /** What the timing runs: the exact meaning. */
  exec: { source: string; flags: string };
  body: Alt | undefined;
  pattern: string;
  notes: string[];
}

async function verdict(subject: Subject, options: JudgeOptions): Promise<Judgement> {
  const { analysis, exec } = subject;
  const v: RecheckVerdict = await checkRegex(analysis.source, analysis.flags, { timeoutMs: options.timeoutMs, backend: options.backend, signal: options.signal });
  const base = { notes: subject.notes, backend: v.backend, ms: v.ms };
  if (v.status === 'safe') return { kind: 'safe', ...base };
  if (v.status === 'unknown') return { kind: 'unknown', reason: v.reason ?? 'recheck gave no reason', ...base };
  const hotspots = mergeSpans(v.hotspots.map((h) => analysis.toPattern(h.start, h.end)));
  const attack = v.attack!;
  const confirmation = await confirmByTiming(exec.source, exec.flags, attack, options.confirm);
  const judged: Extract<Judgement, { kind: 'vulnerable' }> = {
    kind: 'vulnerable',
    complexity: v.complexity!,
    attack: escapeForMessage(attack.string),
    attackLength: [...attack.string].length,
    pump: escapeForMessage(attack.pumps.map((p) => p.pump).join(''), 16),
    hotspots,
    confirmation,
    severity: 'error',
    ...base,
  };
  // A size that overran its time limit confirms the verdict outright.
  if (confirmation.timedOut) return judged;
  // Bounded repeats at every hotspot cap the backtracking from each start position, so the time
  // is linear in the input however the measurements between two sizes looked (TraceCraft's email
  // rule: {0,62} and {0,61}; its timings wobble on a busy machine but never run away).
  const repeats = subject.body ? boundedRepeatsAt(subject.body, hotspots, subject.pattern) : [];
  if (judged.complexity.type === 'polynomial' && repeats.length > 0) {
    judged.downgrade = { reason: 'bounded', repeats };
    judged.severity = 'info';
    return judged;
  }
  if (confirmation.confirmed) return judged;
  if (judged.complexity.type === 'polynomial' && measuredLinear(confirmation)) {
    judged.downgrade = { reason: 'measured-linear', repeats: [] };
    judged.severity = 'info';
  } else {
    // Timing the exact form did not reproduce it: recheck's verdict stands, as a warning.
    judged.downgrade = { reason: 'not-confirmed', repeats: [] };
    judged.severity = 'warning';
  }
  return judged;
}

/** The attack ran to a long string and time grew no faster than the input: a fuzzing false alarm. */
export const LINEAR_EVIDENCE_CHARS = 65536;

function measuredLinear(c: Confirmation): boolean {
  const last = c.measurements[c.measurements.length - 1];
  return !c.timedOut && c.exponent !== null && c.exponent < 1.3 && last !== undefined && last.chars >= LINEAR_EVIDENCE_CHARS;
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
