// Table tests for unsupported-tracer-option: each SDK's accepted options as read from its signature
// (AgentDbg/Maida trace, TraceCraft trace_*, Langfuse observe, LangSmith traceable, Weave op), what
// the SDK does with another (TypeError at import, or ignored), did-you-mean renames, removals.
import { ruleTester } from './rule-tester';

ruleTester('unsupported-tracer-option', {
  valid: [
    // Every documented option of each decorator.
    `from agentdbg import trace
@trace("nightly", stop_on_loop=True, stop_on_loop_min_repetitions=3, max_llm_calls=50, max_tool_calls=20, max_events=500, max_duration_s=60.0)
def run(): ...
`,
    `from maida import trace
@trace(name="run")
def run(): ...
`,
    `from tracecraft import trace_llm, trace_tool
@trace_llm(name="chat", model="gpt-4o", provider="openai", exclude_inputs=["api_key"], capture_inputs=True, runtime=rt)
def chat(prompt, api_key): ...
@trace_tool(name="search", exclude_inputs=["token"], runtime=None)
def search(q, token): ...
`,
    `from langfuse import observe
@observe(name="step", as_type="generation", capture_input=False, capture_output=True, transform_to_string=str)
def step(x): ...
`,
    `from langsmith import traceable
@traceable(run_type="tool", name="t", metadata={}, tags=["a"], process_inputs=drop, process_outputs=keep, enabled=True)
def t(x): ...
`,
    `import weave
@weave.op(name="o", call_display_name="O", postprocess_inputs=f, postprocess_output=g, tracing_sample_rate=0.5, enable_code_capture=False, kind="tool", color="red")
def o(x): ...
`,
    // A decorator tracelint does not know is not judged, nor a call of a user's own function named alike.
    `from mylib import trace
@trace(exclude_fields=["x"])
def run(): ...
`,
  ],
  invalid: [
    {
      name: "AgentDbg: the security guide's exclude_fields raises at import; no close option, so removal is suggested",
      code: `from agentdbg import trace
@trace(name="run", exclude_fields=["api_key"])
def run(api_key): ...
`,
      errors: [{
        line: 2, column: 20, endColumn: 34,
        message: 'trace() does not accept "exclude_fields": AgentDbg raises TypeError when the decorator is applied, so the module fails to import. AgentDbg\'s trace records no arguments',
        suggestions: [`from agentdbg import trace
@trace(name="run")
def run(api_key): ...
`],
      }],
      output: null,
    },
    {
      name: 'TraceCraft: a typo of exclude_inputs is renamed',
      code: `from tracecraft import trace_tool
@trace_tool(exclude_input=["password"])
def login(user, password): ...
`,
      errors: [{ line: 2, column: 13, endColumn: 26, message: 'trace_tool() does not accept "exclude_input": TraceCraft raises TypeError when the decorator is applied, so the module fails to import (did you mean "exclude_inputs"?).' }],
      output: `from tracecraft import trace_tool
@trace_tool(exclude_inputs=["password"])
def login(user, password): ...
`,
    },
    {
      name: "Pydantic AI: agent.tool's options are keyword-only; a typo of description is renamed",
      code: `from pydantic_ai import Agent
agent = Agent("openai:gpt-4o")
@agent.tool_plain(descripton="Search the web", retries=2)
def search(query: str) -> str: ...
`,
      errors: [{ line: 3, column: 19, endColumn: 29, message: 'tool_plain() does not accept "descripton": Pydantic AI raises TypeError when the decorator is applied, so the module fails to import (did you mean "description"?).' }],
      output: `from pydantic_ai import Agent
agent = Agent("openai:gpt-4o")
@agent.tool_plain(description="Search the web", retries=2)
def search(query: str) -> str: ...
`,
    },
    {
      name: 'smolagents: tool() takes the function alone; any option raises',
      code: `from smolagents import tool
@tool(name="weather")
def weather(city: str) -> str: ...
`,
      errors: [{ line: 2, column: 7, endColumn: 11, message: 'tool() does not accept "name": smolagents raises TypeError when the decorator is applied, so the module fails to import.' }],
      output: null,
    },
    {
      name: 'LangSmith ignores an unknown option: said so, with the mechanism that works',
      code: `from langsmith import traceable
@traceable(hide_inputs=True)
def call(api_key): ...
`,
      errors: [{
        line: 2, column: 12, endColumn: 23,
        message: 'traceable() does not accept "hide_inputs": LangSmith ignores it (with a warning), so it has no effect. To keep parameters out, drop them in a process_inputs function.',
        suggestions: [`from langsmith import traceable
@traceable()
def call(api_key): ...
`],
      }],
      output: null,
    },
    {
      name: 'Langfuse and Weave raise; close names are renamed',
      code: `import weave
from langfuse import observe
@observe(capture_inputs=False)
def a(x): ...
@weave.op(postprocess_input=f)
def b(x): ...
`,
      errors: [
        { line: 3, column: 10, endColumn: 24, message: '(did you mean "capture_input"?)' },
        { line: 5, column: 11, endColumn: 28, message: 'Weave raises TypeError' },
      ],
      output: `import weave
from langfuse import observe
@observe(capture_input=False)
def a(x): ...
@weave.op(postprocess_inputs=f)
def b(x): ...
`,
    },
  ],
});
