// smolagents (Python, huggingface/smolagents): `@tool` (tools.py `tool(tool_function)`, no options)
// turns a function into a Tool whose arguments the model chooses. Every call's arguments are kept in
// the agent's memory (memory.py `ToolCall.arguments`, in each ActionStep that `agent.memory`,
// `replay()` and `get_full_steps()` give back), logged (agents.py "Calling tool: ... with
// arguments: ..."), and recorded as span inputs by OpenInference's SmolagentsInstrumentor. There is
// no per-argument option; a Tool subclass that takes the credential in `__init__` and keeps it on
// `self` does not put it in the schema the model fills.
import type { SdkDescriptor } from './types';

export const smolagents: SdkDescriptor = {
  id: 'smolagents',
  label: 'smolagents',
  readFrom: 'smolagents 1.27.0.dev0 (huggingface/smolagents@e3a5b89)',
  python: {
    modules: ['smolagents'],
    keepOutAdvice: 'smolagents keeps every tool call\'s arguments in the agent\'s memory and logs, and has no per-argument exclusion; the model must be handed the credential to pass it: read it from the environment inside the tool, or write a Tool subclass that takes it in __init__ and keeps it on self (then it is not in the inputs the model fills).',
    tracers: [{
      name: 'tool',
      forms: ['decorator'],
      capturesInputs: true,
      // `tool(tool_function)` takes the function alone: `@tool(name=...)` raises TypeError.
      options: [],
      unknownOption: 'raises',
    }],
  },
};
