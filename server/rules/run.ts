// Runs the source rules: `lintSource` analyses a file (server/analysis) and `runRules` judges its
// SourceModel: builds the RuleContext, fills positions and severities, isolates a failing rule (a
// bug in one rule must not take the editor's diagnostics down), applies suppression comments and
// reports the unused ones. The CLI and the language server call `lintSource` (through
// server/lint-file.ts); it is synchronous once `initAnalysis` has been awaited, and never throws.
import type { Finding, Severity } from '../../shared/types';
import { LineIndex } from '../../shared/positions';
import { analyzeSource, languageOf, MAX_SOURCE_CHARS, pythonParserError } from '../analysis';
import { CredentialNames } from '../analysis/credential-names';
import type { SourceModel } from '../analysis/model';
import { applyDirectives, extendOverHeaders, parseDirectives, type Header } from '../analysis/suppressions';
import { RULES } from './index';
import { SLOW_RULE_IDS } from './slow';
import type { RuleContext, RuleMeta, SourceSettings } from './types';

export const UNUSED_SUPPRESSION: RuleMeta = {
  id: 'unused-suppression',
  docs: 'A tracelint-disable comment that suppresses nothing: remove it, so it cannot hide a future leak.',
  defaultSeverity: 'warning',
  fixable: true,
};

const namesCache = new WeakMap<SourceSettings, CredentialNames>();
const DEFAULT_NAMES = new CredentialNames();

export function credentialNamesFor(settings: SourceSettings): CredentialNames {
  if (!settings.credentialNames && !settings.extraCredentialNames && !settings.ignoredNames) return DEFAULT_NAMES;
  let names = namesCache.get(settings);
  if (!names) {
    names = new CredentialNames({ names: settings.credentialNames, extra: settings.extraCredentialNames, ignored: settings.ignoredNames });
    namesCache.set(settings, names);
  }
  return names;
}

function severityOf(settings: SourceSettings, meta: RuleMeta): Severity | 'off' {
  return settings.rules?.[meta.id] ?? meta.defaultSeverity;
}

/** Never let one rule's bug silence the others: say which rule failed, on the first line. */
export function ruleFailure(model: SourceModel, ruleId: string, e: unknown): Finding {
  return {
    ruleId: 'internal-error',
    severity: 'info',
    message: `tracelint rule ${ruleId} failed on this file: ${(e as Error).message}`,
    span: { start: 0, end: 0 },
    range: model.lines.rangeOf(0, 0),
  };
}

export function runRules(model: SourceModel, settings: SourceSettings): Finding[] {
  const names = credentialNamesFor(settings);
  const findings: Finding[] = [];
  for (const rule of RULES) {
    const severity = severityOf(settings, rule.meta);
    if (severity === 'off') continue;
    const ctx: RuleContext = {
      model,
      settings,
      isCredentialName: (n) => names.matches(n),
      report(f) {
        findings.push({
          ...f,
          ruleId: f.ruleId ?? rule.meta.id,
          severity: f.severity ?? severity,
          range: model.lines.rangeOf(f.span.start, f.span.end),
        });
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      findings.push(ruleFailure(model, rule.meta.id, e));
    }
  }
  const directives = parseDirectives(model.comments, model.lines);
  extendOverHeaders(directives, headers(model));
  const kept = applyDirectives(findings, directives);
  const unusedSeverity = severityOf(settings, UNUSED_SUPPRESSION);
  if (unusedSeverity !== 'off') {
    for (const d of directives) {
      if (d.used || d.kind === 'enable') continue;
      // A directive naming only slow rules (redos-unsafe-pattern) is judged by their own pass (rules/slow.ts).
      if (d.rules.length > 0 && d.rules.every((r) => SLOW_RULE_IDS.has(r))) continue;
      const removal = d.trailing
        ? { start: trimStart(model.text, d.span.start), end: d.span.end, text: '' }
        : wholeLine(model.text, d.span.start, d.span.end);
      kept.push({
        ruleId: UNUSED_SUPPRESSION.id,
        severity: unusedSeverity,
        message: `This suppression comment suppresses nothing${d.rules.length ? ` (${d.rules.join(', ')})` : ''}: remove it.`,
        span: d.span,
        range: model.lines.rangeOf(d.span.start, d.span.end),
        fix: { title: 'Remove the unused suppression comment', edits: [removal] },
      });
    }
  }
  return kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}

/** Header lines of each traced function; Python decorator stacks start at their first decorator. */
function headers(model: SourceModel): Header[] {
  return model.traced.map((t) => {
    let first = model.lines.position(t.tracerSpan.start).line;
    if (model.language === 'python') {
      while (first > 0) {
        const prev = model.text.slice(model.lines.lineStart(first - 1), model.lines.lineStart(first)).trim();
        if (!prev.startsWith('@')) break;
        first--;
      }
    }
    const ends = [t.nameSpan.end, ...t.params.map((p) => p.span.end)];
    return { firstLine: first, lastLine: model.lines.position(Math.max(...ends)).line };
  });
}

/** Start of the whitespace run before `offset` (a trailing comment goes with the spaces before it). */
function trimStart(text: string, offset: number): number {
  let s = offset;
  while (s > 0 && (text[s - 1] === ' ' || text[s - 1] === '\t')) s--;
  return s;
}

/** The whole line(s) of [start, end), newline included. */
function wholeLine(text: string, start: number, end: number): { start: number; end: number; text: string } {
  const s = text.lastIndexOf('\n', start - 1) + 1;
  const nl = text.indexOf('\n', end);
  return { start: s, end: nl === -1 ? text.length : nl + 1, text: '' };
}

function problem(fileName: string, text: string, message: string): Finding {
  const lines = new LineIndex(text.slice(0, 1000));
  return { ruleId: 'parse-error', severity: 'info', message, file: fileName, span: { start: 0, end: 0 }, range: lines.rangeOf(0, 0) };
}

/** Lints one source file: analysis, then the fast rules. Returns [] for file types tracelint does not lint as source. Never throws. */
export function lintSource(fileName: string, text: string, settings: SourceSettings = {}): Finding[] {
  try {
    const language = languageOf(fileName);
    if (!language) return [];
    if (text.length > MAX_SOURCE_CHARS) return [problem(fileName, text, `File too large to analyse (${text.length} characters, limit ${MAX_SOURCE_CHARS}).`)];
    if (text.includes('\u0000')) return [problem(fileName, text, 'Binary file: not analysed as source.')];
    const model = analyzeSource(fileName, text, settings);
    if (!model) {
      const why = language === 'python' && pythonParserError() ? `: ${pythonParserError()!.message}` : ' (initAnalysis was not awaited)';
      return [problem(fileName, text, `The ${language} parser is not available${why}.`)];
    }
    return runRules(model, settings).map((f) => ({ ...f, file: fileName }));
  } catch (e) {
    return [problem(fileName, text, `tracelint could not analyse this file: ${(e as Error).message}`)];
  }
}
