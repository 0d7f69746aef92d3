// The CPU slots that recheck's checks and the timing confirmations share: as many jobs run at once
// as the machine has cores (a 2-core machine: two), the others wait their turn. A check or a
// confirmation starts its own time budget when it gets a slot, never while it waits.
// Side by side is safe for the verdicts: the confirmation measures CPU time, which other work
// beside it does not change, and the verdict's class rests on that measurement, never on the
// degree recheck's fuzzer found under its wall-clock limits (judge.ts; the load test,
// test/unit/regex-redos-load.test.ts, judges a table side by side, idle and beside two busy processes).
// recheck's own budget is wall-clock time, though: a check that ran out of it beside other work is
// run again `alone` (checker.ts), with every slot, as checks ran before they ran side by side.
import { availableParallelism } from 'node:os';

let limit = Math.max(1, availableParallelism());
let running = 0;
const waiting: Array<() => void> = [];

/** How many checks and confirmations may run at once (tests and benchmarks set it; default: the cores). */
export function setSlots(n: number): void {
  limit = Math.max(1, Math.floor(n));
  while (running < limit && waiting.length > 0) {
    running++;
    waiting.shift()!();
  }
}

export function slotCount(): number {
  return limit;
}

async function acquire(urgent: boolean): Promise<void> {
  if (running < limit) running++;
  else await new Promise<void>((resolve) => (urgent ? waiting.unshift(resolve) : waiting.push(resolve)));
}

function release(): void {
  const next = waiting.shift();
  if (next) next();
  else running--;
}

/**
 * Runs `job` once a slot is free; the slot is given back however the job ends. An `urgent` job (a
 * confirmation, whose pattern's check is done) goes before the waiting ones (checks not started):
 * finishing a verdict under way first keeps a long confirmation from starting last.
 */
export async function inSlot<T>(job: () => Promise<T>, urgent = false): Promise<T> {
  await acquire(urgent);
  try {
    return await job();
  } finally {
    release();
  }
}

let aloneChain: Promise<unknown> = Promise.resolve();

/** Runs `job` with every slot taken (nothing else of ours beside it); one such job at a time. */
export function alone<T>(job: () => Promise<T>): Promise<T> {
  const run = aloneChain.then(async () => {
    const n = limit;
    for (let i = 0; i < n; i++) await acquire(true);
    try {
      return await job();
    } finally {
      for (let i = 0; i < n; i++) release();
    }
  });
  aloneChain = run.catch(() => undefined);
  return run;
}
