// redaction-disabled: redaction turned off where the SDK reads it: TraceCraft
// `RedactionConfig(enabled=False)` (Python, or its TS options form), `TRACECRAFT_REDACTION_ENABLED=false`
// and `AGENTDBG_REDACT=0` in a .env file, AgentDbg `redact: false` / `redaction.enabled: false`
// in .agentdbg/config.yaml. Every built-in pattern stops protecting traces at once.
import type { Finding } from '../../shared/types';
import { deref } from '../analysis/shared-facts';
import { boolText } from './fixes';
import type { Rule, RuleContext } from './types';

/** Environment variables that switch an SDK's redaction, and the value that switches it back on. */
const ENV_SWITCHES: Record<string, string> = {
  TRACECRAFT_REDACTION_ENABLED: 'true',
  AGENTDBG_REDACT: '1',
};

const FALSE_WORDS = /^(false|0|no|off|n|f)$/i;

type Report = Parameters<RuleContext['report']>[0];

function fixOn(start: number, end: number, text: string): Finding['fix'] {
  return { title: 'Turn redaction back on', edits: [{ start, end, text }] };
}

function check(ctx: RuleContext): Report[] {
  const out: Report[] = [];
  const { model } = ctx;
  for (const rc of model.redactionConfigs) {
    if (!rc.enabled) continue;
    const v = deref(rc.enabled.value);
    if (v.kind !== 'bool' || v.value) continue;
    out.push({
      message: 'RedactionConfig(enabled=False) turns off every redaction rule: secrets and PII are written to traces as they are.',
      span: rc.enabled.span,
      fix: fixOn(v.span.start, v.span.end, boolText(model, true)),
    });
  }
  for (const s of model.settings) {
    if (s.kind === 'env' && s.key in ENV_SWITCHES && FALSE_WORDS.test(s.value.trim())) {
      out.push({
        message: `${s.key}=${s.value} turns redaction off: secrets and PII are written to traces as they are.`,
        span: { start: s.keySpan.start, end: s.valueSpan.end },
        fix: fixOn(s.valueSpan.start, s.valueSpan.end, ENV_SWITCHES[s.key]),
      });
    } else if (s.kind === 'yaml' && s.value === 'false') {
      out.push({
        message: `AgentDbg ${s.key}: false turns redaction off: api keys, tokens and passwords are recorded as they are.`,
        span: s.span,
        fix: fixOn(s.valueSpan.start, s.valueSpan.end, 'true'),
      });
    }
  }
  return out;
}

export const redactionDisabled: Rule = {
  meta: {
    id: 'redaction-disabled',
    docs: 'Redaction is turned off (RedactionConfig(enabled=False), TRACECRAFT_REDACTION_ENABLED=false, AgentDbg redact: false): every secret reaches the traces.',
    defaultSeverity: 'error',
    fixable: true,
  },
  check(ctx) {
    for (const r of check(ctx)) ctx.report(r);
  },
};
