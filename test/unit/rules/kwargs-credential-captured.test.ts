// Table tests for kwargs-credential-captured: credentials that reach a traced function through **kwargs.
import { ruleTester } from './rule-tester';

ruleTester('kwargs-credential-captured', {
  valid: [
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
