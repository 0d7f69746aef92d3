// TraceCraft (Python): every decorator src/tracecraft/instrumentation/decorators.py exports records
// the bound arguments (`_get_function_inputs`) with `exclude_inputs` and `capture_inputs`:
// trace_agent / trace_tool / trace_llm / trace_retrieval, and the streaming trace_llm_stream /
// trace_stream (exported from tracecraft.instrumentation, not from the package root). `step` is a
// context manager and records no arguments. Read from LocalAI/tracecraft 865195c (0.2.1).
import type { SdkDescriptor, TracerDescriptor } from './types';

const tracer = (name: string): TracerDescriptor => ({
  name,
  forms: ['decorator'],
  capturesInputs: true,
  exclusionParam: 'exclude_inputs',
  captureParam: 'capture_inputs',
});

export const tracecraft: SdkDescriptor = {
  id: 'tracecraft',
  label: 'TraceCraft',
  python: {
    modules: ['tracecraft'],
    tracers: ['trace_agent', 'trace_tool', 'trace_llm', 'trace_retrieval', 'trace_llm_stream', 'trace_stream'].map(tracer),
  },
};
