// W&B Weave: Python `@weave.op(postprocess_inputs=fn)`, also `weave.op(fn, ...)` (weave/trace/op.py:
// `func` first, options keyword-only); TS `op` wraps (`op(fn, options)`) and decorates class
// methods (`@weave.op`, `@weave.op({...})`, sdks/node/src/op.ts), with no option that drops an
// input. Weave itself redacts a few keys by name.
import type { SdkDescriptor } from './types';

export const weave: SdkDescriptor = {
  id: 'weave',
  label: 'Weave',
  python: {
    modules: ['weave'],
    tracers: [{ name: 'op', forms: ['decorator'], functionWithOptions: true, capturesInputs: true, processParam: 'postprocess_inputs' }],
  },
  typescript: {
    modules: ['weave'],
    tracers: [{ name: 'op', forms: ['decorator', 'wrapper'], capturesInputs: true }],
  },
  builtinRedactedKeys: ['api_key', 'auth_headers', 'authorization'],
};
