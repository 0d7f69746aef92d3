// LangChain / LangGraph tools (langchain_core/tools/convert.py): `@tool`, `@tool("name")`,
// `@tool(parse_docstring=True)` make a tool whose arguments the model chooses; with LangSmith
// tracing on (LANGSMITH_TRACING), every tool run's inputs are recorded. A parameter annotated
// `InjectedToolArg` (or LangGraph's `InjectedState`, `InjectedStore`, `ToolRuntime`, and
// `InjectedToolCallId`) is left out of the schema the model sees and out of the recorded inputs.
// Hiding inputs globally is LangSmith's: `Client(hide_inputs=...)`, LANGSMITH_HIDE_INPUTS
// (langsmith.ts). JS: `tool(fn, { name, description, schema })` from @langchain/core/tools.
import type { SdkDescriptor } from './types';

export const langchain: SdkDescriptor = {
  id: 'langchain',
  label: 'LangChain',
  readFrom: 'langchain-core (langchain-ai/langchain@01de02f, libs/core/langchain_core/tools/convert.py); langsmith (langchain-ai/langsmith-sdk@bc8dd67)',
  python: {
    modules: ['langchain_core.tools', 'langchain.tools', 'langchain.agents', 'langchain_core', 'langchain'],
    keepOutAdvice: 'LangChain has no per-argument exclusion for a tool, and the model must be handed the credential to pass it: annotate the parameter Annotated[str, InjectedToolArg] and pass it at invoke time (it is then neither shown to the model nor recorded), or hide inputs with LangSmith\'s Client(hide_inputs=...).',
    tracers: [{
      name: 'tool',
      forms: ['decorator'],
      // `tool(fn, description=...)`: the function is `name_or_callable`, the options keyword-only.
      functionWithOptions: true,
      capturesInputs: true,
      options: ['name_or_callable', 'runnable', 'description', 'return_direct', 'args_schema', 'infer_schema', 'response_format', 'parse_docstring', 'error_on_invalid_docstring', 'extras'],
      unknownOption: 'raises',
      unrecordedAnnotations: ['InjectedToolArg', 'InjectedState', 'InjectedStore', 'ToolRuntime', 'InjectedToolCallId'],
    }],
  },
  typescript: {
    modules: ['@langchain/core/tools', '@langchain/core', 'langchain/tools'],
    keepOutAdvice: 'LangChain has no per-argument exclusion for a tool, and the model must be handed the credential to pass it: leave it out of the tool\'s arguments and read it from the environment or the run\'s config inside the tool, or hide inputs with LangSmith\'s new Client({ hideInputs }).',
    tracers: [{ name: 'tool', forms: ['wrapper'], capturesInputs: true }],
  },
};
