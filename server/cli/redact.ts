// `tracelint redact FILE`: a redacted copy of a trace. Never writes over the input unless
// --in-place is given (then atomically), never over an existing OUT unless --force is given.
import { closeSync, createReadStream, existsSync, mkdtempSync, openSync, readSync, realpathSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { ConfigResolver } from '../../shared/config';
import type { EngineOptions } from '../../shared/options';
import { redactTraceFile, RedactError, traceStoreScanner } from '../../shared/traces';
import { isSqliteBytes, redactSqliteFile } from '../../shared/traces/sqlite';
import { engineFor } from '../lint-file';
import { UsageError, type RedactArgs } from './args';
import { plural } from './report';
import { displayPath, type CliIO } from './scan';

/** `trace.jsonl` -> `trace.redacted.jsonl`; `run.jsonl.gz` -> `run.redacted.jsonl.gz`. */
export function defaultRedactedPath(file: string): string {
  const name = basename(file);
  const m = /^(.*?)((?:\.[A-Za-z0-9]+)?(?:\.gz)?)$/.exec(name)!;
  const stem = m[1] || name;
  return join(dirname(file), `${stem}.redacted${m[1] ? m[2] : ''}`);
}

function same(a: string, b: string): boolean {
  try {
    return realpathSync(a) === realpathSync(b);
  } catch {
    return resolve(a) === resolve(b);
  }
}

export async function runRedact(args: RedactArgs, io: CliIO): Promise<number> {
  const input = resolve(io.cwd, args.file);
  if (!existsSync(input)) throw new UsageError(`no such file: ${args.file}`);
  const toStdout = args.output === '-';
  const output = args.inPlace ? input : toStdout ? undefined : resolve(io.cwd, args.output ?? defaultRedactedPath(input));
  if (output && !args.inPlace && same(input, output)) {
    throw new UsageError(`refusing to write the redacted copy over the input ${args.file}; use --in-place to replace it`);
  }
  if (output && !args.inPlace && existsSync(output) && !args.force) {
    throw new UsageError(`${displayPath(output, io.cwd)} already exists; use --force to overwrite it or -o to choose another file`);
  }
  const config = new ConfigResolver(args.config ? resolve(io.cwd, args.config) : undefined).forPath(input);
  const engineOptions = args.mode ? { ...config.engine, mode: args.mode } : config.engine;
  const engine = engineFor(args.mode ? { ...config, engine: engineOptions } : config);
  if (isSqliteFile(input)) return redactStore(input, output, args.inPlace, engine, io);
  try {
    if (toStdout) {
      return await redactToStdout(input, engine, engineOptions, io);
    }
    const r = await redactTraceFile(input, output, engine, { inPlace: args.inPlace, engineOptions });
    for (const p of r.problems) io.stderr.write(`${displayPath(input, io.cwd)}:${p.line + 1}: warning: ${p.message}\n`);
    const total = Object.values(r.counts).reduce((a, b) => a + b, 0);
    const per = Object.entries(r.counts)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    io.stderr.write(`tracelint: redacted ${plural(total, 'secret')}${per ? ` (${per})` : ''} in ${plural(r.lines, 'line')}; wrote ${displayPath(r.outPath, io.cwd)}\n`);
    return 0;
  } catch (e) {
    if (e instanceof RedactError) throw new UsageError(e.message);
    throw e;
  }
}

function isSqliteFile(path: string): boolean {
  const head = Buffer.alloc(100);
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const n = readSync(fd, head, 0, 100, 0);
    return isSqliteBytes(head.subarray(0, n));
  } catch {
    return false;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** A TraceCraft SQLite store: a redacted copy of the database (in place: a copy renamed over it). */
async function redactStore(input: string, output: string | undefined, inPlace: boolean, engine: ReturnType<typeof engineFor>, io: CliIO): Promise<number> {
  if (!output) throw new UsageError('a database cannot be written to stdout; give -o FILE');
  const target = inPlace ? join(dirname(input), `.${basename(input)}.tracelint-${process.pid}.redacting`) : output;
  try {
    const r = await redactSqliteFile(input, target, traceStoreScanner(engine));
    if (inPlace) renameSync(target, input);
    io.stderr.write(`tracelint: redacted ${plural(r.findings, 'secret')} in ${plural(r.rowsChanged, 'row')}; wrote ${displayPath(inPlace ? input : target, io.cwd)}\n`);
    return 0;
  } catch (e) {
    rmSync(inPlace ? target : `${target}.tracelint-${process.pid}.tmp`, { force: true });
    throw new UsageError(`${displayPath(input, io.cwd)}: ${(e as Error).message}`);
  }
}

async function redactToStdout(input: string, engine: ReturnType<typeof engineFor>, engineOptions: EngineOptions, io: CliIO): Promise<number> {
  // Through a private temporary copy (the writer is atomic and file-based), streamed out, then removed.
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-redact-'));
  try {
    const out = join(dir, basename(input));
    const r = await redactTraceFile(input, out, engine, { engineOptions });
    for (const p of r.problems) io.stderr.write(`${displayPath(input, io.cwd)}:${p.line + 1}: warning: ${p.message}\n`);
    await pipeline(createReadStream(out), io.stdout, { end: false });
    return 0;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
