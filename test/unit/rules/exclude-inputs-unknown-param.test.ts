// Table tests for exclude-inputs-unknown-param: typos renamed to the closest parameter.
import { ruleTester } from './rule-tester';

ruleTester('exclude-inputs-unknown-param', {
  valid: [
    `import tracecraft
@tracecraft.trace_tool(exclude_inputs=["db_password"])
def f(email, db_password): ...
`,
    // With **kwargs the name may arrive there: kwargs-credential-captured's case.
    `import tracecraft
@tracecraft.trace_tool(exclude_inputs=["api_key"])
def f(query, **kwargs): ...
`,
    // A dynamic list is not guessed at.
    `import tracecraft
@tracecraft.trace_tool(exclude_inputs=names())
def f(query): ...
`,
    // Not a tracer.
    `from other import trace_tool
@trace_tool(exclude_inputs=["nothing"])
def f(query): ...
`,
  ],
  invalid: [
    {
      name: 'typo renamed, quote style kept',
      code: `import tracecraft
@tracecraft.trace_tool(name="lookup_customer", exclude_inputs=['db_pasword'])
def lookup_customer(customer_email, db_password): ...
`,
      errors: [{ line: 2, column: 64, endColumn: 76, message: 'exclude_inputs names "db_pasword", but "lookup_customer" has no such parameter: it hides nothing (did you mean "db_password"?)' }],
      output: `import tracecraft
@tracecraft.trace_tool(name="lookup_customer", exclude_inputs=['db_password'])
def lookup_customer(customer_email, db_password): ...
`,
    },
    {
      name: 'a name far from every parameter gets no fix; a method receiver is never proposed',
      code: `import tracecraft as tc
class A:
    @tc.trace_llm(exclude_inputs=["session"])
    def ask(self, prompt, ApiKey): ...
`,
      errors: [{ line: 3, column: 35, endColumn: 44, message: 'has no such parameter: it hides nothing.' }],
      output: null,
    },
    {
      name: 'through a module-level constant: reported and fixed in the constant',
      code: `import tracecraft
HIDE = ["apikey"]
@tracecraft.trace_tool(exclude_inputs=HIDE)
def f(query, api_key): ...
`,
      errors: [{ line: 2, column: 9, endColumn: 17 }],
      output: `import tracecraft
HIDE = ["api_key"]
@tracecraft.trace_tool(exclude_inputs=HIDE)
def f(query, api_key): ...
`,
    },
    {
      name: 'through unpacking of a constant: reported and fixed in the constant',
      code: `import tracecraft
HIDE = ["apikey"]
@tracecraft.trace_tool(exclude_inputs=[*HIDE, "otp"])
def f(api_key, otp): ...
`,
      errors: [{ line: 2, column: 9, endColumn: 17, message: '(did you mean "api_key"?)' }],
      output: `import tracecraft
HIDE = ["api_key"]
@tracecraft.trace_tool(exclude_inputs=[*HIDE, "otp"])
def f(api_key, otp): ...
`,
    },
    {
      name: 'a tracer applied by call',
      code: `import tracecraft
def login(user, password): ...
tool = tracecraft.trace_tool(exclude_inputs=["pasword"])(login)
`,
      errors: [{ line: 3, column: 46, endColumn: 55, message: 'but "login" has no such parameter' }],
      output: `import tracecraft
def login(user, password): ...
tool = tracecraft.trace_tool(exclude_inputs=["password"])(login)
`,
    },
  ],
});
