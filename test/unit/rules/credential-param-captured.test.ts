// Table tests for credential-param-captured: every supported SDK, import forms and aliases,
// exclusion as a list literal or a module-level constant, and the fixes' exact output.
import { ruleTester } from './rule-tester';

ruleTester('credential-param-captured', {
  valid: [
    // A fixture's setting holds in the fixture, not in the test that records: the default list covers "token".
    `import os
import pytest
from maida import record_tool_call, trace
@pytest.fixture
def narrow_keys():
    os.environ["MAIDA_REDACT_KEYS"] = "message,stack"
    yield
def test_token():
    @trace
    def run():
        record_tool_call("t", args={"token": "x"})
    run()
`,
    // A LangSmith client built here with an anonymizer or hide_inputs redacts what the tracer sends.
    `from langsmith import Client, traceable
from langsmith.anonymizer import create_anonymizer
client = Client(
    api_url="http://localhost:1984",
    anonymizer=create_anonymizer([]),
)
@traceable(client=client)
def a(api_key): ...
@traceable(client=Client(hide_inputs=True))
def b(password): ...
`,
    // Processors tracelint cannot read, or that name the key, or that could drop keys wholesale, protect.
    `from langsmith import traceable
import weave
from helpers import scrub
def drop_key(inputs):
    return {k: v for k, v in inputs.items() if k != "api_key"}
def filtered(inputs):
    return {k: v for k, v in inputs.items() if not k.endswith("_key")}
@traceable(process_inputs=scrub)
def a(api_key): ...
@traceable(process_inputs=drop_key)
def b(api_key): ...
@weave.op(postprocess_inputs=filtered)
def c(secret_key): ...
`,
    // Capture switched off from code, as the SDK reads its variable: Langfuse (`false`/`0` only), LangSmith (exactly `true`).
    `import os
os.environ["LANGFUSE_OBSERVE_DECORATOR_IO_CAPTURE_ENABLED"] = "False"
from langfuse import observe
@observe()
def call(api_key): ...
`,
    `from langsmith import traceable
def test_hidden(monkeypatch):
    monkeypatch.setenv("LANGSMITH_HIDE_INPUTS", "true")
    @traceable
    def call(api_key): ...
`,
    // AgentDbg / Maida redact keys containing api_key, authorization, cookie, password, secret, token by default.
    `from maida import record_tool_call, trace
@trace(name="run")
def run(api_key):
    record_tool_call("fetch", args={"url": "u", "api_key": api_key, "auth_token": "t", "client_secret": "s"}, result=None)
`,
    // Excluded, inline and through a module-level constant.
    `import tracecraft
@tracecraft.trace_tool(name="s", exclude_inputs=["api_key"])
def s(query, api_key): ...
`,
    `import tracecraft
HIDDEN = ["api_key", "password"]
@tracecraft.trace_tool(exclude_inputs=HIDDEN)
def s(query, api_key, password): ...
`,
    // Capture off.
    `from tracecraft import trace_agent
@trace_agent(capture_inputs=False)
def a(token): ...
`,
    // An unrelated decorator named like an SDK's is not a tracer.
    `def trace(fn):
    return fn
@trace
def local(api_key): ...
`,
    `from mylib import observe
@observe
def f(password): ...
`,
    // Not credentials.
    `import tracecraft
@tracecraft.trace_llm(model="gpt-4o")
def llm(prompt, max_tokens, token_count, tokenizer, secret_santa_list, page_token): ...
`,
    // AgentDbg's @trace records no arguments.
    `from agentdbg import trace
@trace
def run(api_key): ...
`,
    // The user's own processing function is trusted; Weave redacts api_key itself.
    `from langsmith import traceable
@traceable(process_inputs=drop_secrets)
def t(token): ...
`,
    `import weave
@weave.op()
def w(api_key, query): ...
`,
    // self is not a parameter the caller passes; unknown capture is not guessed.
    `import tracecraft
class A:
    @tracecraft.trace_tool()
    def run(self, query): ...
    @tracecraft.trace_tool(capture_inputs=flag)
    def other(self, password): ...
`,
    // Not a Python file.
    { code: 'password = 1', file: 'notes.txt' },
    // TS: capture off, processInputs written, an unrelated local traceable, options not readable.
    { file: 'tools.ts', code: `import { observe } from "@langfuse/tracing";
export const login = observe(async (user: string, password: string) => user, { name: "login", captureInput: false });
` },
    { file: 'tools.ts', code: `import { traceable } from "langsmith/traceable";
export const f = traceable((apiKey: string) => 1, { processInputs: () => ({}) });
export const g = traceable((token: string) => 1, opts);
` },
    { file: 'tools.js', code: `const traceable = (fn) => fn;
module.exports = traceable(function (apiKey) { return apiKey; });
` },
    // Exclusions as Python builds them: unpacking, concatenation, list(), a constant from a constant, a tuple.
    `import tracecraft
HIDE = ["api_key"]
MORE = HIDE
@tracecraft.trace_tool(exclude_inputs=[*HIDE, "otp"])
def a(api_key, otp): ...
@tracecraft.trace_tool(exclude_inputs=HIDE + ["password"])
def b(api_key, password): ...
@tracecraft.trace_tool(exclude_inputs=list(MORE))
def c(api_key): ...
@tracecraft.trace_tool(exclude_inputs=tuple(MORE) + ("token",))
def d(api_key, token): ...
`,
    // An exclusion that cannot be read may hold the name: not reported as if it were empty.
    `import tracecraft
from settings import REMOTE_HIDDEN
@tracecraft.trace_tool(exclude_inputs=make_hidden())
def a(password): ...
@tracecraft.trace_tool(exclude_inputs=REMOTE_HIDDEN + ["otp"])
def b(otp, api_key): ...
@tracecraft.trace_tool(exclude_inputs=[*REMOTE_HIDDEN])
def c(secret): ...
`,
    // Applied by call, with the credential excluded where the call's options are.
    `import tracecraft
def login(user: str, password: str) -> bool: ...
login_tool = tracecraft.trace_tool(name="login", exclude_inputs=["password"])(login)
`,
    // LangSmith's traceable(fn, name=...) returns a decorator, not a traced function; a function of
    // another module is not read; tracecraft.step is a context manager.
    `from langsmith import traceable
from tools import login
import tracecraft
def fetch(api_key): ...
a = traceable(fetch, name="fetch")
b = traceable(login)
with tracecraft.step("x"):
    pass
`,
    // A method's name is not seen from inside another method without self.
    `import weave
class A:
    def search(self, token): ...
    def run(self):
        return weave.op(search)
`,
    // TS: a method decorator that is not a tracer, and Weave's op on a method without credentials.
    { file: 'agent.ts', code: `import { op } from "weave";
import { Memoize } from "typescript-memoize";
class A {
  @Memoize()
  cached(apiKey: string) { return apiKey; }
  @op
  async search(query: string, limit: number) { return query; }
}
` },
    // TS: spread of a constant in a configured decorator's exclusion list.
    { file: 'agent.ts', settings: { tracingDecorators: [{ name: 'traceTool', module: '@myco/tracing', exclusionParam: 'excludeInputs' }] }, code: `import { traceTool } from "@myco/tracing";
const HIDE = ["apiKey"];
class A {
  @traceTool({ excludeInputs: [...HIDE, "otp"] })
  fetch(apiKey: string, otp: string) { return 1; }
}
` },
  ],
  invalid: [
    {
      name: "the project's .maida/config.yaml narrows the key list: a key it dropped is recorded",
      code: `from maida import record_tool_call
record_tool_call("fetch", args={"api_key": k, "password": p})
`,
      settings: { recorderRedaction: { enabled: true, keys: ['password'], file: '/srv/agent/.maida/config.yaml' } },
      errors: [{ line: 2, column: 33, endColumn: 42, message: 'record_tool_call records the key "api_key" as it is: AgentDbg\'s redaction covers only keys containing "password" (.maida/config.yaml).' }],
    },
    {
      name: "the project's .agentdbg/config.yaml turns redaction off",
      code: `from agentdbg import record_tool_call
record_tool_call("fetch", args={"token": t})
`,
      settings: { recorderRedaction: { enabled: false, keys: ['token'], file: '/srv/agent/.agentdbg/config.yaml' } },
      errors: [{ line: 2, column: 33, endColumn: 40, message: 'AgentDbg\'s redaction is off here (redact: false in .agentdbg/config.yaml).' }],
    },
    {
      name: 'a client without input protection (hide_inputs=False) is no protection',
      code: `from langsmith import Client, traceable
plain = Client(hide_inputs=False)
@traceable(client=plain)
def a(api_key): ...
`,
      errors: [{ line: 4, column: 7, endColumn: 14 }],
    },
    {
      name: 'processors defined here that keep the credential: return as is, a copy, other keys edited, a lambda',
      code: `import weave
from langsmith import traceable
def keep_all(inputs):
    return inputs
def copy_all(inputs: dict) -> dict:
    out = dict(inputs)
    out["text"] = out["text"][:100]
    return out
@traceable(process_inputs=keep_all)
def a(api_key): ...
@weave.op(postprocess_inputs=copy_all)
def b(text, password): ...
@traceable(process_inputs=lambda d: dict(d))
def c(token): ...
`,
      errors: [
        { line: 10, column: 7, endColumn: 14, message: '"a" is traced by LangSmith traceable and records its "api_key" parameter' },
        { line: 12, column: 13, endColumn: 21 },
        { line: 14, column: 7, endColumn: 12 },
      ],
    },
    {
      name: 'a capture switch the SDK reads as on still captures (Langfuse: "no" is not false; LangSmith: "1" is not "true")',
      code: `import os
os.environ["LANGFUSE_OBSERVE_DECORATOR_IO_CAPTURE_ENABLED"] = "no"
os.environ["LANGSMITH_HIDE_INPUTS"] = "1"
from langfuse import observe
from langsmith import traceable
@observe()
def a(api_key): ...
@traceable
def b(password): ...
`,
      errors: [{ line: 7, column: 7, endColumn: 14 }, { line: 9, column: 7, endColumn: 15 }],
    },
    {
      name: 'module import, no options: creates exclude_inputs',
      code: `import tracecraft
@tracecraft.trace_tool(name="web_search")
def web_search(query: str, api_key: str):
    return query
`,
      errors: [{
        line: 3, column: 28, endColumn: 35, message: '"web_search" is traced by TraceCraft trace_tool and records its "api_key" parameter',
        suggestions: [
          `import tracecraft
@tracecraft.trace_tool(name="web_search", exclude_inputs=["api_key"])
def web_search(query: str, api_key: str):
    return query
`,
          `import tracecraft
@tracecraft.trace_tool(name="web_search", capture_inputs=False)
def web_search(query: str, api_key: str):
    return query
`,
        ],
      }],
      output: `import tracecraft
@tracecraft.trace_tool(name="web_search", exclude_inputs=["api_key"])
def web_search(query: str, api_key: str):
    return query
`,
    },
    {
      name: 'alias, bare decorator, two credentials: one fix covers both',
      code: `from tracecraft import trace_tool as tool
@tool
async def call(secret, *, access_token=None, **kwargs):
    pass
`,
      errors: [{ line: 3, column: 16, endColumn: 22 }, { line: 3, column: 27, endColumn: 39 }],
      output: `from tracecraft import trace_tool as tool
@tool(exclude_inputs=["secret", "access_token"])
async def call(secret, *, access_token=None, **kwargs):
    pass
`,
    },
    {
      name: 'appends to an existing list, keeping its quotes',
      code: `import tracecraft as tc
@tc.trace_llm(exclude_inputs=['prompt'], model='gpt-4o')
def llm(prompt, openai_api_key): ...
`,
      errors: [{ line: 3, column: 17, endColumn: 31 }],
      output: `import tracecraft as tc
@tc.trace_llm(exclude_inputs=['prompt', 'openai_api_key'], model='gpt-4o')
def llm(prompt, openai_api_key): ...
`,
    },
    {
      name: 'multi-line decorator and list keep their layout; methods with self',
      code: `import tracecraft

class Agent:
    @tracecraft.trace_tool(
        name="lookup",
        exclude_inputs=[
            "db_pasword",
        ],
    )
    def lookup(self, customer_email, db_password):
        pass
`,
      errors: [{ line: 10, column: 38, endColumn: 49 }],
      output: `import tracecraft

class Agent:
    @tracecraft.trace_tool(
        name="lookup",
        exclude_inputs=[
            "db_pasword",
            "db_password",
        ],
    )
    def lookup(self, customer_email, db_password):
        pass
`,
    },
    {
      name: 'multi-line decorator without exclude_inputs gets a new line',
      code: `import tracecraft
@tracecraft.trace_agent(
    name="agent",
    runtime=rt
)
def agent(question, auth_token): ...
`,
      errors: [{ line: 6, column: 21, endColumn: 31 }],
      output: `import tracecraft
@tracecraft.trace_agent(
    name="agent",
    runtime=rt,
    exclude_inputs=["auth_token"]
)
def agent(question, auth_token): ...
`,
    },
    {
      name: 'exclusion through a module-level constant: the constant is extended',
      code: `import tracecraft
EXCLUDED = ("query",)
@tracecraft.trace_retrieval(exclude_inputs=EXCLUDED)
def fetch(query, ApiKey): ...
`,
      errors: [{ line: 4, column: 18, endColumn: 24, suggestions: [
        `import tracecraft
EXCLUDED = ("query", "ApiKey",)
@tracecraft.trace_retrieval(exclude_inputs=EXCLUDED)
def fetch(query, ApiKey): ...
`,
        `import tracecraft
EXCLUDED = ("query",)
@tracecraft.trace_retrieval(exclude_inputs=EXCLUDED, capture_inputs=False)
def fetch(query, ApiKey): ...
`,
      ] }],
    },
    {
      name: 'capture_inputs=True is switched off by the suggestion',
      code: `import tracecraft
@tracecraft.trace_tool(capture_inputs=True, exclude_inputs=["query"])
def t(query, password): ...
`,
      errors: [{ line: 3, column: 14, endColumn: 22, suggestions: [
        `import tracecraft
@tracecraft.trace_tool(capture_inputs=True, exclude_inputs=["query", "password"])
def t(query, password): ...
`,
        `import tracecraft
@tracecraft.trace_tool(capture_inputs=False, exclude_inputs=["query"])
def t(query, password): ...
`,
      ] }],
      output: `import tracecraft
@tracecraft.trace_tool(capture_inputs=True, exclude_inputs=["query", "password"])
def t(query, password): ...
`,
    },
    {
      name: 'Langfuse: capture_input=False',
      code: `from langfuse import observe
@observe(name="login")
def login(username, password): ...
`,
      errors: [{ line: 3, column: 21, endColumn: 29, message: 'Langfuse observe' }],
      output: `from langfuse import observe
@observe(name="login", capture_input=False)
def login(username, password): ...
`,
    },
    {
      name: 'LangSmith: a process_inputs function that drops the key',
      code: `import langsmith as ls
@ls.traceable(run_type="tool")
def call(token, query): ...
`,
      errors: [{ line: 3, column: 10, endColumn: 15 }],
      output: `import langsmith as ls
@ls.traceable(run_type="tool", process_inputs=lambda inputs: {k: v for k, v in inputs.items() if k != "token"})
def call(token, query): ...
`,
    },
    {
      name: 'Weave: postprocess_inputs; api_key is redacted by Weave itself',
      code: `import weave
@weave.op
def w(api_key, client_secret): ...
`,
      errors: [{ line: 3, column: 16, endColumn: 29 }],
      output: `import weave
@weave.op(postprocess_inputs=lambda inputs: {k: v for k, v in inputs.items() if k != "client_secret"})
def w(api_key, client_secret): ...
`,
    },
    {
      name: 'AgentDbg: a key its default redaction does not cover (passwd)',
      code: `from agentdbg import record_tool_call
record_tool_call("login", args={"user": u, "passwd": p, "api_key": key}, result=r)
`,
      errors: [{ line: 2, column: 44, endColumn: 52, message: 'record_tool_call records the key "passwd" as it is: AgentDbg\'s redaction covers only keys containing "api_key", "authorization", "cookie", "password", "secret", "token".', suggestions: [
        `from agentdbg import record_tool_call
record_tool_call("login", args={"user": u, "api_key": key}, result=r)
`,
      ] }],
      output: null,
    },
    {
      name: 'Maida: redaction switched off from code reports every credential key',
      code: `import os
from maida import record_tool_call
os.environ["MAIDA_REDACT"] = "0"
record_tool_call("fetch", args={"url": u, "api_key": key}, result=r)
`,
      errors: [{ line: 4, column: 43, endColumn: 52, message: 'record_tool_call records the key "api_key" as it is: AgentDbg\'s redaction is off here (MAIDA_REDACT=0, line 3).' }],
      output: null,
    },
    {
      name: 'AgentDbg: AGENTDBG_REDACT_KEYS set in a test replaces the list',
      code: `from agentdbg import record_llm_call
def test_keys(monkeypatch):
    monkeypatch.setenv("AGENTDBG_REDACT_KEYS", "password")
    record_llm_call(model="m", prompt=p, response=r, meta={"api_key": k, "password": pw})
`,
      errors: [{ line: 4, column: 60, endColumn: 69, message: '(AGENTDBG_REDACT_KEYS)' }],
      output: null,
    },
    {
      name: 'a syntax error below does not stop the decorators above',
      code: `import tracecraft
@tracecraft.trace_tool()
def ok(password): ...
def broken(:
    pass
`,
      errors: [{ line: 3, column: 8, endColumn: 16 }],
      output: `import tracecraft
@tracecraft.trace_tool(exclude_inputs=["password"])
def ok(password): ...
def broken(:
    pass
`,
    },
    {
      name: 'a configured tracing decorator',
      code: `from myco.tracing import span
@span(label="x")
def f(pwd): ...
`,
      settings: { tracingDecorators: [{ name: 'span', module: 'myco.tracing', exclusionParam: 'hide' }] },
      errors: [{ line: 3, column: 7, endColumn: 10, message: 'myco.tracing.span' }],
      output: `from myco.tracing import span
@span(label="x", hide=["pwd"])
def f(pwd): ...
`,
    },
    {
      name: 'TS LangSmith, several positional arguments: processInputs replaces that argument',
      file: 'tools.ts',
      code: `import { traceable } from "langsmith/traceable";
export const fetchInvoice = traceable(async (invoiceId: string, apiKey: string) => invoiceId, { name: "fetch_invoice" });
`,
      errors: [{ line: 2, column: 65, endColumn: 71, message: '"fetchInvoice" is traced by LangSmith traceable' }],
      output: `import { traceable } from "langsmith/traceable";
export const fetchInvoice = traceable(async (invoiceId: string, apiKey: string) => invoiceId, { name: "fetch_invoice", processInputs: (inputs) => ({ ...inputs, args: inputs.args?.map((arg, i) => (i === 1 ? "[EXCLUDED]" : arg)) }) });
`,
    },
    {
      name: 'TS LangSmith, destructured object parameter, no options: creates them',
      file: 'tools.ts',
      code: `import * as ls from "langsmith/traceable";
const search = ls.traceable(({ query, accessToken }: Args) => query);
`,
      errors: [{ line: 2, column: 39, endColumn: 50 }],
      output: `import * as ls from "langsmith/traceable";
const search = ls.traceable(({ query, accessToken }: Args) => query, { processInputs: (inputs) => Object.fromEntries(Object.entries(inputs).filter(([key]) => key !== "accessToken")) });
`,
    },
    {
      name: 'JS Langfuse through require, function passed by name, multi-line options',
      file: 'tools.cjs',
      code: `const { observe } = require("@langfuse/tracing");
async function login({ username, password }) {
  return username;
}
module.exports = observe(login, {
  name: "login",
});
`,
      errors: [{ line: 2, column: 34, endColumn: 42, message: 'Langfuse observe' }],
      output: `const { observe } = require("@langfuse/tracing");
async function login({ username, password }) {
  return username;
}
module.exports = observe(login, {
  name: "login",
  captureInput: false,
});
`,
    },
    {
      name: 'TS: a syntax error in one statement does not stop the others',
      file: 'tools.ts',
      code: `import { traceable } from "langsmith/traceable";
const broken = (;
export const t = traceable((secret: string) => secret);
`,
      errors: [{ line: 3, column: 29, endColumn: 35 }],
      output: `import { traceable } from "langsmith/traceable";
const broken = (;
export const t = traceable((secret: string) => secret, { processInputs: (inputs) => ({ ...inputs, input: "[EXCLUDED]" }) });
`,
    },
      // Tracers applied by call: the fix goes where the wrapper's options are.
    {
      name: 'TraceCraft by call: trace_tool(name=...)(fn)',
      code: `import tracecraft
def login(user: str, password: str) -> bool: ...
login_tool = tracecraft.trace_tool(name="login")(login)
`,
      errors: [{ line: 2, column: 22, endColumn: 30, message: '"login" is traced by TraceCraft trace_tool and records its "password" parameter', suggestions: [
        `import tracecraft
def login(user: str, password: str) -> bool: ...
login_tool = tracecraft.trace_tool(name="login", exclude_inputs=["password"])(login)
`,
        `import tracecraft
def login(user: str, password: str) -> bool: ...
login_tool = tracecraft.trace_tool(name="login", capture_inputs=False)(login)
`,
      ] }],
      output: `import tracecraft
def login(user: str, password: str) -> bool: ...
login_tool = tracecraft.trace_tool(name="login", exclude_inputs=["password"])(login)
`,
    },
    {
      name: 'Weave by call: weave.op(fn) takes its options beside the function',
      code: `import weave
def login(user: str, password: str) -> bool: ...
traced = weave.op(login)
`,
      errors: [{ line: 2, column: 22, endColumn: 30, message: 'Weave op' }],
      output: `import weave
def login(user: str, password: str) -> bool: ...
traced = weave.op(login, postprocess_inputs=lambda inputs: {k: v for k, v in inputs.items() if k != "password"})
`,
    },
    {
      name: 'LangSmith by call: traceable(fn) takes no options, so the fix writes traceable(...)(fn)',
      code: `from langsmith import traceable
async def login(user, password): ...
traced = traceable(login)
`,
      errors: [{ line: 2, column: 23, endColumn: 31, message: 'LangSmith traceable' }],
      output: `from langsmith import traceable
async def login(user, password): ...
traced = traceable(process_inputs=lambda inputs: {k: v for k, v in inputs.items() if k != "password"})(login)
`,
    },
    {
      name: 'Langfuse by call: observe(fn) and observe()(fn)',
      code: `from langfuse import observe
def login(user, password): ...
a = observe(login)
b = observe()(login)
`,
      errors: [{ line: 2, column: 17, endColumn: 25 }, { line: 2, column: 17, endColumn: 25 }],
      output: `from langfuse import observe
def login(user, password): ...
a = observe(login, capture_input=False)
b = observe(capture_input=False)(login)
`,
    },
    {
      name: 'by call: fn = tracer()(fn), a method rebound in its class body, self.method in __init__',
      code: `import weave
from langsmith import traceable
import tracecraft as tc

def fetch(url, api_key): ...
fetch = tc.trace_tool()(fetch)

class Agent:
    def run(self, query, secret):
        pass
    run = traceable(run)

    def __init__(self):
        self.search = weave.op(self.search)

    def search(self, q, auth_token):
        pass
`,
      errors: [
        { line: 5, column: 16, endColumn: 23, message: '"fetch" is traced by TraceCraft trace_tool' },
        { line: 9, column: 26, endColumn: 32, message: '"run" is traced by LangSmith traceable' },
        { line: 16, column: 25, endColumn: 35, message: '"search" is traced by Weave op' },
      ],
      output: `import weave
from langsmith import traceable
import tracecraft as tc

def fetch(url, api_key): ...
fetch = tc.trace_tool(exclude_inputs=["api_key"])(fetch)

class Agent:
    def run(self, query, secret):
        pass
    run = traceable(process_inputs=lambda inputs: {k: v for k, v in inputs.items() if k != "secret"})(run)

    def __init__(self):
        self.search = weave.op(self.search, postprocess_inputs=lambda inputs: {k: v for k, v in inputs.items() if k != "auth_token"})

    def search(self, q, auth_token):
        pass
`,
    },
    {
      name: 'by call inside a function, on a function defined there, with a list built before it',
      code: `import tracecraft
def build():
    def inner(query, token):
        return query
    hide = ["query"]
    return tracecraft.trace_tool(exclude_inputs=hide + ["otp"])(inner)
`,
      errors: [{ line: 3, column: 22, endColumn: 27 }],
      output: `import tracecraft
def build():
    def inner(query, token):
        return query
    hide = ["query"]
    return tracecraft.trace_tool(exclude_inputs=hide + ["otp", "token"])(inner)
`,
    },
    {
      name: 'TraceCraft streaming decorators record inputs like trace_llm',
      code: `from tracecraft.instrumentation.decorators import trace_llm_stream, trace_stream
@trace_llm_stream(name="chat", model="gpt-4o")
async def chat(prompt, api_key):
    yield prompt
@trace_stream
async def items(token):
    yield 1
`,
      errors: [{ line: 3, column: 24, endColumn: 31, message: 'TraceCraft trace_llm_stream' }, { line: 6, column: 17, endColumn: 22, message: 'TraceCraft trace_stream' }],
      output: `from tracecraft.instrumentation.decorators import trace_llm_stream, trace_stream
@trace_llm_stream(name="chat", model="gpt-4o", exclude_inputs=["api_key"])
async def chat(prompt, api_key):
    yield prompt
@trace_stream(exclude_inputs=["token"])
async def items(token):
    yield 1
`,
    },
    {
      name: 'exclusions read through unpacking, concatenation and list(): the fix appends to the literal written',
      code: `import tracecraft
HIDE = ["api_key"]
MORE = HIDE
@tracecraft.trace_tool(exclude_inputs=[*HIDE, "otp"])
def a(api_key, otp, password): ...
@tracecraft.trace_tool(exclude_inputs=HIDE + ["otp"])
def b(api_key, otp, token): ...
@tracecraft.trace_tool(exclude_inputs=list(MORE))
def c(api_key, secret): ...
`,
      errors: [
        { line: 5, column: 21, endColumn: 29 },
        { line: 7, column: 21, endColumn: 26 },
        { line: 9, column: 16, endColumn: 22, suggestions: [
          `import tracecraft
HIDE = ["api_key", "secret"]
MORE = HIDE
@tracecraft.trace_tool(exclude_inputs=[*HIDE, "otp"])
def a(api_key, otp, password): ...
@tracecraft.trace_tool(exclude_inputs=HIDE + ["otp"])
def b(api_key, otp, token): ...
@tracecraft.trace_tool(exclude_inputs=list(MORE))
def c(api_key, secret): ...
`,
          `import tracecraft
HIDE = ["api_key"]
MORE = HIDE
@tracecraft.trace_tool(exclude_inputs=[*HIDE, "otp"])
def a(api_key, otp, password): ...
@tracecraft.trace_tool(exclude_inputs=HIDE + ["otp"])
def b(api_key, otp, token): ...
@tracecraft.trace_tool(exclude_inputs=list(MORE), capture_inputs=False)
def c(api_key, secret): ...
`,
        ] },
      ],
    },
    {
      name: 'AgentDbg: a dict built in a variable, dict(...) and **unpacking (keys its default redaction misses)',
      code: `from agentdbg import record_tool_call
BASE = {"passwd": "x"}
def run(query, key):
    args = {"query": query, "private_key": key}
    record_tool_call("search", args=args, meta=dict(access_key=key, **BASE))
`,
      errors: [
        { line: 2, column: 9, endColumn: 17, message: 'record_tool_call records the key "passwd"' },
        { line: 4, column: 29, endColumn: 42, message: 'record_tool_call records the key "private_key"', suggestions: [
          `from agentdbg import record_tool_call
BASE = {"passwd": "x"}
def run(query, key):
    args = {"query": query}
    record_tool_call("search", args=args, meta=dict(access_key=key, **BASE))
`,
        ] },
        { line: 5, column: 53, endColumn: 63, message: 'record_tool_call records the key "access_key"', suggestions: [
          `from agentdbg import record_tool_call
BASE = {"passwd": "x"}
def run(query, key):
    args = {"query": query, "private_key": key}
    record_tool_call("search", args=args, meta=dict(**BASE))
`,
        ] },
      ],
      output: null,
    },
    // TypeScript class-method decorators.
    {
      name: 'TS: a configured decorator, bare, with empty parentheses and with an options object',
      file: 'agent.ts',
      settings: { tracingDecorators: [{ name: 'traceTool', module: '@myco/tracing', exclusionParam: 'excludeInputs' }] },
      code: `import { traceTool } from "@myco/tracing";
const HIDE = ["apiKey"];
class Tools {
  @traceTool({ name: "fetch", excludeInputs: [...HIDE, "otp"] })
  fetch(apiKey: string, otp: string, secret: string) {
    return 1;
  }
  @traceTool
  bare(token: string) {}
  @traceTool()
  empty({ query, password }: { query: string; password: string }) {}
}
`,
      errors: [
        { line: 5, column: 38, endColumn: 44, message: '"fetch" is traced by @myco/tracing.traceTool' },
        { line: 9, column: 8, endColumn: 13 },
        { line: 11, column: 18, endColumn: 26 },
      ],
      output: `import { traceTool } from "@myco/tracing";
const HIDE = ["apiKey"];
class Tools {
  @traceTool({ name: "fetch", excludeInputs: [...HIDE, "otp", "secret"] })
  fetch(apiKey: string, otp: string, secret: string) {
    return 1;
  }
  @traceTool({ excludeInputs: ["token"] })
  bare(token: string) {}
  @traceTool({ excludeInputs: ["password"] })
  empty({ query, password }: { query: string; password: string }) {}
}
`,
    },
    {
      name: 'TS: Weave op as a decorator, bare and with options; a parameter typed by an interface with a credential member',
      file: 'agent.ts',
      code: `import * as weave from "weave";
interface Credentials {
  username: string;
  password: string;
}
export class Agent {
  @weave.op
  async login(creds: Credentials) {
    return creds.username;
  }
  @weave.op({ name: "lookup" })
  static async lookup(query: string, accessToken: string) {
    return query;
  }
}
`,
      errors: [
        { line: 8, column: 15, endColumn: 20, message: 'records "password" (a member of its "creds" parameter)' },
        { line: 12, column: 38, endColumn: 49, message: '"lookup" is traced by Weave op' },
      ],
      output: null,
    },
    {
      name: 'JS: a standard (Stage 3) decorator on a method',
      file: 'agent.js',
      code: `import { op } from "weave";
export class Agent {
  @op
  async search(query, apiToken) {
    return query;
  }
}
`,
      errors: [{ line: 4, column: 23, endColumn: 31 }],
      output: null,
    },
    {
      name: 'TS LangSmith wrapper: a parameter typed by a type alias; processInputs drops the member',
      file: 'tools.ts',
      code: `import { traceable } from "langsmith/traceable";
type Login = { user: string; password: string };
export const login = traceable(async (input: Login) => input.user);
`,
      errors: [{ line: 3, column: 39, endColumn: 44 }],
      output: `import { traceable } from "langsmith/traceable";
type Login = { user: string; password: string };
export const login = traceable(async (input: Login) => input.user, { processInputs: (inputs) => Object.fromEntries(Object.entries(inputs).filter(([key]) => key !== "password")) });
`,
    },
    {
      name: 'TS: Weave op wrapping a method in the constructor, this.chat.bind(this)',
      file: 'agent.ts',
      code: `import * as weave from "weave";
class Agent {
  constructor() {
    this.chat = weave.op(this.chat.bind(this));
  }
  async chat(message: string, apiKey: string) {
    return message;
  }
}
`,
      errors: [{ line: 6, column: 31, endColumn: 37, message: '"chat" is traced by Weave op and records its "apiKey" parameter' }],
      output: null,
    },
  ],
});
