// Compiling a user's custom pattern (Python `re` syntax) for the engine, which runs it on every
// string of every trace. Untrusted workspace configuration can carry a catastrophic regex aimed at
// the linter itself, so a custom pattern never runs unguarded:
//   1. RE2 (re2js, linear time) whenever the translation can say the pattern in RE2 syntax with
//      Python's meaning: no backreferences, lookaround, atomic groups or possessive quantifiers.
//   2. Otherwise JavaScript's RegExp on the exact translation, directly once recheck has judged it
//      safe (a cached verdict; compiling such a pattern starts that check in the background), and
//      until then inside `vm` with a hard time limit per call (250 ms, plus 1 ms per 4,000
//      characters of text); a pattern that hits the limit is switched off for the rest of the
//      process and says so in `problems`.
// The engine is synchronous on its hot path, which is why the limit is a watchdog (vm's `timeout`
// interrupts a running regex) rather than an asynchronous worker.
import * as vm from 'node:vm';
import { RE2JS } from 're2js';
import { translatePython, type Translation } from './translate';
import { cachedVerdict, checkRegex } from './checker';

export interface GuardedPattern {
  /** Every non-overlapping non-empty match in `text`, as [start, end) offsets. */
  matchAll(text: string): Array<{ start: number; end: number }>;
  /** Whether the whole of `text` matches (Python `re.fullmatch`). */
  fullMatch(text: string): boolean;
  /** Which engine runs it: `linear` (RE2), `backtracking` (JavaScript, guarded). */
  readonly engine: 'linear' | 'backtracking';
  /** Where the translation cannot match Python exactly (shown to the user, never hidden). */
  readonly notes: readonly string[];
  /** Problems met while running (a time limit hit); empty while all is well. */
  readonly problems: readonly string[];
}

export type CompileResult =
  | { ok: true; pattern: GuardedPattern }
  | { ok: false; error: string; kind?: 'invalid' | 'untranslatable'; start?: number; end?: number };

export interface GuardOptions {
  /** Python flags as letters (`"i"`, `"ms"`). */
  flags?: string;
  /** Hard limit for one backtracking call on a short text, in milliseconds. Default 250. */
  timeLimitMs?: number;
}

const sandbox = vm.createContext({ re: null as RegExp | null, text: '', out: null as number[] | null });
const runAll = new vm.Script('out = []; for (const m of text.matchAll(re)) { if (m[0].length > 0) out.push(m.index, m.index + m[0].length); }');
const runFull = new vm.Script('out = re.test(text) ? [1] : [];');

export function compileCustomPattern(pythonSource: string, options: GuardOptions = {}): CompileResult {
  const t = translatePython(pythonSource, options.flags ?? '');
  if (!t.ok) {
    const what = t.kind === 'invalid' ? 'Python rejects this pattern' : 'tracelint cannot run this pattern faithfully';
    return { ok: false, error: `${what}: ${t.message} (at position ${t.start})`, kind: t.kind, start: t.start, end: t.end };
  }
  return { ok: true, pattern: new Guarded(t, options.timeLimitMs ?? 250) };
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 0x7f) return false;
  return true;
}

class Guarded implements GuardedPattern {
  readonly engine: 'linear' | 'backtracking';
  readonly notes: string[];
  readonly problems: string[] = [];
  private readonly re2: RE2JS | null = null;
  private readonly re2Info: { dollarAtEnd: boolean; asciiBoundary: boolean } | null = null;
  private readonly global: RegExp;
  private readonly full: RegExp;
  private disabled = false;

  constructor(private readonly t: Translation, private readonly limitMs: number) {
    this.notes = t.notes;
    if ('source' in t.re2) {
      try {
        this.re2 = RE2JS.compile(t.re2.source);
        this.re2Info = t.re2;
      } catch {
        this.re2 = null;
      }
    }
    this.engine = this.re2 ? 'linear' : 'backtracking';
    this.global = new RegExp(t.source, t.flags + 'g');
    this.full = new RegExp(`^(?:${t.source})$`, t.flags);
    if (this.engine === 'backtracking') {
      // Pay V8's first-run costs (regexp compilation, Unicode tables) now, not inside a time limit.
      for (const [script, re] of [[runAll, this.global], [runFull, this.full]] as const) {
        try {
          this.run(script, re, '', 1000);
        } catch {
          // A warm-up that fails says nothing about real texts.
        }
      }
      // Ask recheck in the background: once it says safe, calls run without the watchdog.
      if (!cachedVerdict(t.source, t.flags)) checkRegex(t.source, t.flags).catch(() => undefined);
    }
  }

  /** RE2 can run this text with Python's meaning (see translate.ts: `$` and `\b` caveats). */
  private linearFits(text: string): boolean {
    if (!this.re2 || !this.re2Info) return false;
    if (this.re2Info.dollarAtEnd && text.endsWith('\n')) return false;
    if (this.re2Info.asciiBoundary && !isAscii(text)) return false;
    return true;
  }

  matchAll(text: string): Array<{ start: number; end: number }> {
    if (this.linearFits(text)) {
      const out: Array<{ start: number; end: number }> = [];
      const m = this.re2!.matcher(text);
      while (m.find()) if (m.end() > m.start()) out.push({ start: m.start(), end: m.end() });
      return out;
    }
    const flat = this.runBacktracking(runAll, this.global, text);
    const out: Array<{ start: number; end: number }> = [];
    for (let i = 0; i < flat.length; i += 2) out.push({ start: flat[i], end: flat[i + 1] });
    return out;
  }

  fullMatch(text: string): boolean {
    if (this.linearFits(text)) return this.re2!.matcher(text).matches();
    return this.runBacktracking(runFull, this.full, text).length > 0;
  }

  private runBacktracking(script: vm.Script, re: RegExp, text: string): number[] {
    if (this.disabled) return [];
    // recheck found no catastrophic backtracking: no watchdog needed.
    const safe = cachedVerdict(this.t.source, this.t.flags)?.status === 'safe';
    const limit = this.limitMs + Math.floor(text.length / 4000);
    try {
      return this.run(script, re, text, safe ? undefined : limit);
    } catch (e) {
      if ((e as { code?: string }).code !== 'ERR_SCRIPT_EXECUTION_TIMEOUT') throw e;
      this.disabled = true;
      this.problems.push(`matching took longer than ${limit} ms on a ${text.length}-character value; the pattern is switched off for this run`);
      return [];
    }
  }

  private run(script: vm.Script, re: RegExp, text: string, timeout: number | undefined): number[] {
    re.lastIndex = 0;
    sandbox.re = re;
    sandbox.text = text;
    sandbox.out = null;
    try {
      if (timeout === undefined) script.runInContext(sandbox);
      else script.runInContext(sandbox, { timeout });
      return (sandbox.out as number[] | null) ?? [];
    } finally {
      sandbox.re = null;
      sandbox.text = '';
      sandbox.out = null;
    }
  }
}
