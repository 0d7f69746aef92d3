// OpenLLMetry / Traceloop. Python (traceloop-sdk): `@workflow`, `@task`, `@agent`, `@tool` (and the
// older `aworkflow`, `atask`, `aagent`, `atool`) record `{"args": [...], "kwargs": {...}}` as the
// entity input (decorators/base.py): positional values without their names, keyword values by name.
// They take only name, version, method_name (and tlp_span_kind): nothing keeps one argument out;
// they must be called (`@task(name=...)`): a bare `@task` takes the function for its name and puts the
// inner decorator in its place, tracing nothing;
// TRACELOOP_TRACE_CONTENT (read on every call, anything but "true" turns it off) stops all content.
// JS (@traceloop/node-server-sdk): `withWorkflow(config, fn, ...args)` and its siblings, and the
// class-method decorators `@workflow(config)`; `traceContent: false` turns content off for that
// entity (and `true` turns it on even where TRACELOOP_TRACE_CONTENT=false), `inputParameters`
// replaces the recorded arguments (lib/tracing/decorators.ts).
import type { SdkDescriptor, TracerDescriptor } from './types';

const python = (name: string, spanKind: boolean): TracerDescriptor => ({
  name,
  forms: ['decorator'],
  capturesInputs: true,
  requiresCall: true,
  options: ['name', 'version', 'method_name', ...(spanKind ? ['tlp_span_kind'] : [])],
  unknownOption: 'raises',
});

const JS_OPTIONS = ['name', 'version', 'associationProperties', 'conversationId', 'traceContent', 'inputParameters', 'suppressTracing'];

const js = (name: string, forms: TracerDescriptor['forms']): TracerDescriptor => ({
  name,
  forms,
  capturesInputs: true,
  captureParam: 'traceContent',
  replacingParams: ['inputParameters'],
  captureOnOverridesEnv: 'TRACELOOP_TRACE_CONTENT',
  options: JS_OPTIONS,
  unknownOption: 'ignored',
});

export const traceloop: SdkDescriptor = {
  id: 'traceloop',
  label: 'Traceloop',
  readFrom: 'traceloop-sdk 0.62.1 (traceloop/openllmetry@93429cf); @traceloop/node-server-sdk 0.27.0 (traceloop/openllmetry-js@1faf69d)',
  python: {
    modules: ['traceloop.sdk'],
    keepOutAdvice: 'Traceloop\'s Python decorators have no per-argument option: take the credential from the environment inside the function, or set TRACELOOP_TRACE_CONTENT=false to stop recording every input.',
    tracers: [
      python('workflow', true), python('task', true), python('agent', false), python('tool', false),
      python('aworkflow', true), python('atask', true), python('aagent', false), python('atool', false),
    ],
  },
  typescript: {
    modules: ['@traceloop/node-server-sdk'],
    tracers: [
      js('withWorkflow', ['options-first']), js('withTask', ['options-first']), js('withAgent', ['options-first']), js('withTool', ['options-first']),
      js('workflow', ['decorator']), js('task', ['decorator']), js('agent', ['decorator']), js('tool', ['decorator']),
    ],
  },
  // `(os.getenv("TRACELOOP_TRACE_CONTENT") or "true").lower() == "true"`: only "true" is true.
  envSwitches: [{ name: 'TRACELOOP_TRACE_CONTENT', governs: 'capture', leaksWhen: true, safeValue: 'false', trueWords: ['true'] }],
  // Spans: `<name>.<kind>`, with the name in traceloop.entity.name and the inputs in
  // traceloop.entity.input as {"args": [...], "kwargs": {...}} (decorators/base.py _handle_span_input).
  otlp: { markers: ['traceloop.entity.name', 'traceloop.span.kind'], nameAttribute: 'traceloop.entity.name', inputAttribute: 'traceloop.entity.input', inputShape: 'args-kwargs' },
};
