// The language-neutral half of the front-ends: once a front-end has turned its tree into CallSites
// and ArgLists, this file reads what the rules need from them, the same way for Python and TS:
// exclusion settings and input capture of a traced function, AgentDbg recorder dicts, custom
// redaction patterns (RedactionRule / RedactionConfig), exporter endpoints, processor order.
import type { Span } from '../../shared/types';
import type {
  ArgList, CallSite, DictEntry, ExclusionSetting, OptionArg, PatternSite, RecordCall, RedactionConfigSite,
  SettingSite, TracedFunction, ValueNode,
} from './model';
import { matchRecorder, SDKS, type Lang, type Resolved, type TracerMatch } from './sdks';

/** Callees the SDK descriptors name: configuration switches and pattern options (`RunConfig`, `ScrubbingOptions`). */
const DESCRIBED_CALLEES = [...new Set(SDKS.flatMap((s) => [...(s.configSwitches ?? []), ...(s.patternOptions ?? [])].map((c) => c.callee)))];

/** Callee names (last segment) whose calls the front-ends keep, besides calls to traced functions. */
export const INTERESTING_CALLEES = new RegExp(`^(?:RedactionConfig|RedactionProcessor|RedactionRule|record_llm_call|record_tool_call|record_state|OTLP\\w*Exporter|${DESCRIBED_CALLEES.join('|')})$`);

/** Whitespace before `offset` on its line (the indentation a fix adding lines should reuse). */
export function lineIndent(text: string, offset: number): string {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const m = /^[ \t]*/.exec(text.slice(lineStart, offset));
  return m ? m[0] : '';
}

/** `customPatterns` -> `custom_patterns`: TS options objects spell TraceCraft's names in camelCase. */
export function snakeName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/** Follows a name to the constant (or local variable) it stands for, when the file defines one. */
export function deref(v: ValueNode): ValueNode {
  let cur = v;
  for (let i = 0; i < 8 && cur.kind === 'name' && cur.resolved; i++) cur = cur.resolved;
  return cur;
}

/** Calls that make a sequence of their one argument's items: `list(HIDE)`, `tuple(...)`, `Array.from(...)`. */
const SEQUENCE_OF = new Set(['list', 'tuple', 'set', 'frozenset', 'sorted', 'Array.from']);

/** The one argument of `list(x)` / `Array.from(x)`, or undefined for any other value. */
function sequenceArgument(v: ValueNode): ValueNode | undefined {
  if (v.kind !== 'call' || !SEQUENCE_OF.has(v.call.callee)) return undefined;
  const { positional, keywords } = v.call.args;
  return positional.length === 1 && keywords.length === 0 ? positional[0] : undefined;
}

/** Reading more parts than this from one value stops (a generated file); the rest counts as unreadable. */
const MAX_PARTS = 2_000;

export interface SequenceValue {
  /** The items in order, names resolved (`deref`), unpacked and concatenated parts flattened. */
  items: ValueNode[];
  /** Some part could not be read (a call, a name the file does not define, a non-sequence). */
  dynamic: boolean;
  /** The list literal a new item would be appended to, its items as written, and the constant holding it. */
  literal?: { span: Span; items: Span[]; constantName?: string };
}

/**
 * A list, tuple or set as the program builds it within the file: `HIDE + ["otp"]`, `[*HIDE, "otp"]`,
 * `[...HIDE, "otp"]`, `list(HIDE)`, `TEAM.concat([...])`, through constants defined from constants.
 * `None` / `undefined` is the empty sequence (an option left at its default).
 */
export function sequenceValue(value: ValueNode): SequenceValue {
  const out: SequenceValue = { items: [], dynamic: false };
  // The spine: the value itself, then the last part of a concatenation, through names and list().
  let constantName: string | undefined;
  for (let cur: ValueNode | undefined = value, i = 0; cur && i < 64; i++) {
    if (cur.kind === 'name') {
      if (cur.resolved) constantName = cur.name;
      cur = cur.resolved;
    } else if (cur.kind === 'list') {
      out.literal = { span: cur.span, items: cur.items.map((it) => it.span), constantName: constantName };
      break;
    } else if (cur.kind === 'concat') cur = cur.parts[cur.parts.length - 1];
    else cur = sequenceArgument(cur);
  }
  // The items, in order: a stack of what is left to read, last part first; `item` marks a value
  // that is an item of a list, not a sequence to expand.
  const stack: Array<{ v: ValueNode; item: boolean }> = [{ v: value, item: false }];
  let budget = MAX_PARTS;
  while (stack.length > 0) {
    if (budget-- <= 0) {
      out.dynamic = true;
      break;
    }
    const { v: raw, item } = stack.pop()!;
    const v = deref(raw);
    if (item) {
      out.items.push(v);
      continue;
    }
    const inner = sequenceArgument(v);
    if (v.kind === 'list') {
      for (let i = v.items.length - 1; i >= 0; i--) {
        const it = v.items[i];
        stack.push(it.kind === 'spread' ? { v: it.value, item: false } : { v: it, item: true });
      }
    } else if (v.kind === 'concat') {
      for (let i = v.parts.length - 1; i >= 0; i--) stack.push({ v: v.parts[i], item: false });
    } else if (inner) stack.push({ v: inner, item: false });
    else if (v.kind !== 'none') out.dynamic = true;
  }
  return out;
}

export function keyword(args: ArgList | undefined, name: string): OptionArg | undefined {
  return args?.keywords.find((k) => k.name === name || snakeName(k.name) === name);
}

/** What a front-end knows of a traced function before its options are read. */
export type TracedInput = Pick<TracedFunction,
  'form' | 'tracerSpan' | 'calleeSpan' | 'name' | 'nameSpan' | 'span' | 'isAsync' | 'isMethod' | 'params' | 'options' | 'optionsInsertAt'
  | 'createOptions' | 'indent'
> & { match: TracerMatch };

const KNOWN_LITERALS = new Set<ValueNode['kind']>(['list', 'dict', 'bool', 'number', 'none']);

function exclusionOf(arg: OptionArg): ExclusionSetting {
  const seq = sequenceValue(arg.value);
  const setting: ExclusionSetting = { option: arg.name, arg, items: [], dynamic: seq.dynamic };
  if (seq.literal) {
    setting.listSpan = seq.literal.span;
    setting.listItemSpans = seq.literal.items;
    setting.constantName = seq.literal.constantName;
  }
  for (const it of seq.items) {
    if (it.kind === 'string') setting.items.push({ value: it.str.value, span: it.span, str: it.str });
    // A literal that is not a string names no parameter; what cannot be read might.
    else if (!KNOWN_LITERALS.has(it.kind)) setting.dynamic = true;
  }
  return setting;
}

/** An include list written as one name (`extract_args="query"`) or a list of names. */
function inclusionOf(arg: OptionArg): ExclusionSetting {
  const v = deref(arg.value);
  if (v.kind !== 'string') return exclusionOf(arg);
  const setting: ExclusionSetting = { option: arg.name, arg, items: [{ value: v.str.value, span: v.span, str: v.str }], dynamic: false };
  if (arg.value.kind === 'name') setting.constantName = arg.value.name;
  return setting;
}

const patternCache = new Map<string, RegExp>();

function builtinPattern(source: string | undefined): RegExp | undefined {
  if (source === undefined) return undefined;
  let re = patternCache.get(source);
  if (!re) patternCache.set(source, (re = new RegExp(source, 'i')));
  return re;
}

export function buildTraced(input: TracedInput): TracedFunction {
  const { match, options } = input;
  const { tracer } = match;
  const exclusionArg = tracer.exclusionParam ? keyword(options, tracer.exclusionParam) : undefined;
  const inclusionArg = tracer.inclusionParam ? keyword(options, tracer.inclusionParam) : undefined;
  const captureArg = tracer.captureParam ? keyword(options, tracer.captureParam) : undefined;
  const offValue = tracer.captureOffValue ?? false;
  // A bare `@task` or `task(fn)` where only `@task(...)` / `task(...)(fn)` traces records nothing.
  let capture: boolean | 'unknown' = tracer.capturesInputs && !(tracer.requiresCall && !options);
  let inclusion: ExclusionSetting | undefined;
  if (captureArg) {
    const v = deref(captureArg.value);
    if (v.kind === 'bool') capture = v.value !== offValue;
    else if (captureArg === inclusionArg && (v.kind === 'list' || v.kind === 'string')) inclusion = inclusionOf(inclusionArg);
    else capture = 'unknown';
  } else if (inclusionArg) {
    inclusion = inclusionOf(inclusionArg);
  }
  // An include list tracelint cannot read may name anything: whether a credential is recorded is unknown.
  if (inclusion?.dynamic) capture = 'unknown';
  return {
    sdk: match.sdk,
    sdkLabel: match.label,
    mechanisms: {
      capturesInputs: tracer.capturesInputs,
      exclusionParam: tracer.exclusionParam,
      captureParam: tracer.captureParam,
      captureOffValue: offValue,
      inclusionParam: tracer.inclusionParam,
      processParam: tracer.processParam,
      replacingParams: tracer.replacingParams ?? [],
      unrecordedAnnotations: tracer.unrecordedAnnotations ?? [],
      kwargsFlattened: tracer.kwargsInputs === 'flattened',
      captureOnOverridesEnv: tracer.captureOnOverridesEnv,
      builtinRedactedKeys: match.descriptor?.builtinRedactedKeys ?? [],
      builtinRedactedPattern: builtinPattern(match.descriptor?.builtinRedactedPattern),
      keepOutAdvice: match.support?.keepOutAdvice,
    },
    tracer: match.tracer.name,
    form: input.form,
    tracerSpan: input.tracerSpan,
    calleeSpan: input.calleeSpan,
    name: input.name,
    nameSpan: input.nameSpan,
    span: input.span,
    isAsync: input.isAsync,
    isMethod: input.isMethod,
    params: input.params,
    options,
    optionsInsertAt: input.optionsInsertAt,
    createOptions: input.createOptions,
    exclusion: exclusionArg ? exclusionOf(exclusionArg) : undefined,
    inclusion,
    captureInputs: { value: capture, arg: captureArg },
    indent: input.indent,
  };
}

export interface CallFacts {
  recordCalls: RecordCall[];
  patterns: PatternSite[];
  redactionConfigs: RedactionConfigSite[];
  settings: SettingSite[];
}

function lastName(callee: string): string {
  return callee.slice(callee.lastIndexOf('.') + 1);
}

/**
 * Every dict entry under a value, nested dicts included, without recursion: dict literals, their
 * `**base` / `...base` unpacking, `dict(key=value)`, and dicts in lists, through names.
 */
function dictEntries(values: ValueNode[]): DictEntry[] {
  const out: DictEntry[] = [];
  const stack = [...values];
  let budget = MAX_PARTS;
  while (stack.length > 0 && budget-- > 0) {
    const v = deref(stack.pop()!);
    if (v.kind === 'dict') {
      for (const e of v.entries) {
        if (!e.spread) out.push(e);
        stack.push(e.value);
      }
    } else if (v.kind === 'list') stack.push(...v.items);
    else if (v.kind === 'spread') stack.push(v.value);
    else if (v.kind === 'concat') stack.push(...v.parts);
    else if (v.kind === 'call' && v.call.callee === 'dict') {
      for (const k of v.call.args.keywords) {
        out.push({ span: k.span, key: k.name, keySpan: k.nameSpan, value: k.value });
        stack.push(k.value);
      }
      stack.push(...v.call.args.positional);
    }
  }
  // A dict reached twice (one constant passed in two places) gives its entries once.
  const seen = new Set<string>();
  return out.filter((e) => {
    const at = `${e.span.start}:${e.span.end}`;
    return !seen.has(at) && !!seen.add(at);
  }).sort((a, b) => a.span.start - b.span.start);
}

function argument(call: CallSite, name: string, position: number): OptionArg | { value: ValueNode } | undefined {
  const k = keyword(call.args, name);
  if (k) return k;
  // A TS constructor takes one options object: `new RedactionConfig({ enabled: false })`.
  const first = call.args.positional[0];
  if (call.args.style === 'python-call' && call.args.positional[position]) return { value: call.args.positional[position] };
  if (first?.kind === 'dict') {
    const e = first.entries.find((en) => en.key !== undefined && snakeName(en.key) === name);
    if (e) return { value: e.value };
  }
  return undefined;
}

function optionArgOf(call: CallSite, name: string): OptionArg | undefined {
  const k = keyword(call.args, name);
  if (k) return k;
  const first = call.args.positional[0];
  if (first?.kind === 'dict') {
    const e = first.entries.find((en) => en.key !== undefined && snakeName(en.key) === name);
    if (e && e.key !== undefined) return { name: e.key, span: e.span, nameSpan: e.keySpan, value: e.value };
  }
  return undefined;
}

function stringItems(v: ValueNode | undefined): Array<{ str: ValueNode & { kind: 'string' } }> {
  if (!v) return [];
  const d = deref(v);
  const items = d.kind === 'string' ? [d] : sequenceValue(v).items;
  const out: Array<{ str: ValueNode & { kind: 'string' } }> = [];
  for (const it of items) if (it.kind === 'string') out.push({ str: it });
  return out;
}

function site(role: PatternSite['role'], v: ValueNode & { kind: 'string' }, call: CallSite, ruleName?: string): PatternSite {
  return { role, value: v.str.value, span: v.span, offsetOf: v.str.offsetOf, ruleName, callSpan: call.span };
}

/** The project's patterns given to an SDK's own scrubbing (`ScrubbingOptions(extra_patterns=[...])`). */
function describedPatterns(lang: Lang, call: CallSite, name: string, resolve: (callee: string) => Resolved | undefined): PatternSite[] {
  const resolved = resolve(call.callee);
  if (!resolved) return [];
  const out: PatternSite[] = [];
  for (const sdk of SDKS) {
    const modules = (lang === 'python' ? sdk.python : sdk.typescript)?.modules ?? [];
    if (!modules.some((m) => resolved.module === m || resolved.module.startsWith(`${m}${lang === 'python' ? '.' : '/'}`))) continue;
    for (const po of sdk.patternOptions ?? []) {
      if (po.callee !== name) continue;
      for (const { str } of stringItems(argument(call, po.option, po.position ?? -1)?.value)) out.push(site(po.role, str, call));
    }
  }
  return out;
}

/** Reads the recorder calls, redaction patterns, redaction configs and exporter endpoints among `calls`. */
export function collectCallFacts(lang: Lang, calls: CallSite[], resolve: (callee: string) => Resolved | undefined): CallFacts {
  const facts: CallFacts = { recordCalls: [], patterns: [], redactionConfigs: [], settings: [] };
  for (const call of calls) {
    const name = lastName(call.callee);
    if (name === 'RedactionRule') {
      const ruleName = deref(argument(call, 'name', 0)?.value ?? { kind: 'none', span: call.span });
      const pattern = argument(call, 'pattern', 1);
      for (const { str } of stringItems(pattern?.value)) {
        facts.patterns.push(site('rule_pattern', str, call, ruleName.kind === 'string' ? ruleName.str.value : undefined));
      }
    } else if (name === 'RedactionConfig') {
      facts.redactionConfigs.push({ call, enabled: optionArgOf(call, 'enabled'), mode: optionArgOf(call, 'mode') });
      const lists: Array<[string, number, PatternSite['role']]> = [
        ['custom_patterns', 2, 'custom_pattern'], ['allowlist', 3, 'allowlist_value'], ['allowlist_patterns', 4, 'allowlist_pattern'],
      ];
      for (const [option, position, role] of lists) {
        for (const { str } of stringItems(argument(call, option, position)?.value)) facts.patterns.push(site(role, str, call));
      }
    } else if (/^OTLP\w*Exporter$/.test(name)) {
      const endpoint = argument(call, 'endpoint', 0) ?? argument(call, 'url', -1);
      const v = endpoint ? deref(endpoint.value) : undefined;
      if (v?.kind === 'string') {
        const keySpan = 'nameSpan' in (endpoint as object) ? (endpoint as OptionArg).nameSpan : v.span;
        facts.settings.push({
          kind: 'exporter-endpoint', key: name, value: v.str.value, keySpan, valueSpan: v.span, span: v.span, context: name, str: v.str,
        });
      }
    } else if (DESCRIBED_CALLEES.includes(name)) {
      facts.patterns.push(...describedPatterns(lang, call, name, resolve));
    } else {
      const sdk = matchRecorder(lang, resolve(call.callee));
      if (sdk) {
        const values = [...call.args.positional, ...call.args.keywords.map((k) => k.value)];
        facts.recordCalls.push({ sdk: sdk.id, call, entries: dictEntries(values) });
      }
    }
  }
  facts.patterns.sort((a, b) => a.span.start - b.span.start);
  return facts;
}

/**
 * `ProcessorOrder.EFFICIENCY` anywhere in code (not in strings or comments, which `isCode` checks
 * against the tree): TraceCraft then samples before it redacts.
 */
export function processorOrderSettings(text: string, isCode: (offset: number) => boolean): SettingSite[] {
  const out: SettingSite[] = [];
  const re = /\bProcessorOrder\s*\.\s*(EFFICIENCY)\b/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const valueStart = m.index + m[0].length - m[1].length;
    if (!isCode(valueStart)) continue;
    out.push({
      kind: 'processor-order',
      key: 'ProcessorOrder',
      value: 'EFFICIENCY',
      keySpan: { start: m.index, end: m.index + 'ProcessorOrder'.length },
      valueSpan: { start: valueStart, end: valueStart + m[1].length },
      span: { start: m.index, end: m.index + m[0].length },
    });
  }
  return out;
}
