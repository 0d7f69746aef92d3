// Laminar (lmnr). Python (src/lmnr/sdk/decorators.py): `@observe(...)` records the arguments by name
// (`**kwargs` flattened by key) unless `ignore_input=True`; `ignore_inputs=[...]` drops the named
// arguments (and kwargs keys); `input_formatter` replaces what is recorded. Every option is
// keyword-only, so an unknown one raises TypeError at import, and so does a bare `@observe`. LMNR_TRACE_CONTENT governs the library
// instrumentations, not `@observe`. TS (@lmnr-ai/lmnr): `observe({ name, ignoreInput }, fn, ...args)`.
import type { SdkDescriptor } from './types';

export const laminar: SdkDescriptor = {
  id: 'laminar',
  label: 'Laminar',
  readFrom: 'lmnr 0.7.60 (lmnr-ai/lmnr-python@67dea39)',
  python: {
    modules: ['lmnr'],
    tracers: [{
      name: 'observe',
      forms: ['decorator'],
      capturesInputs: true,
      requiresCall: true,
      exclusionParam: 'ignore_inputs',
      captureParam: 'ignore_input',
      captureOffValue: true,
      replacingParams: ['input_formatter'],
      kwargsInputs: 'flattened',
      options: [
        'name', 'session_id', 'user_id', 'ignore_input', 'ignore_output', 'span_type', 'ignore_inputs', 'input_formatter',
        'output_formatter', 'metadata', 'tags', 'preserve_global_context',
      ],
      unknownOption: 'raises',
    }],
  },
  typescript: {
    modules: ['@lmnr-ai/lmnr'],
    tracers: [{ name: 'observe', forms: ['options-first'], capturesInputs: true, captureParam: 'ignoreInput', captureOffValue: true }],
  },
  // Spans: named `name=` or the function's __name__; the arguments by name as JSON in lmnr.span.input
  // (get_input_from_func_args, ignore_inputs already applied).
  otlp: { markers: ['lmnr.span.input', 'lmnr.span.type', 'lmnr.span.path'], inputAttribute: 'lmnr.span.input', inputShape: 'named' },
};
