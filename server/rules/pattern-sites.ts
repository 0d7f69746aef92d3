// Custom patterns written in configuration files, as PatternSites like those the source front-ends
// find in code: `customRules[].pattern`, `allowlistPatterns[]` and `allowlist[]` in tracelint.json,
// and `redaction.patterns` in `.agentdbg/config.yaml` (located by shared/config, with offset maps
// through quotes and escapes), wrapped in a SourceModel so the same pattern rules judge them.
import { LineIndex } from '../../shared/positions';
import type { Span } from '../../shared/types';
import { configPatternSites, parseAgentDbgConfig, type Located } from '../../shared/config';
import type { PatternSite, SourceModel } from '../analysis/model';

/** Pattern sites of a tracelint.json text (empty when it is not JSON of the expected shape). */
export function tracelintJsonSites(text: string): PatternSite[] {
  return configPatternSites(text).map((s) => ({ role: s.role, value: s.value, span: s.span, offsetOf: s.offsetOf, ruleName: s.ruleName, callSpan: s.span }));
}

/** Pattern sites of an `.agentdbg/config.yaml` text: its `redaction.patterns`. */
export function agentDbgSites(text: string): PatternSite[] {
  return parseAgentDbgConfig(text).patterns.map((p: Located<string>) => ({
    role: 'custom_pattern' as const,
    value: p.value,
    span: p.span,
    offsetOf: p.offsetOf ?? (() => p.span.start),
    callSpan: p.span,
  }));
}

/** Which configuration file a path is, for the pattern rules. */
export function patternConfigKind(fileName: string): 'tracelint-json' | 'agentdbg-yaml' | undefined {
  const n = fileName.replace(/\\/g, '/');
  if (/(^|\/)tracelint\.json$/.test(n)) return 'tracelint-json';
  if (/(^|\/)\.agentdbg\/config\.ya?ml$/.test(n)) return 'agentdbg-yaml';
  return undefined;
}

/**
 * A SourceModel holding only the pattern sites of a configuration file, so the same rules (and the
 * same runner) judge patterns wherever they are written. Undefined for other files.
 */
export function configPatternModel(fileName: string, text: string): SourceModel | undefined {
  const kind = patternConfigKind(fileName);
  if (!kind) return undefined;
  const patterns = kind === 'tracelint-json' ? tracelintJsonSites(text) : agentDbgSites(text);
  return {
    fileName,
    language: 'yaml',
    text,
    lines: new LineIndex(text),
    traced: [],
    calls: [],
    recordCalls: [],
    patterns,
    redactionConfigs: [],
    settings: [],
    strings: [],
    comments: [],
    problems: [],
  };
}

/** [start, end) in the file for [start, end) of a site's decoded value; the literal when unmappable. */
export function siteRange(site: PatternSite, start: number, end: number): Span {
  const s = site.offsetOf(start);
  const e = site.offsetOf(end);
  if (e > s) return { start: s, end: e };
  if (end > start || e < s) return site.span;
  return { start: s, end: s + 1 <= site.span.end ? s + 1 : s };
}
