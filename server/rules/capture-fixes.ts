// The fixes that keep a traced function's parameters out of the trace, each with the SDK's own
// mechanism (REFERENCE.md): TraceCraft `exclude_inputs` (created or appended to) and
// `capture_inputs=False`; Langfuse `capture_input=False` / `captureInput: false`; LangSmith a
// `process_inputs` / `processInputs` function that drops the key; Weave `postprocess_inputs`;
// Logfire's include list `extract_args`; Braintrust `notrace_io=True` (capture off at true).
import type { Fix, Span, TextEdit } from '../../shared/types';
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

/** Removes `items` (spans inside the list literal at `listSpan`) with the comma that separates each. */
function removeItems(text: string, listSpan: Span, items: Span[], all: Span[]): TextEdit[] {
  const gone = new Set(items.map((i) => i.start));
  const kept = all.filter((i) => !gone.has(i.start));
  // Nothing left: the list becomes empty (Logfire then records no argument).
  if (kept.length === 0) return [{ start: listSpan.start + 1, end: listSpan.end - 1, text: '' }];
  const edits: TextEdit[] = [];
  for (const item of items) {
    const index = all.findIndex((i) => i.start === item.start);
    const next = all[index + 1];
    // Up to the next item when there is one; else back to the end of the previous kept item.
    if (next) edits.push({ start: item.start, end: next.start, text: '' });
    else {
      const prev = [...kept].reverse().find((k) => k.end <= item.start);
      edits.push({ start: prev ? prev.end : item.start, end: item.end, text: '' });
    }
  }
  return edits;
}

/**
 * Keeps `params` out of an include list (Logfire `extract_args`): removes them from the list written,
 * or writes the list of the function's other parameters when every argument is recorded today.
 */
export function includeOnlyFix(model: SourceModel, t: TracedFunction, params: Param[], option: string, isCredentialName: (name: string) => boolean = () => false): Fix | undefined {
  const names = params.map((p) => p.name);
  const inc = t.inclusion;
  const q = quoteOf(t);
  if (inc) {
    if (inc.dynamic) return undefined;
    const items = inc.items.filter((i) => names.includes(i.value));
    if (!inc.listSpan) {
      // A single name (`extract_args="api_key"`): record no argument at all.
      return { title: `Set ${option}=${boolText(model, false)} (no arguments are recorded)`, edits: [{ start: items[0].span.start, end: items[0].span.end, text: boolText(model, false) }] };
    }
    const edits = removeItems(model.text, inc.listSpan, items.map((i) => i.span), inc.items.map((i) => i.span));
    const where = inc.constantName ? `${inc.constantName} (used as ${option})` : option;
    return { title: `Remove ${list(names)} from ${where}`, edits };
  }
  // Every other parameter but the credential-like ones (those the SDK scrubs by itself included).
  const others = t.params
    .filter((p) => !p.receiver && (p.kind === 'positional' || p.kind === 'keyword-only') && !names.includes(p.name) && !isCredentialName(p.name))
    .map((p) => quoted(p.name, q));
  const value = others.length > 0 ? `[${others.join(', ')}]` : boolText(model, false);
  const edit = insertOption(model.text, t, style(model), option, value);
  return { title: others.length > 0 ? `Record only ${others.join(', ')} (${option})` : `Set ${option}=${value} (no arguments are recorded)`, edits: [edit] };
}

/** Turns input capture off: sets the option when written, adds it otherwise. */
export function captureOffFix(model: SourceModel, t: TracedFunction, option: string): Fix {
  const off = boolText(model, t.mechanisms.captureOffValue);
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
export function keepOutFixes(
  model: SourceModel,
  t: TracedFunction,
  params: Param[],
  tracer: { exclusionParam?: string; inclusionParam?: string; captureParam?: string; processParam?: string },
  isCredentialName?: (name: string) => boolean,
): KeepOutFixes {
  const suggest: Fix[] = [];
  const names = params.map((p) => p.name);
  if (tracer.exclusionParam) {
    const f = excludeFix(model, t, names, tracer.exclusionParam);
    if (f) suggest.push(f);
  }
  if (tracer.inclusionParam) {
    const f = includeOnlyFix(model, t, params, tracer.inclusionParam, isCredentialName);
    if (f) suggest.push(f);
  }
  if (tracer.processParam) suggest.push(processFix(model, t, params, tracer.processParam));
  if (tracer.captureParam) suggest.push(captureOffFix(model, t, tracer.captureParam));
  return { fix: suggest[0], suggest };
}
