// TraceCraft (Python): trace_agent / trace_tool / trace_llm / trace_retrieval, each with
// `exclude_inputs` and `capture_inputs` (src/tracecraft/instrumentation/decorators.py), and
// `TRACECRAFT_REDACTION_ENABLED` read by core/config.py's `_parse_bool` (`true`, `1`, `yes`; any
// other non-empty value turns redaction off). The decorators are plain functions: an unknown
// keyword is a TypeError where the decorator is applied.
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
    tracers: [tracer('trace_agent'), tracer('trace_tool'), tracer('trace_llm', ['model', 'provider']), tracer('trace_retrieval')],
  },
  envSwitches: [{ name: 'TRACECRAFT_REDACTION_ENABLED', governs: 'redaction', leaksWhen: false, safeValue: 'true', trueWords: ['true', '1', 'yes'] }],
};
