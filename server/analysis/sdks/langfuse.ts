// Langfuse: Python `@observe(capture_input=False)` (langfuse v3, langfuse.decorators in v2);
// JS/TS `observe(fn, { captureInput: false })` (@langfuse/tracing, and the older langfuse package).
import type { SdkDescriptor } from './types';

export const langfuse: SdkDescriptor = {
  id: 'langfuse',
  label: 'Langfuse',
  python: {
    modules: ['langfuse'],
    tracers: [{ name: 'observe', forms: ['decorator'], capturesInputs: true, captureParam: 'capture_input' }],
  },
  typescript: {
    modules: ['@langfuse/tracing', 'langfuse'],
    tracers: [{ name: 'observe', forms: ['wrapper'], capturesInputs: true, captureParam: 'captureInput' }],
  },
};
