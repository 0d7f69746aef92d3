// W&B Weave: Python `@weave.op(postprocess_inputs=fn)`, also `weave.op(fn, ...)` (weave/trace/op.py:
// `func` first, options keyword-only: any other is a TypeError where the decorator is applied); TS
// `op` wraps (`op(fn, options)`) and decorates class methods (`@weave.op`, `@weave.op({...})`,
// sdks/node/src/op.ts), with no option that drops an input. Weave redacts a few keys by name
// itself, in the inputs and nested values, before postprocess_inputs (`api_key` in _create_call,
// and the sanitize module's REDACT_KEYS). `WEAVE_DISABLED=true` stops tracing altogether.
import type { SdkDescriptor } from './types';

export const weave: SdkDescriptor = {
  id: 'weave',
  label: 'Weave',
  readFrom: 'wandb/weave@4c73815 (weave/trace/op.py)',
  python: {
    modules: ['weave'],
    tracers: [{
      name: 'op',
      forms: ['decorator'],
      functionWithOptions: true,
      capturesInputs: true,
      processParam: 'postprocess_inputs',
      options: [
        'name', 'call_display_name', 'postprocess_inputs', 'postprocess_output', 'tracing_sample_rate', 'enable_code_capture',
        'accumulator', 'kind', 'color', 'attributes', 'eager_call_start',
      ],
      unknownOption: 'raises',
    }],
  },
  typescript: {
    modules: ['weave'],
    tracers: [{ name: 'op', forms: ['decorator', 'wrapper'], capturesInputs: true }],
  },
  builtinRedactedKeys: ['api_key', 'auth_headers', 'authorization'],
  envSwitches: [{ name: 'WEAVE_DISABLED', governs: 'capture', leaksWhen: false, safeValue: 'true', trueWords: ['true', '1', 'yes', 'on'] }],
};
