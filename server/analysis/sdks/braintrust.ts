// Braintrust. Python (braintrust, logger.py): `@traced` / `@traced(name=..., type=...)` logs the
// bound arguments as the span's input (`f_sig.bind(...).arguments`); `notrace_io=True` logs neither
// input nor output. Its other keywords go to start_span, whose `**event` takes any further field,
// so unknown options are not checked. JS/TS (braintrust, js/src/logger.ts): `wrapTraced(fn, args)`
// logs the argument array unless `noTraceIO: true` (or an explicit `event.input`).
// `wrap_openai(client)` / `wrapOpenAI(client)` log every request's messages: a prompt that carries a
// credential is not something a parameter name can show, so it is not checked.
import type { SdkDescriptor } from './types';

export const braintrust: SdkDescriptor = {
  id: 'braintrust',
  label: 'Braintrust',
  readFrom: 'braintrust 0.7.0 (braintrustdata/braintrust-sdk-python@HEAD); braintrust JS 3.7.0 (braintrustdata/braintrust-sdk@a696a72)',
  python: {
    modules: ['braintrust'],
    tracers: [{ name: 'traced', forms: ['decorator'], capturesInputs: true, captureParam: 'notrace_io', captureOffValue: true }],
  },
  typescript: {
    modules: ['braintrust'],
    // `traceable` is exported as a synonym of wrapTraced (told from LangSmith's by its import).
    tracers: ['wrapTraced', 'traceable'].map((name) => ({
      name,
      forms: ['wrapper' as const],
      capturesInputs: true,
      captureParam: 'noTraceIO',
      captureOffValue: true,
      replacingParams: ['event'],
      options: ['name', 'type', 'spanAttributes', 'startTime', 'parent', 'event', 'propagatedEvent', 'setCurrent', 'spanId', 'parentSpanIds', 'asyncFlush', 'noTraceIO'],
      unknownOption: 'ignored' as const,
    })),
  },
};
