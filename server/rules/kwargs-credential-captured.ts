// kwargs-credential-captured: a traced function takes **kwargs, and a credential reaches it there.
// What that means depends on how the SDK records **kwargs (the descriptors' `kwargsInputs`):
//   - TraceCraft (and Langfuse, Weave) record them as one nested `kwargs` input, so an exclusion
//     list (`exclude_inputs=["api_key"]`) cannot hide an api_key passed as a keyword;
//   - LangSmith's traceable merges them into the inputs, so the key is an input of its own, which
//     its process_inputs can drop by name: no finding when a processor does (processors.ts);
//   - Weave redacts `api_key` and authorization keys itself, nested ones included: no finding.
// Fires on a call in the file that passes a credential-like keyword, and on an exclusion entry that
// can only arrive through a nested **kwargs.
import type { Fix } from '../../shared/types';
import type { CallSite, Param, TracedFunction } from '../analysis/model';
import { captureSwitchedOff, sdkById } from '../analysis/sdks';
import { captureOffFix, excludeFix, processFix } from './capture-fixes';
import { clientProtects, processorDrops } from './processors';
import type { Rule, RuleContext } from './types';

function kwargsParam(t: TracedFunction): Param | undefined {
  return t.params.find((p) => p.kind === 'var-keyword');
}

function fixFor(ctx: RuleContext, t: TracedFunction, name: string, span: { start: number; end: number }): Fix | undefined {
  // Recorded by key (Laminar): the exclusion list reaches it.
  if (t.mechanisms.kwargsFlattened && t.mechanisms.exclusionParam) {
    const f = excludeFix(ctx.model, t, [name], t.mechanisms.exclusionParam);
    if (f) return f;
  }
  if (t.mechanisms.captureParam) return captureOffFix(ctx.model, t, t.mechanisms.captureParam);
  if (t.mechanisms.processParam) {
    return processFix(ctx.model, t, [{ name, span, kind: 'keyword-only', index: t.params.length, receiver: false }], t.mechanisms.processParam);
  }
  return undefined;
}

function callsOf(ctx: RuleContext, t: TracedFunction): CallSite[] {
  return ctx.model.calls.filter((c) => {
    const last = c.callee.slice(c.callee.lastIndexOf('.') + 1);
    if (last !== t.name) return false;
    // A method is called through an object (`self.run`, `agent.run`), a function by its name.
    return t.isMethod ? c.callee.includes('.') : true;
  });
}

function check(ctx: RuleContext, t: TracedFunction): void {
  const kwargs = kwargsParam(t);
  if (!kwargs || !t.mechanisms.capturesInputs || t.captureInputs.value !== true || !t.name) return;
  if (captureSwitchedOff(sdkById(t.sdk), ctx.model.settings, t.span.start) || clientProtects(ctx.model, t)) return;
  const named = new Set(t.params.filter((p) => p.kind !== 'var-keyword').map((p) => p.name));
  const builtin = new Set(t.mechanisms.builtinRedactedKeys.map((k) => k.toLowerCase()));
  const flattened = t.mechanisms.kwargsFlattened;
  // Where **kwargs is recorded by key, an exclusion list reaches its keys.
  const excluded = new Set(flattened ? t.exclusion?.items.map((i) => i.value) ?? [] : []);
  const how = (key: string) => (flattened
    ? `${t.sdkLabel} merges **${kwargs.name} into the inputs, so "${key}" is recorded as an input of its own${t.mechanisms.exclusionParam ? `: list it in ${t.mechanisms.exclusionParam}` : t.mechanisms.processParam ? `: drop it in ${t.mechanisms.processParam}` : ''}`
    : `${t.sdkLabel} records **${kwargs.name} as one nested "${kwargs.name}" input, where ${t.mechanisms.exclusionParam ?? 'an exclusion list'} cannot hide it`);
  for (const call of callsOf(ctx, t)) {
    for (const k of call.args.keywords) {
      if (named.has(k.name) || excluded.has(k.name) || !ctx.isCredentialName(k.name)) continue;
      if (builtin.has(k.name.toLowerCase()) || processorDrops(ctx.model, t, k.name)) continue;
      ctx.report({
        message: `"${t.name}" is called with the credential "${k.name}", which arrives through **${kwargs.name}: ${how(k.name)}.`,
        span: k.nameSpan,
        fix: fixFor(ctx, t, k.name, k.nameSpan),
      });
    }
  }
  // Where **kwargs is recorded by key, an excluded name reaches it: nothing to say.
  if (!t.exclusion || flattened) return;
  for (const item of t.exclusion.items) {
    if (named.has(item.value)) continue;
    ctx.report({
      message: `"${item.value}" is not a parameter of "${t.name}", so it can only arrive through **${kwargs.name}: ${t.sdkLabel} records **${kwargs.name} as one nested "${kwargs.name}" input, and ${t.exclusion.option} does not reach inside it.`,
      span: item.span,
      fix: fixFor(ctx, t, item.value, item.span),
    });
  }
}

export const kwargsCredentialCaptured: Rule = {
  meta: {
    id: 'kwargs-credential-captured',
    docs: "A traced function takes **kwargs and receives a credential through it, where the SDK's own handling does not keep it out: TraceCraft nests **kwargs under one \"kwargs\" input that exclude_inputs cannot reach; LangSmith flattens them (process_inputs can drop them); Weave redacts api_key and authorization keys itself.",
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const t of ctx.model.traced) check(ctx, t);
  },
};
