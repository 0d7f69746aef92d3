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
  // Client(hide_inputs=...) wins over LANGSMITH_HIDE_INPUTS / LANGCHAIN_HIDE_INPUTS (client.py:
  // `hide_inputs if hide_inputs is not None else get_env_var("HIDE_INPUTS") == "true"`); an explicit
  // False records every run's inputs, LangChain tools' included, wherever the environment hid them.
  configSwitches: [{
    callee: 'Client',
    option: 'hide_inputs',
    governs: 'capture',
    leaksWhen: false,
    covers: ['langchain'],
    effect: 'records every traced run\'s inputs, LangChain tool arguments included, even where LANGSMITH_HIDE_INPUTS=true: a credential among them is written to traces as it is',
  }],
  envSwitches: [
    { name: 'LANGSMITH_HIDE_INPUTS', governs: 'capture', leaksWhen: false, safeValue: 'true' },
    { name: 'LANGCHAIN_HIDE_INPUTS', governs: 'capture', leaksWhen: false, safeValue: 'true' },
  ],
};
