// An OpenTelemetry-exporting SDK's capture switches, simulated on its spans (OTLP/JSON): whether the
// project's configuration would keep a value out of the stored trace. Inputs sit in the SDK's input
// attribute (`traceloop.entity.input`, `input.value`, `mlflow.spanInputs`, `lmnr.span.input`) or, for
// Logfire, one attribute per argument. A capture switch at its safe value (TRACELOOP_TRACE_CONTENT=
// false in .env, `TraceConfig(hide_inputs=True)`) means those are not recorded; a key-name scrubbing
// (Logfire's default patterns, unless `configure(scrubbing=False)`) replaces an argument whose name
// matches. Everything else the span records is stored whatever the switches say.
import { isObject, valueAt } from './path';
import type { RedactionSimulator, Verdict } from './types';

export interface OtlpSdkSettings {
  /** `Traceloop`. */
  label: string;
  /** The SDK's own attributes (never arguments). */
  ownAttributes: string[];
  /** The attribute holding the inputs as JSON. */
  inputAttribute?: string;
  /** Each argument is an attribute under its parameter's name. */
  argumentAttributes?: boolean;
  /** Why inputs are not recorded under this configuration (`TRACELOOP_TRACE_CONTENT=false in .env:2`). */
  captureOff?: string;
  /** Why they are recorded although the SDK could be told not to (`TRACELOOP_TRACE_CONTENT=true in .env:2`). */
  captureOn?: string;
  /** Argument names the SDK scrubs (a JS regex source, case-insensitive), unless `scrubbingOff`. */
  scrubPattern?: string;
  scrubbingOff?: string;
  /** What the SDK writes for a scrubbed value. */
  scrubMarker?: (match: string) => string;
  describe: string;
  notes: string[];
}

/** The OTLP attribute `{key, value}` a string at `segments` belongs to, if any. */
function attributeKeyAt(doc: unknown, segments: ReadonlyArray<string | number>): string | undefined {
  const at = segments.lastIndexOf('attributes');
  if (at < 0 || typeof segments[at + 1] !== 'number') return undefined;
  const attr = valueAt(doc, segments.slice(0, at + 2) as Array<string | number>);
  return isObject(attr) && typeof attr.key === 'string' ? attr.key : undefined;
}

export class OtlpSdkSimulator implements RedactionSimulator {
  readonly id = 'otlp' as const;
  readonly label: string;
  readonly describe: string;
  readonly notes: string[];
  private readonly scrub?: RegExp;

  constructor(private readonly s: OtlpSdkSettings) {
    this.label = s.label;
    this.describe = s.describe;
    this.notes = s.notes;
    if (s.scrubPattern && !s.scrubbingOff) this.scrub = new RegExp(s.scrubPattern, 'i');
  }

  judge(doc: unknown, segments: ReadonlyArray<string | number>): Verdict {
    const key = attributeKeyAt(doc, segments);
    const s = this.s;
    const isInput = key !== undefined && (key === s.inputAttribute || (s.argumentAttributes === true && !s.ownAttributes.includes(key) && !/^(code|logfire|otel|telemetry|service)\./.test(key)));
    if (!isInput) return { outcome: 'survives', reason: `${s.label} records ${key ? `"${key}"` : 'this'} whatever its capture switches say` };
    if (s.captureOff) return { outcome: 'redacted', redactedBy: s.captureOff, reason: `not recorded: ${s.captureOff}` };
    const m = s.argumentAttributes && key && this.scrub ? this.scrub.exec(key) : null;
    if (m) return { outcome: 'redacted', redactedBy: `${s.label} scrubbing: ${m[0].toLowerCase()}`, marker: s.scrubMarker?.(m[0]) };
    const why = s.captureOn ?? (s.scrubbingOff ? `${s.label}'s scrubbing is off (${s.scrubbingOff})` : `nothing in the project turns ${s.label}'s input capture off`);
    return { outcome: 'survives', reason: `${s.label} records the function's inputs: ${why}` };
  }
}
