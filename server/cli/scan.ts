// `tracelint scan`: collects files from the given paths, lints each through the shared router
// (server/lint-file.ts) under the configuration in force for it (agent source files on worker
// threads, source-pool.ts, when there are enough of them), applies the baseline, and
// prints the report. Returns the exit code: 0 no findings, 1 findings (2 is thrown as an error).
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { ConfigResolver, type ResolvedConfig } from '../../shared/config';
import type { Finding, InputProblem, Range } from '../../shared/types';
import { detectorList } from '../../shared/engine';
import { CACHE_ENV, configureVerdictCache } from '../../shared/regex/verdict-cache';
import { HYGIENE_RULES } from '../hygiene';
import { hygieneForFiles } from '../hygiene/scan';
import { closeTheLoop } from '../loop/cli';
import { traceMayLink } from '../loop/service';
import { INVALID_CONFIG, kindByName, lintFile } from '../lint-file';
import { UsageError, type ScanArgs } from './args';
import { readBaseline, writeBaseline } from '../baseline';
import { formatJson } from './format/json';
import { formatSarif } from './format/sarif';
import { formatText } from './format/text';
import { Progress } from './progress';
import { countReport, plural, type FileResult, type RuleHelp, type ScanReport } from './report';
import { FILES_PER_WORKER, SourcePool, sourceWorkerScript, type SourceResult } from './source-pool';
import { walkFiles } from '../walk';
import { writeFileAtomic } from '../write';

export interface CliIO {
  cwd: string;
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WriteStream;
  version: string;
}

export function displayPath(abs: string, cwd: string): string {
  const rel = relative(cwd, abs);
  const shown = rel === '' ? '.' : rel.startsWith('..') || isAbsolute(rel) ? abs : rel;
  return sep === '/' ? shown : shown.split(sep).join('/');
}

/** The files to scan: walked folders plus files named explicitly (those always scanned). */
function collectFiles(args: ScanArgs, io: CliIO, resolver: ConfigResolver, problems: Map<string, InputProblem[]>): { files: string[]; explicit: Set<string> } {
  const seen = new Set<string>();
  const files: string[] = [];
  const explicit = new Set<string>();
  for (const p of args.paths) {
    const abs = resolve(io.cwd, p);
    if (!existsSync(abs)) throw new UsageError(`no such file or folder: ${p}`);
    const config = resolver.forPath(abs);
    for (const file of walkFiles(abs, {
      baseDir: config.baseDir,
      ignore: config.ignore,
      traceGlobs: config.traceGlobs,
      onProblem: (path, message) => problems.set(path, [...(problems.get(path) ?? []), { file: path, line: 0, message }]),
    })) {
      if (seen.has(file)) continue;
      seen.add(file);
      if (file === abs) explicit.add(file);
      // Walked files tracelint has no reader for are skipped quietly; named ones are looked at.
      if (file === abs || kindByName(file, resolver.forPath(file)) !== undefined) files.push(file);
    }
  }
  return { files, explicit };
}

async function ruleHelp(configs: Iterable<ResolvedConfig>): Promise<RuleHelp[]> {
  const rules = new Map<string, RuleHelp>();
  for (const d of detectorList()) rules.set(d.name, { id: d.name, description: d.description, defaultSeverity: d.defaultSeverity, kind: 'detector' });
  // Loaded lazily (they pull in the source analysis): only SARIF lists every rule.
  const [{ RULES }, { UNUSED_SUPPRESSION }, { SLOW_RULES }] = await Promise.all([import('../rules'), import('../rules/run'), import('../rules/slow')]);
  for (const m of [...RULES.map((r) => r.meta), ...SLOW_RULES.map((r) => r.meta), UNUSED_SUPPRESSION, ...HYGIENE_RULES]) {
    rules.set(m.id, { id: m.id, description: m.docs, defaultSeverity: m.defaultSeverity, kind: 'rule' });
  }
  for (const config of configs) {
    for (const c of config.engine.customPatterns) {
      rules.set(c.name, { id: c.name, description: `Custom pattern ${c.pattern} (from ${config.configFile ?? 'configuration'}).`, defaultSeverity: c.severity ?? 'warning', kind: 'custom' });
    }
    if (config.engine.customStrings.length > 0) {
      rules.set('custom_string', { id: 'custom_string', description: `Literal strings listed under customStrings (from ${config.configFile ?? 'configuration'}).`, defaultSeverity: 'warning', kind: 'custom' });
    }
    for (const c of config.engine.fieldPaths) {
      rules.set(c.name, { id: c.name, description: `Values at ${c.paths.join(', ')} (from ${config.configFile ?? 'configuration'}).`, defaultSeverity: c.severity ?? 'warning', kind: 'custom' });
    }
  }
  rules.set('parse-error', { id: 'parse-error', description: 'A source file tracelint could not analyse (syntax it cannot read, binary content, too large); the rest of the scan goes on.', defaultSeverity: 'info', kind: 'rule' });
  rules.set(INVALID_CONFIG, { id: INVALID_CONFIG, description: 'A tracelint.json or .agentdbg/config.yaml setting that is invalid or that AgentDbg would ignore or misread.', defaultSeverity: 'error', kind: 'rule' });
  return [...rules.values()];
}

/** The source kinds linted on worker threads. */
const SOURCE_KINDS = new Set<string>(['python', 'typescript', 'javascript']);

type Explain = (e: { file: string; range: Range; message: string }) => void;

/**
 * Lints a file in this thread; its slow verdicts (ReDoS checks of custom patterns) come in `slow`,
 * which the scan awaits once every file has started its own, so that the checks of all files run
 * side by side (shared/regex/slots.ts) rather than one file's after another's.
 */
function lintHere(file: string, config: ResolvedConfig, explicit: boolean, explain?: Explain): Promise<SourceResult & { slow?: Promise<Finding[]> }> {
  return lintFile(file, { config, explicit, slow: true, ...(explain ? { explain } : {}) });
}

/**
 * Worker threads for a scan's source files besides this thread: one a core, less this one, when there
 * are FILES_PER_WORKER source files or more per worker; none when a trace can link (its leaks are
 * linked from this thread's models) or with --verbose (explanations are collected in this thread).
 */
export function sourceWorkerCount(sourceFiles: number, cores: number, opts: { linkedTraces: boolean; verbose: boolean }): number {
  if (opts.linkedTraces || opts.verbose) return 0;
  return Math.max(0, Math.min(cores, Math.floor(sourceFiles / FILES_PER_WORKER) + 1) - 1);
}

export interface ScanOptions {
  /** Worker threads for source files (undefined: one per core, when there are enough files; 0: none). */
  sourceWorkers?: number;
}

export async function runScan(args: ScanArgs, io: CliIO, options: ScanOptions = {}): Promise<number> {
  // ReDoS verdicts persist across runs unless --no-cache (or TRACELINT_VERDICT_CACHE=off with no flag).
  // Set before any worker starts: the switch is in the environment, which workers inherit.
  if (args.noCache) configureVerdictCache({ enabled: false });
  else if (args.cacheDir !== undefined) configureVerdictCache({ enabled: true, dir: resolve(io.cwd, args.cacheDir) });
  else if (process.env[CACHE_ENV] === undefined) configureVerdictCache({ enabled: true });
  const resolver = new ConfigResolver(args.config ? resolve(io.cwd, args.config) : undefined);
  const baseline = args.baseline ? readBaseline(resolve(io.cwd, args.baseline)) : undefined;
  const walkProblems = new Map<string, InputProblem[]>();
  const { files, explicit } = collectFiles(args, io, resolver, walkProblems);

  const progress = new Progress(io.stderr);
  const results: FileResult[] = [];
  const configs = new Set<ResolvedConfig>();
  const traceFiles: Array<{ path: string; config: ResolvedConfig }> = [];
  const all: Finding[] = [];
  const explained: Array<{ file: string; range: Range; message: string }> = [];
  const explain: Explain | undefined = args.verbose ? (e) => explained.push(e) : undefined;
  let suppressed = 0;
  let scanned = 0;
  const slow: Array<Promise<void>> = [];
  for (const [path, problems] of walkProblems) results.push({ path, display: displayPath(path, io.cwd), findings: [], problems });
  // Agent source files go to worker threads too (each loads the analysis once): this thread lints the
  // other files first (traces, configuration), then source files from the front of the list while
  // the workers take them from the back (source-pool.ts), and takes the results in file order.
  // Not when a trace of the scan can link its leaks to the code that traced them (closeTheLoop: a
  // TraceCraft, AgentDbg or OTLP trace, or --against-config): that needs this thread's source models,
  // which linting here leaves cached; models cannot cross from a worker (they hold functions), so
  // workers would make this thread analyse every file again (measured on bench/repo.bench.mjs, 300
  // files and 3 traces: 10.0 CPU-s instead of 5.6). Plain JSONL traces (a coding agent's) link to nothing.
  const kinds = files.map((f) => kindByName(f, resolver.forPath(f)));
  const onWorkers = files.filter((_, i) => SOURCE_KINDS.has(kinds[i] as string));
  // Files that may be traces by name or content (a .json may be an OTLP export); SQLite stores are not linked.
  const traces = files.filter((_, i) => kinds[i] === 'trace' || kinds[i] === 'trace-glob' || kinds[i] === 'json');
  const linkedTraces = args.againstConfig ? traces.length > 0 : (await Promise.all(traces.map((t) => traceMayLink(t)))).some(Boolean);
  const wanted = options.sourceWorkers ?? sourceWorkerCount(onWorkers.length, availableParallelism(), { linkedTraces, verbose: Boolean(args.verbose) });
  const script = wanted > 0 ? sourceWorkerScript() : null;
  const pool = script ? new SourcePool(script, wanted, args.config ? resolve(io.cwd, args.config) : undefined) : null;
  const pooled = new Map<string, Promise<SourceResult & { slow?: Promise<Finding[]> }>>();
  // A worker that fails leaves its files to this thread (a failure is never a lost file).
  if (pool) for (const f of onWorkers) pooled.set(f, pool.lint(f, explicit.has(f)).catch(() => lintHere(f, resolver.forPath(f), explicit.has(f), explain)));
  // The order of this thread's work: what no worker can take first, so the workers have the source files meanwhile.
  const order = pool ? [...files.filter((f) => !pooled.has(f)), ...onWorkers] : files;
  for (const file of files) configs.add(resolver.forPath(file));
  const byFile = new Map<string, SourceResult>();
  try {
    for (let i = 0; i < order.length; i++) {
      const file = order[i];
      progress.update(i, order.length, displayPath(file, io.cwd));
      const p = pooled.get(file);
      const here = !p || pool!.claim(file);
      const r = await (here ? lintHere(file, resolver.forPath(file), explicit.has(file), explain) : p);
      const findings = r.findings;
      if (r.slow) slow.push(r.slow.then((f) => { findings.push(...f); }));
      byFile.set(file, r);
    }
    await Promise.all(slow);
  } finally {
    await pool?.close();
  }
  for (const file of files) {
    const r = byFile.get(file)!;
    if (r.kind === undefined && r.problems.length === 0) continue;
    scanned++;
    if (r.kind === 'trace' || r.kind === 'trace-store') traceFiles.push({ path: file, config: resolver.forPath(file) });
    results.push({ path: file, display: displayPath(file, io.cwd), findings: r.findings, problems: r.problems.map((p) => ({ ...p, file })) });
  }
  progress.done();
  for (const e of explained.sort((a, b) => a.file.localeCompare(b.file) || a.range.line - b.range.line)) {
    io.stderr.write(`tracelint: note: ${displayPath(e.file, io.cwd)}:${e.range.line + 1}:${e.range.column + 1}: ${e.message}\n`);
  }

  // Where the trace files live (modes, git), after their content: one pass over all of them.
  const hygiene = await hygieneForFiles(traceFiles, { roots: [io.cwd, ...args.paths.map((p) => resolve(io.cwd, p))], displayBase: io.cwd, fix: args.fix });
  for (const line of hygiene.fixed) io.stderr.write(`tracelint: fixed: ${line}\n`);
  for (const note of hygiene.notes) io.stderr.write(`tracelint: note: ${note}\n`);
  const byPath = new Map(results.map((r) => [r.path, r]));
  for (const f of hygiene.findings) byPath.get(resolve(io.cwd, f.file ?? ''))?.findings.push(f);
  // Each leak in a trace linked to the code that traced it; with --against-config, only what the
  // project's own redaction configuration would let through is kept (after hygiene, whose findings
  // about a file's mode or git status are no part of that question and are dropped then).
  const loop = await closeTheLoop(results, traceFiles.filter((t) => kindByName(t.path, t.config) !== 'trace-store'), { againstConfig: args.againstConfig });
  for (const note of loop.notes) io.stderr.write(`tracelint: ${note}\n`);

  for (const r of results) {
    r.findings.sort((a, b) => a.range.line - b.range.line || a.range.column - b.range.column);
    all.push(...r.findings);
    const kept = baseline ? r.findings.filter((f) => !(f.fingerprint && baseline.has(f.fingerprint))) : r.findings;
    suppressed += r.findings.length - kept.length;
    for (const f of kept) {
      for (const rel of f.related ?? []) rel.file = displayPath(resolve(io.cwd, rel.file), io.cwd);
    }
    r.findings = kept;
  }
  results.sort((a, b) => (a.display < b.display ? -1 : a.display > b.display ? 1 : 0));

  const report: ScanReport = { version: io.version, cwd: io.cwd, results, filesScanned: scanned, suppressed, rules: args.format === 'sarif' ? await ruleHelp(configs) : [] };
  const output = args.format === 'json' ? formatJson(report) : args.format === 'sarif' ? formatSarif(report) : formatText(report, { color: Boolean(io.stdout.isTTY) && !args.output && !process.env.NO_COLOR });
  if (args.output) writeFileAtomic(resolve(io.cwd, args.output), output);
  else io.stdout.write(output);

  if (args.writeBaseline) {
    const target = resolve(io.cwd, args.writeBaseline);
    const count = writeBaseline(target, all);
    io.stderr.write(`tracelint: wrote ${plural(count, 'fingerprint')} to ${displayPath(target, io.cwd)}; these findings are accepted from now on\n`);
    return 0;
  }
  return countReport(report).findings > 0 ? 1 : 0;
}
