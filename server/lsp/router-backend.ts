// The real LintBackend: the router of server/lint-file.ts (one dispatch from a path to findings,
// shared with the CLI), configuration from shared/config (nearest tracelint.json and
// .agentdbg/config.yaml, cached until a configuration file changes), the baseline named in the
// settings, and the trace redaction writer. In an untrusted workspace the workspace's own
// configuration is not read: built-in detectors and rules only.
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { writeFile, rename } from 'node:fs/promises';
import { ConfigError, ConfigResolver, formatConfigIssue, resolveConfig, type ResolvedConfig } from '../../shared/config';
import { Engine } from '../../shared/engine';
import { redactTraceFile, redactTraceText } from '../../shared/traces';
import type { Finding, InputProblem } from '../../shared/types';
import { readBaseline } from '../baseline';
import { contentFingerprint, forgetFile, kindByName, lintFile, sourceAnalysis, sourceSettingsOf } from '../lint-file';
import { CACHE_ENV, configureVerdictCache } from '../../shared/regex/verdict-cache';
import { hygieneForFiles } from '../hygiene/scan';
import type { LintBackend, LintOutcome, SlowNote, SlowOutcome } from './backend';
import type { TracelintSettings } from './settings';

const cacheOffByEnv = process.env[CACHE_ENV] === 'off';

export interface BackendOptions {
  /** Whether the workspace is trusted: only then is its configuration read. */
  trusted: boolean;
  log(message: string): void;
}

const TRACE_KINDS = new Set(['trace', 'trace-store', 'json', 'trace-glob']);
/** The kinds whose pattern sites the slow rules judge (as the CLI does: tracelint.json's patterns too). */
const SOURCE_KINDS = new Set(['python', 'typescript', 'javascript', 'agentdbg-config', 'env', 'tracelint-config']);

export function routerBackend(options: BackendOptions): LintBackend {
  let resolvers = new Map<string, ConfigResolver>();
  let baselines = new Map<string, { mtimeMs: number; fingerprints: Set<string> }>();

  /** The configuration for a path, and a problem to report when the configuration in force is invalid. */
  function configFor(path: string, s: TracelintSettings): { config: ResolvedConfig; problem?: InputProblem } {
    if (!options.trusted) return { config: resolveConfig({}, { baseDir: dirname(path) }) };
    const key = s.configFile;
    let resolver = resolvers.get(key);
    if (!resolver) resolvers.set(key, (resolver = new ConfigResolver(s.configFile || undefined)));
    try {
      return { config: resolver.forPath(path) };
    } catch (e) {
      if (!(e instanceof ConfigError)) throw e;
      const first = e.issues[0];
      return {
        config: resolveConfig({}, { baseDir: dirname(path) }),
        problem: { line: 0, message: `the tracelint configuration is invalid, built-in defaults are used: ${first ? formatConfigIssue(first) : e.message}` },
      };
    }
  }

  /** Fingerprints accepted in the baseline file, re-read when the file changes; none when it is missing or unreadable. */
  function baseline(s: TracelintSettings): Set<string> | undefined {
    if (!options.trusted || !s.baselineFile || !existsSync(s.baselineFile)) return undefined;
    try {
      const mtimeMs = statSync(s.baselineFile).mtimeMs;
      const cached = baselines.get(s.baselineFile);
      if (cached && cached.mtimeMs === mtimeMs) return cached.fingerprints;
      const fingerprints = readBaseline(s.baselineFile);
      baselines.set(s.baselineFile, { mtimeMs, fingerprints });
      return fingerprints;
    } catch (e) {
      options.log(`baseline ignored: ${(e as Error).message}`);
      return undefined;
    }
  }

  /**
   * Storage hygiene (mode, git) of trace files, all of one configuration in one go: git answers for
   * a folder in one call. Git only in a trusted workspace. Undefined when the check failed.
   */
  function hygiene(paths: string[], config: ResolvedConfig, s: TracelintSettings): Promise<Finding[] | undefined> {
    const roots = config.configFile ? [dirname(config.configFile)] : [];
    // Paths in messages are relative to the workspace folder, as the user sees the files in the explorer.
    const displayBase = s.workspaceFolder ?? config.baseDir;
    // `eachFile`: every file gets the findings of its folder, as when it is linted on its own.
    return hygieneForFiles(paths.map((path) => ({ path, config })), { roots, displayBase, git: options.trusted, eachFile: true }).then(
      (h) => {
        for (const note of h.notes) options.log(note);
        return h.findings;
      },
      (e: Error) => {
        options.log(`trace hygiene not checked: ${e.message}`);
        return undefined;
      },
    );
  }

  /** Hygiene findings prepared for the files of a workspace scan, by path; each serves the file's next lint only. */
  const prepared = new Map<string, Promise<Finding[] | undefined>>();

  async function lint(path: string, text: string | undefined, s: TracelintSettings, signal: AbortSignal): Promise<LintOutcome> {
    const ready = prepared.get(path);
    prepared.delete(path);
    const { config, problem } = configFor(path, s);
    // The ReDoS verdict cache follows the (machine-scoped) settings, unless the environment turned it
    // off for the whole process (TRACELINT_VERDICT_CACHE=off: the tests); the CLI shares it.
    if (!cacheOffByEnv) configureVerdictCache({ enabled: s.verdictCache, dir: s.cacheDir });
    const r = await lintFile(path, { config, text, signal });
    if (r.kind === 'trace' || r.kind === 'trace-store') {
      const found = (await ready) ?? (await hygiene([path], config, s));
      r.findings.push(...(found ?? []));
    }
    const accepted = baseline(s);
    const keep = (f: Finding) => !accepted || !f.fingerprint || !accepted.has(f.fingerprint);
    return {
      findings: r.findings.filter(keep),
      problems: problem ? [problem, ...r.problems] : r.problems,
      slow: text !== undefined && SOURCE_KINDS.has(r.kind ?? '') ? slowFindings(path, text, config, signal).then((o) => ({ ...o, findings: o.findings.filter(keep) })) : undefined,
    };
  }

  /**
   * The slow source rules (redos-unsafe-pattern: recheck off the main thread), for files whose
   * model holds custom patterns; their findings follow the fast ones as a second wave, with the
   * rules' explanations (linear in practice, the measured cost of a finding) for the hover.
   */
  async function slowFindings(path: string, text: string, config: ResolvedConfig, signal: AbortSignal): Promise<SlowOutcome> {
    const none: SlowOutcome = { findings: [], notes: [] };
    // Custom patterns are only written where one of these words stands; other files are not parsed twice.
    if (!/pattern|RedactionRule|allowlist/i.test(text)) return none;
    // Let the fast findings go out first: the second parse below runs on this thread.
    await new Promise((resolve) => setImmediate(resolve));
    if (signal.aborted) return none;
    const analysis = await sourceAnalysis();
    const settings = sourceSettingsOf(config);
    const model = analysis.analyzeSource(path, text, settings);
    if (!model || model.patterns.length === 0 || signal.aborted) return none;
    const notes: SlowNote[] = [];
    // Loaded with the analysis (dist/analysis.js), never at the server's start.
    const { runSlowRules } = await import('../rules/slow');
    const found = await runSlowRules(model, settings, signal, (e) => notes.push({ range: model.lines.rangeOf(e.span.start, e.span.end), message: e.message, ...(e.finding ? { finding: true } : {}) }));
    return {
      findings: found.map((f) => ({ ...f, file: f.file ?? path, fingerprint: f.fingerprint ?? contentFingerprint(f, path, text) })),
      notes,
    };
  }

  return {
    handles: (path) => kindByName(path) !== undefined,
    isTrace: (path) => TRACE_KINDS.has(kindByName(path) ?? ''),
    lintText: (path, text, s, signal) => lint(path, text, s, signal),
    lintFile: (path, s, signal) => lint(path, undefined, s, signal),
    prepare(paths, s) {
      const byConfig = new Map<ResolvedConfig, string[]>();
      for (const path of paths) {
        const { config } = configFor(path, s);
        byConfig.set(config, [...(byConfig.get(config) ?? []), path]);
      }
      for (const [config, group] of byConfig) {
        const all = hygiene(group, config, s);
        for (const path of group) prepared.set(path, all.then((fs) => fs?.filter((f) => f.file === path)));
      }
      return { end: () => paths.forEach((p) => prepared.delete(p)) };
    },
    lineComment(path) {
      const kind = kindByName(path);
      if (kind === 'python' || kind === 'env' || kind === 'agentdbg-config') return '#';
      if (kind === 'typescript' || kind === 'javascript') return '//';
      return undefined;
    },
    placeholder: (path, s) => configFor(path, s).config.engine.placeholder,
    configFileFor: (path, s) => (options.trusted ? configFor(path, s).config.configFile : undefined),
    async writeRedacted(path, text, target, mode, s) {
      const { config } = configFor(path, s);
      const engine = new Engine({ ...config.engine, mode });
      if (text === undefined) {
        const r = await redactTraceFile(path, target, engine);
        return Object.values(r.counts).reduce((a, b) => a + b, 0);
      }
      const r = redactTraceText(text, engine, path);
      // Atomic: a reader never sees half a copy, and a failure leaves no partial file under the target name.
      const tmp = `${target}.tracelint-${process.pid}.tmp`;
      await writeFile(tmp, r.text, { mode: 0o600 });
      await rename(tmp, target);
      return Object.values(r.counts).reduce((a, b) => a + b, 0);
    },
    invalidateConfig() {
      resolvers = new Map();
      baselines = new Map();
    },
    closed(path) {
      forgetFile(path);
    },
  };
}
