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
const waiting: Array<{ urgent: boolean; go(): void }> = [];
/** `alone` jobs waiting for every slot to be free (while one waits, only urgent jobs are let in). */
const exclusive: Array<() => void> = [];

/** Lets waiting jobs in while slots are free: an alone job once nothing runs, else urgent jobs first. */
function pump(): void {
  if (exclusive.length > 0) {
    if (running === 0) {
      running = limit;
      exclusive.shift()!();
      return;
    }
    // No slot held idle for the alone job: confirmations of verdicts under way may still start.
    while (running < limit && waiting[0]?.urgent) {
      running++;
      waiting.shift()!.go();
    }
    return;
  }
  while (running < limit && waiting.length > 0) {
    running++;
    waiting.shift()!.go();
  }
}

/** How many checks and confirmations may run at once (tests and benchmarks set it; default: the cores). */
export function setSlots(n: number): void {
  limit = Math.max(1, Math.floor(n));
  pump();
}

export function slotCount(): number {
  return limit;
}

function acquire(urgent: boolean): Promise<void> {
  return new Promise<void>((go) => {
    if (urgent) waiting.unshift({ urgent, go });
    else waiting.push({ urgent, go });
    pump();
  });
}

function release(n = 1): void {
  running -= n;
  pump();
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

/**
 * Runs `job` with every slot taken (nothing else of ours beside it), once the jobs running now have
 * ended; meanwhile only urgent jobs start, and no slot waits idle for it.
 */
export async function alone<T>(job: () => Promise<T>): Promise<T> {
  await new Promise<void>((go) => {
    exclusive.push(go);
    pump();
  });
  const n = running;
  try {
    return await job();
  } finally {
    release(n);
  }
}
