// The shapes of configuration: `TracelintConfig` is tracelint.json as written (validated against
// schemas/tracelint.schema.json); `ResolvedConfig` is what it boils down to for the engine, the
// source rules and the file walker, with defaults applied and paths made absolute.
import type { EngineOptions, FieldType, HighEntropyOptions } from '../options';
import type { Severity, Span } from '../types';

/** A severity, or `off`. */
export type Level = Severity | 'off';

export interface CustomRuleConfig {
  name: string;
  pattern?: string;
  fieldPaths?: string[];
  severity?: Severity;
}

export interface TracingDecoratorConfig {
  name: string;
  module?: string;
  exclusionParam?: string;
  captureParam?: string;
}

export interface TracelintConfig {
  $schema?: string;
  detectors?: Record<string, Level>;
  rules?: Record<string, Level>;
  customRules?: CustomRuleConfig[];
  customStrings?: string[];
  allowlist?: string[];
  allowlistPatterns?: string[];
  sensitiveKeys?: { add?: string[]; remove?: string[]; substring?: boolean };
  redaction?: { mode?: 'mask' | 'hash' | 'remove'; placeholder?: string; anonymizePaths?: boolean };
  highEntropy?: Partial<Omit<HighEntropyOptions, 'fieldTypeDelta'>> & { fieldTypeDelta?: Partial<Record<FieldType, number>> };
  hygiene?: { fileMode?: string; dirMode?: string };
  traces?: string[];
  ignore?: string[];
  tracingDecorators?: TracingDecoratorConfig[];
  agentdbgConfig?: boolean;
}

/** One thing wrong with a configuration file, naming the field and, when known, where it stands. */
export interface ConfigIssue {
  file: string;
  /** The field, as `customRules[0].pattern`; empty for the document as a whole. */
  field: string;
  message: string;
  /** [start, end) in the file's text, and the 0-based line/column of `start`. */
  span?: Span;
  line?: number;
  column?: number;
}

export interface ResolvedConfig {
  /** Absolute path of the tracelint.json in force; absent when running on defaults. */
  configFile?: string;
  /** Folder that relative globs (`traces`, `ignore`) are resolved against. */
  baseDir: string;
  engine: EngineOptions;
  /** Source and configuration rule levels, by rule id; a rule absent here uses its default. */
  rules: Record<string, Level>;
  /** Extra gitignore-style globs, relative to `baseDir`, of files read as traces. */
  traceGlobs: string[];
  /** Gitignore-style globs, relative to `baseDir`, never scanned. */
  ignore: string[];
  tracingDecorators: TracingDecoratorConfig[];
  /** Key and parameter names for the source rules: added to their credential names, or never credential-like. */
  credentialNames: { add: string[]; ignore: string[] };
  /** Whether the nearest `.agentdbg/config.yaml` is folded into `engine` (setting `agentdbgConfig`). */
  useAgentDbgConfig: boolean;
  /** The `.agentdbg/config.yaml` (or Maida's `.maida/config.yaml`) folded into `engine`, if any. */
  agentdbgFile?: string;
  /** What that file makes AgentDbg's own redaction do: on or off, and the key substrings it covers. */
  agentdbgRedaction?: { enabled: boolean; keys: string[] };
  /** Widest modes for trace files and folders (trace-file-permissions), as numbers (0o600). */
  hygiene: { fileMode: number; dirMode: number };
}
