// unsupported-tracer-option: a known SDK's tracer is given an option it does not accept (the
// descriptors' `options`, read from each SDK's signature). Where the SDK raises (AgentDbg's
// `trace`, TraceCraft's decorators, Langfuse's `observe`, Weave's `op`: keyword-only parameters),
// the decorator fails with a TypeError when the module is imported; where it ignores the option
// (LangSmith's `traceable` warns and drops unknown keywords), whatever the option was meant to do
// does not happen. A close option name is offered as the fix (`exclude_input` -> `exclude_inputs`);
// otherwise removing the option is a suggestion.
import { distance } from 'fastest-levenshtein';
import type { Fix } from '../../shared/types';
import type { OptionArg, SourceModel, TracedFunction } from '../analysis/model';
import { sdkById, type TracerDescriptor } from '../analysis/sdks';
import type { Rule, RuleContext } from './types';

/** The accepted option an unknown name most likely meant, or undefined when none is close. */
export function closestOption(name: string, options: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const o of options) {
    const d = distance(name.toLowerCase(), o.toLowerCase());
    if (d < bestDistance) {
      best = o;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 4));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

function descriptorOf(model: SourceModel, t: TracedFunction): TracerDescriptor | undefined {
  const sdk = sdkById(t.sdk);
  const support = model.language === 'python' ? sdk?.python : sdk?.typescript;
  return support?.tracers.find((d) => d.name === t.tracer);
}

/** Removes one keyword argument with the comma that separates it from its neighbour. */
function removeOptionFix(model: SourceModel, arg: OptionArg): Fix {
  const text = model.text;
  let { start, end } = arg.span;
  const after = /^\s*,[ \t]*/.exec(text.slice(end));
  if (after) end += after[0].length;
  else {
    const before = /,\s*$/.exec(text.slice(Math.max(0, start - 200), start));
    if (before) start -= before[0].length;
  }
  return { title: `Remove "${arg.name}"`, edits: [{ start, end, text: '' }] };
}

/** What the option was probably meant to do, said in the SDK's own terms. */
function instead(t: TracedFunction, d: TracerDescriptor, name: string): string {
  if (!/exclude|hide|redact|mask|ignore|skip|sensitive/i.test(name)) return '';
  if (!d.capturesInputs) return ` ${t.sdkLabel}'s ${d.name} records no arguments: what reaches its trace is what the record_* calls are given, redacted by key (redact_keys).`;
  if (d.exclusionParam) return ` To keep parameters out, list them in ${d.exclusionParam}.`;
  if (d.processParam) return ` To keep parameters out, drop them in a ${d.processParam} function.`;
  if (d.captureParam) return ` To keep parameters out, set ${d.captureParam}=False.`;
  return '';
}

function check(ctx: RuleContext, t: TracedFunction): void {
  const d = descriptorOf(ctx.model, t);
  if (!d?.options || !t.options) return;
  for (const arg of t.options.keywords) {
    if (d.options.includes(arg.name)) continue;
    const target = closestOption(arg.name, d.options);
    const effect = d.unknownOption === 'raises'
      ? `${t.sdkLabel} raises TypeError when the decorator is applied, so the module fails to import`
      : `${t.sdkLabel} ignores it (with a warning), so it has no effect`;
    ctx.report({
      message: `${t.tracer}() does not accept "${arg.name}": ${effect}${target ? ` (did you mean "${target}"?)` : ''}.${target ? '' : instead(t, d, arg.name)}`,
      span: arg.nameSpan,
      fix: target ? { title: `Rename to "${target}"`, edits: [{ start: arg.nameSpan.start, end: arg.nameSpan.end, text: target }] } : undefined,
      suggest: target ? undefined : [removeOptionFix(ctx.model, arg)],
    });
  }
}

export const unsupportedTracerOption: Rule = {
  meta: {
    id: 'unsupported-tracer-option',
    docs: "A tracing decorator is given an option its SDK does not accept: AgentDbg, TraceCraft, Langfuse and Weave raise TypeError at import, LangSmith ignores it, and what it was meant to do does not happen.",
    defaultSeverity: 'error',
    fixable: true,
  },
  check(ctx) {
    for (const t of ctx.model.traced) check(ctx, t);
  },
};
