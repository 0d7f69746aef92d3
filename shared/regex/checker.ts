// recheck, run off the main thread: its native backend (the recheck-<os>-<arch> package, a child
// process) where the binary exists, its worker backend (a worker thread) where it does not.
// Verdicts are cached by JavaScript source + flags, so a pattern is judged once per process; each
// check has a time budget, and a check that runs out of it is `unknown` with that reason. Checks run
// side by side, one per core (slots.ts): recheck's native agent runs each request on a thread of its own.
import { createRequire } from 'node:module';
import { alone, inSlot, slotCount } from './slots';

export type Backend = 'native' | 'worker';

export interface RecheckVerdict {
  status: 'safe' | 'vulnerable' | 'unknown';
  checker?: 'automaton' | 'fuzz';
  complexity?: { type: 'exponential' } | { type: 'polynomial'; degree: number };
  /** The attack recheck found: the whole string, and how it is built (prefix + pump^n + suffix). */
  attack?: { string: string; pumps: Array<{ prefix: string; pump: string }>; suffix: string };
  /** Offsets into the JavaScript source that recheck blames. */
  hotspots: Array<{ start: number; end: number }>;
  /** Why the verdict is `unknown`. */
  reason?: string;
  /** `unknown` because recheck's (wall-clock) budget ran out. */
  timedOut?: boolean;
  backend: Backend;
  /** How long the check took, in milliseconds (0 when served from the cache). */
  ms: number;
  cached: boolean;
}

export interface CheckOptions {
  /** Time budget of one check in milliseconds (recheck's own `timeout`). Default 10000, recheck's own. */
  timeoutMs?: number;
  /** Force a backend; default: native where its binary exists, else worker. */
  backend?: Backend;
  signal?: AbortSignal;
  /**
   * Run with nothing of ours beside it (slots.ts `alone`): for checks recheck gives its fuzzer, whose
   * attack search runs under wall-clock limits, so that its findings do not depend on which other
   * checks happened to run beside it.
   */
  alone?: boolean;
}

const cache = new Map<string, Promise<RecheckVerdict>>();
const settled = new Map<string, RecheckVerdict>();
const localRequire = createRequire(__filename);

function key(source: string, flags: string, backend: Backend): string {
  return `${backend}\u0000${flags}\u0000${source}`;
}

let nativeAvailable: boolean | undefined;

/** Whether recheck's native binary for this platform is installed. */
export function hasNativeBackend(): boolean {
  if (nativeAvailable === undefined) {
    const os = ({ darwin: 'macos', linux: 'linux', win32: 'windows' } as Record<string, string>)[process.platform];
    try {
      localRequire.resolve(`recheck-${os}-${process.arch}/package.json`);
      nativeAvailable = os !== undefined;
    } catch {
      nativeAvailable = false;
    }
  }
  return nativeAvailable;
}

export function defaultBackend(): Backend {
  return hasNativeBackend() ? 'native' : 'worker';
}

/** A verdict already in the cache, without starting a check (the guard asks this synchronously). */
export function cachedVerdict(source: string, flags: string): RecheckVerdict | undefined {
  return settled.get(key(source, flags, 'native')) ?? settled.get(key(source, flags, 'worker'));
}

/** Checks a JavaScript regex with recheck; one check per source + flags + backend, ever. */
export function checkRegex(source: string, flags: string, options: CheckOptions = {}): Promise<RecheckVerdict> {
  const backend = options.backend ?? defaultBackend();
  const k = key(source, flags, backend);
  const hit = settled.get(k);
  if (hit) return Promise.resolve({ ...hit, ms: 0, cached: true });
  let p = cache.get(k);
  if (!p) {
    // A check that ran out of its wall-clock budget beside other checks is run once more alone: on
    // a busy machine, sharing the cores can be what made it late (Presidio's datetime recognizer:
    // 4 s alone, over 10 s beside another check and two busy processes).
    p = (options.alone ? alone : inSlot)(() => runCheck(source, flags, backend, options))
      .then((v) => (v.timedOut && slotCount() > 1 && !options.alone && !options.signal?.aborted ? alone(() => runCheck(source, flags, backend, options)) : v))
      .then((v) => {
        // A cancelled check is not a verdict: forget it so that the next caller checks again.
        if (v.reason === 'cancelled') cache.delete(k);
        else settled.set(k, v);
        return v;
      });
    cache.set(k, p);
    return p;
  }
  return p.then((v) => ({ ...v, ms: 0, cached: true }));
}

/** Forgets every verdict (tests and the benchmark measure first checks with it). */
export function clearVerdictCache(): void {
  cache.clear();
  settled.clear();
}

interface RecheckModule {
  check(source: string, flags: string, params: Record<string, unknown>): Promise<any>;
}

let recheckModule: RecheckModule | undefined;

/** recheck's `check` with the backend chosen (recheck reads RECHECK_BACKEND synchronously when called, before its first await). */
function recheckCall(backend: Backend, source: string, flags: string, params: Record<string, unknown>): Promise<any> {
  recheckModule ??= localRequire('recheck') as RecheckModule;
  const previous = process.env.RECHECK_BACKEND;
  process.env.RECHECK_BACKEND = backend;
  try {
    return recheckModule.check(source, flags, params);
  } finally {
    if (previous === undefined) delete process.env.RECHECK_BACKEND;
    else process.env.RECHECK_BACKEND = previous;
  }
}

let nativeAgent: Promise<void> | undefined;

/**
 * recheck starts its native agent on the first check, and two first checks at once would each start
 * one (it remembers the agent only once started): one trivial check first, alone, so that every
 * check of the process goes to the same agent.
 */
function oneAgent(): Promise<void> {
  nativeAgent ??= Promise.resolve()
    .then(() => recheckCall('native', 'a', '', { timeout: 10000 }))
    .then(() => undefined, () => undefined);
  return nativeAgent;
}

async function runCheck(source: string, flags: string, backend: Backend, options: CheckOptions): Promise<RecheckVerdict> {
  const timeoutMs = options.timeoutMs ?? 10000;
  if (backend === 'native') await oneAgent();
  const started = Date.now();
  let promise: Promise<any>;
  try {
    promise = recheckCall(backend, source, flags, { timeout: timeoutMs, signal: options.signal });
  } catch (e) {
    promise = Promise.reject(e);
  }
  let r: any;
  try {
    r = await promise;
  } catch (e) {
    return { status: 'unknown', reason: `recheck failed: ${(e as Error).message}`, hotspots: [], backend, ms: Date.now() - started, cached: false };
  }
  const ms = Date.now() - started;
  if (r.status === 'unknown') {
    const err = r.error ?? {};
    const reason = err.kind === 'timeout' ? `recheck did not finish within ${timeoutMs / 1000} s`
      : err.kind === 'cancel' ? 'cancelled'
      : `recheck: ${err.kind ?? 'error'}${err.message ? ` (${err.message})` : ''}`;
    return { status: 'unknown', checker: r.checker, reason, ...(err.kind === 'timeout' ? { timedOut: true } : {}), hotspots: [], backend, ms, cached: false };
  }
  if (r.status === 'safe') return { status: 'safe', checker: r.checker, hotspots: [], backend, ms, cached: false };
  const complexity = r.complexity.type === 'exponential' ? { type: 'exponential' as const } : { type: 'polynomial' as const, degree: r.complexity.degree as number };
  return {
    status: 'vulnerable',
    checker: r.checker,
    complexity,
    attack: {
      string: r.attack.string,
      pumps: (r.attack.pumps as Array<{ prefix: string; pump: string }>).map((p) => ({ prefix: p.prefix, pump: p.pump })),
      suffix: r.attack.suffix,
    },
    hotspots: (r.hotspot as Array<{ start: number; end: number }>).map((h) => ({ start: h.start, end: h.end })),
    backend,
    ms,
    cached: false,
  };
}
