// Table tests for the SDKs described from their sources (server/analysis/sdks/): each SDK's
// documented usage (decorator with and without arguments, async, methods, its TS form), what it
// records, and the fix or advice in that SDK's own terms.
import { ruleTester } from './rule-tester';

ruleTester('credential-param-captured', {
  valid: [
    // OpenAI Agents: a RunContextWrapper / ToolContext parameter is neither shown to the model nor recorded.
    `from agents import function_tool, RunContextWrapper
@function_tool
async def fetch(ctx: RunContextWrapper[Secrets], city: str) -> str: ...
`,
    `from agents import function_tool
from agents.tool_context import ToolContext
@function_tool(name_override="lookup")
def lookup(credentials: ToolContext, query: str) -> str: ...
`,
    // Pydantic AI: a first RunContext parameter is left out of the tool's schema; its deps carry the credential.
    `from pydantic_ai import Agent, RunContext
agent = Agent("openai:gpt-4o", deps_type=Deps)
@agent.tool
async def fetch(ctx: RunContext[Deps], invoice_id: str) -> str:
    return ctx.deps.api_key
`,
    // Pydantic AI: a file that instruments without content records no tool arguments.
    `from pydantic_ai import Agent
from pydantic_ai.models.instrumented import InstrumentationSettings
agent = Agent("openai:gpt-4o", instrument=InstrumentationSettings(include_content=False))
@agent.tool_plain
def login(username: str, password: str) -> str: ...
`,
    // Not Pydantic AI's: an Agent of another module, and a tool method of an object made inside a function.
    `from myapp import Agent
agent = Agent()
@agent.tool_plain
def login(username: str, password: str) -> str: ...
`,
    // smolagents: a tool that reads its key from the environment, and a Tool subclass given the key in __init__.
    `import os
from smolagents import Tool, tool
@tool
def get_news(topic: str) -> str:
    return fetch(topic, os.environ["NEWS_API_KEY"])
class Search(Tool):
    def __init__(self, api_key: str):
        self.api_key = api_key
    def forward(self, query: str) -> str: ...
`,
    // Logfire: only the names in extract_args are recorded; False records none; api_key and password are scrubbed by default.
    `import logfire
@logfire.instrument("search {query}", extract_args=["query"])
def search(query: str, access_token: str): ...
`,
    `import logfire
@logfire.instrument(extract_args=False)
def search(query, access_token): ...
`,
    `import logfire
@logfire.instrument
def connect(host, api_key, db_password, auth_token): ...
`,
    `from logfire import instrument
ONLY = ("query",)
@instrument(extract_args=ONLY)
def search(query, bearer_token): ...
`,
    // Laminar: ignore_input, ignore_inputs, input_formatter.
    `from lmnr import observe
@observe(ignore_input=True)
def a(api_key): ...
@observe(ignore_inputs=["api_key"])
async def b(query, api_key): ...
@observe(input_formatter=lambda query, api_key: query)
def c(query, api_key): ...
`,
    // Braintrust: notrace_io=True logs neither input nor output.
    `from braintrust import traced
@traced(notrace_io=True)
def call(api_key): ...
`,
    // OpenInference: @tracer.llm with process_input maps the arguments itself; a tracer not made by the SDK is no tracer.
    `from phoenix.otel import register
tracer = register(project_name="agent").get_tracer(__name__)
@tracer.llm(process_input=lambda prompt, api_key: {"input.value": prompt})
def complete(prompt, api_key): ...
`,
    `from opentelemetry import trace
tracer = trace.get_tracer(__name__)
@tracer.chain
def run(query, api_key): ...
`,
    // LangChain: InjectedToolArg (and LangGraph's InjectedState, ToolRuntime) never reach the model or the trace.
    `from typing import Annotated
from langchain_core.tools import tool, InjectedToolArg
@tool
def search(query: str, api_key: Annotated[str, InjectedToolArg]) -> str: ...
`,
    `from langchain.tools import tool
from langgraph.prebuilt import ToolRuntime
@tool("lookup", parse_docstring=True)
def lookup(order_id: str, credentials: ToolRuntime) -> str: ...
`,
    // The file hides the SDK's inputs everywhere: OpenInference TraceConfig(hide_inputs=True), OpenAI
    // Agents RunConfig(trace_include_sensitive_data=False), LangSmith's Client for LangChain tools.
    `from phoenix.otel import register
from openinference.instrumentation import TraceConfig
tracer = register(config=TraceConfig(hide_inputs=True)).get_tracer(__name__)
@tracer.tool
def search(query, api_key): ...
`,
    `from agents import RunConfig, function_tool
@function_tool
def weather(city: str, api_key: str) -> str: ...
CONFIG = RunConfig(trace_include_sensitive_data=False)
`,
    `from langchain_core.tools import tool
from langsmith import Client
client = Client(hide_inputs=True)
@tool
def weather(city: str, api_key: str) -> str:
    """Weather."""
`,
    // Traceloop's and Laminar's decorators must be called: bare, they trace nothing.
    `from traceloop.sdk.decorators import task
from lmnr import observe
@task
def lookup(customer_id, auth_token): ...
@observe
def login(user, password): ...
`,
    // Applied by call: Traceloop's task(fn) takes the function for its name and traces nothing.
    `from traceloop.sdk.decorators import task
def lookup(customer_id, auth_token): ...
lookup_task = task(lookup)
`,
    // Not these SDKs: a local decorator named like theirs.
    `def instrument(fn):
    return fn
@instrument
def f(access_token): ...
`,
    // TS: Braintrust noTraceIO, Traceloop traceContent: false and inputParameters, OpenInference processInput.
    { file: 'tools.ts', code: `import { wrapTraced } from "braintrust";
export const f = wrapTraced(async (apiKey: string) => 1, { noTraceIO: true });
` },
    { file: 'tools.ts', code: `import { withTool } from "@traceloop/node-server-sdk";
export async function run(q: string, key: string) {
  await withTool({ name: "a", traceContent: false }, async (query: string, apiKey: string) => query, q, key);
  await withTool({ name: "b", inputParameters: [q] }, async (query: string, apiKey: string) => query, q, key);
}
` },
    { file: 'tools.ts', code: `import { traceTool } from "@arizeai/openinference-core";
export const t = traceTool(async (query: string, token: string) => query, { processInput: (query) => ({ "input.value": query }) });
` },
    // TS OpenAI Agents: the schema holds no credential; the key comes from the run context (execute's
    // second argument, never shown to the model); new Runner({ traceIncludeSensitiveData: false }).
    { file: 'tools.ts', code: `import { tool } from "@openai/agents";
import { z } from "zod";
export const getWeather = tool({
  name: "get_weather",
  description: "Weather for a city",
  parameters: z.object({ city: z.string() }),
  execute: async (input, context) => fetchWeather(input.city, context?.context.apiKey),
});
` },
    { file: 'tools.ts', code: `import { tool, Runner } from "@openai/agents";
import { z } from "zod";
export const runner = new Runner({ traceIncludeSensitiveData: false });
export const login = tool({ name: "login", description: "Log in", parameters: z.object({ user: z.string(), password: z.string() }), execute: async ({ user }) => user });
` },
    // A schema tracelint cannot read (imported, self-referring): its inputs are unknown, nothing is reported.
    { file: 'tools.ts', code: `import { tool } from "@openai/agents";
import { LoginArgs } from "./schemas";
const Loop: any = Loop.extend({ apiKey: z.string() });
export const a = tool({ name: "a", description: "d", parameters: LoginArgs.extend({ password: z.string() }), execute: async () => "" });
export const b = tool({ name: "b", description: "d", parameters: Loop, execute: async () => "" });
export const c = tool({ name: "c", description: "d", parameters: z.object({ ...LoginArgs.shape, token: z.string() }), execute: async () => "" });
` },
    // A JSON schema without a credential property.
    { file: 'tools.ts', code: `import { tool } from "@openai/agents";
export const t = tool({ name: "t", description: "d", parameters: { type: "object", properties: { query: { type: "string" } }, required: ["query"], additionalProperties: false }, strict: true, execute: async ({ query }) => query });
` },
  ],
  invalid: [
    {
      name: 'OpenAI Agents: a bare async @function_tool records the credential the model passes; the advice is the run context',
      code: `from agents import function_tool
@function_tool
async def get_weather(city: str, api_key: str) -> str:
    return city
`,
      errors: [{ line: 3, column: 34, endColumn: 41, message: 'take it from the run context instead', suggestions: [] }],
      output: null,
    },
    {
      name: 'Pydantic AI: @agent.tool_plain, @agent.tool with options, @toolset.tool: the advice is the deps',
      code: `from pydantic_ai import Agent, RunContext
from pydantic_ai.toolsets import FunctionToolset
agent = Agent("openai:gpt-4o", instrument=True)
toolset = FunctionToolset()
@agent.tool_plain
def login(username: str, password: str) -> str: ...
@agent.tool(retries=2)
async def charge(ctx: RunContext[Deps], amount: float, stripe_key: str) -> str: ...
@toolset.tool
def lookup(customer_id: str, api_key: str) -> str: ...
`,
      errors: [
        { line: 6, column: 26, endColumn: 34, message: '"login" is traced by Pydantic AI tool_plain and records its "password" parameter' },
        { line: 8, column: 56, endColumn: 66, message: 'put it in the agent\'s deps and read ctx.deps' },
        { line: 10, column: 30, endColumn: 37, message: 'InstrumentationSettings(include_content=False)' },
      ],
      output: null,
    },
    {
      name: 'smolagents: @tool and tool(fn) keep the arguments in the agent\'s memory; the advice is the environment or a Tool subclass',
      code: `import smolagents
from smolagents import tool
@tool
def get_weather(city: str, api_key: str) -> str: ...
def login(user: str, password: str) -> str: ...
login_tool = smolagents.tool(login)
`,
      errors: [
        { line: 4, column: 28, endColumn: 35, message: '"get_weather" is traced by smolagents tool and records its "api_key" parameter' },
        { line: 5, column: 22, endColumn: 30, message: 'write a Tool subclass that takes it in __init__' },
      ],
      output: null,
    },
    {
      name: 'OpenAI Agents: module import, options written',
      code: `import agents
@agents.function_tool(name_override="weather", strict_mode=False)
def weather(city, openai_api_key): ...
`,
      errors: [{ line: 3, column: 19, endColumn: 33, message: 'RunConfig(trace_include_sensitive_data=False)' }],
      output: null,
    },
    {
      name: 'Logfire: bare @logfire.instrument scrubs api_key itself, not access_token: record only the others',
      code: `import logfire
@logfire.instrument
def call(query, api_key, access_token): ...
`,
      errors: [{ line: 3, column: 26, endColumn: 38, message: 'traced by Logfire instrument', suggestions: [
        `import logfire
@logfire.instrument(extract_args=["query"])
def call(query, api_key, access_token): ...
`,
        `import logfire
@logfire.instrument(extract_args=False)
def call(query, api_key, access_token): ...
`,
      ] }],
      output: `import logfire
@logfire.instrument(extract_args=["query"])
def call(query, api_key, access_token): ...
`,
    },
    {
      name: 'Logfire: an include list naming the credential, on an async method: the name is removed',
      code: `import logfire

class Client:
    @logfire.instrument("fetch {url}", extract_args=["url", "refresh_token"])
    async def fetch(self, url, refresh_token): ...
`,
      errors: [{ line: 5, column: 32, endColumn: 45, suggestions: [
        `import logfire

class Client:
    @logfire.instrument("fetch {url}", extract_args=["url"])
    async def fetch(self, url, refresh_token): ...
`,
        `import logfire

class Client:
    @logfire.instrument("fetch {url}", extract_args=False)
    async def fetch(self, url, refresh_token): ...
`,
      ] }],
    },
    {
      name: 'Logfire: configure(scrubbing=False) in the file, so api_key is no longer scrubbed; one included name becomes False',
      code: `import logfire
logfire.configure(scrubbing=False)
@logfire.instrument(extract_args="api_key")
def login(user, api_key): ...
`,
      errors: [{ line: 4, column: 17, endColumn: 24 }],
      output: `import logfire
logfire.configure(scrubbing=False)
@logfire.instrument(extract_args=False)
def login(user, api_key): ...
`,
    },
    {
      name: 'Traceloop: @workflow(name=...) and @task() on an async method; the advice is TRACELOOP_TRACE_CONTENT',
      code: `from traceloop.sdk.decorators import workflow, task

@workflow(name="support")
def support(question, password): ...

class Agent:
    @task()
    async def lookup(self, customer_id, auth_token): ...
`,
      errors: [
        { line: 4, column: 23, endColumn: 31, message: 'TRACELOOP_TRACE_CONTENT=false', suggestions: [] },
        { line: 8, column: 41, endColumn: 51, message: 'traced by Traceloop task' },
      ],
      output: null,
    },
    {
      name: 'OpenInference: the tracer from Phoenix register(), @tracer.tool(...) and a bare async @tracer.chain',
      code: `from phoenix.otel import register

tracer_provider = register(project_name="agent")
tracer = tracer_provider.get_tracer(__name__)

@tracer.tool(name="search", description="Web search")
def search(query, api_key): ...

@tracer.chain
async def plan(goal, token): ...
`,
      errors: [
        { line: 7, column: 19, endColumn: 26, message: 'TraceConfig(hide_inputs=True)' },
        { line: 10, column: 22, endColumn: 27, message: 'traced by OpenInference chain' },
      ],
      output: null,
    },
    {
      name: 'OpenInference: hide_input_messages=True hides model messages, not a traced function\'s arguments',
      code: `from openinference.instrumentation import OITracer, TraceConfig
tracer = OITracer(base, config=TraceConfig(hide_input_messages=True))
@tracer.tool
def search(query, api_key): ...
`,
      errors: [{ line: 4, column: 19, endColumn: 26 }],
      output: null,
    },
    {
      name: 'OpenInference: an OITracer made in the file',
      code: `from opentelemetry import trace
from openinference.instrumentation import OITracer, TraceConfig
tracer = OITracer(trace.get_tracer(__name__), config=TraceConfig())
@tracer.agent
def agent(task, secret): ...
`,
      errors: [{ line: 5, column: 17, endColumn: 23, message: 'traced by OpenInference agent' }],
    },
    {
      name: 'MLflow: a method (self is dropped) and a bare async @mlflow.trace; the advice is start_span',
      code: `import mlflow

class Retriever:
    @mlflow.trace(span_type="RETRIEVER")
    def fetch(self, query, db_password):
        return []

@mlflow.trace
async def answer(question, api_key): ...
`,
      errors: [
        { line: 5, column: 28, endColumn: 39, message: 'mlflow.start_span()' },
        { line: 9, column: 28, endColumn: 35, message: 'traced by MLflow trace' },
      ],
      output: null,
    },
    {
      name: 'Braintrust: bare @traced and @traced("name", type=...): the fix sets notrace_io=True',
      code: `from braintrust import traced

@traced
def call_api(endpoint, api_key): ...

@traced("classify", type="llm")
async def classify(text, token): ...
`,
      errors: [
        { line: 4, column: 24, endColumn: 31, suggestions: [`from braintrust import traced

@traced(notrace_io=True)
def call_api(endpoint, api_key): ...

@traced("classify", type="llm")
async def classify(text, token): ...
`] },
        { line: 7, column: 26, endColumn: 31 },
      ],
      output: `from braintrust import traced

@traced(notrace_io=True)
def call_api(endpoint, api_key): ...

@traced("classify", type="llm", notrace_io=True)
async def classify(text, token): ...
`,
    },
    {
      name: 'Laminar: @observe() gets ignore_inputs; an existing ignore_inputs is appended to',
      code: `from lmnr import observe

@observe()
def search(query, api_key): ...

@observe(name="fetch", ignore_inputs=["query"])
async def fetch(query, secret_key): ...
`,
      errors: [
        { line: 4, column: 19, endColumn: 26, suggestions: [
          `from lmnr import observe

@observe(ignore_inputs=["api_key"])
def search(query, api_key): ...

@observe(name="fetch", ignore_inputs=["query"])
async def fetch(query, secret_key): ...
`,
          `from lmnr import observe

@observe(ignore_input=True)
def search(query, api_key): ...

@observe(name="fetch", ignore_inputs=["query"])
async def fetch(query, secret_key): ...
`,
        ] },
        { line: 7, column: 24, endColumn: 34 },
      ],
      output: `from lmnr import observe

@observe(ignore_inputs=["api_key"])
def search(query, api_key): ...

@observe(name="fetch", ignore_inputs=["query", "secret_key"])
async def fetch(query, secret_key): ...
`,
    },
    {
      name: 'AgentOps: @agentops.tool(...) and @operation (an alias of task); the advice is to leave the credential out',
      code: `import agentops
from agentops.sdk.decorators import operation

@agentops.tool(name="lookup", cost=0.01)
def lookup(customer_id, api_key): ...

@operation
async def charge(amount, stripe_secret): ...
`,
      errors: [
        { line: 5, column: 25, endColumn: 32, message: 'AgentOps decorators record every argument' },
        { line: 8, column: 26, endColumn: 39, message: 'traced by AgentOps operation' },
      ],
      output: null,
    },
    {
      name: 'LangChain: @tool and @tool("name", return_direct=True); the advice is InjectedToolArg',
      code: `from langchain_core.tools import tool

@tool
def web_search(query: str, serpapi_api_key: str) -> str:
    """Search the web."""
    return query

@tool("lookup", return_direct=True)
async def lookup(order_id: str, password: str) -> str:
    """Look an order up."""
    return order_id
`,
      errors: [
        { line: 4, column: 28, endColumn: 43, message: 'Annotated[str, InjectedToolArg]' },
        { line: 9, column: 33, endColumn: 41, message: 'traced by LangChain tool' },
      ],
      output: null,
    },
    {
      name: 'Applied by call: mlflow.trace(fn), with MLflow\'s advice',
      code: `import mlflow
def login(user: str, password: str) -> bool: ...
checked_login = mlflow.trace(login)
`,
      errors: [{ line: 2, column: 22, endColumn: 30, message: '"login" is traced by MLflow trace' }],
      output: null,
    },
    {
      name: 'Applied by call: traced(fn) becomes traced(notrace_io=True)(fn); observe(...)(fn) gets the name in ignore_inputs',
      code: `from braintrust import traced
from lmnr import observe
def login(user: str, password: str) -> bool: ...
traced_login = traced(login)
observed_login = observe(ignore_inputs=["user"])(login)
`,
      errors: [
        { line: 3, column: 22, endColumn: 30, message: 'traced by Braintrust traced' },
        { line: 3, column: 22, endColumn: 30, message: 'traced by Laminar observe' },
      ],
      output: `from braintrust import traced
from lmnr import observe
def login(user: str, password: str) -> bool: ...
traced_login = traced(notrace_io=True)(login)
observed_login = observe(ignore_inputs=["user", "password"])(login)
`,
    },
    {
      name: 'TS Traceloop: class-method decorators; traceContent: false is added to the options, inputParameters is trusted',
      file: 'agent.ts',
      code: `import * as traceloop from "@traceloop/node-server-sdk";
import { task } from "@traceloop/node-server-sdk";

export class Agent {
  @traceloop.workflow({ name: "support" })
  async support(question: string, apiKey: string) { return question; }

  @task({ name: "lookup", traceContent: false })
  async lookup(id: string, password: string) { return id; }

  @task({ name: "fetch", inputParameters: ["x"] })
  async fetch(id: string, token: string) { return id; }
}
`,
      errors: [{ line: 6, column: 35, endColumn: 41, message: 'traced by Traceloop workflow' }],
      output: `import * as traceloop from "@traceloop/node-server-sdk";
import { task } from "@traceloop/node-server-sdk";

export class Agent {
  @traceloop.workflow({ name: "support", traceContent: false })
  async support(question: string, apiKey: string) { return question; }

  @task({ name: "lookup", traceContent: false })
  async lookup(id: string, password: string) { return id; }

  @task({ name: "fetch", inputParameters: ["x"] })
  async fetch(id: string, token: string) { return id; }
}
`,
    },
    {
      name: 'TS Braintrust: wrapTraced(fn) gets { noTraceIO: true }',
      file: 'tools.ts',
      code: `import { wrapTraced } from "braintrust";
export const search = wrapTraced(async function search(query: string, apiKey: string) {
  return query;
});
`,
      errors: [{ line: 2, column: 71, endColumn: 77 }],
      output: `import { wrapTraced } from "braintrust";
export const search = wrapTraced(async function search(query: string, apiKey: string) {
  return query;
}, { noTraceIO: true });
`,
    },
    {
      name: 'TS Traceloop: withWorkflow takes its options first; traceContent: false is added to them',
      file: 'tools.ts',
      code: `import * as traceloop from "@traceloop/node-server-sdk";
export async function handle(q: string, key: string) {
  return traceloop.withWorkflow({ name: "handle" }, async (question: string, apiKey: string) => question, q, key);
}
`,
      errors: [{ line: 3, column: 78, endColumn: 84 }],
      output: `import * as traceloop from "@traceloop/node-server-sdk";
export async function handle(q: string, key: string) {
  return traceloop.withWorkflow({ name: "handle", traceContent: false }, async (question: string, apiKey: string) => question, q, key);
}
`,
    },
    {
      name: 'TS Laminar: observe(options, fn, ...args) gets ignoreInput: true',
      file: 'tools.ts',
      code: `import { observe } from "@lmnr-ai/lmnr";
export const run = (q: string, k: string) => observe({ name: "run" }, async (query: string, secret: string) => query, q, k);
`,
      errors: [{ line: 2, column: 93, endColumn: 99 }],
      output: `import { observe } from "@lmnr-ai/lmnr";
export const run = (q: string, k: string) => observe({ name: "run", ignoreInput: true }, async (query: string, secret: string) => query, q, k);
`,
    },
    {
      name: 'TS LangChain and MLflow: no per-argument option, the advice in TS terms',
      file: 'tools.ts',
      code: `import { tool } from "@langchain/core/tools";
import { trace } from "mlflow-tracing";
export const search = tool(async ({ query, apiKey }: { query: string; apiKey: string }) => query, { name: "search", description: "Search" });
export const login = trace((user: string, password: string) => user, { name: "login" });
`,
      errors: [
        { line: 3, column: 44, endColumn: 50, message: 'read it from the environment or the run' },
        { line: 4, column: 43, endColumn: 51, message: 'withSpan()' },
      ],
      output: null,
    },
    {
      name: 'TS OpenAI Agents: a zod parameters property the model fills is recorded; the advice is the run context or the Runner option',
      file: 'tools.ts',
      code: `import { tool } from "@openai/agents";
import { z } from "zod";
export const getWeather = tool({
  name: "get_weather",
  description: "Weather for a city",
  parameters: z.object({ city: z.string(), apiKey: z.string().describe("the weather API key") }),
  execute: async ({ city, apiKey }) => fetchWeather(city, apiKey),
});
`,
      errors: [{ line: 6, column: 44, endColumn: 50, message: /^"get_weather" is traced by OpenAI Agents tool and records its "apiKey" parameter: .*take it from the run context instead .*new Runner\(\{ traceIncludeSensitiveData: false \}\)/, suggestions: [] }],
      output: null,
    },
    {
      name: 'TS OpenAI Agents: a JSON-schema property, a schema constant extended, a method-shorthand execute',
      file: 'tools.ts',
      code: `import { tool } from "@openai/agents";
import { z } from "zod";
const Base = z.object({ account: z.string() });
export const charge = tool({
  name: "charge",
  description: "Charge a card",
  parameters: { type: "object", properties: { amount: { type: "number" }, "card_token": { type: "string" } }, required: ["amount", "card_token"], additionalProperties: false },
  strict: true,
  async execute(input) { return input; },
});
export const lookup = tool({ name: "lookup", description: "Look up", parameters: Base.extend({ password: z.string() }).strict(), execute: async () => "" });
const COMMON = { session_token: { type: "string" } };
export const list = tool({ name: "list", description: "List", parameters: { type: "object", properties: { ...COMMON, page: { type: "number" } } }, execute: async () => "" });
`,
      errors: [
        { line: 7, column: 75, endColumn: 87, message: 'records its "card_token" parameter' },
        { line: 11, column: 96, endColumn: 104, message: 'records its "password" parameter' },
        { line: 12, column: 18, endColumn: 31, message: '"list" is traced by OpenAI Agents tool and records its "session_token" parameter' },
      ],
      output: null,
    },
  ],
});

ruleTester('redaction-disabled', {
  valid: [
    `from agents import RunConfig
config = RunConfig(trace_include_sensitive_data=False)
`,
    `import logfire
logfire.configure(scrubbing=logfire.ScrubbingOptions(extra_patterns=["employee_id"]))
`,
    `from openinference.instrumentation import TraceConfig
config = TraceConfig(hide_inputs=True, hide_outputs=False)
`,
    // Not the SDKs' own: a local RunConfig, a configure of another module.
    `class RunConfig:
    def __init__(self, **kw): ...
config = RunConfig(trace_include_sensitive_data=True)
`,
    `import structlog
structlog.configure(scrubbing=False)
`,
    { file: '.env', code: 'OPENAI_AGENTS_TRACE_INCLUDE_SENSITIVE_DATA=false\nTRACELOOP_TRACE_CONTENT=false\nOPENINFERENCE_HIDE_INPUTS=true\nLANGSMITH_HIDE_INPUTS=true\n' },
  ],
  invalid: [
    {
      name: 'Pydantic AI: InstrumentationSettings(include_content=True) puts tool arguments in spans',
      code: `from pydantic_ai.models.instrumented import InstrumentationSettings
settings = InstrumentationSettings(include_content=True)
`,
      errors: [{ line: 2, column: 36, endColumn: 56, message: 'Pydantic AI InstrumentationSettings(include_content=True) records every tool call\'s arguments' }],
      output: `from pydantic_ai.models.instrumented import InstrumentationSettings
settings = InstrumentationSettings(include_content=False)
`,
    },
    {
      name: 'OpenAI Agents: RunConfig(trace_include_sensitive_data=True) forces capture on',
      code: `from agents import Runner, RunConfig
config = RunConfig(workflow_name="support", trace_include_sensitive_data=True)
`,
      errors: [{ line: 2, column: 45, endColumn: 78, message: 'OpenAI Agents RunConfig(trace_include_sensitive_data=True) records every tool call\'s arguments' }],
      output: `from agents import Runner, RunConfig
config = RunConfig(workflow_name="support", trace_include_sensitive_data=False)
`,
    },
    {
      name: 'Logfire: configure(scrubbing=False) turns scrubbing off; the fix restores the default',
      code: `import logfire
logfire.configure(service_name="agent", scrubbing=False)
`,
      errors: [{ line: 2, column: 41, endColumn: 56, message: 'turns Logfire\'s scrubbing off' }],
      output: `import logfire
logfire.configure(service_name="agent", scrubbing=None)
`,
    },
    {
      name: 'OpenInference: TraceConfig(hide_inputs=False, hide_input_messages=False)',
      code: `from openinference.instrumentation import TraceConfig
config = TraceConfig(hide_inputs=False, hide_input_messages=False)
`,
      errors: [
        { line: 2, column: 22, endColumn: 39, message: 'even where OPENINFERENCE_HIDE_INPUTS=true' },
        { line: 2, column: 41, endColumn: 66, message: 'every LLM input message' },
      ],
      output: `from openinference.instrumentation import TraceConfig
config = TraceConfig(hide_inputs=True, hide_input_messages=True)
`,
    },
    {
      name: 'LangSmith: Client(hide_inputs=False), through a module constant',
      code: `import langsmith
HIDE = False
client = langsmith.Client(hide_inputs=HIDE)
`,
      errors: [{ line: 3, column: 27, endColumn: 43, message: 'LangChain tool arguments included' }],
      output: `import langsmith
HIDE = True
client = langsmith.Client(hide_inputs=HIDE)
`,
    },
    {
      name: 'TS LangSmith: new Client({ hideInputs: false })',
      file: 'tracing.ts',
      code: `import { Client } from "langsmith";
export const client = new Client({ apiUrl: "https://api.smith.langchain.com", hideInputs: false });
`,
      errors: [{ line: 2, column: 79, endColumn: 96 }],
      output: `import { Client } from "langsmith";
export const client = new Client({ apiUrl: "https://api.smith.langchain.com", hideInputs: true });
`,
    },
    {
      name: 'TS OpenAI Agents: new Runner({ traceIncludeSensitiveData: true }) writes the capture out',
      file: 'agent.ts',
      code: `import { Runner } from "@openai/agents";
export const runner = new Runner({ workflowName: "support", traceIncludeSensitiveData: true });
`,
      errors: [{ line: 2, column: 61, endColumn: 92, message: 'OpenAI Agents Runner' }],
      output: `import { Runner } from "@openai/agents";
export const runner = new Runner({ workflowName: "support", traceIncludeSensitiveData: false });
`,
    },
    {
      name: 'TS Traceloop: traceContent: true overrides TRACELOOP_TRACE_CONTENT=false',
      file: 'tools.ts',
      code: `import { withTask } from "@traceloop/node-server-sdk";
export const run = (q: string) => withTask({ name: "t", traceContent: true }, async (query: string) => query, q);
`,
      errors: [{ line: 2, column: 57, endColumn: 75, message: 'traceContent: true makes Traceloop record this withTask\'s inputs even where TRACELOOP_TRACE_CONTENT=false' }],
      output: `import { withTask } from "@traceloop/node-server-sdk";
export const run = (q: string) => withTask({ name: "t", traceContent: false }, async (query: string) => query, q);
`,
    },
    {
      name: '.env: each SDK\'s capture switch at the value that lets content through',
      file: '.env',
      code: 'OPENAI_AGENTS_TRACE_INCLUDE_SENSITIVE_DATA=1\nTRACELOOP_TRACE_CONTENT=true\nOPENINFERENCE_HIDE_INPUTS=false\nLANGCHAIN_HIDE_INPUTS=False\n',
      errors: [
        { line: 1, column: 1, endColumn: 45, message: 'makes OpenAI Agents record inputs and content' },
        { line: 2, column: 1, endColumn: 29, message: 'makes Traceloop record inputs and content' },
        { line: 3, column: 1, endColumn: 32, message: 'makes OpenInference record inputs and content' },
        { line: 4, column: 1, endColumn: 28, message: 'makes LangSmith record inputs and content' },
      ],
      output: 'OPENAI_AGENTS_TRACE_INCLUDE_SENSITIVE_DATA=false\nTRACELOOP_TRACE_CONTENT=false\nOPENINFERENCE_HIDE_INPUTS=true\nLANGCHAIN_HIDE_INPUTS=true\n',
    },
  ],
});

// Logfire's own scrubbing patterns are the project's custom patterns: judged like every other.
ruleTester('invalid-pattern', {
  valid: [
    `import logfire
logfire.configure(scrubbing=logfire.ScrubbingOptions(extra_patterns=[r"employee_(?P<n>id)", "(?i:iban)"]))
`,
    // Another library's ScrubbingOptions is not Logfire's.
    `from mylib import ScrubbingOptions
s = ScrubbingOptions(extra_patterns=["(unbalanced"])
`,
  ],
  invalid: [
    {
      name: 'Logfire ScrubbingOptions(extra_patterns=[...]) through an import and a module constant',
      code: `from logfire import ScrubbingOptions, configure
PATTERNS = ["ssn", r"(acct"]
configure(scrubbing=ScrubbingOptions(extra_patterns=PATTERNS))
`,
      errors: [{ line: 2, column: 22, endColumn: 27, message: "Python's re rejects this pattern: missing ), unterminated subpattern (at position 0)." }],
    },
  ],
});

// A Logfire write token written in code (the format of logfire/_internal/auth.py).
ruleTester('hardcoded-credential', {
  valid: [
    `import logfire
logfire.configure(token=os.environ["LOGFIRE_TOKEN"])
`,
    `# read tokens look like pylf_v1_us_... in the docs
`,
  ],
  invalid: [
    {
      name: 'Logfire: configure(token="pylf_v1_...") reads it from LOGFIRE_TOKEN instead',
      code: `import logfire
logfire.configure(token="pylf_v1_us_8Hq2mZt7Lw4Rk9Xc3Vb6Nn1Pd5Sf0Gj2Yh7Tq4Ke9Wa", service_name="agent")
`,
      errors: [{
        line: 2, column: 26, endColumn: 80, message: 'Hardcoded credential (logfire_token): pylf…(54 chars).',
        suggestions: [`import os
import logfire
logfire.configure(token=os.environ["LOGFIRE_TOKEN"], service_name="agent")
`],
      }],
      output: null,
    },
  ],
});

// Laminar records **kwargs by key, and ignore_inputs drops kwargs keys too (sdk/utils.py).
ruleTester('kwargs-credential-captured', {
  valid: [
    `from lmnr import observe
@observe(ignore_inputs=["api_key"])
def call(endpoint, **kwargs): ...
call("https://x", api_key=KEY)
`,
  ],
  invalid: [
    {
      name: 'Laminar: a credential passed through **kwargs is recorded by key; ignore_inputs can drop it',
      code: `from lmnr import observe
@observe(name="call")
def call(endpoint, **options): ...
call("https://x", password=PW)
`,
      errors: [{ line: 4, column: 19, endColumn: 27, message: 'is recorded as an input of its own: list it in ignore_inputs' }],
      output: `from lmnr import observe
@observe(name="call", ignore_inputs=["password"])
def call(endpoint, **options): ...
call("https://x", password=PW)
`,
    },
  ],
});

// Laminar's ignore_inputs is an exclusion list like TraceCraft's: a misspelt name hides nothing.
ruleTester('exclude-inputs-unknown-param', {
  valid: [
    `from lmnr import observe
@observe(ignore_inputs=["api_key"])
def call(query, api_key): ...
`,
  ],
  invalid: [
    {
      name: 'Laminar: ignore_inputs names a parameter the function does not have',
      code: `from lmnr import observe
@observe(name="call", ignore_inputs=["apikey"])
async def call(query, api_key): ...
`,
      errors: [{ line: 2, column: 38, endColumn: 46, message: 'ignore_inputs names "apikey", but "call" has no such parameter' }],
      output: `from lmnr import observe
@observe(name="call", ignore_inputs=["api_key"])
async def call(query, api_key): ...
`,
    },
  ],
});
