// redaction-disabled: redaction turned off where the SDK reads it: TraceCraft
// `RedactionConfig(enabled=False)` (Python, or its TS options form); an SDK's redaction switch
// (the descriptors' `envSwitches` that govern redaction: `TRACECRAFT_REDACTION_ENABLED`,
// `AGENTDBG_REDACT`, `MAIDA_REDACT`) set to a value the SDK reads as off, in a .env file or from code
// (`os.environ[...] = ...`, `monkeypatch.setenv`, `patch.dict`: env-in-code.ts); AgentDbg
// `redact: false` / `redaction.enabled: false` in .agentdbg/config.yaml or .maida/config.yaml.
// Every built-in pattern stops protecting traces at once.
import type { Finding } from '../../shared/types';
import { envSwitches, envSwitchValue } from '../analysis/sdks';
import { deref } from '../analysis/shared-facts';
import { boolText } from './fixes';
import type { Rule, RuleContext } from './types';

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
  const switches = envSwitches('redaction');
  for (const s of model.settings) {
    const hit = s.kind === 'env' ? switches.find(({ sw }) => sw.name === s.key) : undefined;
    if (hit) {
      if (envSwitchValue(hit.sw, s.value) !== hit.sw.leaksWhen) continue;
      out.push({
        message: `${s.key}=${s.value} turns ${hit.sdk.label}'s redaction off: secrets and PII are written to traces as they are.`,
        span: { start: s.keySpan.start, end: s.valueSpan.end },
        fix: fixOn(s.valueSpan.start, s.valueSpan.end, hit.sw.safeValue),
      });
    } else if (s.kind === 'yaml' && s.value === 'false') {
      out.push({
        message: `AgentDbg (Maida) ${s.key}: false turns redaction off: api keys, tokens and passwords are recorded as they are.`,
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
