// What a trace records about the code that wrote a value: the traced function's name (TraceCraft
// step `name`, AgentDbg event `name`, OTLP span `name`), its kind (step `type`), and the input key
// the value sits under (`inputs.api_key`, `payload.args.api_key`, an OTLP attribute). Read from the
// parsed document and the finding's JSON path; nothing is guessed when the trace does not say.
import { isObject, parseJsonPath, valueAt, type PathSegment } from '../../shared/simulate/path';
import type { SdkId } from '../analysis/model';
import { SDKS } from '../analysis/sdks/index';
import type { OtlpSpans } from '../analysis/sdks/types';

export interface TraceContext {
  format: 'tracecraft' | 'agentdbg' | 'otlp';
  /** The name the trace gives the function / tool / span. */
  name: string;
  /** TraceCraft step type (`tool`, `llm`, `agent`, `retrieval`), AgentDbg event type, OTLP span kind attribute. */
  kind?: string;
  /** Where the value sits: `inputs`, `outputs`, `attributes`, `args`, `result`, `prompt`... */
  field?: string;
  /** The input key (a parameter name, or `kwargs`), when the value is an input. */
  inputKey?: string;
  /** A positional input's index (Traceloop's `args[1]`): the parameter at that position. */
  inputIndex?: number;
  /** The SDKs whose functions wrote the span, when its attributes say (an SDK descriptor's `otlp.markers`). */
  sdks?: SdkId[];
  /** `name` is the function's own (qualified) name, not its tracer's `name` option (Logfire `code.function`). */
  nameIsFunction?: boolean;
  /** The language of the code, from the OpenTelemetry resource's `telemetry.sdk.language`. */
  language?: 'python' | 'typescript';
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.length > 0 ? v : undefined;
}

function firstEmbeddedKey(embedded: string | undefined): string | undefined {
  if (!embedded) return undefined;
  const first = parseJsonPath(embedded).segments[0];
  return typeof first === 'string' ? first : undefined;
}

function traceCraft(doc: Record<string, unknown>, segs: PathSegment[]): TraceContext | undefined {
  if (segs[0] !== 'steps' || typeof segs[1] !== 'number') return undefined;
  let i = 2;
  while (segs[i] === 'children' && typeof segs[i + 1] === 'number') i += 2;
  const step = valueAt(doc, segs.slice(0, i));
  if (!isObject(step)) return undefined;
  const name = str(step.name);
  if (!name) return undefined;
  const field = typeof segs[i] === 'string' ? (segs[i] as string) : undefined;
  const key = segs[i + 1];
  return { format: 'tracecraft', name, kind: str(step.type), field, inputKey: field === 'inputs' && typeof key === 'string' ? key : undefined };
}

function agentDbg(doc: Record<string, unknown>, segs: PathSegment[]): TraceContext | undefined {
  const name = str(doc.name);
  const kind = str(doc.event_type);
  if (!name || !kind || segs[0] !== 'payload') return undefined;
  const field = typeof segs[1] === 'string' ? segs[1] : undefined;
  const key = segs[2];
  return { format: 'agentdbg', name, kind, field, inputKey: field === 'args' && typeof key === 'string' ? key : undefined };
}

/** OpenTelemetry / OpenInference attribute names that say what kind of step a span is. */
const KIND_ATTRIBUTES = ['tracecraft.step.type', 'tracecraft.step_type', 'openinference.span.kind', 'langsmith.span.kind', 'langfuse.observation.type', 'gen_ai.operation.name'];

/** The SDK whose OpenTelemetry spans carry one of these attribute keys, with its span description. */
function otlpSdkOf(keys: ReadonlySet<string>): { id: SdkId; otlp: OtlpSpans } | undefined {
  for (const d of SDKS) if (d.otlp && d.otlp.markers.some((m) => keys.has(m))) return { id: d.id, otlp: d.otlp };
  return undefined;
}

/** The input a value inside an SDK's input JSON stands for: a named key, or a positional index. */
function embeddedInput(embedded: string | undefined, shape: OtlpSpans['inputShape']): { key?: string; index?: number } {
  if (!embedded) return {};
  const segs = parseJsonPath(embedded).segments;
  if (shape === 'args-kwargs') {
    if (segs[0] === 'kwargs' && typeof segs[1] === 'string') return { key: segs[1] };
    if (segs[0] === 'args' && typeof segs[1] === 'number') return { index: segs[1] };
    return {};
  }
  return typeof segs[0] === 'string' ? { key: segs[0] } : {};
}

/**
 * The language the OpenTelemetry SDK that exported the spans runs in: the resource's
 * `telemetry.sdk.language` (set by every OTel SDK), Python or JavaScript (`nodejs`, `webjs`, TS alike).
 */
function resourceLanguage(doc: Record<string, unknown>, toScopeSpans: PathSegment[]): 'python' | 'typescript' | undefined {
  const i = toScopeSpans.indexOf('resourceSpans');
  if (i < 0 || typeof toScopeSpans[i + 1] !== 'number') return undefined;
  const rs = valueAt(doc, toScopeSpans.slice(0, i + 2));
  const resource = isObject(rs) && isObject(rs.resource) ? rs.resource : undefined;
  const attrs = resource && Array.isArray(resource.attributes) ? resource.attributes.filter(isObject) : [];
  const a = attrs.find((x) => x.key === 'telemetry.sdk.language');
  const lang = a && isObject(a.value) ? str(a.value.stringValue) : undefined;
  return lang === 'python' ? 'python' : lang === 'nodejs' || lang === 'webjs' ? 'typescript' : undefined;
}

function otlp(doc: Record<string, unknown>, segs: PathSegment[], embedded: string | undefined): TraceContext | undefined {
  const at = segs.indexOf('spans');
  if (at < 0 || typeof segs[at + 1] !== 'number') return undefined;
  const span = valueAt(doc, segs.slice(0, at + 2));
  if (!isObject(span)) return undefined;
  const attrs = Array.isArray(span.attributes) ? span.attributes.filter(isObject) : [];
  const attr = (key: string) => {
    const a = attrs.find((x) => x.key === key);
    return a && isObject(a.value) ? str(a.value.stringValue) : undefined;
  };
  const sdk = otlpSdkOf(new Set(attrs.map((a) => a.key).filter((k): k is string => typeof k === 'string')));
  const spans = sdk?.otlp;
  const fnName = spans?.functionAttribute ? attr(spans.functionAttribute) : undefined;
  const name = fnName ?? (spans?.nameAttribute ? attr(spans.nameAttribute) : undefined) ?? str(span.name);
  if (!name) return undefined;
  const kind = KIND_ATTRIBUTES.map(attr).find((k) => k !== undefined);
  let inputKey: string | undefined;
  let inputIndex: number | undefined;
  let field: string | undefined;
  if (segs[at + 2] === 'attributes' && typeof segs[at + 3] === 'number') {
    field = 'attributes';
    const attribute = valueAt(span, segs.slice(at + 2, at + 4));
    const key = isObject(attribute) ? str(attribute.key) : undefined;
    if (spans?.inputAttribute !== undefined && key === spans.inputAttribute) {
      ({ key: inputKey, index: inputIndex } = embeddedInput(embedded, spans.inputShape));
    } else if (spans?.argumentAttributes && key !== undefined && !spans.markers.includes(key) && key !== spans.functionAttribute && !/^(code|logfire|otel|telemetry|service)\./.test(key)) {
      // An argument recorded under its own name (the SDK's own attributes aside).
      inputKey = key;
    } else {
      // `input.value` holding JSON: the key inside it; `tracecraft.inputs.api_key`: the last segment.
      inputKey = firstEmbeddedKey(embedded) ?? (key && /(^|\.)(inputs?|args|arguments|params)\./.test(key) ? key.slice(key.lastIndexOf('.') + 1) : undefined);
    }
  }
  const language = resourceLanguage(doc, segs.slice(0, at));
  return {
    format: 'otlp', name, kind: kind?.toLowerCase(), field, inputKey,
    ...(language ? { language } : {}),
    ...(inputIndex !== undefined ? { inputIndex } : {}),
    ...(sdk ? { sdks: [sdk.id, ...(sdk.otlp.covers ?? [])] } : {}),
    ...(fnName !== undefined ? { nameIsFunction: true } : {}),
  };
}

/**
 * The trace context of the value at `jsonPath` in `doc` (one JSONL line or one JSON document).
 * `format`: the trace readers' format of the file (`tracecraft`, `agentdbg-events`, `otlp`, ...);
 * without it the document's shape decides. Other formats (opentraces, generic JSON) link to nothing.
 */
/**
 * The trace formats that record which code wrote a value (a step's name, an event, a span), so that
 * `traceContextOf` can give a context: a trace of another format (plain JSONL, a coding agent's
 * session) links to nothing, and needs no index of the project's source.
 */
export const LINKED_FORMATS: ReadonlySet<string> = new Set(['tracecraft', 'agentdbg-events', 'otlp']);

export function traceContextOf(doc: unknown, jsonPath: string, format?: string): TraceContext | undefined {
  if (!isObject(doc)) return undefined;
  const { segments, embedded } = parseJsonPath(jsonPath);
  const shape = format ?? (Array.isArray(doc.steps) ? 'tracecraft' : typeof doc.event_type === 'string' ? 'agentdbg-events' : Array.isArray(doc.resourceSpans) ? 'otlp' : undefined);
  if (shape === 'tracecraft' && Array.isArray(doc.steps)) return traceCraft(doc, segments);
  if (shape === 'agentdbg-events' && typeof doc.event_type === 'string') return agentDbg(doc, segments);
  if (shape === 'otlp' && Array.isArray(doc.resourceSpans)) return otlp(doc, segments, embedded);
  return undefined;
}
