// The contract every source rule follows: metadata, and a check over the analysed file.
// Rules import nothing from LSP; they return Findings with fixes as data.
import type { Finding, Severity, Span } from '../../shared/types';
import type { EngineOptions } from '../../shared/options';
import type { SourceModel } from '../analysis/model';
import type { AnalysisSettings } from '../analysis/settings';

export type { CustomTracer } from '../analysis/settings';

export interface RuleMeta {
  /** The id users see and suppress: `credential-param-captured`. */
  id: string;
  /** One sentence: what the rule finds and why it matters. Shown as help text (SARIF, hover). */
  docs: string;
  defaultSeverity: Severity;
  /** Whether findings carry a `fix` that fix-all may apply. */
  fixable: boolean;
}

/** Settings the source rules read (and the analysis under them); the configuration file (`tracelint.json`) fills them. */
export interface SourceSettings extends AnalysisSettings {
  /** Credential-like names; replaces the defaults when given (matched on normalised names). */
  credentialNames?: string[];
  /** Names added to the defaults (or to `credentialNames`). */
  extraCredentialNames?: string[];
  /** Names that are never credential-like, even when they contain one (`token_budget`). */
  ignoredNames?: string[];
  /** Per-rule severity, or `off`. Absent rules use their default severity. */
  rules?: Record<string, Severity | 'off'>;
  /** The engine's options (detectors, allowlists) for hardcoded-credential; defaults when absent. */
  engine?: EngineOptions;
  /**
   * The project's AgentDbg / Maida configuration (`.agentdbg/config.yaml`, `.maida/config.yaml`):
   * whether its redaction is on and the key substrings it covers, in place of the SDK's defaults.
   */
  recorderRedaction?: { enabled: boolean; keys: string[]; file?: string };
}

/** What a rule's `check` receives: the analysed file, the settings, and a way to report. */
export interface RuleContext {
  model: SourceModel;
  settings: SourceSettings;
  /** Whether a name is credential-like under the settings (normalised matching). */
  isCredentialName(name: string): boolean;
  /** Records a finding; positions are filled from the span, severity from the settings. */
  report(finding: Omit<Finding, 'severity' | 'range' | 'ruleId'> & { ruleId?: string; severity?: Severity }): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}

/**
 * Why a slow rule judged something fine that looked suspect (a pattern linear in practice): no
 * finding. Or, with `finding`, what was measured behind a finding it reported on the same span
 * (the editor's hover shows it under the finding's message; the CLI's --verbose does not print it).
 */
export interface Explanation {
  span: Span;
  message: string;
  finding?: boolean;
}

export type SlowRuleContext = RuleContext & {
  signal?: AbortSignal;
  /** Receives explanations (the CLI's --verbose, the editor's hover); absent: they are dropped. */
  explain?(e: Explanation): void;
};

/**
 * A rule whose verdicts take time (redos-unsafe-pattern: recheck and timing off the main thread).
 * It runs after the fast rules and never holds their findings back: the CLI awaits it, the
 * language server publishes its findings when they arrive (`runSlowRules` in `slow.ts`).
 */
export interface SlowRule {
  meta: RuleMeta;
  checkAsync(ctx: SlowRuleContext): Promise<void>;
}
