// AgentOps (agentops/sdk/decorators): every decorator is made by create_entity_decorator and records
// `{"args": [...], "kwargs": {...}}` as the span input (utility._record_entity_input), with no
// per-argument option; `@operation` is `@task`, `@session` a deprecated alias of `@trace`;
// capture_request/capture_response only concern `@track_endpoint`'s HTTP request. On a class,
// `@agent` records the `__init__` arguments. Nothing is recorded before `agentops.init()`.
import type { SdkDescriptor, TracerDescriptor } from './types';

const OPTIONS = ['name', 'version', 'tags', 'cost', 'spec', 'capture_request', 'capture_response'];

// `agent(fn, name=...)`: `wrapped` first, the options keyword-only.
const tracer = (name: string): TracerDescriptor => ({ name, forms: ['decorator'], functionWithOptions: true, capturesInputs: true, options: OPTIONS, unknownOption: 'raises' });

export const agentops: SdkDescriptor = {
  id: 'agentops',
  label: 'AgentOps',
  readFrom: 'agentops 0.4.21 (AgentOps-AI/agentops@a855a92)',
  python: {
    modules: ['agentops'],
    keepOutAdvice: 'AgentOps decorators record every argument and have no per-argument option: take the credential from the environment inside the function, or leave this function undecorated.',
    tracers: ['agent', 'task', 'operation', 'workflow', 'trace', 'session', 'tool', 'guardrail', 'track_endpoint'].map(tracer),
  },
};
