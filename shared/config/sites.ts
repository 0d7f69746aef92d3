// Where the custom regexes and allowlist values of a tracelint.json stand in its text, for the
// pattern rules (redos-unsafe-pattern, invalid-pattern, broad-allowlist) to point into them.
// Same roles as the source model's PatternSite, so one rule implementation serves both.
import type { Span } from '../types';
import { jsonFieldSpans } from './spans';
import { jsonStringOffsets, type OffsetOf } from './string-offsets';
import type { TracelintConfig } from './types';

export interface ConfigPatternSite {
  role: 'rule_pattern' | 'allowlist_pattern' | 'allowlist_value';
  /** The field, as validation messages name it: `customRules[0].pattern`. */
  field: string;
  /** The decoded value (Python `re` syntax for patterns). */
  value: string;
  /** The JSON string literal, quotes included. */
  span: Span;
  offsetOf: OffsetOf;
  /** The custom rule a pattern belongs to. */
  ruleName?: string;
}

/** Pattern sites of a tracelint.json text; [] when it is not JSON of the right shape. */
export function configPatternSites(text: string): ConfigPatternSite[] {
  let config: TracelintConfig;
  try {
    config = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) as TracelintConfig;
  } catch {
    return [];
  }
  if (!config || typeof config !== 'object') return [];
  const spans = jsonFieldSpans(text);
  const sites: ConfigPatternSite[] = [];
  const add = (role: ConfigPatternSite['role'], field: string, value: unknown, ruleName?: string) => {
    const span = spans.get(field)?.value;
    if (typeof value !== 'string' || !span) return;
    sites.push({ role, field, value, span, offsetOf: jsonStringOffsets(text, span), ...(ruleName !== undefined ? { ruleName } : {}) });
  };
  if (Array.isArray(config.customRules)) {
    config.customRules.forEach((r, i) => {
      if (r && typeof r === 'object') add('rule_pattern', `customRules[${i}].pattern`, r.pattern, typeof r.name === 'string' ? r.name : undefined);
    });
  }
  if (Array.isArray(config.allowlistPatterns)) config.allowlistPatterns.forEach((p, i) => add('allowlist_pattern', `allowlistPatterns[${i}]`, p));
  if (Array.isArray(config.allowlist)) config.allowlist.forEach((v, i) => add('allowlist_value', `allowlist[${i}]`, v));
  return sites;
}
