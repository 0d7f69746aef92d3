// Reading tracelint.json: finding it (walking up from the scanned path), parsing, validating
// against the schema and checking what a schema cannot (patterns compile, names are unique).
// Every issue names the field and, when known, its line and column.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { LineIndex } from '../positions';
import { compileCustomPattern } from '../regex/guard';
import { CONFIG_SCHEMA, CONFIGURABLE_DETECTORS } from './schema';
import { jsonFieldSpans } from './spans';
import type { ConfigIssue, TracelintConfig } from './types';
import { validateAgainstSchema } from './validate';

export const CONFIG_FILE_NAME = 'tracelint.json';

/** Thrown when the configuration in force cannot be used; the CLI exits 2 with its message. */
export class ConfigError extends Error {
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map(formatConfigIssue).join('\n'));
    this.name = 'ConfigError';
  }
}

export function formatConfigIssue(issue: ConfigIssue): string {
  const where = issue.line !== undefined ? `${issue.file}:${issue.line + 1}:${(issue.column ?? 0) + 1}` : issue.file;
  return `${where}: ${issue.message}`;
}

/** Walks up from `start` (a file or folder) to the nearest folder holding `relative`; returns its path. */
export function findUp(start: string, relative: string): string | undefined {
  let dir = resolve(start);
  try {
    if (!statSync(dir).isDirectory()) dir = dirname(dir);
  } catch {
    dir = dirname(dir);
  }
  for (;;) {
    const candidate = join(dir, relative);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

export function findConfigFile(start: string): string | undefined {
  return findUp(start, CONFIG_FILE_NAME);
}

export interface ParsedConfig {
  /** Present when the text is JSON of the right shape (there may still be semantic issues). */
  config?: TracelintConfig;
  issues: ConfigIssue[];
}

/** Parses and checks a tracelint.json text; never throws. */
export function parseConfigText(text: string, file: string): ParsedConfig {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const offsetBase = text.length - body.length;
  const lines = new LineIndex(text);
  const at = (issue: ConfigIssue, start?: number, end?: number): ConfigIssue => {
    if (start === undefined) return issue;
    const p = lines.position(start);
    return { ...issue, span: { start, end: end ?? start }, line: p.line, column: p.column };
  };
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (e) {
    const msg = (e as Error).message;
    const pos = /position (\d+)/.exec(msg);
    // V8 quotes a piece of the text (`Unexpected token 's', "sk-proj-Xq"... is not valid JSON`): it may be
    // part of a secret (allowlists hold real values), so only V8's own words are kept.
    const clean = msg
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/^JSON\.parse: /, '')
      .replace(/, ".*"(\.\.\.)? is not valid JSON$/s, '');
    const offset = pos ? offsetBase + Number(pos[1]) : undefined;
    return { issues: [at({ file, field: '', message: `not valid JSON: ${clean}` }, offset)] };
  }
  const spans = jsonFieldSpans(text);
  const locate = (issue: ConfigIssue, onKey = false): ConfigIssue => {
    // An unknown setting is reported on its key; a bad value on the value; a missing property on its parent.
    const s = spans.get(issue.field);
    if (!s) return issue;
    const span = onKey && s.key ? s.key : s.value;
    return at(issue, span.start, span.end);
  };
  const schemaIssues = validateAgainstSchema(CONFIG_SCHEMA, value).map((i) => locate({ file, field: i.path, message: i.message }, i.onKey));
  if (schemaIssues.length > 0) return { issues: schemaIssues };
  const config = value as TracelintConfig;
  return { config, issues: semanticIssues(config, file).map((i) => locate(i)) };
}

/** What the schema cannot say: patterns must compile, custom rule names must be unique and new. */
function semanticIssues(config: TracelintConfig, file: string): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const checkPattern = (field: string, source: string) => {
    const r = compileCustomPattern(source);
    if (!r.ok) issues.push({ file, field, message: `"${field}" is not a valid Python regular expression: ${r.error}` });
  };
  const seen = new Set<string>();
  (config.customRules ?? []).forEach((rule, i) => {
    const field = `customRules[${i}]`;
    if (CONFIGURABLE_DETECTORS.includes(rule.name)) {
      issues.push({ file, field: `${field}.name`, message: `"${field}.name" ${JSON.stringify(rule.name)} is a built-in detector; pick another name` });
    } else if (seen.has(rule.name)) {
      issues.push({ file, field: `${field}.name`, message: `"${field}.name" ${JSON.stringify(rule.name)} is used by an earlier custom rule` });
    }
    seen.add(rule.name);
    if (rule.pattern !== undefined) checkPattern(`${field}.pattern`, rule.pattern);
  });
  (config.allowlistPatterns ?? []).forEach((p, i) => checkPattern(`allowlistPatterns[${i}]`, p));
  return issues;
}

/** Reads and checks a tracelint.json; unreadable files become an issue, not an exception. */
export function readConfigFile(file: string): ParsedConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder, not a file' : (e as Error).message;
    return { issues: [{ file, field: '', message: `cannot read configuration: ${why}` }] };
  }
  return parseConfigText(text, file);
}
