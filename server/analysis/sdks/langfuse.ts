// Langfuse: Python `@observe(capture_input=False)` (langfuse v3/v4 `langfuse/_client/observe.py`,
// langfuse.decorators in v2), also `observe(fn, capture_input=False)` (`func` first, options
// keyword-only); JS/TS `observe(fn, { captureInput: false })` (@langfuse/tracing, and the older
// langfuse package). `LANGFUSE_OBSERVE_DECORATOR_IO_CAPTURE_ENABLED` is the default of
// capture_input/capture_output: only `false` and `0` turn it off. `observe` has fixed keywords: any
// other is a TypeError where the decorator is applied.
import type { SdkDescriptor } from './types';

export const langfuse: SdkDescriptor = {
  id: 'langfuse',
  label: 'Langfuse',
  readFrom: 'langfuse/langfuse-python@c3c6a09e (4.14.3)',
  python: {
    modules: ['langfuse'],
    tracers: [{
      name: 'observe',
      forms: ['decorator'],
      functionWithOptions: true,
      capturesInputs: true,
      captureParam: 'capture_input',
      options: ['name', 'as_type', 'capture_input', 'capture_output', 'transform_to_string'],
      unknownOption: 'raises',
    }],
  },
  typescript: {
    modules: ['@langfuse/tracing', 'langfuse'],
    tracers: [{ name: 'observe', forms: ['wrapper'], capturesInputs: true, captureParam: 'captureInput' }],
  },
  envSwitches: [{ name: 'LANGFUSE_OBSERVE_DECORATOR_IO_CAPTURE_ENABLED', governs: 'capture', leaksWhen: true, safeValue: 'false', falseWords: ['false', '0'] }],
};
