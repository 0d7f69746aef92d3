// The one router from a file to its findings, shared by the CLI and the language server: decides
// what kind of file a path is (agent source, trace, tracelint.json, .agentdbg/config.yaml, .env),
// runs the matching analysis on its text (given, for editor buffers) or on disk (streamed, for
// large traces), and returns findings and input problems. Every finding leaves with a content
// fingerprint. Nothing here knows about LSP or about output formats.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseAgentDbgConfig, parseConfigText, type ResolvedConfig } from '../shared/config';
import { Engine } from '../shared/engine';
import { LineIndex } from '../shared/positions';
import { detectTraceFileFormat, formatOfText, looksBinary, scanTraceFile, scanTraceText, traceStoreScanner } from '../shared/traces';
import { scanSqliteFile } from '../shared/traces/sqlite';
import type { Finding, InputProblem, Range, Severity, Span } from '../shared/types';
import type { SourceModel } from './analysis';
import { SDKS } from './analysis/sdks';
import type { SourceSettings } from './rules/types';
import { matchesGlobs } from './walk';

/**
 * `json-data`: a JSON file named on the command line that has no trace shape: its content is scanned
 * like a trace's, but it is not a trace file (no permission or git findings about where it lives).
 */
export type FileKind = 'python' | 'typescript' | 'javascript' | 'trace' | 'json-data' | 'trace-store' | 'tracelint-config' | 'agentdbg-config' | 'env';

/** Source files larger than this are reported and skipped (generated code; traces are streamed instead). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

/** Rule id of problems in tracelint's own configuration files. */
export const INVALID_CONFIG = 'invalid-config';

const SOURCE_EXT: Record<string, FileKind> = {
  '.py': 'python', '.pyi': 'python',
  '.ts': 'typescript', '.tsx': 'typescript', '.mts': 'typescript', '.cts': 'typescript',
  '.js': 'javascript', '.jsx': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript',
};

/**
 * The kind of a file by its name alone. `json`: a trace if its content says it is one;
 * `trace-glob`: matched by the configuration's `traces` globs, a trace if it holds JSON at all.
 * `undefined`: tracelint has nothing to say about this file.
 */
export function kindByName(path: string, config?: ResolvedConfig): FileKind | 'json' | 'trace-glob' | undefined {
  const posix = path.replace(/\\/g, '/');
  const name = basename(posix);
  const lower = name.toLowerCase();
  if (lower === 'tracelint.json') return 'tracelint-config';
  if (/(^|\/)\.(?:agentdbg|maida)\/config\.ya?ml$/.test(posix)) return 'agentdbg-config';
  if (lower === '.env' || (lower.startsWith('.env.') && !lower.endsWith('.gz'))) return 'env';
  const dot = lower.lastIndexOf('.');
  const ext = dot >= 0 ? lower.slice(dot) : '';
  if (SOURCE_EXT[ext]) return SOURCE_EXT[ext];
  if (/\.(jsonl|ndjson)(\.gz)?$/.test(lower)) return 'trace';
  if (/\.(db|sqlite|sqlite3)$/.test(lower)) return 'trace-store';
  if (config && matchesGlobs(config.traceGlobs, config.baseDir, path)) return 'trace-glob';
  if (/\.(json|traj)(\.gz)?$/.test(lower)) return 'json';
  return undefined;
}

export interface LintFileOptions {
  config: ResolvedConfig;
  /** The file's text (an editor buffer); absent: read from disk (traces streamed). */
  text?: string;
  /** Streamed delivery for big traces (the CLI's progress); results are returned either way. */
  onFinding?(finding: Finding): void;
  signal?: AbortSignal;
  /** Worker threads for big traces (undefined: automatic, 0: none). */
  workers?: number;
  /** Named by the user (not found by walking): any JSON file is then read as a trace, and an unknown kind is reported. */
  explicit?: boolean;
  /** Also run the slow rules (ReDoS verdicts) and return them in `slow` (the CLI; the language server runs its own second wave). */
  slow?: boolean;
  /** Receives the slow rules' explanations of what they found fine (the CLI's --verbose). */
  explain?(e: { file: string; range: Range; message: string }): void;
}

export interface LintFileResult {
  /** Undefined when the file is not one tracelint reads (it was skipped, nothing to report). */
  kind?: FileKind;
  findings: Finding[];
  problems: InputProblem[];
  /**
   * Slow verdicts (redos-unsafe-pattern: recheck off the main thread, then timing) on the custom
   * patterns of a source or configuration file. The CLI awaits them; the language server shows
   * `findings` at once and adds these when they arrive. Never rejects.
   */
  slow?: Promise<Finding[]>;
}

const engines = new WeakMap<ResolvedConfig, Engine>();

/** One engine per resolved configuration (detectors compiled once). */
export function engineFor(config: ResolvedConfig): Engine {
  let e = engines.get(config);
  if (!e) {
    e = new Engine(config.engine);
    engines.set(config, e);
  }
  return e;
}

/** Lints one file. Never throws for bad input: unreadable, binary or malformed files become problems. */
export async function lintFile(path: string, opts: LintFileOptions): Promise<LintFileResult> {
  let kind = kindByName(path, opts.config);
  if (kind === undefined && !opts.explicit) return { findings: [], problems: [] };
  // A .jsonl found by walking is a trace only when its content has no other known shape (HTTP or
  // SDK replays a test keeps: shared/traces/format.ts, notATrace); named on the command line, it is read.
  if (kind === 'trace' && !opts.explicit) {
    const format = opts.text !== undefined ? formatOfText(opts.text, path) : await detectTraceFileFormat(path).catch(() => null);
    if (format && !format.isTrace) return { findings: [], problems: [] };
  }
  if (kind === 'json' || kind === 'trace-glob' || kind === undefined) {
    const format = opts.text !== undefined ? formatOfText(opts.text, path) : await detectTraceFileFormat(path).catch(() => null);
    if (!format || (!format.isTrace && kind === 'json' && !opts.explicit)) {
      const message = 'not a source, trace or configuration file tracelint reads; skipped';
      return { findings: [], problems: opts.explicit ? [{ file: path, line: 0, message }] : [] };
    }
    kind = format.isTrace || kind === 'trace-glob' ? 'trace' : 'json-data';
  }
  let result: LintFileResult;
  if (kind === 'trace-store') {
    const store = await lintTraceStore(path, opts);
    if (!store) return { findings: [], problems: [] };
    result = store;
  } else {
    result = kind === 'trace' || kind === 'json-data' ? await lintTrace(path, opts) : await lintTextFile(path, kind, opts);
  }
  result.kind = kind;
  const finish = (findings: Finding[]) => {
    for (const f of findings) {
      f.file ??= path;
      f.fingerprint ??= contentFingerprint(f, path, opts.text);
    }
    return findings;
  };
  finish(result.findings);
  if (result.slow) result.slow = result.slow.then(finish);
  return result;
}

async function lintTrace(path: string, opts: LintFileOptions): Promise<LintFileResult> {
  const engine = engineFor(opts.config);
  if (opts.text !== undefined) {
    // An editor's copy of a binary file (random bytes named .jsonl): one problem, as the file on
    // disk gets from scanTraceFile, not one per `\n` the bytes happen to hold.
    if (textLooksBinary(opts.text)) return { findings: [], problems: [{ file: path, line: 0, message: BINARY_TRACE }] };
    const r = scanTraceText(opts.text, path, engine);
    return { findings: r.findings, problems: r.problems };
  }
  const findings: Finding[] = [];
  const problems: InputProblem[] = [];
  await scanTraceFile(path, engine, {
    onFinding: (f) => {
      findings.push(f);
      opts.onFinding?.(f);
    },
    onProblem: (p) => problems.push(p),
    signal: opts.signal,
    workers: opts.workers,
    engineOptions: opts.config.engine,
  });
  return { findings, problems };
}

const BINARY_TRACE = 'binary data (NUL bytes), not a JSON trace; not scanned';

/** A NUL character in the first 8 KB of a text: binary data decoded as text (the test `looksBinary` makes on bytes). */
export function textLooksBinary(text: string): boolean {
  const i = text.indexOf('\0');
  return i !== -1 && i < 8192;
}

/** A TraceCraft SQLite store; undefined when the database holds no traces (then it is not ours to report). */
async function lintTraceStore(path: string, opts: LintFileOptions): Promise<LintFileResult | undefined> {
  const r = await scanSqliteFile(path, traceStoreScanner(engineFor(opts.config))).catch((e: Error) => ({
    isTraceStore: false,
    findings: [],
    problems: [{ file: path, line: 0, message: `cannot read: ${e.message}` }],
    rows: {},
  }));
  if (!r.isTraceStore && !opts.explicit) return undefined;
  for (const f of r.findings) opts.onFinding?.(f);
  return { findings: r.findings, problems: r.problems };
}

/** Reads a small text file: size, binary and UTF-8 checks give problems, not exceptions. */
export async function readSourceText(path: string): Promise<{ text?: string; problems: InputProblem[] }> {
  const problem = (message: string) => ({ problems: [{ file: path, line: 0, message }] });
  try {
    const st = await stat(path);
    if (!st.isFile()) return problem('not a regular file; skipped');
    if (st.size > MAX_SOURCE_BYTES) return problem(`larger than ${MAX_SOURCE_BYTES >> 20} MB; skipped`);
    const bytes = await readFile(path);
    if (looksBinary(bytes.subarray(0, 8192))) return problem('binary file (NUL bytes); skipped');
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), problems: [] };
    } catch {
      return { text: new TextDecoder('utf-8').decode(bytes), problems: [{ file: path, line: 0, message: 'invalid UTF-8; undecodable bytes read as U+FFFD' }] };
    }
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return problem(`cannot read: ${code === 'EACCES' ? 'permission denied' : code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
}

async function lintTextFile(path: string, kind: FileKind, opts: LintFileOptions): Promise<LintFileResult> {
  let text = opts.text;
  const problems: InputProblem[] = [];
  if (text === undefined) {
    const read = await readSourceText(path);
    problems.push(...read.problems);
    if (read.text === undefined) return { findings: [], problems };
    text = read.text;
  }
  switch (kind) {
    case 'tracelint-config': {
      // The pattern rules (redos-unsafe-pattern, invalid-pattern, broad-allowlist) judge its regexes.
      const { lintSource, analyzeSource } = await sourceAnalysis();
      const settings = sourceSettingsOf(opts.config);
      const config = lintTracelintConfig(path, text);
      // An invalid pattern is already an invalid-config error there; invalid-pattern adds nothing.
      const patterns = lintSource(path, text, settings).filter((f) => f.ruleId !== 'invalid-pattern' || !config.some((c) => overlaps(c.span, f.span)));
      return { findings: [...config, ...patterns], problems, slow: opts.slow ? slowFindings(async () => analyzeSource(path, text!, settings), settings, opts) : undefined };
    }
    case 'agentdbg-config': {
      const { lintSource, analyzeSource } = await sourceAnalysis();
      const settings = sourceSettingsOf(opts.config);
      return { findings: [...lintAgentDbgConfig(path, text), ...lintSource(path, text, settings)], problems, slow: opts.slow ? slowFindings(async () => analyzeSource(path, text!, settings), settings, opts) : undefined };
    }
    default: {
      const { lintSource, analyzeSource } = await sourceAnalysis();
      const settings = sourceSettingsOf(opts.config);
      // Only files that can hold a custom pattern are analysed a second time for the slow rules.
      const slow = opts.slow && MAY_HOLD_PATTERNS.test(text) ? slowFindings(async () => analyzeSource(path, text!, settings), settings, opts) : undefined;
      return { findings: lintSource(path, text, settings), problems, slow };
    }
  }
}

/** The words a file holding a custom pattern contains: TraceCraft's, and the SDK descriptors' pattern options (Logfire `extra_patterns`). */
const MAY_HOLD_PATTERNS = new RegExp([
  'Redaction(?:Rule|Config)', 'custom_patterns', 'customPatterns', 'allowlist_patterns', 'allowlistPatterns',
  ...new Set(SDKS.flatMap((s) => (s.patternOptions ?? []).map((p) => p.option))),
].join('|'));

function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

/** The slow rules over a file's model; an analysis that fails gives no slow findings (the fast pass reported it). */
async function slowFindings(model: () => Promise<SourceModel | undefined>, settings: SourceSettings, opts: LintFileOptions): Promise<Finding[]> {
  try {
    const m = await model();
    if (!m || m.patterns.length === 0) return [];
    const { runSlowRules } = await import('./rules/slow');
    // What was measured behind a finding is for the editor's hover; --verbose explains the rest.
    const explain = opts.explain ? (e: { span: Span; message: string; finding?: boolean }) => { if (!e.finding) opts.explain!({ file: m.fileName, range: m.lines.rangeOf(e.span.start, e.span.end), message: e.message }); } : undefined;
    return (await runSlowRules(m, settings, opts.signal, explain)).map((f) => ({ ...f, file: m.fileName }));
  } catch {
    return [];
  }
}

type SourceAnalysis = typeof import('./analysis') & typeof import('./rules/run');
let analysis: Promise<SourceAnalysis> | undefined;

/**
 * The source analysis, loaded on first use with its parsers: the TypeScript compiler it carries
 * costs a few hundred milliseconds to load, which a scan of traces alone (or `redact`) never pays.
 * A parser that fails to load is reported by lintSource itself, per file.
 */
export function sourceAnalysis(): Promise<SourceAnalysis> {
  analysis ??= Promise.all([import('./analysis'), import('./rules/run')]).then(async ([a, run]) => {
    await a.initAnalysis().catch(() => undefined);
    return { ...a, ...run };
  });
  return analysis;
}

/**
 * Drops what the source analysis keeps of a file for its next version (syntax trees, outlines):
 * the editor closed it. Nothing to do, and nothing loaded, when no source file was analysed yet.
 */
export function forgetFile(path: string): void {
  void analysis?.then((a) => a.forgetSource(path));
}

const sourceSettings = new WeakMap<ResolvedConfig, SourceSettings>();

/** What the source rules read from the configuration. */
export function sourceSettingsOf(config: ResolvedConfig): SourceSettings {
  let s = sourceSettings.get(config);
  if (!s) {
    s = {
      extraCredentialNames: config.credentialNames.add,
      ignoredNames: config.credentialNames.ignore,
      tracingDecorators: config.tracingDecorators.map((d) => ({ name: d.name, module: d.module, exclusionParam: d.exclusionParam, captureParam: d.captureParam })),
      rules: config.rules,
      engine: config.engine,
      recorderRedaction: config.agentdbgRedaction && { ...config.agentdbgRedaction, file: config.agentdbgFile },
    };
    sourceSettings.set(config, s);
  }
  return s;
}

function finding(path: string, lines: LineIndex, ruleId: string, severity: Severity, message: string, span: Span): Finding {
  return { ruleId, severity, message, file: path, span, range: lines.rangeOf(span.start, span.end) };
}

/** Problems in a tracelint.json as findings (the configuration in force is also checked at load time). */
function lintTracelintConfig(path: string, text: string): Finding[] {
  const lines = new LineIndex(text);
  return parseConfigText(text, path).issues.map((i) => finding(path, lines, INVALID_CONFIG, 'error', i.message, i.span ?? { start: 0, end: 0 }));
}

/** What AgentDbg would ignore or misread in .agentdbg/config.yaml. */
function lintAgentDbgConfig(path: string, text: string): Finding[] {
  const lines = new LineIndex(text);
  return parseAgentDbgConfig(text).problems.map((p) => finding(path, lines, INVALID_CONFIG, 'warning', p.message, p.span));
}

/**
 * `ruleId:sha256(value)`: the secret when the finding has one; otherwise (source rules) the flagged
 * text with the file's name and the message, so a baseline entry survives line moves.
 */
export function contentFingerprint(f: Finding, path: string, text?: string): string {
  const value = f.secret ?? `${basename(path)}\0${text !== undefined ? text.slice(f.span.start, f.span.end) : ''}\0${f.message}`;
  return `${f.ruleId}:${createHash('sha256').update(value).digest('hex')}`;
}
