// Confirming a ReDoS verdict by measurement: the attack string recheck found is rebuilt at growing
// sizes (more pumps) and matched, with the exact translation, in a child process whose CPU time
// (not wall time) is what counts. Two busy processes beside tracelint slow the wall clock, never
// the CPU time a match needs, so the verdict does not depend on the machine's load:
//   - each size is timed by the child's own CPU clock (process.cpuUsage: user + system);
//   - the per-size limit is CPU time too: a watchdog thread in the child reads the same clock and
//     kills the child when one run of one size has used more than the limit (a running regex
//     cannot be interrupted any other way);
//   - the whole confirmation has a CPU budget, also counted by the child.
// A size that overruns its limit is a timeout, and a timeout on the attack recheck predicted is
// confirmation: the time ran away. Only a wall-clock safety net (many times the CPU budget, for a
// machine so starved that the child barely runs) ends a confirmation on wall time, and it says so
// (`incomplete`), so that no verdict silently rests on it.
// The result is the measured growth: how time scales when the input doubles, read from the largest
// sizes. Small sizes mislead: V8 runs TraceCraft's (linear) email rule 2.5x slower per character
// past about 30,000 characters, a one-off step that looks like n^2 between two sizes there and
// then disappears; the last doublings show the real trend.
import { spawn } from 'node:child_process';
import { inSlot } from './slots';

export interface Measurement {
  /** Length of the attack string, in characters. */
  chars: number;
  /** CPU time of the fastest run at this size, in milliseconds. */
  ms: number;
}

export interface Confirmation {
  measurements: Measurement[];
  /** Estimated exponent k in time ~ n^k over the measurements that took long enough to mean something. */
  exponent: number | null;
  /** A size used more CPU time than the per-size limit (the child was stopped there). */
  timedOut: boolean;
  /** Length of the attack string that timed out. */
  timedOutChars?: number;
  /** The wall-clock safety net ended the measurement (a starved machine): not evidence either way. */
  incomplete?: boolean;
  /** The growth is super-linear (exponent >= 1.5) or a size timed out. */
  confirmed: boolean;
}

export interface ConfirmOptions {
  /** CPU-time limit for one run of one size, in milliseconds. Default 1000. */
  perSizeMs?: number;
  /** CPU-time budget of the whole confirmation. Default 4000. */
  totalMs?: number;
  /** Largest attack string tried. Default 262,144 characters. */
  maxChars?: number;
}

// The child: reads its job as JSON on stdin, doubles the pump count until the watchdog stops a run
// (the per-size limit), the string reaches `maxChars` or the CPU budget is spent, and writes each
// measurement as one JSON line with a synchronous write (the watchdog may kill it at any moment).
// A slow size stops the doubling only once three sizes have shown the growth: stopping earlier
// leaves it unknown, while the next size either overruns the limit (confirmation) or shows the trend.
const CHILD = String.raw`
const fs = require('node:fs');
const { Worker } = require('node:worker_threads');
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const out = (o) => fs.writeSync(1, JSON.stringify(o) + '\n');
let input = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => { input += d; });
process.stdin.on('end', () => {
  const job = JSON.parse(input);
  // [CPU ms when the current run started, length of the string it runs on (0: no run)]
  const state = new Float64Array(new SharedArrayBuffer(16));
  const dog = new Worker(
    "const { workerData } = require('node:worker_threads');" +
    "const fs = require('node:fs');" +
    "const st = new Float64Array(workerData.buf);" +
    "setInterval(() => {" +
    "  if (st[1] === 0) return;" +
    "  const u = process.cpuUsage();" +
    "  if ((u.user + u.system) / 1000 - st[0] > workerData.limitMs) {" +
    "    fs.writeSync(1, JSON.stringify({ timeout: st[1] }) + '\\n');" +
    "    process.kill(process.pid, 'SIGKILL');" +
    "  }" +
    "}, 5);",
    { eval: true, workerData: { buf: state.buffer, limitMs: job.limitMs } },
  );
  dog.on('online', () => measure(job, state));
});
function measure({ source, flags, pumps, suffix, maxChars, stopMs, totalMs }, state) {
  const re = new RegExp(source, flags + 'g');
  const pumpLen = pumps.reduce((n, p) => n + p.prefix.length + p.pump.length, 0) || 1;
  let k = Math.max(1, Math.ceil(16 / pumpLen));
  let spent = 0;
  let timed = 0;
  for (;;) {
    const s = pumps.map((p) => p.prefix + p.pump.repeat(k)).join('') + suffix;
    // Up to three runs, the fastest kept: cache misses and interrupts only ever add time.
    let ms = Infinity;
    for (let run = 0; run < 3; run++) {
      state[0] = cpuMs();
      state[1] = s.length;
      for (const m of s.matchAll(re)) { void m; }
      const t = cpuMs() - state[0];
      state[1] = 0;
      spent += t;
      ms = Math.min(ms, t);
      if (ms > stopMs / 2) break;
    }
    out({ chars: s.length, ms });
    if (ms >= 2) timed++;
    // Slow and with the growth known (three sizes of 2 ms or more): the next size adds nothing.
    if ((ms > stopMs && timed >= 3) || s.length * 2 > maxChars || spent > totalMs) break;
    k *= 2;
  }
  process.exit(0);
}
`;

// Side by side with other confirmations and recheck's checks, one per core (slots.ts): the child's
// CPU time is what counts, and other work beside it does not change that. A confirmation goes before
// the checks still waiting: its verdict is under way.
export function confirmByTiming(
  source: string,
  flags: string,
  attack: { pumps: Array<{ prefix: string; pump: string }>; suffix: string },
  options: ConfirmOptions = {},
): Promise<Confirmation> {
  return inSlot(() => measure(source, flags, attack, options), true);
}

/** The wall-clock safety net: this many times the CPU budget, and at least 60 s. */
const WALL_FACTOR = 15;

function measure(
  source: string,
  flags: string,
  attack: { pumps: Array<{ prefix: string; pump: string }>; suffix: string },
  options: ConfirmOptions,
): Promise<Confirmation> {
  const perSizeMs = options.perSizeMs ?? 1000;
  const totalMs = options.totalMs ?? 4000;
  const maxChars = options.maxChars ?? 262144;
  const measurements: Measurement[] = [];
  return new Promise((resolve) => {
    let finished = false;
    let timedOutChars: number | undefined;
    let buffered = '';
    // In the editor the server runs on Electron's node: ELECTRON_RUN_AS_NODE makes its binary plain node.
    const child = spawn(process.execPath, ['--max-old-space-size=256', '-e', CHILD], {
      stdio: ['pipe', 'pipe', 'ignore'],
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
      windowsHide: true,
    });
    const finish = (incomplete: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(wallTimer);
      if (child.exitCode === null) child.kill('SIGKILL');
      const c = summarize(measurements, timedOutChars !== undefined);
      if (timedOutChars !== undefined) c.timedOutChars = timedOutChars;
      if (incomplete) c.incomplete = true;
      resolve(c);
    };
    const wallTimer = setTimeout(() => finish(true), Math.max(60_000, totalMs * WALL_FACTOR));
    wallTimer.unref?.();
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (d: string) => {
      buffered += d;
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        try {
          const m = JSON.parse(line) as Measurement | { timeout: number };
          if ('timeout' in m) timedOutChars = m.timeout;
          else measurements.push(m);
        } catch {
          // A partial or foreign line says nothing.
        }
      }
    });
    child.on('error', () => finish(false));
    child.on('close', () => finish(false));
    child.stdin.on('error', () => undefined);
    child.stdin.end(JSON.stringify({ source, flags, pumps: attack.pumps, suffix: attack.suffix, maxChars, limitMs: perSizeMs, stopMs: perSizeMs / 4, totalMs }));
  });
}

/**
 * The growth exponent: the median of the exponents between the last four sizes (three doublings)
 * whose runs took at least 2 ms (below that is noise). A median shrugs off one pause (garbage
 * collection, an interrupt); the last sizes show the asymptotic trend.
 */
export function summarize(measurements: Measurement[], timedOut: boolean): Confirmation {
  const pts = measurements.filter((m) => m.ms >= 2).slice(-4);
  const slopes: number[] = [];
  for (let i = 1; i < pts.length; i++) {
    const dx = Math.log(pts[i].chars / pts[i - 1].chars);
    if (dx > 0) slopes.push(Math.log(pts[i].ms / pts[i - 1].ms) / dx);
  }
  slopes.sort((a, b) => a - b);
  const mid = slopes.length >> 1;
  const median = slopes.length === 0 ? null : slopes.length % 2 ? slopes[mid] : (slopes[mid - 1] + slopes[mid]) / 2;
  const exponent = median === null ? null : Math.round(median * 10) / 10;
  return { measurements, exponent, timedOut, confirmed: timedOut || (exponent !== null && exponent >= 1.5) };
}
