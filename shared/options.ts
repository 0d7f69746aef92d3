// The engine's resolved options: what the configuration file, `.agentdbg/config.yaml`, editor
// settings and CLI flags boil down to. The engine reads nothing else.
import type { Severity } from './types';

export type RedactionMode = 'mask' | 'hash' | 'remove';

export interface DetectorSetting {
  enabled: boolean;
  severity: Severity;
}

export interface CustomPattern {
  name: string;
  /** Python `re` syntax, as users write it for TraceCraft / AgentDbg. */
  pattern: string;
  severity?: Severity;
}

export interface FieldPathRule {
  name: string;
  /** Dotted paths (`credentials.password`) or leaf keys (`password`). */
  paths: string[];
  severity?: Severity;
}

export interface EngineOptions {
  /** Keyed by detector name; a detector absent here uses its own default. */
  detectors: Record<string, Partial<DetectorSetting>>;
  sensitiveKeys: {
    /** Credential-like key names; matched on normalised names (case, `_`, `-`, camelCase). */
    names: string[];
    /** AgentDbg's semantics: a key matches when it contains a name as a case-insensitive substring. */
    substring: boolean;
  };
  customPatterns: CustomPattern[];
  /** Literal strings to redact wherever they appear (opentraces' custom_redact_strings). */
  customStrings: string[];
  fieldPaths: FieldPathRule[];
  /** Values that are never findings (exact match). */
  allowlist: string[];
  /** Python regexes; a value fully matching one is never a finding (`re.fullmatch`). */
  allowlistPatterns: string[];
  mode: RedactionMode;
  /** Replacement text for mask mode; default `[REDACTED]`. */
  placeholder: string;
  /** Settings of the opt-in `high_entropy` detector (shared/detectors/high-entropy.ts); absent = defaults. */
  highEntropy?: Partial<HighEntropyOptions>;
  /** Opt-in path anonymiser (shared/redact/paths.ts) for redacted copies and the preview. */
  anonymizePaths?: boolean;
}

/** Field types of trace values (opentraces' hints), as the trace readers classify them. */
export type FieldType = 'tool_input' | 'tool_result' | 'reasoning' | 'general';

export interface HighEntropyOptions {
  /** Bits per character a base64-like token must reach (general text, reasoning). Default 4.5. */
  base64Threshold: number;
  /** Bits per character a hex token must reach (hex tops out at 4). Default 3.0. */
  hexThreshold: number;
  /** Shortest token considered. Default 20. */
  minLength: number;
  /** Longest token considered; longer runs are blobs (images, files), not credentials. Default 512. */
  maxLength: number;
  /** Also report UUIDs and hex digests of hash lengths. Default false. */
  includeHashes: boolean;
  /** Added to both thresholds per field type; negative is stricter. Default tool_input -0.5, tool_result +0.25. */
  fieldTypeDelta: Partial<Record<FieldType, number>>;
}

export const DEFAULT_SENSITIVE_KEYS = [
  'api_key', 'apikey', 'token', 'access_token', 'refresh_token', 'id_token', 'auth_token', 'secret',
  'client_secret', 'secret_key', 'password', 'passwd', 'pwd', 'passphrase', 'credential', 'credentials',
  'authorization', 'auth', 'cookie', 'set_cookie', 'private_key', 'ssn', 'credit_card',
];

export function defaultEngineOptions(): EngineOptions {
  return {
    detectors: {},
    sensitiveKeys: { names: [...DEFAULT_SENSITIVE_KEYS], substring: false },
    customPatterns: [],
    customStrings: [],
    fieldPaths: [],
    allowlist: [],
    allowlistPatterns: [],
    mode: 'mask',
    placeholder: '[REDACTED]',
  };
}
