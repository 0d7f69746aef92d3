// The SDK registry and the matching of a resolved callee (module + member) against it. The
// front-ends resolve a decorator or call through the file's imports; this file says which SDK,
// if any, it belongs to. Users' own tracing decorators (configuration) are matched here too.
import type { CustomTracer } from '../settings';
import type { SdkId } from '../model';
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
import { tracecraft } from './tracecraft';
import { traceloop } from './traceloop';
import type { LanguageSupport, SdkDescriptor, TracerDescriptor } from './types';
import { weave } from './weave';

export type { SdkDescriptor, TracerDescriptor } from './types';

/** Hand-sorted: the order findings name SDKs in does not depend on it. */
export const SDKS: readonly SdkDescriptor[] = [
  agentdbg, agentops, braintrust, langchain, langfuse, langsmith, laminar, logfire, mlflow, openaiAgents, openinference, tracecraft, traceloop, weave,
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
