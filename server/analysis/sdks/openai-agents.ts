// OpenAI Agents SDK (Python, openai-agents): `@function_tool` turns a function into a tool whose
// arguments the model chooses. When sensitive data is included (the default), the tool call's JSON
// arguments are set as the function span's input (run_internal/tool_execution.py); there is no
// per-argument option. A first `RunContextWrapper` / `ToolContext` parameter is left out of the
// tool's schema, so the model never sees it and it is never recorded.
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
  configSwitches: [{
    callee: 'RunConfig',
    option: 'trace_include_sensitive_data',
    governs: 'capture',
    leaksWhen: true,
    effect: 'records every tool call\'s arguments and every model input and output in traces, whatever OPENAI_AGENTS_TRACE_INCLUDE_SENSITIVE_DATA says: a credential among them is written as it is',
  }],
  envSwitches: [{ name: 'OPENAI_AGENTS_TRACE_INCLUDE_SENSITIVE_DATA', governs: 'capture', leaksWhen: true, safeValue: 'false' }],
};
