// Input processors (LangSmith `process_inputs`, Weave `postprocess_inputs`): a function the SDK runs
// on the captured inputs before they are written. One tracelint cannot read is trusted to drop what
// it must. One defined in the same file (a `def`, or a lambda in the decorator) that visibly hands
// the inputs back with the credential still in them (`return inputs`, `return dict(inputs)`,
// `return {**inputs, "n": 1}`, `lambda x: x`, or one that edits other keys only) protects nothing.
import type { SourceModel, TracedFunction, ValueNode } from '../analysis/model';
import { sdkById } from '../analysis/sdks';
import { keyword } from '../analysis/shared-facts';

/** A readable processor: its parameter's name and its body (for a lambda, the expression). */
interface Processor {
  param: string;
  body: string;
  lambda: boolean;
}

const MAX_BODY = 4000;

/** The processor named or written in the decorator, when this file shows its code (Python). */
function readProcessor(model: SourceModel, value: ValueNode): Processor | undefined {
  if (model.language !== 'python') return undefined;
  const text = model.text;
  if (value.kind === 'other') {
    const m = /^lambda\s+(\w+)\s*:\s*([\s\S]*)$/.exec(text.slice(value.span.start, value.span.end));
    return m ? { param: m[1], body: m[2], lambda: true } : undefined;
  }
  if (value.kind !== 'name') return undefined;
  const def = new RegExp(String.raw`^([ \t]*)(?:async[ \t]+)?def[ \t]+${value.name}[ \t]*\(\s*(\w+)[^)]*\)[^:\n]*:[ \t]*(?:#[^\n]*)?\n`, 'm').exec(text);
  if (!def) return undefined;
  const indent = def[1].length;
  const lines: string[] = [];
  let at = def.index + def[0].length;
  while (at < text.length && lines.join('\n').length < MAX_BODY) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const line = text.slice(at, end);
    const lead = /^[ \t]*/.exec(line)![0].length;
    if (line.trim() !== '' && lead <= indent) break;
    lines.push(line);
    at = end + 1;
  }
  return { param: def[2], body: lines.join('\n'), lambda: false };
}

/** The body without its docstring, comments and blank lines. */
function code(body: string): string {
  return body
    .replace(/^\s*(?:[rRuU]?"""[\s\S]*?"""|[rRuU]?'''[\s\S]*?''')/, '')
    .split('\n')
    .map((l) => l.replace(/#.*$/, '').trimEnd())
    .filter((l) => l.trim() !== '')
    .join('\n');
}

/** What hands the inputs back unchanged, or as a copy, or with keys added. */
function passesThrough(expr: string, p: string): boolean {
  const e = expr.trim().replace(/\s+/g, ' ');
  return new RegExp(String.raw`^(?:${p}|dict\(\s*${p}\s*\)|dict\(\s*\*\*${p}\s*(?:,[^()]*)?\)|\{\s*\*\*${p}\s*(?:,[^{}]*)?\}|${p}\.copy\(\)|(?:copy\.)?(?:deep)?copy\(\s*${p}\s*\))$`).test(e);
}

/**
 * Whether the processor visibly keeps `name` in the inputs: every return passes the inputs through,
 * the body never names the key, and nothing in it could drop keys wholesale (a loop, a filter, a
 * pop or del, a helper that redacts or removes).
 */
function keepsKey(proc: Processor, name: string): boolean {
  const body = proc.lambda ? proc.body : code(proc.body);
  if (new RegExp(String.raw`(["'])${name}\1`).test(body)) return false;
  if (/\b(?:for|if|while|del|pop|popitem|filter|clear|lambda)\b|redact|mask|remov|exclud|sanitiz|scrub|hide|drop|strip|clean/i.test(body)) return false;
  if (proc.lambda) return passesThrough(body, proc.param);
  // Names that hold the inputs (or a copy): the parameter, and `out = dict(inputs)` after it.
  const aliases = [proc.param];
  for (const m of body.matchAll(/^\s*(\w+)\s*=\s*([^=\n][^\n]*)$/gm)) {
    if (aliases.some((a) => passesThrough(m[2], a))) aliases.push(m[1]);
  }
  const returns = [...body.matchAll(/^\s*return\b(.*)$/gm)].map((m) => m[1]);
  if (returns.length === 0) return false;
  return returns.every((r) => aliases.some((a) => passesThrough(r, a)));
}

/**
 * Whether `t`'s input processor keeps the credential `name` out of the trace: true when there is a
 * processor and tracelint cannot see it keep the key; false when there is none or it visibly keeps it.
 */
export function processorDrops(model: SourceModel, t: TracedFunction, name: string): boolean {
  const param = t.mechanisms.processParam;
  const arg = param ? keyword(t.options, param) : undefined;
  if (!arg) return false;
  const proc = readProcessor(model, arg.value);
  return !proc || !keepsKey(proc, name);
}

/**
 * Whether `t` writes through a client built in this file with an option that redacts or hides inputs
 * (LangSmith `traceable(client=c)` with `c = Client(anonymizer=...)` or `hide_inputs=...`).
 */
export function clientProtects(model: SourceModel, t: TracedFunction): boolean {
  const sdk = sdkById(t.sdk);
  const support = model.language === 'python' ? sdk?.python : sdk?.typescript;
  const spec = support?.tracers.find((d) => d.name === t.tracer)?.client;
  const arg = spec ? keyword(t.options, spec.option) : undefined;
  if (!spec || !arg) return false;
  const text = model.text;
  let call: string | undefined;
  if (arg.value.kind === 'call') call = text.slice(arg.value.span.start, arg.value.span.end);
  else if (arg.value.kind === 'name') {
    const def = new RegExp(String.raw`(?:^|\n)[ \t]*${arg.value.name}[ \t]*(?::[^=\n]*)?=[ \t]*[\w.]*Client[ \t]*\(`).exec(text);
    if (!def) return false;
    // The constructor's arguments, up to the parenthesis that closes it.
    let depth = 0;
    let end = def.index + def[0].length - 1;
    for (; end < text.length; end++) {
      const c = text[end];
      if (c === '(') depth++;
      else if (c === ')' && --depth === 0) break;
    }
    call = text.slice(def.index, end + 1);
  }
  if (call === undefined) return false;
  return spec.protectedBy.some((o) => new RegExp(String.raw`\b${o}\s*=\s*(?!False\b|None\b)\S`).test(call!));
}
