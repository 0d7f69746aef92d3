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

/** Follows a name to the module-level constant it stands for, when the file defines one. */
export function deref(v: ValueNode): ValueNode {
  let cur = v;
  for (let i = 0; i < 8 && cur.kind === 'name' && cur.resolved; i++) cur = cur.resolved;
  return cur;
}

export function keyword(args: ArgList | undefined, name: string): OptionArg | undefined {
  return args?.keywords.find((k) => k.name === name || snakeName(k.name) === name);
}

/** What a front-end knows of a traced function before its options are read. */
export type TracedInput = Pick<TracedFunction,
  'form' | 'tracerSpan' | 'calleeSpan' | 'name' | 'nameSpan' | 'span' | 'isAsync' | 'isMethod' | 'params' | 'options' | 'optionsInsertAt' | 'indent'
> & { match: TracerMatch };

function exclusionOf(arg: OptionArg): ExclusionSetting {
  const v = deref(arg.value);
  const setting: ExclusionSetting = { option: arg.name, arg, items: [], dynamic: false };
  if (arg.value.kind === 'name') setting.constantName = arg.value.name;
  if (v.kind !== 'list') {
    setting.dynamic = v.kind !== 'none';
    return setting;
  }
  setting.listSpan = v.span;
  for (const item of v.items) {
    const it = deref(item);
    if (it.kind === 'string') setting.items.push({ value: it.str.value, span: it.span, str: it.str });
    else setting.dynamic = true;
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
  // A bare `@task` where only `@task(...)` traces records nothing.
  let capture: boolean | 'unknown' = tracer.capturesInputs && !(tracer.requiresCall && input.form === 'decorator' && !options);
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
      kwargsFlattened: tracer.kwargsFlattened ?? false,
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

/** Every dict entry under a value, nested dicts included, without recursion. */
function dictEntries(values: ValueNode[]): DictEntry[] {
  const out: DictEntry[] = [];
  const stack = [...values];
  while (stack.length > 0) {
    const v = deref(stack.pop()!);
    if (v.kind === 'dict') {
      for (const e of v.entries) {
        out.push(e);
        stack.push(e.value);
      }
    } else if (v.kind === 'list') stack.push(...v.items);
  }
  return out.sort((a, b) => a.span.start - b.span.start);
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
  const items = d.kind === 'list' ? d.items : [d];
  const out: Array<{ str: ValueNode & { kind: 'string' } }> = [];
  for (const it of items) {
    const s = deref(it);
    if (s.kind === 'string') out.push({ str: s });
  }
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
