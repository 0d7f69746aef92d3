// W&B Weave: `@weave.op(postprocess_inputs=fn)`; Weave itself redacts a few keys by name.
import type { SdkDescriptor } from './types';

export const weave: SdkDescriptor = {
  id: 'weave',
  label: 'Weave',
  python: {
    modules: ['weave'],
    tracers: [{ name: 'op', forms: ['decorator'], capturesInputs: true, processParam: 'postprocess_inputs' }],
  },
  typescript: {
    modules: ['weave'],
    tracers: [{ name: 'op', forms: ['wrapper'], capturesInputs: true }],
  },
  builtinRedactedKeys: ['api_key', 'auth_headers', 'authorization'],
};
