// Langfuse: Python `@observe(capture_input=False)` (langfuse v3, langfuse.decorators in v2), also
// `observe(fn, capture_input=False)` (langfuse/_client/observe.py: `func` first, options keyword-only);
// JS/TS `observe(fn, { captureInput: false })` (@langfuse/tracing, and the older langfuse package).
import type { SdkDescriptor } from './types';

export const langfuse: SdkDescriptor = {
  id: 'langfuse',
  label: 'Langfuse',
  python: {
    modules: ['langfuse'],
    tracers: [{ name: 'observe', forms: ['decorator'], functionWithOptions: true, capturesInputs: true, captureParam: 'capture_input' }],
  },
  typescript: {
    modules: ['@langfuse/tracing', 'langfuse'],
    tracers: [{ name: 'observe', forms: ['wrapper'], capturesInputs: true, captureParam: 'captureInput' }],
  },
};
