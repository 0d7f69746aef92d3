// Writing a redacted copy of a trace file: streamed batch by batch for JSONL (workers for big
// files), whole for a JSON document; written to a temporary file in the destination folder and
// renamed into place, so a reader never sees half a file and a failure leaves nothing behind.
// The input is never overwritten unless `inPlace` is asked for.
import { promises as fsp, createWriteStream, type WriteStream } from 'node:fs';
import { createGzip, gzipSync, gunzipSync } from 'node:zlib';
import { dirname, basename, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import type { InputProblem } from '../types';
import type { TraceEngine, TraceFileOptions } from '../traces/types';
import { detectTraceFormat } from '../traces/format';
import { readHead, looksBinary, runJsonlBatches, MAX_DOCUMENT_BYTES } from '../traces/scan-file';
import { redactTraceText } from '../traces/text';
import { addCounts, type DetectorCounts } from './edits';

export interface RedactFileOptions extends Omit<TraceFileOptions, 'onFinding' | 'onProblem'> {
  /** Allow `outPath` to be the input itself (replaced atomically). */
  inPlace?: boolean;
  onProblem?(problem: InputProblem): void;
}

export interface RedactFileResult {
  outPath: string;
  /** Secrets replaced, per detector. */
  counts: DetectorCounts;
  lines: number;
  problems: InputProblem[];
}

/** Thrown for what the caller must fix (same file without inPlace, binary input...). */
export class RedactError extends Error {}

/** Writes a redacted copy of `inPath` to `outPath` (or over `inPath` with `inPlace`). */
export async function redactTraceFile(inPath: string, outPath: string | undefined, engine: TraceEngine, opts: RedactFileOptions = {}): Promise<RedactFileResult> {
  // In place through a symlink: replace the file it points to, not the link.
  const target = outPath === undefined && opts.inPlace ? await fsp.realpath(inPath) : resolve(outPath ?? inPath);
  const st = await fsp.stat(inPath);
  if (!st.isFile()) throw new RedactError(`${inPath}: not a regular file`);
  if (!opts.inPlace && (await sameFile(inPath, target))) {
    throw new RedactError(`${inPath}: refusing to write the redacted copy over the input; give another output path or ask for in-place`);
  }
  const gzipIn = inPath.toLowerCase().endsWith('.gz');
  const head = await readHead(inPath, gzipIn);
  if (looksBinary(head)) throw new RedactError(`${inPath}: binary data (NUL bytes), not a JSON trace; not redacted`);
  const format = opts.format ?? detectTraceFormat(inPath, head.toString('utf8')) ?? { format: 'jsonl' as const, layout: 'jsonl' as const, gzip: gzipIn, isTrace: false };
  const gzipOut = target.toLowerCase().endsWith('.gz');

  const counts: DetectorCounts = {};
  const problems: InputProblem[] = [];
  const report = (p: InputProblem) => {
    problems.push(p);
    opts.onProblem?.(p);
  };
  let lines = 0;
  const tmp = join(dirname(target), `.${basename(target)}.tracelint-${process.pid}-${randomBytes(4).toString('hex')}.tmp`);
  try {
    if (format.layout === 'document') {
      if (st.size > MAX_DOCUMENT_BYTES) throw new RedactError(`${inPath}: a single JSON document larger than ${MAX_DOCUMENT_BYTES} bytes; not redacted`);
      const raw = await fsp.readFile(inPath);
      const text = (gzipIn ? gunzipSync(raw) : raw).toString('utf8');
      const r = redactTraceText(text, engine, inPath, format);
      addCounts(counts, r.counts);
      r.problems.forEach((p) => report({ ...p, file: inPath }));
      lines = text.length === 0 ? 0 : text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      const bytes = Buffer.from(r.text, 'utf8');
      await fsp.writeFile(tmp, gzipOut ? gzipSync(bytes) : bytes, { mode: st.mode & 0o777, flag: 'wx' });
    } else {
      const file = createWriteStream(tmp, { mode: st.mode & 0o777, flags: 'wx' });
      const gz = gzipOut ? createGzip() : null;
      if (gz) gz.pipe(file);
      const sink: Writable = gz ?? file;
      try {
        await runJsonlBatches(inPath, engine, 'redact', format, opts, async (r) => {
          lines += r.lines;
          r.problems.forEach(report);
          if (r.counts) addCounts(counts, r.counts);
          // Once written to the file, the output's buffer serves for a later batch (not through
          // gzip, which may still hold it).
          const written = gz ? undefined : r.release;
          if (r.output && r.output.length > 0 && !sink.write(r.output, () => written?.())) await once(sink, 'drain');
        });
      } finally {
        sink.end();
        await finished(file);
      }
    }
    // Flush to disk before the rename, so a crash cannot leave an empty file under the final name.
    const h = await fsp.open(tmp, 'r+');
    try {
      await h.sync();
    } finally {
      await h.close();
    }
    await fsp.rename(tmp, target);
  } catch (e) {
    await fsp.unlink(tmp).catch(() => undefined);
    throw e;
  }
  return { outPath: target, counts, lines, problems };
}

/** Whether two paths name the same file (also through links), when the second exists. */
async function sameFile(a: string, b: string): Promise<boolean> {
  if (resolve(a) === resolve(b)) return true;
  try {
    const [sa, sb] = await Promise.all([fsp.stat(a), fsp.stat(b)]);
    return sa.dev === sb.dev && sa.ino === sb.ino;
  } catch {
    return false;
  }
}

async function finished(stream: WriteStream): Promise<void> {
  if (stream.closed) return;
  await once(stream, 'close');
}
