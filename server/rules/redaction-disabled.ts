// redaction-disabled: redaction turned off where the SDK reads it: TraceCraft
// `RedactionConfig(enabled=False)` (Python, or its TS options form); an SDK's environment switch
// (the descriptors' `envSwitches`: `TRACECRAFT_REDACTION_ENABLED`, `AGENTDBG_REDACT`, `MAIDA_REDACT`,
// and the capture switches of the others) set to a value the SDK reads as letting content through,
// in a .env file or from code (`os.environ[...] = ...`, `monkeypatch.setenv`, `patch.dict`:
// env-in-code.ts); AgentDbg `redact: false` / `redaction.enabled: false` in .agentdbg/config.yaml
// or .maida/config.yaml. Every built-in pattern stops protecting traces at once. Also, from the
// descriptors: configuration calls that turn an SDK's redaction off or force its content capture on
// (`configSwitches`: Logfire `configure(scrubbing=False)`, OpenAI Agents
// `RunConfig(trace_include_sensitive_data=True)`, OpenInference `TraceConfig(hide_inputs=False)`),
// and a decorator option that overrides the environment (Traceloop JS `traceContent: true`).
import type { Finding } from '../../shared/types';
import { envSwitches, envSwitchValue } from '../analysis/sdks';
import { deref } from '../analysis/shared-facts';
import { leakingConfigSwitches } from './config-switches';
import { boolText } from './fixes';
import type { Rule, RuleContext } from './types';

const SWITCHES = [...envSwitches('redaction'), ...envSwitches('capture')];

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
  for (const t of model.traced) {
    const env = t.mechanisms.captureOnOverridesEnv;
    const arg = t.captureInputs.arg;
    const v = arg && deref(arg.value);
    if (!env || !arg || v?.kind !== 'bool' || v.value === t.mechanisms.captureOffValue) continue;
    out.push({
      message: `${arg.name}: ${boolText(model, v.value)} makes ${t.sdkLabel} record this ${t.tracer}'s inputs even where ${env}=false keeps content out of traces: a credential among them is written as it is.`,
      span: arg.span,
      fix: { title: `Stop forcing ${t.sdkLabel} to record content`, edits: [{ start: v.span.start, end: v.span.end, text: boolText(model, t.mechanisms.captureOffValue) }] },
    });
  }
  for (const site of leakingConfigSwitches(model)) {
    const { sdk, sw, arg, value } = site;
    const written = model.language === 'python' ? `${arg.name}=${boolText(model, value.value)}` : `${arg.name}: ${boolText(model, value.value)}`;
    out.push({
      message: `${sdk.label} ${sw.callee}(${written}) ${sw.effect}.`,
      span: arg.span,
      fix: {
        title: sw.governs === 'redaction' ? 'Turn redaction back on' : `Stop forcing ${sdk.label} to record content`,
        edits: [{ start: value.span.start, end: value.span.end, text: sw.safeValue ?? boolText(model, !sw.leaksWhen) }],
      },
    });
  }
  for (const s of model.settings) {
    const hit = s.kind === 'env' ? SWITCHES.find(({ sw }) => sw.name === s.key) : undefined;
    if (hit && hit.sw.governs === 'capture') {
      if (envSwitchValue(hit.sw, s.value) !== hit.sw.leaksWhen) continue;
      out.push({
        message: `${s.key}=${s.value} makes ${hit.sdk.label} record inputs and content: a credential among them is written to traces as it is.`,
        span: { start: s.keySpan.start, end: s.valueSpan.end },
        fix: { title: `Stop ${hit.sdk.label} recording content`, edits: [{ start: s.valueSpan.start, end: s.valueSpan.end, text: hit.sw.safeValue }] },
      });
    } else if (hit) {
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
