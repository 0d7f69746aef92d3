// redos-unsafe-pattern: a custom redaction regex that can backtrack catastrophically. The verdict
// comes from recheck on the pattern's JavaScript translation (off the main thread, cached), with
// its class confirmed and costed by timing (CPU time); see shared/regex/judge.ts. One finding per
// verdict, on the literal: exponential or degree 3 and more is an error, quadratic a warning with
// its CPython cost at 10 KB and 100 KB, linear in practice no finding (its explanation goes to
// `explain`: the CLI's --verbose, the editor's hover). Each hotspot is a related location.
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { judgePattern, type Judgement, type JudgeOptions } from '../../shared/regex/judge';
import type { Confirmation } from '../../shared/regex/confirm';
import type { RelatedLocation } from '../../shared/types';
import type { PatternSite } from '../analysis/model';
import { siteRange } from './pattern-sites';
import type { RuleContext, SlowRule, SlowRuleContext } from './types';

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

/** A CPython time estimate, rounded for a message: "0.4 s", "40 s", "3 min", "2 h". */
export function fmtDuration(ms: number): string {
  const round = (x: number) => (x >= 10 ? String(Math.round(x)) : x >= 1 ? x.toFixed(1).replace(/\.0$/, '') : x.toFixed(2).replace(/0$/, ''));
  if (ms < 1) return 'under 1 ms';
  if (ms < 1000) return `${round(ms)} ms`;
  if (ms < 120_000) return `${round(ms / 1000)} s`;
  if (ms < 7_200_000) return `${round(ms / 60_000)} min`;
  if (ms < 172_800_000) return `${round(ms / 3_600_000)} h`;
  return `${round(ms / 86_400_000)} days`;
}

/** What timing the attack showed, in one sentence. */
export function describeTiming(c: Confirmation): string {
  const big = c.measurements.filter((m) => m.ms >= 0.5);
  const last = c.measurements[c.measurements.length - 1];
  const growth = c.exponent !== null ? `time grew as n^${c.exponent.toFixed(1)}` : '';
  const upTo = last ? `${fmtChars(last.chars)} chars took ${fmtMs(last.ms)} of CPU time` : '';
  if (c.timedOut) {
    const before = big.length > 0 ? `${growth ? `${growth}; ` : ''}${upTo}, ` : '';
    const size = c.timedOutChars !== undefined ? `a ${fmtChars(c.timedOutChars)}-char attack string` : 'the next size';
    return `timing confirmed it: ${before}${size} did not finish within the CPU-time limit`;
  }
  if (c.confirmed) return `timing confirmed it: ${growth} (${upTo})`;
  if (c.incomplete) return `timing the attack was cut short by a starved machine at ${fmtChars(last?.chars ?? 0)} chars`;
  return `timing the attack up to ${fmtChars(last?.chars ?? 0)} chars grew ${c.exponent !== null && c.exponent < 1.3 ? 'linearly' : 'mildly'}${growth ? ` (${growth.replace('time grew as ', '')})` : ''}`;
}

/** The measurements in a few words, whatever they showed: "measured up to 196,610 chars: n^1.1". */
function measuredText(c: Confirmation): string {
  const last = c.measurements[c.measurements.length - 1];
  return `measured up to ${fmtChars(last?.chars ?? 0)} chars${c.exponent !== null ? `: n^${c.exponent.toFixed(1)}` : ''}`;
}

function complexityText(j: Vulnerable): string {
  if (j.complexity.type === 'exponential') return 'exponential backtracking';
  // The fuzzer's own degree depends on the attack it happened to find (3 one run, 4 the next):
  // only a degree the automaton proved or the timing measured is named.
  const degree = j.degree ?? (j.checker === 'fuzz' ? undefined : j.complexity.degree);
  if (degree === undefined) return 'polynomial backtracking';
  return degree === 2 ? 'quadratic backtracking' : `polynomial backtracking (degree ${degree})`;
}

type Vulnerable = Extract<Judgement, { kind: 'vulnerable' }>;

/** "CPython needs about 0.4 s on a 10 KB string and 40 s on 100 KB (extrapolated)". */
export function costText(j: Vulnerable): string {
  const c = j.cost;
  if (!c) return '';
  const how = c.measured100k ? 'measured' : c.measured10k ? 'measured at 10 KB, extrapolated to 100 KB' : 'extrapolated from the timing';
  return `CPython needs about ${fmtDuration(c.at10k)} on a 10 KB attack string and ${fmtDuration(c.at100k)} on 100 KB (${how}, calibrated against python3), and tool outputs of that size are common in traces`;
}

/** Where the backtracking really comes from when recheck blames a literal prefix (`token=`). */
export function literalHotspotText(j: Vulnerable, value: string): string {
  if (j.literalHotspots.length === 0) return '';
  const lits = j.literalHotspots.map((h) => `\`${value.slice(h.start, h.end)}\``).join(', ');
  const src = j.source ? `\`${value.slice(j.source.start, j.source.end)}\`` : 'the repeat after it';
  return ` ${lits} is fixed text: a search starts over at each place it occurs, and from each one ${src} runs on through the rest of the input before the match fails, so the time goes into ${src}.`;
}

/** The message on the literal for a verdict that is a finding (severity error or warning). */
export function vulnerableMessage(j: Vulnerable, hotspotText: string[], role: PatternSite['role'], value = ''): string {
  const attack = `attack string "${j.attack}" (${fmtChars(j.attackLength)} chars, repeating "${j.pump}")`;
  const hot = hotspotText.length ? `; hotspot ${hotspotText.map((h) => `\`${h}\``).join(', ')}` : '';
  const notes = j.notes.length ? ` Translation note: ${j.notes.join('; ')}.` : '';
  const timing = j.confirmation ? describeTiming(j.confirmation) : '';
  const cost = costText(j);
  const literal = literalHotspotText(j, value);
  if (j.downgrade?.reason === 'not-confirmed') {
    return `This ${ROLE_LABEL[role]} may backtrack: recheck reports ${complexityText(j)} (${attack}${hot}), but ${timing}, so it is not confirmed${cost ? `; if it holds, ${cost}` : ''}.${literal}${notes}`;
  }
  if (j.severity === 'warning') {
    return `This ${ROLE_LABEL[role]} backtracks quadratically (${attack}${hot}): ${cost || timing}.${literal}${notes}`;
  }
  return `This ${ROLE_LABEL[role]} can backtrack catastrophically (${complexityText(j)}): ${attack}${hot}; ${timing}. Every string of every trace goes through it.${literal}${notes}`;
}

/**
 * Why a pattern recheck flagged is no finding (linear in practice): kept for the verbose output and
 * the hover of the pattern, never counted as a problem.
 */
export function linearExplanation(j: Vulnerable, role: PatternSite['role']): string {
  const attack = `attack string "${j.attack}" (${fmtChars(j.attackLength)} chars, repeating "${j.pump}")`;
  if (j.downgrade?.reason === 'bounded' && j.relaxed) {
    return `with its bounded repeats read as unbounded, recheck reports ${complexityText(j)} in this ${ROLE_LABEL[role]}, but the repeats at its hotspot are bounded as written (${j.downgrade.repeats.join(', ')}), which keeps matching linear in practice: not a ReDoS risk.`;
  }
  if (j.downgrade?.reason === 'bounded') {
    return `recheck reports ${complexityText(j)} in this ${ROLE_LABEL[role]}, but the repeats at its hotspot are bounded (${j.downgrade.repeats.join(', ')}), which keeps matching linear in practice: not a ReDoS risk (${attack}).`;
  }
  const timing = j.confirmation ? describeTiming(j.confirmation) : '';
  return `recheck's fuzzing reports ${complexityText(j)} in this ${ROLE_LABEL[role]}, but ${timing}${j.confirmation ? ` (${measuredText(j.confirmation)})` : ''}: linear in practice, not a ReDoS risk (${attack}).`;
}

/**
 * What the timing measured behind a finding, for the hover under its message: the last sizes of the
 * attack string and their CPU time in V8, the growth, and the CPython estimate when there is one.
 * "Measured on the attack string (CPU time in V8): 9,216 chars 15 ms, 18,432 chars 61 ms (n^2.0); in
 * CPython about 0.3 s at 10 KB and 30 s at 100 KB."
 */
export function measuredCostText(j: Vulnerable): string {
  const c = j.confirmation;
  if (!c) return '';
  const sizes = c.measurements.filter((m) => m.ms >= 0.5).slice(-4).map((m) => `${fmtChars(m.chars)} chars ${fmtMs(m.ms)}`);
  if (c.timedOut) sizes.push(`${c.timedOutChars !== undefined ? `${fmtChars(c.timedOutChars)} chars` : 'the next size'} over the CPU-time limit`);
  const growth = c.exponent !== null ? ` (n^${c.exponent.toFixed(1)})` : '';
  const cost = j.cost ? `; in CPython about ${fmtDuration(j.cost.at10k)} at 10 KB and ${fmtDuration(j.cost.at100k)} at 100 KB` : '';
  return `Measured on the attack string (CPU time in V8): ${sizes.length > 0 ? sizes.join(', ') : 'no size took 0.5 ms'}${growth}${cost}.`;
}

/**
 * The fingerprint of what is flagged (file name, the flagged text, literal or hotspot), not of the
 * message: its timings and recheck's attack string vary from run to run, and a baseline that
 * accepted the finding must keep matching it.
 */
function fingerprintOf(ctx: RuleContext, span: { start: number; end: number }, what: 'pattern' | 'unchecked'): string {
  const basis = `${basename(ctx.model.fileName)}\0${ctx.model.text.slice(span.start, span.end)}\0${what}`;
  return `${redosUnsafePattern.meta.id}:${createHash('sha256').update(basis).digest('hex')}`;
}

export async function checkRedosSites(ctx: SlowRuleContext, options: JudgeOptions = {}): Promise<void> {
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
    if (j.severity === 'none') {
      ctx.explain?.({ span: site.span, message: linearExplanation(j, site.role) });
      return;
    }
    // One finding per verdict, on the literal; each hotspot is a related location of it.
    const literal = new Set(j.literalHotspots.map((h) => `${h.start}:${h.end}`));
    const related: RelatedLocation[] = [];
    const order = [...j.hotspots].sort((a, b) => Number(literal.has(`${a.start}:${a.end}`)) - Number(literal.has(`${b.start}:${b.end}`)) || a.start - b.start);
    for (const h of order) {
      const at = siteRange(site, h.start, h.end);
      const text = site.value.slice(h.start, h.end);
      const message = literal.has(`${h.start}:${h.end}`)
        ? `ReDoS hotspot \`${text}\` is fixed text, where a search starts over${j.source ? `; the backtracking is in \`${site.value.slice(j.source.start, j.source.end)}\`` : ''}`
        : `ReDoS hotspot (${complexityText(j)}): \`${text}\` is where the attack string makes the regex backtrack`;
      related.push({ file: ctx.model.fileName, range: ctx.model.lines.rangeOf(at.start, at.end), message });
    }
    const hotspotText = j.hotspots.map((h) => site.value.slice(h.start, h.end));
    ctx.report({
      severity: j.severity,
      message: vulnerableMessage(j, hotspotText, site.role, site.value),
      span: site.span,
      fingerprint: fingerprintOf(ctx, site.span, 'pattern'),
      ...(related.length > 0 ? { related } : {}),
    });
    if (j.confirmation) ctx.explain?.({ span: site.span, message: measuredCostText(j), finding: true });
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
