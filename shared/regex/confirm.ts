// Confirming a ReDoS verdict by measurement: the attack string recheck found is rebuilt at growing
// sizes (more pumps) and matched, with the exact translation, in a worker thread under a hard time
// limit (the worker is terminated, since a running regex cannot be interrupted from outside it).
// The result is the measured growth: how time scales when the input doubles, read from the largest
// sizes. Small sizes mislead: V8 runs TraceCraft's (linear) email rule 2.5x slower per character
// past about 30,000 characters, a one-off step that looks like n^2 between two sizes there and
// then disappears; the last doublings show the real trend.
import { Worker } from 'node:worker_threads';

export interface Measurement {
  /** Length of the attack string, in characters. */
  chars: number;
  ms: number;
}

export interface Confirmation {
  measurements: Measurement[];
  /** Estimated exponent k in time ~ n^k over the measurements that took long enough to mean something. */
  exponent: number | null;
  /** A size did not finish within the per-size limit. */
  timedOut: boolean;
  /** The growth is super-linear (exponent >= 1.5) or a size timed out. */
  confirmed: boolean;
}

export interface ConfirmOptions {
  /** Limit for one size, in milliseconds. Default 1000. */
  perSizeMs?: number;
  /** Limit for the whole confirmation. Default 4000. */
  totalMs?: number;
  /** Largest attack string tried. Default 262,144 characters. */
  maxChars?: number;
}

// The worker gets the regex and the attack's parts; it doubles the pump count until a size takes
// more than `stopMs` or the string reaches `maxChars`, posting each measurement as it completes.
const WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const { source, flags, pumps, suffix, maxChars, stopMs } = workerData;
const re = new RegExp(source, flags + 'g');
const pumpLen = pumps.reduce((n, p) => n + p.prefix.length + p.pump.length, 0) || 1;
let k = Math.max(1, Math.ceil(16 / pumpLen));
for (;;) {
  const s = pumps.map((p) => p.prefix + p.pump.repeat(k)).join('') + suffix;
  // Each size is timed up to three times and the fastest run kept: other work on the machine only
  // ever adds time, so the minimum is the least noisy figure.
  let ms = Infinity;
  for (let run = 0; run < 3; run++) {
    const t = process.hrtime.bigint();
    for (const m of s.matchAll(re)) { void m; }
    ms = Math.min(ms, Number(process.hrtime.bigint() - t) / 1e6);
    if (ms > stopMs / 2) break;
  }
  parentPort.postMessage({ chars: s.length, ms });
  if (ms > stopMs || s.length * 2 > maxChars) break;
  k *= 2;
}
parentPort.postMessage({ done: true });
`;

// One confirmation at a time: timings taken side by side on a 2-core machine would mislead.
let queue: Promise<unknown> = Promise.resolve();

export function confirmByTiming(
  source: string,
  flags: string,
  attack: { pumps: Array<{ prefix: string; pump: string }>; suffix: string },
  options: ConfirmOptions = {},
): Promise<Confirmation> {
  const run = queue.then(() => measure(source, flags, attack, options));
  queue = run.catch(() => undefined);
  return run;
}

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
    const worker = new Worker(WORKER, {
      eval: true,
      workerData: { source, flags, pumps: attack.pumps, suffix: attack.suffix, maxChars, stopMs: perSizeMs / 4 },
      resourceLimits: { maxOldGenerationSizeMb: 256 },
    });
    worker.unref();
    const finish = (timedOut: boolean) => {
      if (finished) return;
      finished = true;
      clearTimeout(sizeTimer);
      clearTimeout(totalTimer);
      void worker.terminate();
      resolve(summarize(measurements, timedOut));
    };
    let sizeTimer = setTimeout(() => finish(true), perSizeMs);
    // Running out of the whole budget is not evidence (a busy machine is slow at every size): the
    // measurements so far decide. Only one size overrunning its own limit counts as a timeout.
    const totalTimer = setTimeout(() => finish(false), totalMs);
    worker.on('message', (m: Measurement | { done: true }) => {
      if ('done' in m) return finish(false);
      measurements.push(m);
      clearTimeout(sizeTimer);
      sizeTimer = setTimeout(() => finish(true), perSizeMs);
    });
    worker.on('error', () => finish(false));
    worker.on('exit', () => finish(false));
  });
}

/**
 * The growth exponent: the median of the exponents between the last four sizes (three doublings)
 * whose runs took at least 2 ms (below that is noise). A median shrugs off one pause (garbage
 * collection, another process); the last sizes show the asymptotic trend.
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
