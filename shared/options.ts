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
}

export const DEFAULT_SENSITIVE_KEYS = [
  'api_key', 'apikey', 'token', 'access_token', 'refresh_token', 'id_token', 'auth_token', 'secret',
  'client_secret', 'secret_key', 'password', 'passwd', 'pwd', 'passphrase', 'credential', 'credentials',
  'authorization', 'auth', 'cookie', 'set_cookie', 'session_id', 'private_key', 'ssn', 'credit_card',
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
