// Runs the slow source rules (redos-unsafe-pattern) over a SourceModel, with the same severities and
// suppression comments as the fast rules in rules/run.ts. The CLI awaits it after the fast
// findings; the language server publishes what it returns as a second wave, so nothing waits on it.
import type { Finding } from '../../shared/types';
import type { SourceModel } from '../analysis/model';
import { ruleFailure } from './run';
import { applyDirectives, parseDirectives } from '../analysis/suppressions';
import { redosUnsafePattern } from './redos-unsafe-pattern';
import type { Explanation, SlowRule, SourceSettings } from './types';

/** Hand-sorted by id, like RULES. */
export const SLOW_RULES: readonly SlowRule[] = [redosUnsafePattern];

/** Ids of the slow rules: a suppression naming only these is judged in the slow pass, not the fast one. */
export const SLOW_RULE_IDS: ReadonlySet<string> = new Set(SLOW_RULES.map((r) => r.meta.id));

/** Findings of the slow rules; never rejects (a failing rule becomes an `internal-error` finding). */
export async function runSlowRules(model: SourceModel, settings: SourceSettings, signal?: AbortSignal, explain?: (e: Explanation) => void): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const rule of SLOW_RULES) {
    const severity = settings.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (severity === 'off' || model.patterns.length === 0) continue;
    try {
      await rule.checkAsync({
        model,
        settings,
        signal,
        ...(explain ? { explain } : {}),
        isCredentialName: () => false,
        report(f) {
          findings.push({ ...f, ruleId: f.ruleId ?? rule.meta.id, severity: f.severity ?? severity, range: model.lines.rangeOf(f.span.start, f.span.end) });
        },
      });
    } catch (e) {
      findings.push(ruleFailure(model, rule.meta.id, e));
    }
  }
  if (signal?.aborted) return [];
  const kept = applyDirectives(findings, parseDirectives(model.comments, model.lines));
  return kept.sort((a, b) => a.span.start - b.span.start || a.span.end - b.span.end || a.ruleId.localeCompare(b.ruleId));
}
