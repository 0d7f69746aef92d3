// redos-unsafe-pattern: a custom redaction regex that can backtrack catastrophically. The verdict
// comes from recheck on the pattern's JavaScript translation (off the main thread, cached), with
// polynomial verdicts timed before they become errors; see shared/regex/judge.ts. One finding sits
// on the literal, one on each hotspot inside it.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { judgePattern, type Judgement, type JudgeOptions } from '../../shared/regex/judge';
import type { Confirmation } from '../../shared/regex/confirm';
import type { PatternSite } from '../analysis/model';
import { siteRange } from './pattern-sites';
import type { RuleContext, SlowRule } from './types';

const ROLE_LABEL: Record<PatternSite['role'], string> = {
  rule_pattern: 'redaction pattern',
  custom_pattern: 'custom redaction pattern',
  allowlist_pattern: 'allowlist pattern',
  allowlist_value: 'allowlist value',
};

function fmtChars(n: number): string {
  return n.toLocaleString('en-US');
}

function fmtMs(ms: number): string {
  return ms >= 10 ? `${Math.round(ms)} ms` : `${ms.toFixed(1)} ms`;
}

/** What timing the attack showed, in one sentence. */
export function describeTiming(c: Confirmation): string {
  const big = c.measurements.filter((m) => m.ms >= 0.5);
  const last = c.measurements[c.measurements.length - 1];
  const growth = c.exponent !== null ? `time grew as n^${c.exponent.toFixed(1)}` : '';
  const upTo = last ? `${fmtChars(last.chars)} chars took ${fmtMs(last.ms)}` : '';
  if (c.timedOut) {
    const before = big.length > 0 ? `${growth ? `${growth}; ` : ''}${upTo}, ` : '';
    return `timing confirmed it: ${before}the next size did not finish within the time limit`;
  }
  if (c.confirmed) return `timing confirmed it: ${growth} (${upTo})`;
  return `timing the attack up to ${fmtChars(last?.chars ?? 0)} chars grew ${c.exponent !== null && c.exponent < 1.3 ? 'linearly' : 'mildly'}${growth ? ` (${growth.replace('time grew as ', '')})` : ''}`;
}

/** The measurements in a few words, whatever they showed: "measured up to 196,610 chars: n^1.1". */
function measuredText(c: Confirmation): string {
  const last = c.measurements[c.measurements.length - 1];
  return `measured up to ${fmtChars(last?.chars ?? 0)} chars${c.exponent !== null ? `: n^${c.exponent.toFixed(1)}` : ''}`;
}

function complexityText(j: Extract<Judgement, { kind: 'vulnerable' }>): string {
  return j.complexity.type === 'exponential' ? 'exponential backtracking' : `polynomial backtracking (degree ${j.complexity.degree})`;
}

/** The message on the literal for a vulnerable verdict. */
export function vulnerableMessage(j: Extract<Judgement, { kind: 'vulnerable' }>, hotspotText: string[], role: PatternSite['role']): string {
  const attack = `attack string "${j.attack}" (${fmtChars(j.attackLength)} chars, repeating "${j.pump}")`;
  const hot = hotspotText.length ? `; hotspot ${hotspotText.map((h) => `\`${h}\``).join(', ')}` : '';
  const notes = j.notes.length ? ` Translation note: ${j.notes.join('; ')}.` : '';
  const timing = j.confirmation ? describeTiming(j.confirmation) : '';
  if (j.downgrade?.reason === 'bounded') {
    return `recheck reports ${complexityText(j)} in this ${ROLE_LABEL[role]}, but the repeats at its hotspot are bounded (${j.downgrade.repeats.join(', ')}), which keeps matching linear in practice${j.confirmation ? ` (${measuredText(j.confirmation)})` : ''}: not a practical ReDoS risk (${attack}${hot}).${notes}`;
  }
  if (j.downgrade?.reason === 'measured-linear') {
    return `recheck's fuzzing reports ${complexityText(j)} in this ${ROLE_LABEL[role]}, but ${timing}: not confirmed, so not a practical ReDoS risk (${attack}${hot}).${notes}`;
  }
  if (j.downgrade?.reason === 'not-confirmed') {
    return `This ${ROLE_LABEL[role]} may backtrack catastrophically: recheck reports ${complexityText(j)} (${attack}${hot}), but ${timing}, so it is not confirmed.${notes}`;
  }
  return `This ${ROLE_LABEL[role]} can backtrack catastrophically (${complexityText(j)}): ${attack}${hot}; ${timing}. Every string of every trace goes through it.${notes}`;
}

/**
 * The fingerprint of what is flagged (file name, the flagged text, literal or hotspot), not of the
 * message: its timings and recheck's attack string vary from run to run, and a baseline that
 * accepted the finding must keep matching it.
 */
function fingerprintOf(ctx: RuleContext, span: { start: number; end: number }, what: 'pattern' | 'hotspot' | 'unchecked'): string {
  const basis = `${basename(ctx.model.fileName)}\0${ctx.model.text.slice(span.start, span.end)}\0${what}`;
  return `${redosUnsafePattern.meta.id}:${createHash('sha256').update(basis).digest('hex')}`;
}

export async function checkRedosSites(ctx: RuleContext & { signal?: AbortSignal }, options: JudgeOptions = {}): Promise<void> {
  const sites = ctx.model.patterns.filter((s) => s.role !== 'allowlist_value');
  // Allowlist patterns are only used with fullmatch, and judged that way.
  const judged = await Promise.all(sites.map((s) => judgePattern(s.value, { ...options, fullMatch: s.role === 'allowlist_pattern', signal: ctx.signal })));
  sites.forEach((site, i) => {
    const j = judged[i];
    if (j.kind !== 'vulnerable') {
      if (j.kind === 'untranslatable') {
        const span = siteRange(site, j.span.start, j.span.end);
        ctx.report({ severity: 'info', message: `tracelint could not check this ${ROLE_LABEL[site.role]} for ReDoS: ${j.message}.`, span, fingerprint: fingerprintOf(ctx, span, 'unchecked') });
      } else if (j.kind === 'unknown' && j.reason !== 'cancelled') {
        ctx.report({ severity: 'info', message: `The ReDoS check of this ${ROLE_LABEL[site.role]} was inconclusive (unknown): ${j.reason}. The pattern was not judged.`, span: site.span, fingerprint: fingerprintOf(ctx, site.span, 'unchecked') });
      }
      // invalid: invalid-pattern reports it; safe: nothing to say.
      return;
    }
    const hotspotText = j.hotspots.map((h) => site.value.slice(h.start, h.end));
    const severity = j.severity === 'error' ? undefined : j.severity;
    ctx.report({ severity, message: vulnerableMessage(j, hotspotText, site.role), span: site.span, fingerprint: fingerprintOf(ctx, site.span, 'pattern') });
    if (j.severity === 'info') return;
    for (const h of j.hotspots) {
      const at = siteRange(site, h.start, h.end);
      if (at.start === site.span.start && at.end === site.span.end) continue;
      ctx.report({
        severity,
        message: `ReDoS hotspot (${complexityText(j)}): \`${site.value.slice(h.start, h.end)}\` is where the attack string makes the regex backtrack.`,
        span: at,
        fingerprint: fingerprintOf(ctx, at, 'hotspot'),
      });
    }
  });
}

export const redosUnsafePattern: SlowRule = {
  meta: {
    id: 'redos-unsafe-pattern',
    docs: 'A custom redaction regex that can backtrack catastrophically (ReDoS): it runs on every string of every trace, so one crafted value can hang the exporter. Judged by recheck; polynomial verdicts are confirmed by timing.',
    defaultSeverity: 'error',
    fixable: false,
  },
  checkAsync: (ctx) => checkRedosSites(ctx),
};
