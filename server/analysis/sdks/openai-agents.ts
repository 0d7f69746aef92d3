// OpenAI Agents SDK (Python, openai-agents): `@function_tool` turns a function into a tool whose
// arguments the model chooses. When sensitive data is included (the default), the tool call's JSON
// arguments are set as the function span's input (run_internal/tool_execution.py); there is no
// per-argument option. A first `RunContextWrapper` / `ToolContext` parameter is left out of the
// tool's schema, so the model never sees it and it is never recorded.
// TypeScript (@openai/agents 0.17.0, openai/openai-agents-js@6d0c61a): `tool({ name, description,
// parameters, execute })`, `parameters` a zod object or a JSON schema; the runner sets the function
// span's input to `toolRun.toolCall.arguments` when `runner.config.traceIncludeSensitiveData`, which
// `new Runner({...})` defaults to true (runner/toolExecution.ts, run.ts; `run()`'s options do not
// take it, and the TS SDK reads no environment variable for it).
// The execute function's second argument is the RunContext, which the model never fills.
import type { SdkDescriptor } from './types';

export const openaiAgents: SdkDescriptor = {
  id: 'openai-agents',
  label: 'OpenAI Agents',
  readFrom: 'openai-agents 0.22.0 (openai/openai-agents-python@7f7a44f)',
  python: {
    modules: ['agents'],
    keepOutAdvice: 'The OpenAI Agents SDK has no per-argument exclusion, and the model must be handed the credential to pass it: take it from the run context instead (a first RunContextWrapper parameter is neither shown to the model nor recorded), or run with RunConfig(trace_include_sensitive_data=False).',
    tracers: [{
      name: 'function_tool',
      forms: ['decorator'],
      // `function_tool(fn, name_override=...)`: `func` first, the options keyword-only.
      functionWithOptions: true,
      capturesInputs: true,
      // The tool's name in its function span (and OpenInference's export of it): `name_override` or the function's.
      nameOption: 'name_override',
      options: [
        'name_override', 'description_override', 'docstring_style', 'use_docstring_info', 'failure_error_function', 'strict_mode',
        'is_enabled', 'needs_approval', 'tool_input_guardrails', 'tool_output_guardrails', 'timeout', 'timeout_behavior',
        'timeout_error_function', 'defer_loading', 'custom_data_extractor', 'allowed_callers', 'output_type', 'output_json_schema',
      ],
      unknownOption: 'raises',
      unrecordedAnnotations: ['RunContextWrapper', 'ToolContext'],
    }],
  },
  typescript: {
    modules: ['@openai/agents', '@openai/agents-core'],
    keepOutAdvice: 'The OpenAI Agents SDK has no per-argument exclusion, and the model must be handed the credential to pass it: drop it from the parameters schema and take it from the run context instead (execute(input, context) reads context.context, which is neither shown to the model nor recorded), or create the runner with new Runner({ traceIncludeSensitiveData: false }).',
    tracers: [{
      name: 'tool',
      forms: ['options-object'],
      optionsObject: { schema: 'parameters', function: 'execute' },
      capturesInputs: true,
    }],
  },
  configSwitches: [{
    callee: 'RunConfig',
    option: 'trace_include_sensitive_data',
    governs: 'capture',
    leaksWhen: true,
    effect: 'records every tool call\'s arguments and every model input and output in traces, whatever OPENAI_AGENTS_TRACE_INCLUDE_SENSITIVE_DATA says: a credential among them is written as it is',
  }, {
    // TS: `new Runner({ traceIncludeSensitiveData: true })` (the default, written out).
    callee: 'Runner',
    option: 'traceIncludeSensitiveData',
    governs: 'capture',
    leaksWhen: true,
    effect: 'records every tool call\'s arguments and every model input and output in traces: a credential among them is written as it is',
  }],
  envSwitches: [{ name: 'OPENAI_AGENTS_TRACE_INCLUDE_SENSITIVE_DATA', governs: 'capture', leaksWhen: true, safeValue: 'false' }],
};
