// Pydantic AI (Python, pydantic-ai): `@agent.tool` (a first `RunContext` parameter) and
// `@agent.tool_plain` on a module-level `agent = Agent(...)`, and `@toolset.tool` on a
// `FunctionToolset()`, turn a function into a tool whose arguments the model chooses. The arguments
// are in the model's response (a tool call), and an instrumented agent (`Agent(instrument=True)`,
// `Agent.instrument_all()`, `logfire.instrument_pydantic_ai()`) writes them, as JSON, into the tool
// call's span (`tool_arguments` / `gen_ai.tool.call.arguments`, capabilities/instrumentation.py) unless
// `InstrumentationSettings(include_content=False)`. There is no per-argument option. The `RunContext`
// parameter is left out of the tool's schema (_function_schema.py `takes_ctx`): the model never sees
// it, and it is never recorded; its `deps` are where a tool's credentials belong.
import type { SdkDescriptor, TracerDescriptor } from './types';

// `agent.tool(func=None, /, *, name=None, ...)`: the function positional-only, the options keyword-only
// (agent/__init__.py; FunctionToolset.tool takes the same).
const OPTIONS = [
  'name', 'description', 'retries', 'prepare', 'args_validator', 'docstring_format', 'require_parameter_descriptions', 'schema_generator',
  'strict', 'sequential', 'requires_approval', 'metadata', 'timeout', 'defer_loading', 'include_return_schema',
];
const tool = (name: string): TracerDescriptor => ({
  name,
  forms: ['decorator'],
  functionWithOptions: true,
  capturesInputs: true,
  nameOption: 'name',
  options: OPTIONS,
  unknownOption: 'raises',
  unrecordedAnnotations: ['RunContext'],
});

export const pydanticAi: SdkDescriptor = {
  id: 'pydantic-ai',
  label: 'Pydantic AI',
  readFrom: 'pydantic-ai 2.33.0 (pydantic/pydantic-ai@4fda389)',
  python: {
    modules: ['pydantic_ai'],
    keepOutAdvice: 'Pydantic AI writes a tool call\'s arguments to its span when the agent is instrumented (instrument=True, Agent.instrument_all(), logfire.instrument_pydantic_ai()) and has no per-argument exclusion, and the model must be handed the credential to pass it: put it in the agent\'s deps and read ctx.deps in an @agent.tool (a first RunContext parameter is neither shown to the model nor recorded), or instrument with InstrumentationSettings(include_content=False).',
    tracerFactories: ['Agent', 'FunctionToolset'],
    tracers: [tool('tool'), tool('tool_plain')],
  },
  configSwitches: [{
    callee: 'InstrumentationSettings',
    option: 'include_content',
    governs: 'capture',
    leaksWhen: true,
    effect: 'records every tool call\'s arguments and every prompt and completion in the agent\'s spans: a credential among them is written to traces as it is',
  }],
};
