// Agent source files linted on worker threads for `tracelint scan` of a repository, as trace
// batches are (shared/traces/pool.ts): each worker loads the analysis once and lints the files it
// is given; the caller awaits results in its own order (the report's file order). The caller's
// thread works too: it takes the files from the front of the list (`claim`) while the workers take
// them from the back, so neither waits for the other until they meet, and a worker gets files only
// once it has loaded the analysis (it says `ready`): a slow start costs the scan nothing but that
// worker's share. Without a worker script (or with no worker wanted) files are linted here.
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

export type SourceReply = { id: number; kind?: FileKind; findings: Finding[]; problems: InputProblem[] } | { id: number; error: string } | { ready: true };

export interface SourceResult {
  kind?: FileKind;
  findings: Finding[];
  problems: InputProblem[];
}

/**
 * Source files a worker is started for: a worker costs about a CPU-second (loading the analysis,
 * the TypeScript compiler at its first TS file, its JIT warming up), some 120 files of this
 * thread's linting. With the caller taking files from the front (claim), a worker never holds the
 * scan back on an idle core, but on a busy machine its start competes with the scan (measured at
 * load 7 on 2 cores, 150 files: 3.8 s wall without a worker, 4.6-5.5 s with one); from 300 files it
 * takes enough to pay (bench/repo.bench.mjs, 900 files: it lints 40-50% of them).
 */
export const FILES_PER_WORKER = 300;

/**
 * The worker script: `dist/source-worker.js` beside the bundle; when run from source (tsx, the unit
 * tests) the built one in dist/, since a worker thread under tsx/cjs cannot `import()` the
 * analysis (Node resolves the dynamic import natively there: a directory import, refused), so a
 * source worker would fail every file. Without a built worker, none: this thread lints every file.
 */
export function sourceWorkerScript(): string | null {
  for (const candidate of [join(__dirname, 'source-worker.js'), join(__dirname, '..', '..', 'dist', 'source-worker.js')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

/** Files handed to a worker at a time: one waiting behind the one it lints, so it never idles; few, as the caller awaits them where the two meet. */
const IN_FLIGHT = 2;

interface Slot {
  worker: Worker;
  busy: number;
  /** The worker has loaded the analysis. */
  ready: boolean;
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
      const worker = new Worker(script, options);
      const slot: Slot = { worker, busy: 0, ready: false };
      worker.on('message', (msg: SourceReply) => {
        if ('ready' in msg) {
          slot.ready = true;
          this.pump();
          return;
        }
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

  /** Lints a file on a ready worker with room, the files offered last first (at most two handed to each at a time). */
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
      for (const s of this.slots) if (s.ready && s.busy < IN_FLIGHT && (!slot || s.busy < slot.busy)) slot = s;
      if (!slot) return;
      const { id, file, explicit, resolve, reject } = this.queue.pop()!;
      slot.busy++;
      this.waiting.set(id, { resolve, reject, slot });
      slot.worker.postMessage({ id, file, explicit } satisfies SourceRequest);
    }
  }

  /**
   * Takes back a file no worker has started: true when it was still queued (its promise from
   * `lint` then never settles, and the caller lints it itself), false when a worker has it.
   */
  claim(file: string): boolean {
    for (let i = 0; i < this.queue.length; i++) {
      if (this.queue[i].file !== file) continue;
      this.queue.splice(i, 1);
      return true;
    }
    return false;
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
