// The fixes that keep a traced function's parameters out of the trace, each with the SDK's own
// mechanism (REFERENCE.md): TraceCraft `exclude_inputs` (created or appended to) and
// `capture_inputs=False`; Langfuse `capture_input=False` / `captureInput: false`; LangSmith a
// `process_inputs` / `processInputs` function that drops the key; Weave `postprocess_inputs`.
import type { Fix, TextEdit } from '../../shared/types';
import type { Param, SourceModel, TracedFunction } from '../analysis/model';
import { appendToList, boolText, insertOption, quoteOf, quoted } from './fixes';

function style(model: SourceModel): 'python-call' | 'ts-object' {
  return model.language === 'python' ? 'python-call' : 'ts-object';
}

function list(names: string[]): string {
  return names.map((n) => `"${n}"`).join(', ');
}

/** Adds `names` to the function's exclusion list (creating the option when absent). */
export function excludeFix(model: SourceModel, t: TracedFunction, names: string[], option: string): Fix | undefined {
  const q = quoteOf(t);
  const items = names.map((n) => quoted(n, q));
  let edit: TextEdit;
  const ex = t.exclusion;
  if (ex) {
    if (!ex.listSpan) return undefined;
    edit = appendToList(model.text, ex.listSpan, ex.listItemSpans ?? [], items);
  } else {
    const value = model.language === 'python' ? `[${items.join(', ')}]` : `[${items.join(', ')}]`;
    edit = insertOption(model.text, t, style(model), option, value);
  }
  const where = ex?.constantName ? `${ex.constantName} (used as ${option})` : option;
  return { title: `Add ${list(names)} to ${where}`, edits: [edit] };
}

/** Turns input capture off: sets the option when written, adds it otherwise. */
export function captureOffFix(model: SourceModel, t: TracedFunction, option: string): Fix {
  const off = boolText(model, false);
  const arg = t.captureInputs.arg;
  const edit: TextEdit = arg
    ? { start: arg.value.span.start, end: arg.value.span.end, text: off }
    : insertOption(model.text, t, style(model), option, off);
  const shown = model.language === 'python' ? `${option}=${off}` : `${option}: ${off}`;
  return { title: `Set ${shown} (no inputs are recorded)`, edits: [edit] };
}

function processFunction(model: SourceModel, t: TracedFunction, params: Param[]): string {
  const names = params.map((p) => p.name);
  if (model.language === 'python') {
    const test = names.length === 1 ? `k != ${quoted(names[0], quoteOf(t))}` : `k not in (${names.map((n) => quoted(n, quoteOf(t))).join(', ')})`;
    return `lambda inputs: {k: v for k, v in inputs.items() if ${test}}`;
  }
  // LangSmith JS records one object argument as the inputs, several arguments as `{ args: [...] }`,
  // and one other value as `{ input }` (runInputsToMap in langsmith/src/traceable.ts).
  const argCount = new Set(t.params.map((p) => p.index)).size;
  if (params.every((p) => p.kind === 'destructured') && argCount === 1) {
    const test = names.map((n) => `key !== "${n}"`).join(' && ');
    return `(inputs) => Object.fromEntries(Object.entries(inputs).filter(([key]) => ${test}))`;
  }
  if (argCount > 1) {
    const indexes = [...new Set(params.map((p) => p.index))];
    const test = indexes.length === 1 ? `i === ${indexes[0]}` : `[${indexes.join(', ')}].includes(i)`;
    return `(inputs) => ({ ...inputs, args: inputs.args?.map((arg, i) => (${test} ? "[EXCLUDED]" : arg)) })`;
  }
  return '(inputs) => ({ ...inputs, input: "[EXCLUDED]" })';
}

/** Adds a function that drops the parameters from the recorded inputs (LangSmith, Weave). */
export function processFix(model: SourceModel, t: TracedFunction, params: Param[], option: string): Fix {
  const edit = insertOption(model.text, t, style(model), option, processFunction(model, t, params));
  return { title: `Add ${option} that drops ${list(params.map((p) => p.name))}`, edits: [edit] };
}

export interface KeepOutFixes {
  fix?: Fix;
  suggest: Fix[];
}

/**
 * The SDK's own ways to keep `params` out of the trace: a precise one (exclusion or processing
 * function) as the safe fix when there is one, input capture off as the alternative.
 */
export function keepOutFixes(model: SourceModel, t: TracedFunction, params: Param[], tracer: { exclusionParam?: string; captureParam?: string; processParam?: string }): KeepOutFixes {
  const suggest: Fix[] = [];
  const names = params.map((p) => p.name);
  if (tracer.exclusionParam) {
    const f = excludeFix(model, t, names, tracer.exclusionParam);
    if (f) suggest.push(f);
  }
  if (tracer.processParam) suggest.push(processFix(model, t, params, tracer.processParam));
  if (tracer.captureParam) suggest.push(captureOffFix(model, t, tracer.captureParam));
  return { fix: suggest[0], suggest };
}
