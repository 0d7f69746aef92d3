// Reading a JSONL file (or its `.gz`) as batches of whole lines, in constant memory: chunks are
// read from disk (through zlib when gzipped), cut after their last `\n`, and the tail carried into
// the next batch, so no line is ever split between batches. A line longer than `maxLineBytes` is
// reported as an `oversized` batch and its bytes dropped rather than held in memory whole.
// A plain file is read into one reused buffer: a stream's fresh 1 MB chunk per read is garbage the
// main thread's GC lets pile up (external memory), some 30 MB of peak RSS on a 200 MB scan.
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createGunzip } from 'node:zlib';
import type { Readable } from 'node:stream';

export interface LineBatch {
  bytes: Uint8Array;
  /** Byte offset of the batch in the (decompressed) file. */
  byteOffset: number;
  /**
   * Set when this "batch" stands for one line longer than `maxLineBytes`, skipped unread:
   * its length in bytes (without the `\n`). `bytes` is then empty.
   */
  oversized?: number;
}

export interface ReadBatchesOptions {
  gzip: boolean;
  /** Target batch size; a batch holds at least one whole line. */
  batchBytes?: number;
  /** Lines longer than this are not held whole: they come as an `oversized` batch, their bytes skipped. */
  maxLineBytes?: number;
  signal?: AbortSignal;
  /**
   * Buffers of processed batches handed back for reuse (by the worker pool): a batch's bytes are
   * copied into one of them when it is large enough. A fresh 1 MB buffer per batch would be garbage
   * each worker's GC lets pile up (external memory), tens of MB of peak RSS on a large file.
   */
  spare?: ArrayBuffer[];
}

export const DEFAULT_BATCH_BYTES = 1 << 20;
export const DEFAULT_MAX_LINE_BYTES = 64 << 20;

export function openTraceStream(path: string, gzip: boolean, signal?: AbortSignal): Readable {
  const raw = createReadStream(path, { highWaterMark: 1 << 20, signal });
  if (!gzip) return raw;
  const gunzip = createGunzip();
  raw.on('error', (e) => gunzip.destroy(e));
  return raw.pipe(gunzip);
}

const READ_BYTES = 1 << 20;

/**
 * The chunks of a plain file, each read into the same buffer: a chunk is valid only until the
 * next one is asked for, so the caller copies what it keeps.
 */
async function* readReused(path: string, signal?: AbortSignal): AsyncGenerator<Buffer> {
  const fh = await open(path, 'r');
  try {
    const buf = Buffer.allocUnsafeSlow(READ_BYTES);
    for (;;) {
      signal?.throwIfAborted();
      const { bytesRead } = await fh.read(buf, 0, READ_BYTES, null);
      if (bytesRead === 0) return;
      yield buf.subarray(0, bytesRead);
    }
  } finally {
    await fh.close();
  }
}

/** Batches of whole lines from `path`, in file order. Each batch owns a fresh ArrayBuffer (transferable). */
export async function* readLineBatches(path: string, opts: ReadBatchesOptions): AsyncGenerator<LineBatch> {
  const target = opts.batchBytes ?? DEFAULT_BATCH_BYTES;
  const maxLine = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let pending: Buffer[] = [];
  let pendingLen = 0;
  let offset = 0; // byte offset of pending[0][0] in the file
  let skipping = false; // inside an oversized line, dropping bytes until its `\n`
  let skipStart = 0;
  let whole = 0; // length of the whole lines at the front of `pending`

  const take = (len: number): Uint8Array => {
    // Copies `len` bytes off the front of `pending` into a fresh buffer.
    const reused = opts.spare?.pop();
    const ab = reused && reused.byteLength >= len ? new Uint8Array(reused, 0, len) : new Uint8Array(new ArrayBuffer(Math.max(len, target + READ_BYTES)), 0, len);
    let at = 0;
    while (at < len) {
      const head = pending[0];
      const n = Math.min(head.length, len - at);
      ab.set(head.subarray(0, n), at);
      at += n;
      if (n === head.length) pending.shift();
      else pending[0] = head.subarray(n);
    }
    pendingLen -= len;
    return ab;
  };

  const chunks = opts.gzip ? (openTraceStream(path, true, opts.signal) as AsyncIterable<Buffer>) : readReused(path, opts.signal);
  /** Copies what `pending` still holds of a reused chunk, before the next read overwrites it. */
  const keep = (chunk: Buffer) => {
    if (opts.gzip) return;
    pending = pending.map((b) => (b.buffer === chunk.buffer ? Buffer.from(b) : b));
  };

  for await (const chunk of chunks) {
    try {
      yield* batchesOf(chunk);
    } finally {
      keep(chunk);
    }
  }
  if (skipping) yield { bytes: new Uint8Array(0), byteOffset: skipStart, oversized: offset - skipStart };
  else if (pendingLen > 0) yield { bytes: take(pendingLen), byteOffset: offset };

  /** The batches complete once `chunk` is added. */
  function* batchesOf(chunk: Buffer): Generator<LineBatch> {
    let data = chunk;
    if (skipping) {
      const nl = data.indexOf(10);
      if (nl === -1) {
        offset += data.length;
        return;
      }
      yield { bytes: new Uint8Array(0), byteOffset: skipStart, oversized: offset + nl - skipStart };
      offset += nl + 1;
      data = data.subarray(nl + 1);
      skipping = false;
    }
    const nl = data.lastIndexOf(10);
    if (nl !== -1) whole = pendingLen + nl + 1;
    pending.push(data);
    pendingLen += data.length;
    if (pendingLen - whole > maxLine) {
      // The line being read is larger than the cap: emit the whole lines before it, then skip it.
      if (whole > 0) {
        yield { bytes: take(whole), byteOffset: offset };
        offset += whole;
      }
      skipping = true;
      skipStart = offset;
      offset += pendingLen;
      pending = [];
      pendingLen = 0;
      whole = 0;
      return;
    }
    if (pendingLen < target || whole === 0) return;
    const bytes = take(whole);
    yield { bytes, byteOffset: offset };
    offset += whole;
    whole = 0;
  }
}
