// TraceCraft (Python): trace_agent / trace_tool / trace_llm / trace_retrieval, each with
// `exclude_inputs` and `capture_inputs` (src/tracecraft/instrumentation/decorators.py).
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
    tracers: [tracer('trace_agent'), tracer('trace_tool'), tracer('trace_llm'), tracer('trace_retrieval')],
  },
};
