// MLflow Tracing. Python: `@mlflow.trace` / `mlflow.trace(fn)` bind every parameter with its
// default (`capture_function_input_args`; self and cls are dropped) as the span's inputs; there is
// no per-argument option. `with mlflow.start_span(...) as span: span.set_inputs({...})` records
// exactly what it is given. JS/TS (@mlflow/core, formerly mlflow-tracing): `trace(fn, options)`.
// The signature changed across versions (output_reducer, trace_destination were added), so the
// accepted options are not listed: unsupported-tracer-option does not check MLflow.
import type { SdkDescriptor } from './types';

export const mlflow: SdkDescriptor = {
  id: 'mlflow',
  label: 'MLflow',
  readFrom: 'mlflow/tracing/fluent.py (mlflow/mlflow@001cc17; the trace() signature with output_reducer in a later stored version)',
  python: {
    modules: ['mlflow'],
    keepOutAdvice: 'MLflow\'s trace() has no per-argument option: take the credential from the environment inside the function, or trace the call with mlflow.start_span() and set_inputs() without it.',
    // `mlflow.trace(fn, name=...)`: `func` is the first parameter.
    tracers: [{ name: 'trace', forms: ['decorator'], functionWithOptions: true, capturesInputs: true }],
  },
  typescript: {
    modules: ['@mlflow/core', 'mlflow-tracing'],
    keepOutAdvice: 'MLflow\'s trace() has no per-argument option: take the credential from the environment inside the function, or trace the call with withSpan() and set its inputs without it.',
    tracers: [{ name: 'trace', forms: ['wrapper'], capturesInputs: true }],
  },
  // Spans: named `name=` or the function's __name__; the bound arguments (self aside) as JSON in
  // mlflow.spanInputs (SpanAttributeKey.INPUTS, tracing/fluent.py).
  otlp: { markers: ['mlflow.spanInputs', 'mlflow.spanType', 'mlflow.traceRequestId'], inputAttribute: 'mlflow.spanInputs', inputShape: 'named' },
};
