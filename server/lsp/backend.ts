// The one seam between the language server and the analysis: what the server asks of the engine,
// the trace readers and the source rules. Everything behind it speaks `Finding`s and knows no LSP.
import type { Finding, InputProblem, Range } from '../../shared/types';
import type { TracelintSettings } from './settings';

/**
 * What a slow rule said about a range besides its findings: why a pattern it judged is fine (linear
 * in practice), or (`finding`) what was measured behind a finding on that range. The hover shows it.
 */
export interface SlowNote {
  range: Range;
  message: string;
  finding?: boolean;
}

export interface SlowOutcome {
  findings: Finding[];
  notes: SlowNote[];
}

export interface LintOutcome {
  findings: Finding[];
  problems: InputProblem[];
  /**
   * Verdicts that take longer (ReDoS checks run off the main thread): resolves to the findings to
   * add once known, and the notes for the hover. The fast findings are shown first; these follow
   * without holding them back.
   */
  slow?: Promise<SlowOutcome>;
}

export interface LintBackend {
  /** Whether tracelint has anything to say about a file of this path (source, trace or config file). */
  handles(path: string): boolean;
  /** Whether the path is a data file (trace), where suppression is by allowlist or baseline, not comments. */
  isTrace(path: string): boolean;
  /** Lints text as the editor holds it. */
  lintText(path: string, text: string, settings: TracelintSettings, signal: AbortSignal): Promise<LintOutcome>;
  /** Lints a file from disk; large traces are streamed, never read whole. */
  lintFile(path: string, settings: TracelintSettings, signal: AbortSignal): Promise<LintOutcome>;
  /**
   * Files a workspace scan is about to lint one after another: what is cheaper for all at once
   * (git's answers about trace files: one call per folder instead of two per file) may be done
   * ahead. What is prepared serves each file's next lint only; `end()` drops what was not used.
   */
  prepare?(paths: string[], settings: TracelintSettings): { end(): void };
  /** The comment that starts a line in this file's language (`#`, `//`), or undefined when it has none. */
  lineComment(path: string): string | undefined;
  /** The placeholder that replaces secrets in mask mode for this file (from its configuration). */
  placeholder(path: string, settings: TracelintSettings): string;
  /**
   * Writes a redacted copy of a trace to `target` (atomically; never over the source): of `text`
   * when given (the editor's copy), else of the file streamed from disk. Resolves to the number of
   * findings redacted.
   */
  writeRedacted(path: string, text: string | undefined, target: string, mode: 'mask' | 'hash' | 'remove', settings: TracelintSettings): Promise<number>;
  /** The tracelint.json in force for a path, if any. */
  configFileFor(path: string, settings: TracelintSettings): string | undefined;
  /** Forget cached configuration (a config file changed). */
  invalidateConfig(): void;
  /** The editor closed the file: drop what was kept to re-lint its next version quickly. */
  closed?(path: string): void;
}

/** What the client tells the server at start (initializationOptions). */
export interface InitOptions {
  /** False in an untrusted workspace: the workspace's own configuration is then not read. */
  trusted?: boolean;
}

/** A backend made once the client's initializationOptions are known, reachable before that through this delegate. */
export function lateBackend(make: (init: InitOptions | undefined) => LintBackend): { backend: LintBackend; init(o: InitOptions | undefined): void } {
  let real: LintBackend | undefined;
  const get = () => (real ??= make(undefined));
  return {
    init: (o) => void (real = make(o)),
    backend: {
      handles: (p) => get().handles(p),
      isTrace: (p) => get().isTrace(p),
      lintText: (...a) => get().lintText(...a),
      lintFile: (...a) => get().lintFile(...a),
      prepare: (...a) => get().prepare?.(...a) ?? { end: () => undefined },
      lineComment: (p) => get().lineComment(p),
      placeholder: (p, s) => get().placeholder(p, s),
      configFileFor: (p, s) => get().configFileFor(p, s),
      writeRedacted: (...a) => get().writeRedacted(...a),
      invalidateConfig: () => get().invalidateConfig(),
      closed: (p) => get().closed?.(p),
    },
  };
}
