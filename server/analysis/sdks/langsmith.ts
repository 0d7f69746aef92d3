// LangSmith: Python `@traceable(process_inputs=fn)`, `traceable(fn)` (only without keywords:
// python/langsmith/run_helpers.py), `traceable(...)(fn)`; JS/TS `traceable(fn, { processInputs })`.
import type { SdkDescriptor } from './types';

export const langsmith: SdkDescriptor = {
  id: 'langsmith',
  label: 'LangSmith',
  python: {
    modules: ['langsmith'],
    tracers: [{ name: 'traceable', forms: ['decorator'], capturesInputs: true, processParam: 'process_inputs' }],
  },
  typescript: {
    modules: ['langsmith'],
    tracers: [{ name: 'traceable', forms: ['wrapper'], capturesInputs: true, processParam: 'processInputs' }],
  },
};
