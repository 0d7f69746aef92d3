// TraceCraft (Python): every decorator src/tracecraft/instrumentation/decorators.py exports records
// the bound arguments (`_get_function_inputs`) with `exclude_inputs` and `capture_inputs`:
// trace_agent / trace_tool / trace_llm / trace_retrieval, and the streaming trace_llm_stream /
// trace_stream (exported from tracecraft.instrumentation, not from the package root). `step` is a
// context manager and records no arguments. `TRACECRAFT_REDACTION_ENABLED` is read by
// core/config.py's `_parse_bool` (`true`, `1`, `yes`; any other non-empty value turns redaction off).
// The decorators are plain functions: an unknown keyword is a TypeError where the decorator is
// applied. Read from LocalAI/tracecraft 865195c (0.2.1).
import type { SdkDescriptor, TracerDescriptor } from './types';

const COMMON = ['name', 'exclude_inputs', 'capture_inputs', 'runtime'];

const tracer = (name: string, extra: string[] = []): TracerDescriptor => ({
  name,
  forms: ['decorator'],
  capturesInputs: true,
  exclusionParam: 'exclude_inputs',
  captureParam: 'capture_inputs',
  options: [...COMMON, ...extra],
  unknownOption: 'raises',
});

export const tracecraft: SdkDescriptor = {
  id: 'tracecraft',
  label: 'TraceCraft',
  readFrom: 'LocalAI/tracecraft@865195c (0.2.1)',
  python: {
    modules: ['tracecraft'],
    tracers: [
      tracer('trace_agent'), tracer('trace_tool'), tracer('trace_llm', ['model', 'provider']), tracer('trace_retrieval'),
      tracer('trace_llm_stream', ['model', 'provider']), tracer('trace_stream', ['step_type']),
    ],
  },
  envSwitches: [{ name: 'TRACECRAFT_REDACTION_ENABLED', governs: 'redaction', leaksWhen: false, safeValue: 'true', trueWords: ['true', '1', 'yes'] }],
};
