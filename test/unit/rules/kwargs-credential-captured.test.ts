// Table tests for kwargs-credential-captured: credentials that reach a traced function through **kwargs.
import { ruleTester } from './rule-tester';

ruleTester('kwargs-credential-captured', {
  valid: [
    // LangSmith flattens **kwargs into the inputs: a process_inputs it cannot see into drops them.
    `from langsmith import traceable
from myapp.privacy import strip_secrets
@traceable(process_inputs=strip_secrets)
def ask(question, **kwargs): ...
ask("q", api_key=key)
`,
    // ...and one defined here that names the key drops it.
    `from langsmith import traceable
def drop_key(inputs):
    inputs = dict(inputs)
    inputs.pop("api_key", None)
    return inputs
@traceable(process_inputs=drop_key)
def ask(question, **kwargs): ...
ask("q", api_key=key)
`,
    // Weave redacts api_key and authorization itself, nested under kwargs too.
    `import weave
@weave.op
def fetch(url, **kwargs): ...
fetch("u", api_key=key, authorization=header)
`,
    // The SDK's capture switched off from code in this file.
    `import os
from langfuse import observe
os.environ.setdefault("LANGFUSE_OBSERVE_DECORATOR_IO_CAPTURE_ENABLED", "false")
@observe()
def act(task, **kw): ...
act("t", auth_token=tok)
`,
    // The credential is a named parameter: credential-param-captured's case.
    `import tracecraft
@tracecraft.trace_agent()
def run(question, api_key=None, **kwargs): ...
run("q", api_key=key)
`,
    // Inputs not captured.
    `import tracecraft
@tracecraft.trace_agent(capture_inputs=False)
def run(question, **kwargs): ...
run("q", openai_api_key=key)
`,
    // Ordinary keywords.
    `import tracecraft
@tracecraft.trace_agent()
def run(question, **kwargs): ...
run("q", max_tokens=100, temperature=0.2)
`,
    // A method is matched through an object, not a same-named function.
    `import tracecraft
class A:
    @tracecraft.trace_tool()
    def run(self, **options): ...
run(token=t)
`,
  ],
  invalid: [
    {
      name: 'LangSmith without a processor: the key is an input of its own (no exclude_inputs talk)',
      code: `from langsmith import traceable
@traceable
def ask(question, **kwargs): ...
ask("q", api_key=key)
`,
      errors: [{ line: 4, column: 10, endColumn: 17, message: '"ask" is called with the credential "api_key", which arrives through **kwargs: LangSmith merges **kwargs into the inputs, so "api_key" is recorded as an input of its own: drop it in process_inputs.' }],
    },
    {
      name: 'a processor defined here that hands the inputs back is no protection (LangSmith def, Weave lambda)',
      code: `import weave
from langsmith import traceable
def keep_all(inputs):
    """Log everything."""
    return {**inputs, "source": "agent"}
@traceable(process_inputs=keep_all)
def ask(question, **kwargs): ...
@weave.op(postprocess_inputs=lambda x: x)
def fetch(url, **kwargs): ...
ask("q", password=pw)
fetch("u", client_secret=s)
`,
      errors: [
        { line: 10, column: 10, endColumn: 18, message: 'LangSmith merges **kwargs into the inputs' },
        { line: 11, column: 12, endColumn: 25, message: 'Weave records **kwargs as one nested "kwargs" input' },
      ],
    },
    {
      name: 'called with a credential keyword',
      code: `import tracecraft
@tracecraft.trace_agent(name="research_agent")
async def run_research(question, **kwargs): ...
async def main():
    await run_research("q", openai_api_key=key)
`,
      errors: [{ line: 5, column: 29, endColumn: 43, message: '"run_research" is called with the credential "openai_api_key", which arrives through **kwargs' }],
      output: `import tracecraft
@tracecraft.trace_agent(name="research_agent", capture_inputs=False)
async def run_research(question, **kwargs): ...
async def main():
    await run_research("q", openai_api_key=key)
`,
    },
    {
      name: 'an exclude_inputs entry that can only arrive through **kwargs; methods through self',
      code: `import tracecraft
class Agent:
    @tracecraft.trace_tool(exclude_inputs=["api_key"])
    def call(self, query, **extra): ...
    def go(self):
        return self.call("q", password=pw)
`,
      errors: [
        { line: 3, column: 44, endColumn: 53, message: '"api_key" is not a parameter of "call", so it can only arrive through **extra' },
        { line: 6, column: 31, endColumn: 39 },
      ],
      output: `import tracecraft
class Agent:
    @tracecraft.trace_tool(exclude_inputs=["api_key"], capture_inputs=False)
    def call(self, query, **extra): ...
    def go(self):
        return self.call("q", password=pw)
`,
    },
    {
      name: 'Langfuse: capture_input=False',
      code: `from langfuse import observe
@observe()
def act(task, **kw): ...
act("t", auth_token=tok)
`,
      errors: [{ line: 4, column: 10, endColumn: 20 }],
      output: `from langfuse import observe
@observe(capture_input=False)
def act(task, **kw): ...
act("t", auth_token=tok)
`,
    },
  ],
});
