// Arize Phoenix / OpenInference. Python (openinference-instrumentation): the tracer from
// `tracer_provider.get_tracer(__name__)` (Phoenix's `register()` returns such a provider) or
// `OITracer(...)` has decorators `@tracer.chain`, `.agent`, `.tool`, ... that bind every argument
// into `input.value`; only `@tracer.llm` takes a `process_input` (it maps the arguments to attributes).
// `TraceConfig(hide_inputs=..., hide_input_messages=...)` hides inputs everywhere, its defaults read
// from OPENINFERENCE_HIDE_INPUTS / OPENINFERENCE_HIDE_INPUT_MESSAGES ("true"/"false"; an explicit
// value wins); hidden values become "__REDACTED__" (instrumentation/config.py).
// JS (@arizeai/openinference-core): `traceChain(fn, options)`, `traceAgent`, `traceTool`, ... record
// the arguments unless `processInput` maps them otherwise.
import type { SdkDescriptor, TracerDescriptor } from './types';

// `tracer.chain(fn, name=...)`: the function positional-only, the options keyword-only.
const python = (name: string, options: string[], processParam?: string): TracerDescriptor => ({
  name,
  forms: ['decorator'],
  functionWithOptions: true,
  capturesInputs: true,
  processParam,
  options,
  unknownOption: 'raises',
});

const js = (name: string): TracerDescriptor => ({
  name,
  forms: ['wrapper'],
  capturesInputs: true,
  replacingParams: ['processInput'],
});

export const openinference: SdkDescriptor = {
  id: 'openinference',
  label: 'OpenInference',
  readFrom: 'openinference-instrumentation 0.1.57, @arizeai/openinference-core 2.5.2 (Arize-ai/openinference@1fe497f)',
  python: {
    modules: ['openinference.instrumentation', 'phoenix.otel'],
    keepOutAdvice: 'OpenInference\'s tracer decorators have no per-argument option: take the credential from the environment inside the function, or hide inputs with TraceConfig(hide_inputs=True) (OPENINFERENCE_HIDE_INPUTS=true).',
    tracerFactories: ['get_tracer', 'OITracer'],
    tracers: [
      python('chain', ['name']), python('agent', ['name']), python('retriever', ['name']), python('reranker', ['name']),
      python('guardrail', ['name']), python('evaluator', ['name']), python('tool', ['name', 'description', 'parameters']),
      // process_input maps the arguments to span attributes: the user's mapping is trusted, no fix writes one.
      { ...python('llm', ['name', 'process_input', 'process_output']), replacingParams: ['process_input'] },
    ],
  },
  typescript: {
    modules: ['@arizeai/openinference-core'],
    keepOutAdvice: 'OpenInference\'s tracing wrappers record every argument: pass a processInput that maps the arguments without the credential, or take it from the environment inside the function.',
    tracers: ['traceChain', 'traceAgent', 'traceTool', 'traceLLM', 'traceRetriever', 'traceReranker', 'traceEmbedding', 'traceGuardrail', 'traceEvaluator', 'tracePrompt', 'withSpan'].map(js),
  },
  configSwitches: [
    { callee: 'TraceConfig', option: 'hide_inputs', governs: 'capture', leaksWhen: false, effect: 'records every traced function\'s inputs, even where OPENINFERENCE_HIDE_INPUTS=true: a credential among them is written to traces as it is' },
    { callee: 'TraceConfig', option: 'hide_input_messages', governs: 'capture', leaksWhen: false, tracedInputs: false, effect: 'records every LLM input message, even where OPENINFERENCE_HIDE_INPUT_MESSAGES=true: a credential in a prompt is written to traces as it is' },
  ],
  envSwitches: [
    { name: 'OPENINFERENCE_HIDE_INPUTS', governs: 'capture', leaksWhen: false, safeValue: 'true' },
    { name: 'OPENINFERENCE_HIDE_INPUT_MESSAGES', governs: 'capture', leaksWhen: false, safeValue: 'true', tracedInputs: false },
  ],
  // Spans: the function's name (`Class.method` for a method) or `name=`, its bound arguments as JSON in
  // `input.value` (_infer_span_name, get_input_attributes in openinference-instrumentation).
  otlp: { markers: ['openinference.span.kind'], inputAttribute: 'input.value', inputShape: 'named', covers: ['openai-agents', 'langchain'] },
};
