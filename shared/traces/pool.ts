// A small pool of worker threads that process JSONL batches (`batch.ts`) with their own engine,
// rebuilt from the engine options. Batches go to the least busy worker; the caller awaits results
// in submission order, so output stays in file order whatever finishes first.
import { Worker } from 'node:worker_threads';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { EngineOptions } from '../options';
import type { BatchMode, BatchResult } from './batch';

/** Message to a worker. */
export interface BatchRequest {
  id: number;
  bytes: Uint8Array;
  mode: BatchMode;
  file?: string;
  /** Redact: a spare buffer for the batch's output. */
  out?: ArrayBuffer;
}

/** Message from a worker; `spare`: the buffers of the request it no longer needs. */
export type BatchReply = { id: number; result: BatchResult; spare: ArrayBuffer[] } | { id: number; error: string };

/** Spare buffers kept for reuse (read-batches.ts), at most this many. */
const MAX_SPARE = 8;

/**
 * Detaches a throwaway buffer, as transferring a batch will. V8's optimised code reads typed arrays
 * (the key memo, character tables) without a detached check while no buffer of the thread was ever
 * detached; the first transfer then throws all that code away to compile it again, the prefilter's
 * biggest functions included. Called before the hot code warms up, so it is compiled once.
 */
export function detachOnce(): void {
  const b = new ArrayBuffer(0);
  structuredClone(b, { transfer: [b] });
}

/** The worker script: `dist/trace-worker.js` beside the bundle, or `worker.ts` when run from source (tsx). */
export function workerScript(): string | null {
  for (const candidate of [join(__dirname, 'trace-worker.js'), join(__dirname, 'worker.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

interface Slot {
  worker: Worker;
  busy: number;
}

export class BatchPool {
  /** What `acquireBatchPool` keeps it under while idle: its script, size and engine options. */
  readonly key: string;
  private readonly slots: Slot[] = [];
  private readonly waiting = new Map<number, { resolve(r: BatchResult): void; reject(e: Error): void; slot: Slot }>();
  private nextId = 0;
  private failed: Error | null = null;
  private closing = false;
  /** Buffers of batches done, handed back by the workers for the reader to fill again. */
  readonly spare: ArrayBuffer[] = [];

  constructor(script: string, size: number, engineOptions: EngineOptions) {
    this.key = poolKey(script, size, engineOptions);
    detachOnce();
    for (let i = 0; i < size; i++) {
      // Small heaps: V8 grows a heap lazily, and three lazily grown heaps would push a scan of any
      // size past the 150 MB budget; a batch needs a few MB, so frequent minor GCs cost little.
      const options = { workerData: { engineOptions }, resourceLimits: { maxYoungGenerationSizeMb: 4, maxOldGenerationSizeMb: 48 } };
      // From source (tests run through tsx), the worker loads tsx's require hook before the .ts entry.
      const worker = script.endsWith('.ts')
        ? new Worker(`require('tsx/cjs'); require(${JSON.stringify(script)});`, { ...options, eval: true })
        : new Worker(script, options);
      const slot: Slot = { worker, busy: 0 };
      worker.on('message', (msg: BatchReply) => {
        const w = this.waiting.get(msg.id);
        if (!w) return;
        this.waiting.delete(msg.id);
        w.slot.busy--;
        if ('error' in msg) w.reject(new Error(msg.error));
        else {
          for (const b of msg.spare) this.giveBack(b);
          w.resolve(msg.result);
        }
      });
      worker.on('error', (e) => this.fail(e));
      worker.on('exit', (code) => {
        if (code !== 0 && !this.closing) this.fail(new Error(`trace worker exited with code ${code}`));
      });
      this.slots.push(slot);
    }
  }

  get size(): number {
    return this.slots.length;
  }

  /**
   * Processes a batch; its buffer is transferred to the worker and must not be used afterwards. A
   * redaction takes a spare buffer along for its output, so outputs circulate like inputs do
   * instead of being allocated per batch and left to the GC.
   */
  run(bytes: Uint8Array, mode: BatchMode, file?: string): Promise<BatchResult> {
    if (this.failed) return Promise.reject(this.failed);
    let slot = this.slots[0];
    for (const s of this.slots) if (s.busy < slot.busy) slot = s;
    slot.busy++;
    const id = this.nextId++;
    const out = mode === 'redact' ? this.spare.pop() : undefined;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject, slot });
      const req: BatchRequest = { id, bytes, mode, file, out };
      slot.worker.postMessage(req, out ? [bytes.buffer as ArrayBuffer, out] : [bytes.buffer as ArrayBuffer]);
    });
  }

  /** Keeps a buffer no one uses any more for the reader to fill again. */
  giveBack(buffer: ArrayBuffer): void {
    if (this.spare.length < MAX_SPARE && buffer.byteLength > 0) this.spare.push(buffer);
  }

  /** Stops the workers; batches still in flight are rejected. */
  async close(): Promise<void> {
    this.closing = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
    for (const w of this.waiting.values()) w.reject(new Error('trace worker pool closed'));
    this.waiting.clear();
  }

  /** Whether it can serve another file: no failure, no batch in flight, not closing. */
  get reusable(): boolean {
    return !this.failed && !this.closing && this.waiting.size === 0;
  }

  /** Idle workers keep no process alive (`unref`); working ones do (`ref`). */
  setRef(ref: boolean): void {
    for (const s of this.slots) {
      if (ref) s.worker.ref();
      else s.worker.unref();
    }
  }

  /** The workers' thread ids (tests: a pool reused is the same threads). */
  get threadIds(): number[] {
    return this.slots.map((s) => s.worker.threadId);
  }

  private fail(e: Error): void {
    if (!this.failed) this.failed = e;
    for (const w of this.waiting.values()) w.reject(e);
    this.waiting.clear();
  }
}

/**
 * Pools kept between files, by script, size and engine options, for IDLE_MS after their last file:
 * a folder of big traces reuses warm workers instead of starting two threads per file, each paying
 * ~0.1 s to start and its JIT's warm-up again (the first ~25 MB of a worker run at half speed). A
 * kept pool holds no process alive: the CLI exits when its work is done, the server closes it.
 */
const IDLE_MS = 2000;
const idle = new Map<string, { pool: BatchPool; timer: NodeJS.Timeout }>();

/** A pool for a file: a kept one with the same script, size and engine options, or a new one. */
function poolKey(script: string, size: number, engineOptions: EngineOptions): string {
  return `${script}\0${size}\0${JSON.stringify(engineOptions)}`;
}

export function acquireBatchPool(script: string, size: number, engineOptions: EngineOptions): BatchPool {
  const key = poolKey(script, size, engineOptions);
  const kept = idle.get(key);
  if (kept) {
    idle.delete(key);
    clearTimeout(kept.timer);
    // A worker may have failed while the pool was idle: then a fresh pool.
    if (kept.pool.reusable) {
      kept.pool.setRef(true);
      return kept.pool;
    }
    void kept.pool.close();
  }
  return new BatchPool(script, size, engineOptions);
}

/** A pool whose file is done: kept for the next file when it can serve one (and no other is kept), else closed. */
export async function releaseBatchPool(pool: BatchPool): Promise<void> {
  if (!pool.reusable || idle.has(pool.key)) return pool.close();
  pool.setRef(false);
  const timer = setTimeout(() => {
    idle.delete(pool.key);
    void pool.close();
  }, IDLE_MS);
  timer.unref();
  idle.set(pool.key, { pool, timer });
}
