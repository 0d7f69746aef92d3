// Scanning trace files on disk. JSONL (and .jsonl.gz) is streamed in batches of whole lines,
// processed by worker threads when the file is big, and findings are handed out in file order as
// they come, so memory stays flat whatever the file size. A single JSON document is read whole
// (up to a cap) and scanned with exact positions. AgentDbg run folders are two files of a run.
import { promises as fsp, createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { join } from 'node:path';
import { availableParallelism } from 'node:os';
import type { Finding, InputProblem } from '../types';
import type { EngineOptions } from '../options';
import type { TraceEngine, TraceFileOptions, TraceFormatInfo, TraceScanSummary } from './types';
import { detectTraceFormat, SNIFF_CHARS } from './format';
import { readLineBatches, DEFAULT_MAX_LINE_BYTES } from './read-batches';
import { processBatch, type BatchMode, type BatchResult } from './batch';
import { acquireBatchPool, releaseBatchPool, type BatchPool, workerScript } from './pool';
import { scanTraceText } from './text';

/** Single JSON documents larger than this are not read whole (they are rarely traces). */
export const MAX_DOCUMENT_BYTES = 256 << 20;
const DEFAULT_PARALLEL_THRESHOLD = 8 << 20;
/** Batches bigger than this (a few huge lines) are processed here: workers run with small heaps (pool.ts). */
const MAX_WORKER_BATCH_BYTES = 4 << 20;

/** The first bytes of a file, decompressed when gzipped, for format sniffing and binary checks. */
export async function readHead(path: string, gzip: boolean, maxBytes = SNIFF_CHARS): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let len = 0;
  const raw = createReadStream(path, { highWaterMark: 64 * 1024 });
  const stream = gzip ? raw.pipe(createGunzip()) : raw;
  try {
    for await (const c of stream as AsyncIterable<Buffer>) {
      chunks.push(c);
      len += c.length;
      if (len >= maxBytes) break;
    }
  } catch (e) {
    if (len === 0) throw e;
  } finally {
    raw.destroy();
    stream.destroy();
  }
  return Buffer.concat(chunks).subarray(0, maxBytes);
}

/** A NUL byte in the head means binary data (as git and ripgrep decide). */
export function looksBinary(head: Uint8Array): boolean {
  return head.indexOf(0) !== -1;
}

/** Resolves the format of a file on disk (null: not JSON/JSONL). */
export async function detectTraceFileFormat(path: string): Promise<TraceFormatInfo | null> {
  const gzip = path.toLowerCase().endsWith('.gz');
  const head = await readHead(path, gzip);
  return detectTraceFormat(path, head.toString('utf8'));
}

/**
 * Scans one trace file. Findings and problems go to the handlers in file order as they are found;
 * the promise resolves with a summary. Unreadable, binary or non-JSON files give one problem,
 * never an exception (an abort through `signal` rejects).
 */
export async function scanTraceFile(path: string, engine: TraceEngine, opts: TraceFileOptions = {}): Promise<TraceScanSummary> {
  const gzip = path.toLowerCase().endsWith('.gz');
  const summary: TraceScanSummary = {
    file: path,
    format: opts.format ?? { format: 'jsonl', layout: 'jsonl', gzip, isTrace: false },
    lines: 0,
    bytes: 0,
    findings: 0,
    problems: 0,
    candidateLines: 0,
  };
  const onFinding = (f: Finding) => {
    summary.findings++;
    opts.onFinding?.(f);
  };
  const onProblem = (p: InputProblem) => {
    summary.problems++;
    opts.onProblem?.(p);
  };

  let head: Buffer;
  try {
    const st = await fsp.stat(path);
    if (!st.isFile()) {
      onProblem({ file: path, line: 0, message: 'not a regular file; not scanned' });
      return summary;
    }
    summary.bytes = st.size;
    head = await readHead(path, gzip);
  } catch (e) {
    onProblem({ file: path, line: 0, message: `cannot read: ${(e as Error).message}` });
    return summary;
  }
  if (looksBinary(head)) {
    onProblem({ file: path, line: 0, message: 'binary data (NUL bytes), not a JSON trace; not scanned' });
    return summary;
  }
  const format = opts.format ?? detectTraceFormat(path, head.toString('utf8')) ?? { format: 'jsonl', layout: 'jsonl', gzip, isTrace: false };
  summary.format = format;

  if (format.layout === 'document') {
    if (summary.bytes > MAX_DOCUMENT_BYTES && !gzip) {
      onProblem({ file: path, line: 0, message: `a single JSON document of ${summary.bytes} bytes is larger than ${MAX_DOCUMENT_BYTES}; not scanned` });
      return summary;
    }
    const bytes = gzip ? await gunzipWhole(path, MAX_DOCUMENT_BYTES) : await fsp.readFile(path);
    if (bytes === null) {
      onProblem({ file: path, line: 0, message: `decompressed document larger than ${MAX_DOCUMENT_BYTES} bytes; not scanned` });
      return summary;
    }
    const text = bytes.toString('utf8');
    const r = scanTraceText(text, path, engine, format);
    summary.lines = countLines(text);
    for (const p of r.problems) onProblem(p);
    for (const f of r.findings) onFinding(f);
    return summary;
  }

  try {
    await runJsonlBatches(path, engine, 'scan', format, opts, (r) => {
      summary.lines += r.lines;
      summary.candidateLines += r.candidateLines;
      for (const p of r.problems) onProblem(p);
      for (const f of r.findings) onFinding(f);
    });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    // A read error mid-file (a corrupt .gz, a vanished file): what was read stands, the rest is reported.
    onProblem({ file: path, line: summary.lines, message: `cannot read further: ${(e as Error).message}` });
  }
  return summary;
}

/**
 * A batch result with positions already made absolute in the file. `release`, when set, is called
 * by the consumer once it is done with `output` (written out): its buffer then serves again.
 */
export type PlacedBatch = BatchResult & { release?: () => void };

/**
 * Streams `path` as JSONL through `processBatch` (workers for big files) and hands each batch
 * result to `consume` in file order, with lines, offsets and bytes absolute. The shared engine of
 * `scan` and `redact`.
 */
export async function runJsonlBatches(
  path: string,
  engine: TraceEngine,
  mode: BatchMode,
  format: TraceFormatInfo,
  opts: TraceFileOptions,
  consume: (r: PlacedBatch) => void | Promise<void>,
): Promise<void> {
  let size = 0;
  try {
    size = (await fsp.stat(path)).size;
  } catch {
    /* reported by the reader below */
  }
  const pool = makePool(size, engine, opts);
  const maxInFlight = pool ? pool.size * 2 : 1;
  let line = 0;
  let chars = 0;
  const place = (r: BatchResult, byteOffset: number): PlacedBatch => {
    // Called in file order: `line` and `chars` are the totals of all batches before this one.
    for (const f of r.findings) {
      f.range.line += line;
      f.range.endLine += line;
      f.span.start += chars;
      f.span.end += chars;
      if (f.byteStart !== undefined) {
        f.byteStart += byteOffset;
        f.byteEnd! += byteOffset;
      }
    }
    for (const p of r.problems) p.line += line;
    line += r.lines;
    chars += r.chars;
    const output = r.output;
    if (!pool || !output) return r;
    return { ...r, release: () => pool.giveBack(output.buffer as ArrayBuffer) };
  };
  try {
    const pending: Array<{ result: Promise<BatchResult>; byteOffset: number }> = [];
    const drainOne = async () => {
      const next = pending.shift()!;
      await consume(place(await next.result, next.byteOffset));
    };
    const maxLineBytes = opts.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
    for await (const b of readLineBatches(path, { gzip: format.gzip, signal: opts.signal, batchBytes: opts.batchBytes, maxLineBytes, spare: pool?.spare })) {
      let result: Promise<BatchResult>;
      if (b.oversized !== undefined) {
        if (mode === 'redact') throw new Error(`line at byte ${b.byteOffset} is longer than ${maxLineBytes} bytes; cannot redact it`);
        result = Promise.resolve<BatchResult>({
          lines: 1,
          chars: b.oversized, // not decoded: its UTF-16 length is unknown, bytes stand in for it
          findings: [],
          problems: [{ file: path, line: 0, column: 0, message: `line of ${b.oversized} bytes is longer than ${maxLineBytes}; not scanned` }],
          candidateLines: 0,
        });
      } else if (pool && b.bytes.length <= MAX_WORKER_BATCH_BYTES) {
        result = pool.run(b.bytes, mode, path);
      } else {
        result = Promise.resolve(processBatch(b.bytes, engine, mode, path));
      }
      pending.push({ result, byteOffset: b.byteOffset });
      while (pending.length >= maxInFlight) await drainOne();
    }
    while (pending.length > 0) await drainOne();
  } finally {
    if (pool) await releaseBatchPool(pool);
  }
}

function makePool(size: number, engine: TraceEngine, opts: TraceFileOptions): BatchPool | null {
  const threshold = opts.parallelThresholdBytes ?? DEFAULT_PARALLEL_THRESHOLD;
  const wanted = opts.workers ?? (size >= threshold ? Math.min(availableParallelism(), 4) : 0);
  if (wanted <= 0) return null;
  // shared/engine's Engine keeps its options in a (TypeScript-)private field; read it when the
  // caller did not pass them, so workers can rebuild the same engine.
  const engineOptions = opts.engineOptions ?? (engine as unknown as { options?: EngineOptions }).options;
  const script = workerScript();
  if (!engineOptions || !script) return null;
  return acquireBatchPool(script, wanted, engineOptions);
}

async function gunzipWhole(path: string, max: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let len = 0;
  for await (const c of createReadStream(path).pipe(createGunzip()) as AsyncIterable<Buffer>) {
    len += c.length;
    if (len > max) return null;
    chunks.push(c);
  }
  return Buffer.concat(chunks);
}

function countLines(text: string): number {
  if (text.length === 0) return 0;
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < text.length - 1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/** Whether `dir` is an AgentDbg run folder (`run.json` and/or `events.jsonl`). */
export async function isAgentDbgRunDir(dir: string): Promise<boolean> {
  const names = await fsp.readdir(dir).catch(() => [] as string[]);
  return names.includes('events.jsonl') && names.includes('run.json');
}

/** Scans an AgentDbg run folder: `run.json`, then `events.jsonl`. */
export async function scanAgentDbgRun(dir: string, engine: TraceEngine, opts: TraceFileOptions = {}): Promise<TraceScanSummary[]> {
  const out: TraceScanSummary[] = [];
  for (const name of ['run.json', 'events.jsonl']) {
    const p = join(dir, name);
    const exists = await fsp.stat(p).then((s) => s.isFile(), () => false);
    if (exists) out.push(await scanTraceFile(p, engine, opts));
  }
  return out;
}

/** Convenience for small files and tests: collects everything a scan reports. */
export async function collectTraceFile(path: string, engine: TraceEngine, opts: TraceFileOptions = {}): Promise<{ findings: Finding[]; problems: InputProblem[]; summary: TraceScanSummary }> {
  const findings: Finding[] = [];
  const problems: InputProblem[] = [];
  const summary = await scanTraceFile(path, engine, { ...opts, onFinding: (f) => findings.push(f), onProblem: (p) => problems.push(p) });
  return { findings, problems, summary };
}
