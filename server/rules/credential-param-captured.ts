// credential-param-captured: a traced function records a credential-like parameter in the trace
// (not excluded, inputs not turned off), or an AgentDbg recorder call is handed a dict literal
// with a credential-like key. The fix uses the SDK's own mechanism (capture-fixes.ts).
import type { Fix } from '../../shared/types';
import type { DictEntry, Param, RecordCall, SettingSite, SourceModel, TracedFunction } from '../analysis/model';
import { captureSwitchedOff, envSwitchValue, holdsAt, sdkById, type SdkDescriptor } from '../analysis/sdks';
import { keyword } from '../analysis/shared-facts';
import { keepOutFixes } from './capture-fixes';
import { captureOffSdks, redactionOffSdks } from './config-switches';
import { clientProtects, processorDrops } from './processors';
import type { Rule, RuleContext, SourceSettings } from './types';

const ID = 'credential-param-captured';

/** Whether the parameter's annotation names a type the SDK never records (`InjectedToolArg`). */
function unrecorded(p: Param, types: readonly string[]): boolean {
  if (!p.annotation || types.length === 0) return false;
  const words = new Set(p.annotation.match(/[A-Za-z_]\w*/g) ?? []);
  return types.some((t) => words.has(t));
}

/** Parameters of `t` that are credential-like and reach the trace. */
export function capturedCredentialParams(ctx: RuleContext, t: TracedFunction, redactionOff: ReadonlySet<string> = new Set(), captureOff: ReadonlySet<string> = new Set()): Param[] {
  const tracer = t.mechanisms;
  // The file hides this SDK's inputs everywhere (`TraceConfig(hide_inputs=True)`).
  if (captureOff.has(t.sdk)) return [];
  // The file turns the SDK's own redaction off (`logfire.configure(scrubbing=False)`): its built-in keys protect nothing.
  const selfRedacts = !redactionOff.has(t.sdk);
  if (!tracer.capturesInputs || t.captureInputs.value !== true) return [];
  // The SDK's capture switch turned off in this file (.env line or set from code: Langfuse's
  // LANGFUSE_OBSERVE_DECORATOR_IO_CAPTURE_ENABLED=false, LangSmith's LANGSMITH_HIDE_INPUTS=true).
  if (captureSwitchedOff(sdkById(t.sdk), ctx.model.settings, t.span.start)) return [];
  // A client that redacts or hides inputs (LangSmith Client(anonymizer=...)) is trusted like a processor.
  if (clientProtects(ctx.model, t)) return [];
  // An option that replaces the recorded inputs with values the user chose (Traceloop JS inputParameters).
  if (tracer.replacingParams.some((o) => keyword(t.options, o))) return [];
  // An exclusion list partly unreadable (a call, a name from another module) may hold any name:
  // nothing is reported for want of it, as with `capture_inputs=flag`.
  if (t.exclusion?.dynamic) return [];
  const excluded = new Set(t.exclusion?.items.map((i) => i.value) ?? []);
  const included = t.inclusion ? new Set(t.inclusion.items.map((i) => i.value)) : undefined;
  const builtin = new Set(tracer.builtinRedactedKeys.map((k) => k.toLowerCase()));
  return t.params.filter((p) =>
    !p.receiver
    && (p.kind === 'positional' || p.kind === 'keyword-only' || p.kind === 'destructured')
    && ctx.isCredentialName(p.name)
    && !excluded.has(p.name)
    && (!included || included.has(p.name))
    && !(selfRedacts && builtin.has(p.name.toLowerCase()))
    && !(selfRedacts && tracer.builtinRedactedPattern?.test(p.name))
    && !unrecorded(p, tracer.unrecordedAnnotations)
    // A processing function is trusted to drop what it must, unless this file shows it keeping the key.
    && !processorDrops(ctx.model, t, p.name));
}

function checkTraced(ctx: RuleContext, t: TracedFunction, redactionOff: ReadonlySet<string>, captureOff: ReadonlySet<string>): void {
  const params = capturedCredentialParams(ctx, t, redactionOff, captureOff);
  if (params.length === 0) return;
  const fixes = keepOutFixes(ctx.model, t, params, t.mechanisms, (n) => ctx.isCredentialName(n));
  const fn = t.name ? `"${t.name}"` : 'This function';
  // Without a per-function mechanism, the message says how the SDK keeps an input out.
  const advice = fixes.suggest.length === 0 && t.mechanisms.keepOutAdvice ? ` ${t.mechanisms.keepOutAdvice}` : '';
  for (const p of params) {
    const what = p.holder ? `"${p.name}" (a member of its "${p.holder}" parameter)` : `its "${p.name}" parameter`;
    ctx.report({
      message: `${fn} is traced by ${t.sdkLabel} ${t.tracer} and records ${what}: the credential is written to every trace of this call.${advice}`,
      span: p.span,
      fix: fixes.fix,
      suggest: fixes.suggest,
    });
  }
}

/** Removes one `key: value` entry of a dict literal with the comma that separates it. */
export function removeEntryFix(model: SourceModel, entry: DictEntry): Fix {
  const text = model.text;
  let end = entry.span.end;
  const after = /^\s*,[ \t]*/.exec(text.slice(end));
  let start = entry.span.start;
  if (after) end += after[0].length;
  else {
    const before = /,\s*$/.exec(text.slice(Math.max(0, start - 200), start));
    if (before) start -= before[0].length;
  }
  return { title: `Do not record "${entry.key}"`, edits: [{ start, end, text: '' }] };
}

/**
 * What the recorder's own redaction does at `at`: off (a redaction switch set to off, in .env or from
 * code), or the key substrings it covers (the default list, or the list a redact-keys variable set
 * here replaces it with). Settings made inside a function hold there only (a fixture's are not a
 * test's); of those that hold, the last wins, as the last assignment would.
 */
export function recorderRedaction(
  sdk: SdkDescriptor | undefined,
  settings: readonly SettingSite[],
  at: number,
  project?: SourceSettings['recorderRedaction'],
): { off?: { key: string; value: string; line?: number }; keys: string[]; keysFrom?: string } {
  // The project's configuration file first (the environment overrides it, as the SDK reads them).
  let off: { key: string; value: string; span?: SettingSite['span'] } | undefined = project && !project.enabled ? { key: 'redact', value: 'false' } : undefined;
  let keys = project?.keys ?? sdk?.recorderRedactedSubstrings ?? [];
  let keysFrom: string | undefined = project ? (project.file ?? '.agentdbg/config.yaml').split(/[\\/]/).slice(-2).join('/') : undefined;
  for (const s of settings) {
    if (s.kind !== 'env' || !sdk || !holdsAt(s, at)) continue;
    const sw = sdk.envSwitches?.find((x) => x.governs === 'redaction' && x.name === s.key);
    if (sw) {
      const v = envSwitchValue(sw, s.value);
      if (v !== undefined) off = v === sw.leaksWhen ? s : undefined;
    } else if (sdk.recorderRedactKeysEnv?.includes(s.key)) {
      keys = s.value.split(',').map((k) => k.trim()).filter((k) => k.length > 0);
      keysFrom = s.key;
    }
  }
  return { off: off && { key: off.key, value: off.value, line: off.span?.start }, keys, keysFrom };
}

function checkRecordCall(ctx: RuleContext, rc: RecordCall): void {
  const sdk = sdkById(rc.sdk);
  const label = sdk?.label ?? rc.sdk;
  const redaction = recorderRedaction(sdk, ctx.model.settings, rc.call.span.start, rc.sdk === 'agentdbg' ? ctx.settings.recorderRedaction : undefined);
  for (const e of rc.entries) {
    if (e.key === undefined || !ctx.isCredentialName(e.key)) continue;
    const lower = e.key.toLowerCase();
    // Covered: the recorder replaces the value by its marker before the event is written.
    if (!redaction.off && redaction.keys.some((k) => lower.includes(k.toLowerCase()))) continue;
    const fn = rc.call.callee.slice(rc.call.callee.lastIndexOf('.') + 1);
    const why = redaction.off
      ? `${label}'s redaction is off here (${redaction.off.key}${redaction.off.line === undefined ? ': ' : '='}${redaction.off.value}${redaction.off.line === undefined ? ` in ${redaction.keysFrom ?? 'its configuration'}` : `, line ${ctx.model.lines.position(redaction.off.line).line + 1}`})`
      : `${label}'s redaction covers only keys containing ${redaction.keys.map((k) => `"${k}"`).join(', ') || 'nothing'}${redaction.keysFrom ? ` (${redaction.keysFrom})` : ''}`;
    ctx.report({
      message: `${fn} records the key "${e.key}" as it is: ${why}.`,
      span: e.keySpan,
      suggest: [removeEntryFix(ctx.model, e)],
    });
  }
}

export const credentialParamCaptured: Rule = {
  meta: {
    id: ID,
    docs: 'A traced function records a credential-like parameter (api_key, password, token, ...) in its trace; exclude it with the SDK\'s own mechanism.',
    defaultSeverity: 'error',
    fixable: true,
  },
  check(ctx) {
    const redactionOff = ctx.model.traced.length > 0 ? redactionOffSdks(ctx.model) : new Set<string>();
    const captureOff = ctx.model.traced.length > 0 ? captureOffSdks(ctx.model) : new Set<string>();
    for (const t of ctx.model.traced) checkTraced(ctx, t, redactionOff, captureOff);
    for (const rc of ctx.model.recordCalls) checkRecordCall(ctx, rc);
  },
};
