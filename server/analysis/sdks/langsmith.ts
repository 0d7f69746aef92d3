// LangSmith: Python `@traceable(process_inputs=fn)`, `traceable(fn)` (only without keywords:
// python/langsmith/run_helpers.py), `traceable(...)(fn)`; JS/TS `traceable(fn, { processInputs })`.
// Python: `traceable(*args, **kwargs)` pops the options it knows and warns about the rest, which it
// ignores; a function's **kwargs are merged into its inputs (`_get_inputs`), so process_inputs sees
// them as top-level keys. `LANGSMITH_HIDE_INPUTS` (or LANGCHAIN_) is read by the Client: exactly
// `true` hides every run's inputs; `Client(hide_inputs=..., anonymizer=...)` passed as `client=`
// redacts what that tracer sends.
import type { SdkDescriptor } from './types';

const hide = (name: string) => ({ name, governs: 'capture' as const, leaksWhen: false, safeValue: 'true', trueWords: ['true'] });

export const langsmith: SdkDescriptor = {
  id: 'langsmith',
  label: 'LangSmith',
  readFrom: 'langchain-ai/langsmith-sdk@bc8dd672a',
  python: {
    modules: ['langsmith'],
    tracers: [{
      name: 'traceable',
      forms: ['decorator'],
      capturesInputs: true,
      processParam: 'process_inputs',
      options: [
        'run_type', 'name', 'metadata', 'tags', 'client', 'reduce_fn', 'project_name', 'process_inputs', 'process_outputs',
        'process_chunk', '_invocation_params_fn', 'dangerously_allow_filesystem', 'enabled', 'exceptions_to_handle', 'extra',
      ],
      unknownOption: 'ignored',
      kwargsInputs: 'flattened',
      client: { option: 'client', protectedBy: ['anonymizer', 'hide_inputs'] },
    }],
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
  envSwitches: [hide('LANGSMITH_HIDE_INPUTS'), hide('LANGCHAIN_HIDE_INPUTS')],
};
