// The SDKs' configuration calls that let content into traces (descriptor `configSwitches`):
// OpenAI Agents `RunConfig(trace_include_sensitive_data=True)`, Logfire `configure(scrubbing=False)`,
// OpenInference `TraceConfig(hide_inputs=False)`, LangSmith `Client(hide_inputs=False)`. Found among
// the file's calls by the name imports resolve them to, read generically from the descriptors.
import type { OptionArg, SdkId, SourceModel, ValueNode } from '../analysis/model';
import { SDKS, type SdkDescriptor } from '../analysis/sdks';
import type { ConfigSwitch } from '../analysis/sdks/types';
import { deref, keyword } from '../analysis/shared-facts';

export interface ConfigSwitchSite {
  sdk: SdkDescriptor;
  sw: ConfigSwitch;
  arg: OptionArg;
  /** The boolean literal the option is set to (through a module constant). */
  value: ValueNode & { kind: 'bool' };
}

function under(qualified: string, root: string, python: boolean): boolean {
  return qualified.startsWith(python ? `${root}.` : `${root}/`) || qualified.startsWith(`${root}.`);
}

/** Every configuration switch set to the value that lets content through. */
export function leakingConfigSwitches(model: SourceModel): ConfigSwitchSite[] {
  return configSwitchSites(model).filter((s) => s.value.value === s.sw.leaksWhen);
}

/**
 * The SDKs whose content capture this file turns off with a configuration switch at its safe value
 * (`TraceConfig(hide_inputs=True)`, `RunConfig(trace_include_sensitive_data=False)`, LangSmith's
 * `Client(hide_inputs=True)` for LangChain tools too): their traced functions record no inputs.
 */
export function captureOffSdks(model: SourceModel): Set<SdkId> {
  const out = new Set<SdkId>();
  for (const s of configSwitchSites(model)) {
    if (s.sw.governs !== 'capture' || s.sw.tracedInputs === false || s.value.value === s.sw.leaksWhen) continue;
    out.add(s.sdk.id);
    for (const id of s.sw.covers ?? []) out.add(id);
  }
  return out;
}

/** Every configuration switch written as a boolean literal, whatever its value. */
function configSwitchSites(model: SourceModel): ConfigSwitchSite[] {
  const out: ConfigSwitchSite[] = [];
  const python = model.language === 'python';
  for (const call of model.calls) {
    const last = call.callee.slice(call.callee.lastIndexOf('.') + 1);
    if (!call.qualified) continue;
    for (const sdk of SDKS) {
      const modules = (python ? sdk.python : sdk.typescript)?.modules ?? [];
      if (!sdk.configSwitches || !modules.some((m) => under(call.qualified!, m, python))) continue;
      for (const sw of sdk.configSwitches) {
        if (sw.callee !== last) continue;
        const arg = optionOf(call.args, sw.option);
        if (!arg) continue;
        const v = deref(arg.value);
        if (v.kind === 'bool') out.push({ sdk, sw, arg, value: v });
      }
    }
  }
  return out;
}

/** The SDKs whose own redaction this file turns off (`logfire.configure(scrubbing=False)`). */
export function redactionOffSdks(model: SourceModel): Set<SdkId> {
  return new Set(leakingConfigSwitches(model).filter((s) => s.sw.governs === 'redaction').map((s) => s.sdk.id));
}

function optionOf(args: SourceModel['calls'][number]['args'], name: string): OptionArg | undefined {
  const k = keyword(args, name);
  if (k) return k;
  // A TS constructor takes one options object: `new Client({ hideInputs: false })`.
  const first = args.positional[0];
  if (first?.kind !== 'dict') return undefined;
  const camel = name.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());
  const e = first.entries.find((en) => en.key === name || en.key === camel);
  return e && e.key !== undefined ? { name: e.key, span: e.span, nameSpan: e.keySpan, value: e.value } : undefined;
}
