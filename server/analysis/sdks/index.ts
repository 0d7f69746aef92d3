// The SDK registry and the matching of a resolved callee (module + member) against it. The
// front-ends resolve a decorator or call through the file's imports; this file says which SDK,
// if any, it belongs to. Users' own tracing decorators (configuration) are matched here too.
import type { CustomTracer } from '../settings';
import type { SdkId, SettingSite } from '../model';
import { agentdbg } from './agentdbg';
import { agentops } from './agentops';
import { braintrust } from './braintrust';
import { langchain } from './langchain';
import { langfuse } from './langfuse';
import { langsmith } from './langsmith';
import { laminar } from './laminar';
import { logfire } from './logfire';
import { mlflow } from './mlflow';
import { openaiAgents } from './openai-agents';
import { openinference } from './openinference';
import { pydanticAi } from './pydantic-ai';
import { smolagents } from './smolagents';
import { tracecraft } from './tracecraft';
import { traceloop } from './traceloop';
import type { EnvSwitch, LanguageSupport, SdkDescriptor, TracerDescriptor } from './types';
import { weave } from './weave';

export type { EnvSwitch, SdkDescriptor, TracerDescriptor } from './types';

/** Hand-sorted: the order findings name SDKs in does not depend on it. */
export const SDKS: readonly SdkDescriptor[] = [
  agentdbg, agentops, braintrust, langchain, langfuse, langsmith, laminar, logfire, mlflow, openaiAgents, openinference, pydanticAi, smolagents, tracecraft, traceloop, weave,
];

export type Lang = 'python' | 'typescript';

/** A callee resolved through imports: `tracecraft.instrumentation.decorators` + `trace_tool`. */
export interface Resolved {
  module: string;
  /** The member name below the module (`trace_tool`); '' for the module object itself. */
  member: string;
}

export interface TracerMatch {
  sdk: SdkId;
  label: string;
  descriptor?: SdkDescriptor;
  /** The descriptor's support for the file's language. */
  support?: LanguageSupport;
  tracer: TracerDescriptor;
}

function underRoot(lang: Lang, module: string, root: string): boolean {
  return module === root || module.startsWith(lang === 'python' ? `${root}.` : `${root}/`);
}

export function sdkById(id: SdkId): SdkDescriptor | undefined {
  return SDKS.find((s) => s.id === id);
}

/**
 * The tracer a decorator/wrapper callee is, or undefined. `resolved` is undefined when the callee
 * is not imported; only user-declared tracers without a module match then, by their last name.
 */
export function matchTracer(lang: Lang, resolved: Resolved | undefined, calleeText: string, custom: readonly CustomTracer[]): TracerMatch | undefined {
  if (resolved) {
    for (const sdk of SDKS) {
      const support = lang === 'python' ? sdk.python : sdk.typescript;
      if (!support || !support.modules.some((m) => underRoot(lang, resolved.module, m))) continue;
      const tracer = support.tracers.find((t) => t.name === resolved.member);
      if (tracer) return { sdk: sdk.id, label: sdk.label, descriptor: sdk, support, tracer };
    }
  }
  const last = calleeText.slice(calleeText.lastIndexOf('.') + 1);
  for (const c of custom) {
    const hit = c.module
      ? resolved !== undefined && resolved.member === c.name && underRoot(lang, resolved.module, c.module)
      : last === c.name;
    if (hit) {
      return {
        sdk: 'custom',
        label: c.module ? `${c.module}.${c.name}` : c.name,
        tracer: {
          name: c.name,
          forms: ['decorator', 'wrapper'],
          capturesInputs: true,
          exclusionParam: c.exclusionParam,
          captureParam: c.captureParam,
        },
      };
    }
  }
  return undefined;
}

/** The SDK whose recorder function (`record_tool_call`) this callee is, or undefined. */
export function matchRecorder(lang: Lang, resolved: Resolved | undefined): SdkDescriptor | undefined {
  if (!resolved) return undefined;
  for (const sdk of SDKS) {
    const support = lang === 'python' ? sdk.python : sdk.typescript;
    if (support?.recorders?.includes(resolved.member) && support.modules.some((m) => underRoot(lang, resolved.module, m))) return sdk;
  }
  return undefined;
}

/** Root module names a Python file may use without importing them (fragments, notebooks). */
export function pythonRootModules(): string[] {
  return SDKS.flatMap((s) => s.python?.modules ?? []);
}

/** Every environment switch of every SDK, with its SDK: redaction-disabled and the capture rules read these. */
export function envSwitches(governs: EnvSwitch['governs']): Array<{ sdk: SdkDescriptor; sw: EnvSwitch }> {
  return SDKS.flatMap((sdk) => (sdk.envSwitches ?? []).filter((sw) => sw.governs === governs).map((sw) => ({ sdk, sw })));
}

const USUAL_TRUE = ['true', '1', 'yes', 'on', 'y', 't'];
const USUAL_FALSE = ['false', '0', 'no', 'off', 'n', 'f'];

/** The truth value the SDK reads from `raw`, or undefined for an empty (unset) or unreadable value. */
export function envSwitchValue(sw: EnvSwitch, raw: string): boolean | undefined {
  const v = raw.trim().toLowerCase();
  if (v === '') return undefined;
  if (sw.trueWords) return sw.trueWords.includes(v);
  if (sw.falseWords) return !sw.falseWords.includes(v);
  if (USUAL_TRUE.includes(v)) return true;
  if (USUAL_FALSE.includes(v)) return false;
  return undefined;
}

/** Whether a setting holds at `at`: a file-wide one always, one set inside a function only there. */
export function holdsAt(s: SettingSite, at: number): boolean {
  return !s.scope || (s.scope.start <= at && at < s.scope.end);
}

/**
 * Whether the file switches `sdk`'s input capture off at `at` through one of its capture switches (a
 * .env line, or a variable set from code: `model.settings` of kind `env`). The last setting wins.
 */
export function captureSwitchedOff(sdk: SdkDescriptor | undefined, settings: readonly SettingSite[], at: number): boolean {
  if (!sdk?.envSwitches) return false;
  let off = false;
  for (const s of settings) {
    if (s.kind !== 'env' || !holdsAt(s, at)) continue;
    const sw = sdk.envSwitches.find((x) => x.governs === 'capture' && x.name === s.key);
    if (!sw) continue;
    const v = envSwitchValue(sw, s.value);
    if (v !== undefined) off = v !== sw.leaksWhen;
  }
  return off;
}
