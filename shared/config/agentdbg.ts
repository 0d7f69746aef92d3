// `.agentdbg/config.yaml`: AgentDbg's redaction settings, in both shapes seen in the wild, parsed
// with source positions so rules can point at `redact: false` or at one pattern.
//   real AgentDbg (config.py):   redact, redact_keys, max_field_bytes (top level)
//   the security guide's shape:  redaction: { enabled, keys, patterns, aggressive_mode,
//                                             redaction_placeholder, max_field_bytes }
// AgentDbg reads the file with PyYAML (YAML 1.1), so `redact: no` and `redact: off` mean false:
// we parse as YAML 1.1 to agree with it.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode, type Pair, type YAMLMap } from 'yaml';
import type { EngineOptions } from '../options';
import type { Span } from '../types';
import { compileCustomPattern } from '../regex/guard';
import { yamlScalarOffsets, type OffsetOf } from './string-offsets';
import { flowNestingExceeds, MAX_FLOW_NESTING, nodeSpan } from './spans';

/** A value as written, with the [start, end) of its node (quotes included) and of its key. */
export interface Located<T> {
  value: T;
  span: Span;
  keySpan?: Span;
  /** How a string scalar was written. */
  style?: 'PLAIN' | 'QUOTE_SINGLE' | 'QUOTE_DOUBLE' | 'BLOCK_LITERAL' | 'BLOCK_FOLDED';
  /** For strings: the text offset of decoded index i, through quotes and escapes. */
  offsetOf?: OffsetOf;
}

export interface AgentDbgConfigModel {
  /** Which shape(s) the file uses. */
  shape: 'agentdbg' | 'guide' | 'both' | 'none';
  /** `redact` (agentdbg) or `redaction.enabled` (guide), as written. */
  enabled?: Located<boolean> & { key: 'redact' | 'redaction.enabled' };
  keys: Array<Located<string>>;
  patterns: Array<Located<string>>;
  placeholder?: Located<string>;
  maxFieldBytes?: Located<number>;
  aggressiveMode?: Located<boolean>;
  /** Things AgentDbg would silently ignore or fall back on; reported with their place. */
  problems: Array<{ message: string; span: Span }>;
}

/** AgentDbg's defaults (config.py), used when the file does not say. */
export const AGENTDBG_DEFAULT_KEYS = ['api_key', 'authorization', 'cookie', 'password', 'secret', 'token'];
export const AGENTDBG_PLACEHOLDER = '__REDACTED__';
export const AGENTDBG_DEFAULT_MAX_FIELD_BYTES = 20000;
const MIN_MAX_FIELD_BYTES = 100;

function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key) as Pair | undefined;
}

export function parseAgentDbgConfig(text: string): AgentDbgConfigModel {
  const model: AgentDbgConfigModel = { shape: 'none', keys: [], patterns: [], problems: [] };
  if (flowNestingExceeds(text, MAX_FLOW_NESTING)) {
    model.problems.push({ message: `not read: brackets nested more than ${MAX_FLOW_NESTING} deep`, span: { start: 0, end: 0 } });
    return model;
  }
  let doc;
  try {
    doc = parseDocument(text, { version: '1.1', uniqueKeys: false });
  } catch (e) {
    model.problems.push({ message: `cannot parse YAML: ${(e as Error).message}`, span: { start: 0, end: 0 } });
    return model;
  }
  for (const err of doc.errors) {
    model.problems.push({ message: `YAML error: ${err.message.split('\n')[0]}`, span: { start: err.pos[0], end: err.pos[1] } });
  }
  const root = doc.contents as YamlNode | null;
  if (!root) return model;
  if (!isMap(root)) {
    // AgentDbg's loader returns {} for a non-mapping document: every setting falls back to its default.
    model.problems.push({ message: 'AgentDbg ignores this file: the document is not a mapping', span: nodeSpan(root)! });
    return model;
  }
  const located = <T>(pair: Pair, value: T): Located<T> => {
    const node = pair.value as YamlNode;
    const style = isScalar(node) ? (node.type as Located<T>['style']) : undefined;
    return { value, span: nodeSpan(node) ?? nodeSpan(pair.key as YamlNode)!, keySpan: nodeSpan(pair.key as YamlNode), style };
  };
  const scalar = (pair: Pair): unknown => (isScalar(pair.value) ? pair.value.value : undefined);
  const strings = (pair: Pair, what: string, into: Array<Located<string>>, allowCommaString: boolean) => {
    const node = pair.value as YamlNode;
    if (isSeq(node)) {
      for (const item of node.items) {
        if (isScalar(item) && typeof item.value === 'string') {
          const span = nodeSpan(item)!;
          into.push({ value: item.value, span, style: item.type as Located<string>['style'], offsetOf: yamlScalarOffsets(text, span, item.type) });
        } else {
          model.problems.push({ message: `${what}: every entry must be a string`, span: nodeSpan(item as YamlNode) ?? nodeSpan(node)! });
        }
      }
    } else if (allowCommaString && isScalar(node) && typeof node.value === 'string') {
      // AGENTDBG_REDACT_KEYS's comma form, written into YAML: AgentDbg itself ignores it.
      model.problems.push({ message: `${what} must be a list; AgentDbg ignores a comma-separated string and keeps its default keys`, span: nodeSpan(node)! });
    } else {
      model.problems.push({ message: `${what} must be a list of strings`, span: nodeSpan(node) ?? nodeSpan(pair.key as YamlNode)! });
    }
  };
  const maxBytes = (pair: Pair, what: string) => {
    const v = scalar(pair);
    const n = typeof v === 'number' ? v : typeof v === 'string' && /^\s*-?\d+\s*$/.test(v) ? Number(v) : NaN;
    if (!Number.isInteger(n)) {
      model.problems.push({ message: `${what} must be an integer; AgentDbg falls back to ${AGENTDBG_DEFAULT_MAX_FIELD_BYTES}`, span: located(pair, 0).span });
      return;
    }
    if (n < MIN_MAX_FIELD_BYTES) model.problems.push({ message: `${what} below ${MIN_MAX_FIELD_BYTES} is raised to ${MIN_MAX_FIELD_BYTES} by AgentDbg`, span: located(pair, 0).span });
    model.maxFieldBytes = located(pair, Math.max(MIN_MAX_FIELD_BYTES, n));
  };

  let real = false;
  let guide = false;
  const redact = pairOf(root, 'redact');
  if (redact) {
    real = true;
    const v = scalar(redact);
    // Python's bool(val): any non-empty string (even "false") is true; null keeps the default.
    const on = v === null || v === undefined ? true : typeof v === 'string' ? v.length > 0 : Boolean(v);
    model.enabled = { ...located(redact, on), key: 'redact' };
    if (typeof v === 'string' && v.length > 0 && /^(false|no|off|0)$/i.test(v.trim())) {
      model.problems.push({ message: `redact: the quoted string ${JSON.stringify(v)} is true to AgentDbg (bool of a non-empty string); write redact: false to turn redaction off`, span: model.enabled.span });
    }
  }
  const keys = pairOf(root, 'redact_keys');
  if (keys) {
    real = true;
    strings(keys, 'redact_keys', model.keys, true);
  }
  const topMax = pairOf(root, 'max_field_bytes');
  if (topMax) {
    real = true;
    maxBytes(topMax, 'max_field_bytes');
  }

  const section = pairOf(root, 'redaction');
  if (section) {
    guide = true;
    const map = section.value as YamlNode;
    if (!isMap(map)) {
      model.problems.push({ message: 'redaction must be a mapping', span: nodeSpan(map) ?? nodeSpan(section.key as YamlNode)! });
    } else {
      const enabled = pairOf(map, 'enabled');
      if (enabled) {
        const v = scalar(enabled);
        if (typeof v === 'boolean') model.enabled ??= { ...located(enabled, v), key: 'redaction.enabled' };
        else model.problems.push({ message: 'redaction.enabled must be true or false', span: located(enabled, 0).span });
      }
      const k = pairOf(map, 'keys');
      if (k) strings(k, 'redaction.keys', model.keys, false);
      const p = pairOf(map, 'patterns');
      if (p) strings(p, 'redaction.patterns', model.patterns, false);
      const ph = pairOf(map, 'redaction_placeholder') ?? pairOf(map, 'placeholder');
      if (ph) {
        const v = scalar(ph);
        if (typeof v === 'string' && v.length > 0) model.placeholder = located(ph, v);
        else model.problems.push({ message: 'redaction_placeholder must be a non-empty string', span: located(ph, 0).span });
      }
      const agg = pairOf(map, 'aggressive_mode');
      if (agg) {
        const v = scalar(agg);
        if (typeof v === 'boolean') model.aggressiveMode = located(agg, v);
      }
      const m = pairOf(map, 'max_field_bytes');
      if (m) maxBytes(m, 'redaction.max_field_bytes');
    }
  }
  // The guide's flattened listing puts these two at the top level too.
  const topPlaceholder = pairOf(root, 'redaction_placeholder');
  if (topPlaceholder && !model.placeholder) {
    const v = scalar(topPlaceholder);
    if (typeof v === 'string' && v.length > 0) {
      guide = true;
      model.placeholder = located(topPlaceholder, v);
    }
  }
  model.shape = real && guide ? 'both' : real ? 'agentdbg' : guide ? 'guide' : 'none';
  return model;
}

/** The settings AgentDbg would run with, defaults filled in. */
export function effectiveAgentDbgRedaction(model: AgentDbgConfigModel): {
  enabled: boolean;
  keys: string[];
  patterns: string[];
  placeholder: string;
  maxFieldBytes: number;
} {
  return {
    enabled: model.enabled?.value ?? true,
    keys: model.keys.length > 0 ? model.keys.map((k) => k.value) : [...AGENTDBG_DEFAULT_KEYS],
    patterns: model.patterns.map((p) => p.value),
    placeholder: model.placeholder?.value ?? AGENTDBG_PLACEHOLDER,
    maxFieldBytes: model.maxFieldBytes?.value ?? AGENTDBG_DEFAULT_MAX_FIELD_BYTES,
  };
}

/**
 * Folds the project's AgentDbg settings into the engine options: its keys become sensitive key
 * names, its patterns custom patterns (`agentdbg_pattern_1`, ...), and its placeholder an allowed
 * value (text AgentDbg already redacted is not a leak). Whether AgentDbg redaction is on does not
 * matter here: tracelint still reports what is in the traces.
 */
export function applyAgentDbgConfig(options: EngineOptions, model: AgentDbgConfigModel): EngineOptions {
  const eff = effectiveAgentDbgRedaction(model);
  const names = [...options.sensitiveKeys.names];
  for (const k of model.keys) if (!names.includes(k.value)) names.push(k.value);
  return {
    ...options,
    sensitiveKeys: { ...options.sensitiveKeys, names },
    customPatterns: [
      ...options.customPatterns,
      // A pattern that does not compile is left out here; the invalid-pattern rule reports it.
      ...eff.patterns
        .map((pattern, i) => ({ name: `agentdbg_pattern_${i + 1}`, pattern }))
        .filter((p) => compileCustomPattern(p.pattern).ok),
    ],
    allowlist: options.allowlist.includes(eff.placeholder) ? options.allowlist : [...options.allowlist, eff.placeholder],
  };
}
