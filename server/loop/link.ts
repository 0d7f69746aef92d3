// From leak to cause: a finding in a trace, matched to the traced function (and parameter) of the
// project's source that recorded it. Matching uses only what the trace records (trace context)
// against what the code says (source model): the traced name (decorator / wrapper `name=`, else
// the function's own name), the step kind (TraceCraft `trace_tool` writes `tool` steps), the SDK
// (a TraceCraft run comes from TraceCraft decorators; an AgentDbg TOOL_CALL from record_tool_call),
// and the input key (a parameter; `kwargs` for values that came through `**kwargs`).
// One candidate: linked, with the parameter's fix from the source rules. Several: ambiguous, all
// listed. None: nothing (we never guess).
import { basename } from 'node:path';
import type { Fix, Finding, RelatedLocation, TextEdit } from '../../shared/types';
import { normaliseKeyName } from '../../shared/config/index';
import type { CallSite, DictEntry, OptionArg, Param, RecordCall, SourceModel, TracedFunction } from '../analysis/model';
import { deref, keyword } from '../analysis/shared-facts';
import { sdkById } from '../analysis/sdks/index';
import { captureOffFix, keepOutFixes } from '../rules/capture-fixes';
import { removeEntryFix } from '../rules/credential-param-captured';
import type { TraceContext } from './context';
import type { WorkspaceIndex } from './workspace';

/** What a finding links to: a function (or recorder call), the parameter or key, and where. */
export interface LinkTarget {
  file: string;
  model: SourceModel;
  traced?: TracedFunction;
  record?: RecordCall;
  /** The parameter (or recorder dict key) that carries the value, when the trace names one. */
  param?: Param;
  entry?: DictEntry;
  /** The span pointed at: the parameter, the dict key, else the function's name. */
  span: { start: number; end: number };
  /** `parameter "api_key" of web_search (TraceCraft trace_tool)`. */
  label: string;
}

export type LinkResult =
  | { kind: 'linked'; target: LinkTarget }
  | { kind: 'ambiguous'; candidates: LinkTarget[] }
  | { kind: 'none' };

/** TraceCraft decorators and the step type they write. */
const TRACECRAFT_STEP_TYPE: Record<string, string> = { trace_tool: 'tool', trace_llm: 'llm', trace_agent: 'agent', trace_retrieval: 'retrieval' };

function stringOf(arg: OptionArg | { value: import('../analysis/model').ValueNode } | undefined): string | undefined {
  if (!arg) return undefined;
  const v = deref(arg.value);
  return v.kind === 'string' ? v.str.value : undefined;
}

/** The option that names a traced function in traces: its SDK descriptor's `nameOption`, else `name`. */
function nameOptionOf(t: TracedFunction): string {
  const d = sdkById(t.sdk);
  const tracer = (d?.python?.tracers ?? []).concat(d?.typescript?.tracers ?? []).find((x) => x.name === t.tracer && x.nameOption !== undefined);
  return tracer?.nameOption ?? 'name';
}

/** The name a traced function appears under in traces: the name option, else its own name. */
export function tracedName(t: TracedFunction): string {
  return stringOf(keyword(t.options, nameOptionOf(t))) ?? t.name;
}

/** The name a recorder call gives its event: `record_tool_call(name=...)`, `record_llm_call(model=...)`. */
function recordName(call: CallSite): string | undefined {
  const fn = call.callee.slice(call.callee.lastIndexOf('.') + 1);
  const option = fn === 'record_llm_call' ? 'model' : fn === 'record_tool_call' ? 'name' : undefined;
  if (!option) return undefined;
  return stringOf(keyword(call.args, option)) ?? stringOf(call.args.positional[0] ? { value: call.args.positional[0] } : undefined);
}

function paramFor(t: TracedFunction, key: string | undefined, index?: number): Param | undefined {
  if (key === undefined && index !== undefined) {
    // A positional value: the parameter at its position, unless *args gathers it.
    const p = t.params.find((x) => x.index === index && x.holder === undefined);
    return p && p.kind === 'positional' ? p : undefined;
  }
  if (key === undefined) return undefined;
  if (key === 'kwargs') return t.params.find((p) => p.kind === 'var-keyword');
  return t.params.find((p) => p.name === key) ?? t.params.find((p) => !p.receiver && normaliseKeyName(p.name) === normaliseKeyName(key));
}

function tracedTarget(file: string, model: SourceModel, t: TracedFunction, ctx: TraceContext): LinkTarget {
  const param = paramFor(t, ctx.inputKey, ctx.inputIndex);
  const fn = `${t.name || tracedName(t)} (${t.sdkLabel} ${t.tracer})`;
  return {
    file, model, traced: t, param,
    span: param ? param.span : t.nameSpan,
    label: param ? `parameter "${param.name}" of ${fn}` : `${fn}`,
  };
}

/**
 * Whether the name a trace gives is this function's: its traced name; for spans of a known SDK, also
 * the `__qualname__` form `Class.method` of an unnamed method; for Logfire's `code.function`, the
 * function's own (qualified) name whatever its `name` option says.
 */
function namesMatch(t: TracedFunction, ctx: TraceContext): boolean {
  const own = ctx.nameIsFunction ? t.name : tracedName(t);
  if (ctx.name === own) return true;
  const unnamed = ctx.nameIsFunction || stringOf(keyword(t.options, nameOptionOf(t))) === undefined;
  return ctx.sdks !== undefined && unnamed && t.name.length > 0 && ctx.name.endsWith(`.${t.name}`);
}

function candidates(index: WorkspaceIndex, ctx: TraceContext): LinkTarget[] {
  const out: LinkTarget[] = [];
  for (const model of index.models) {
    const file = model.fileName;
    if (ctx.format === 'agentdbg') {
      if (ctx.kind !== 'TOOL_CALL' && ctx.kind !== 'LLM_CALL') continue;
      const wanted = ctx.kind === 'TOOL_CALL' ? 'record_tool_call' : 'record_llm_call';
      for (const rc of model.recordCalls) {
        if (rc.sdk !== 'agentdbg' || !rc.call.callee.endsWith(wanted) || recordName(rc.call) !== ctx.name) continue;
        const entry = ctx.inputKey !== undefined ? rc.entries.find((e) => e.key === ctx.inputKey) : undefined;
        const arg = ctx.field !== undefined ? keyword(rc.call.args, ctx.field) : undefined;
        out.push({
          file, model, record: rc, entry,
          span: entry ? entry.keySpan : arg ? arg.nameSpan : rc.call.calleeSpan,
          label: entry ? `key "${entry.key}" of ${wanted}("${ctx.name}")` : `${wanted}("${ctx.name}")`,
        });
      }
      continue;
    }
    if (ctx.language !== undefined && (ctx.language === 'python') !== (model.language === 'python')) continue;
    for (const t of model.traced) {
      if (ctx.format === 'tracecraft' && t.sdk !== 'tracecraft') continue;
      if (ctx.sdks !== undefined && !ctx.sdks.includes(t.sdk)) continue;
      if (!t.mechanisms.capturesInputs && (ctx.inputKey !== undefined || ctx.inputIndex !== undefined)) continue;
      if (!namesMatch(t, ctx)) continue;
      const type = t.sdk === 'tracecraft' ? TRACECRAFT_STEP_TYPE[t.tracer] : undefined;
      if (ctx.kind !== undefined && type !== undefined && ctx.kind.toLowerCase() !== type) continue;
      out.push(tracedTarget(file, model, t, ctx));
    }
  }
  return out;
}

/** The traced function(s) that could have recorded a value with this trace context. */
export function linkContext(index: WorkspaceIndex, ctx: TraceContext | undefined): LinkResult {
  if (!ctx) return { kind: 'none' };
  const found = candidates(index, ctx);
  if (found.length === 0) return { kind: 'none' };
  if (found.length === 1) return { kind: 'linked', target: found[0] };
  return { kind: 'ambiguous', candidates: found };
}

function inFile(fix: Fix, file: string): Fix {
  return { ...fix, title: `${fix.title} in ${basename(file)}`, edits: fix.edits.map((e): TextEdit => ({ ...e, file })) };
}

/** The fix(es) that keep the linked parameter out of future traces, as edits on the source file. */
export function targetFixes(target: LinkTarget): Fix[] {
  const { model, traced, param, entry, record } = target;
  if (record && entry) return [inFile(removeEntryFix(model, entry), target.file)];
  if (!traced || !param) return [];
  if (param.kind === 'var-keyword') {
    // Values under `kwargs` cannot be excluded by name: only turning capture off helps.
    return traced.mechanisms.captureParam ? [inFile(captureOffFix(model, traced, traced.mechanisms.captureParam), target.file)] : [];
  }
  return keepOutFixes(model, traced, [param], traced.mechanisms).suggest.map((f) => inFile(f, target.file));
}

function related(target: LinkTarget, message: string): RelatedLocation {
  return { file: target.file, range: target.model.lines.rangeOf(target.span.start, target.span.end), message };
}

/** The finding with its link: related locations, and the parameter's fixes when the link is unique. */
export function withLink(finding: Finding, link: LinkResult): Finding {
  if (link.kind === 'none') return finding;
  if (link.kind === 'linked') {
    const fixes = targetFixes(link.target);
    return {
      ...finding,
      related: [...(finding.related ?? []), related(link.target, `recorded by ${link.target.label}`)],
      ...(fixes.length > 0 ? { suggest: [...(finding.suggest ?? []), ...fixes] } : {}),
    };
  }
  const n = link.candidates.length;
  return {
    ...finding,
    related: [...(finding.related ?? []), ...link.candidates.map((c, i) => related(c, `ambiguous (${i + 1} of ${n} candidates): could have been recorded by ${c.label}`))],
  };
}
