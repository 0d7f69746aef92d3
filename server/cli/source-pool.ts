// Agent source files linted on worker threads for `tracelint scan` of a repository, as trace
// batches are (shared/traces/pool.ts): each worker loads the analysis once and lints the files it
// is given; the caller awaits results in its own order (the report's file order). Files go to the
// least busy worker. Without a worker script (or with no worker wanted) files are linted here.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Finding, InputProblem } from '../../shared/types';
import type { FileKind } from '../lint-file';

export interface SourceRequest {
  id: number;
  file: string;
  explicit: boolean;
}

export type SourceReply = { id: number; kind?: FileKind; findings: Finding[]; problems: InputProblem[] } | { id: number; error: string };

export interface SourceResult {
  kind?: FileKind;
  findings: Finding[];
  problems: InputProblem[];
}

/**
 * Source files per thread below which another worker is not worth its start: a worker loading the
 * analysis costs about two CPU-seconds (the TypeScript compiler compiled again, its JIT warming up),
 * some 250 files' linting (bench/repo.bench.mjs, 600 files: 5.4 CPU-s in one thread, the busiest
 * thread 3.2; with one worker beside it 7.7 CPU-s, the busiest thread 2.35). On two cores a worker
 * pays off from about 800 files.
 */
export const FILES_PER_WORKER = 400;

/** The worker script: `dist/source-worker.js` beside the bundle, or `source-worker.ts` when run from source (tsx). */
export function sourceWorkerScript(): string | null {
  for (const candidate of [join(__dirname, 'source-worker.js'), join(__dirname, 'source-worker.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Files handed to a worker at a time: enough that it never waits while this thread is busy a moment. */
const IN_FLIGHT = 4;

interface Slot {
  worker: Worker;
  busy: number;
}

export class SourcePool {
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve(r: SourceResult): void; reject(e: Error): void; slot: Slot }>();
  private readonly queue: Array<SourceRequest & { resolve(r: SourceResult): void; reject(e: Error): void }> = [];
  private nextId = 0;
  private failed: Error | null = null;
  private closing = false;

  constructor(script: string, size: number, configFile: string | undefined) {
    for (let i = 0; i < size; i++) {
      const options = { workerData: { configFile } };
      const worker = script.endsWith('.ts')
        ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { ...options, eval: true })
        : new Worker(script, options);
      const slot: Slot = { worker, busy: 0 };
      worker.on('message', (msg: SourceReply) => {
        const w = this.waiting.get(msg.id);
        if (!w) return;
        this.waiting.delete(msg.id);
        w.slot.busy--;
        if ('error' in msg) w.reject(new Error(msg.error));
        else w.resolve({ kind: msg.kind, findings: msg.findings, problems: msg.problems });
        this.pump();
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`source worker exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /** Lints a file on the first worker with room (at most four files handed to each at a time). */
  lint(file: string, explicit: boolean): Promise<SourceResult> {
    if (this.failed) return Promise.reject(this.failed);
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, file, explicit, resolve, reject });
      this.pump();
    });
  }

  private pump(): void {
    while (this.queue.length > 0) {
      let slot: Slot | undefined;
      for (const s of this.slots) if (s.busy < IN_FLIGHT && (!slot || s.busy < slot.busy)) slot = s;
      if (!slot) return;
      const { id, file, explicit, resolve, reject } = this.queue.shift()!;
      slot.busy++;
      this.waiting.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, file, explicit } satisfies SourceRequest);
    }
  }

  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }

  private fail(e: Error): void {
    if (!this.failed) this.failed = e;
    for (const w of [...this.waiting.values(), ...this.queue]) w.reject(e);
    this.waiting.clear();
    this.queue.length = 0;
  }
}
