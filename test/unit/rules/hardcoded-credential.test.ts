// Table tests for hardcoded-credential: detectors run on decoded string values, positions mapped
// back through escapes; messages never show the secret whole. The planted keys are fake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { scrub } from '../../../shared/mask';
import { defaultEngineOptions } from '../../../shared/options';
import { isTestFile, messageFor } from '../../../server/rules/hardcoded-credential';
import { isStandIn } from '../../../server/rules/stand-ins';
import { ruleTester } from './rule-tester';

ruleTester('hardcoded-credential', {
  valid: [
    {
      name: "a URL's password in a test is a fixture",
      file: 'tests/test_git.py',
      code: 'REMOTE = "https://user%40example.com:p%40ss%2Fw0rd@github.com/org/repo.git"\n',
    },
    `key = os.environ["OPENAI_API_KEY"]
email = "dana@example.com"
phone = "+1 555 123 4567"
doc = "set api_key in your environment"
`,
    { file: 'a.ts', code: 'const key = process.env.OPENAI_API_KEY;\nconst url = "https://example.com";\n' },
    // The configuration's allowlist applies to source too.
    {
      code: 'KEY = "sk-test-EXAMPLE-not-a-real-key-000000"\n',
      settings: { engine: { ...defaultEngineOptions(), allowlist: ['sk-test-EXAMPLE-not-a-real-key-000000'] } },
    },
    // Prose: docstrings of a generated API client and of an SDK's constructor, with usage examples.
    {
      name: 'docstrings: argument docs, a type read as a value, a usage example with placeholders',
      code: `class Client:
    def __init__(self, secret_key=None, secret_access_key=None):
        """Talks to the API.

        secret_key: Langfuse secret key. Uses LANGFUSE_SECRET_KEY env var if not provided.
        secret_access_key : typing.Optional[str]
        resume_token: Resume token if incomplete.

        Examples
        --------
        client = Client(username="YOUR_USERNAME", password="YOUR_PASSWORD", token="s3cr3t-t0ken")
        """
`,
    },
    {
      // openai/openai-agents-python src/agents/tracing/scope.py: a string annotation is a type, not a value.
      name: 'Python annotations: a parameter or variable named like a credential with a string type',
      code: `class Scope:
    @classmethod
    def reset_current_span(cls, token: "contextvars.Token[Span[Any] | None]") -> None:
        secret: "Optional[str]" = None
`,
    },
    {
      // openai/openai-agents-python tests/realtime/test_openai_realtime.py
      name: "a bearer token of filler words is a test's fixture",
      code: 'assert headers["Authorization"] == "Bearer test-api-key-123"\n',
    },
    {
      name: 'log, print, help and error texts',
      code: `import logging
log = logging.getLogger(__name__)
def on_token(run_id, parent_run_id):
    log.debug(f"on llm new token: run_id: {run_id} parent_run_id: {parent_run_id}")
    print("    -e AWS_SECRET_ACCESS_KEY=Xy9secretvalue7 \\\\")
    parser.add_argument("--token", help="token=abc123def456 from your dashboard")
    raise ValueError("password=hunter22 is not accepted")
`,
    },
    {
      name: 'placeholders, env-variable names, URLs with a query, names of headers and classes',
      code: `SECRET_ENV = "LANGFUSE_SECRET_KEY"
AUTH = "Auth: DefaultAzureCredential"
X_API_KEY = "x-api-key"
_AUTH_HEADER = "X-Service-Token"
password = "YOUR_PASSWORD"
api_key = "<your-api-key>"
token = "\${API_TOKEN}"
secret = "changeme"
docker = "-e AWS_SECRET_ACCESS_KEY=your-secret"
REMOTE = "https://github.com/acme/agent.git?token=secret"
masked = {"api_key": "***MASKED***"}
`,
    },
    {
      name: 'values only partly written here: an f-string, a concatenation, a template literal',
      code: `headers = {"authorization": f"Bearer {access_token}"}
app.secret_key = "review-" + uuid.uuid4().hex
`,
    },
    { file: 'auth.ts', code: 'const headers = { Authorization: `Bearer ${token}` };\nconst apiKey = process.env.API_KEY ?? "";\n' },
    {
      name: "the project's own redaction rules: rule names and patterns are not credentials",
      code: `from tracecraft import RedactionConfig, RedactionRule
rule = RedactionRule(name="openai_key_rule", pattern=r"\\bsk-[A-Za-z0-9]{20,}\\b", replacement="password=[REDACTED]")
config = RedactionConfig(custom_patterns=[r"api_key=\\w+"])
`,
    },
    {
      name: "a test's values under credential names are fixtures",
      file: 'tests/test_client.py',
      code: 'client = Client(api_key="workspace1-key9", password="Tr0ub4dor&3x")\n',
    },
    {
      name: "custom patterns in the configuration redact traces; they do not report source",
      code: 'LABEL = "acct-7781-zulu"\\n',
      settings: { engine: { ...defaultEngineOptions(), customPatterns: [{ name: 'acct', pattern: 'acct-\\\\d+' }] } },
    },
    {
      name: 'published documentation examples and elided keys',
      code: `AWS_ACCESS_KEY_ID = "AKIAIOSFODNN7EXAMPLE"
shown = "sk-proj-abc123def456ghi789..."
`,
    },
  ],
  invalid: [
    {
      name: "a URL's password in code is reported",
      code: 'DB = "postgresql://admin:Xk29fjQ7pL@db.internal:5432/app"\n',
      errors: [{ line: 1, column: 26, endColumn: 36, message: 'Hardcoded credential (url_credentials)' }],
    },
    {
      name: 'the binding name is the key: an AWS secret assigned to its variable',
      code: 'AWS_SECRET_ACCESS_KEY = "u8jzPde0IgxLd6GncfBAepfJBd0Kh8oOOL8dKLzd"\n',
      errors: [{ line: 1, column: 26, endColumn: 66, message: 'Hardcoded credential (aws_secret_key): u8jz…(40 chars).' }],
    },
    {
      name: 'a keyword argument and a dict key name a password',
      code: 'db = connect(password="Tr0ub4dor&3x")\ncfg = {"client_secret": "q8Zr2mX4vB7nL1kP"}\n',
      errors: [
        { line: 1, column: 24, endColumn: 36, message: 'Hardcoded credential (sensitive_field): Tr0u…(12 chars).' },
        { line: 2, column: 26, endColumn: 42, message: 'Hardcoded credential (sensitive_field): q8Zr…(16 chars).' },
      ],
    },
    {
      name: 'TS: an object property names the key',
      file: 'client.ts',
      code: 'const client = new Client({ apiKey: "q8Zr2mX4vB7nL1kP" });\n',
      errors: [{ line: 1, column: 38, endColumn: 54, message: 'Hardcoded credential (sensitive_field): q8Zr…(16 chars).' }],
    },
    {
      name: 'a key-format match counts in a docstring and in a test',
      file: 'tests/test_agent.py',
      code: `def test_agent():
    """Runs with sk-proj-Tq8vXw2LmN4pR7sYz1AbCdEfGh3JkLmNoPqRsTuV."""
`,
      errors: [{ line: 2, column: 18, endColumn: 66, message: 'Hardcoded credential (openai_api_key): sk-p…(48 chars).' }],
    },
    {
      name: 'Python: whole literal, import os added',
      code: `"""Agent."""
from __future__ import annotations
KEY = "sk-proj-Tq8vXw2LmN4pR7sYz1AbCdEfGh3JkLmNoPqRsTuV"
`,
      errors: [{
        line: 3, column: 8, endColumn: 56, message: 'Hardcoded credential (openai_api_key): sk-p…(48 chars).',
        suggestions: [`"""Agent."""
from __future__ import annotations
import os
KEY = os.environ["OPENAI_API_KEY"]
`],
      }],
      output: null,
    },
    {
      name: "a Langfuse secret key is read from Langfuse's own variable, not OpenAI's",
      code: `import os
langfuse = Langfuse(secret_key="sk-lf-1c3e5a7b-9d2f-4b6a-8c0e-2f4a6b8c0d1e")
`,
      errors: [{
        line: 2, column: 33, endColumn: 75, message: 'Hardcoded credential (langfuse_api_key): sk-l…(42 chars).',
        suggestions: [`import os
langfuse = Langfuse(secret_key=os.environ["LANGFUSE_SECRET_KEY"])
`],
      }],
    },
    {
      name: "an xAI key is read from XAI_API_KEY, the variable xAI's SDK reads",
      code: `import os
client = Client(api_key="xai-Qm7Vb4nR8tY1wLs2Kp9Xz3Hc6Jd0Fg5Ta8Ue1Wi4Ro7Sy2Nv5Mb9Lq3Gk6Pj0Dh4Cf8Ex1Zu7Aw2Ys5O")
`,
      errors: [{
        line: 2, column: 26, endColumn: 110, message: 'Hardcoded credential (xai_api_key): xai-…(84 chars).',
        suggestions: [`import os
client = Client(api_key=os.environ["XAI_API_KEY"])
`],
      }],
    },
    {
      name: 'Python: part of a literal, through an escape',
      code: `import os
headers = {"Authorization": "Bearer\\x20eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlMTIz"}
`,
      errors: [{
        line: 2, column: 40, endColumn: 105,
        suggestions: [`import os
headers = {"Authorization": "Bearer " + os.environ["API_TOKEN"]}
`],
      }],
    },
    {
      name: 'TS: a key in a template literal chunk is found; concatenation keeps the rest',
      file: 'client.ts',
      code: 'const a = "token: AKIAZ3MHQ4XJ7KD2PLQW";\nconst b = `${base}/ghp_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c`;\n',
      errors: [
        { line: 1, column: 19, endColumn: 39, suggestions: ['const a = "token: " + (process.env.AWS_ACCESS_KEY_ID ?? "");\nconst b = `${base}/ghp_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c`;\n'] },
        { line: 2, column: 20, endColumn: 60, suggestions: [] },
      ],
    },
  ],
});

test('hardcoded-credential: stand-in values (no finding from name-driven detectors)', () => {
  const table: Array<[string, boolean]> = [
    ['your-secret', true], ['YOUR_PASSWORD', true], ['<token>', true], ['changeme', true], ['xxx', true], ['...', true],
    ['${VAR}', true], ['LANGFUSE_SECRET_KEY', true], ['DefaultAzureCredential', true], ['typing.Optional', true],
    ['super_secret_key_12345', true], ['abcdef1234567890', true], ['old-refresh-token', true], ['sk-demo-DO_NOT_USE', true],
    ['***MASKED***', true], ['.organizations', true], ['Langfuse secret key.', true], ['https://example.com/x', true],
    ['Tr0ub4dor&3x', false], ['q8Zr2mX4vB7nL1kP', false], ['hunter22x', false], ['kJhGfDsAqWe', false],
  ];
  for (const [value, standIn] of table) assert.equal(isStandIn(value), standIn, value);
});

test('hardcoded-credential: test files by convention', () => {
  const table: Array<[string, boolean]> = [
    ['tests/test_client.py', true], ['pkg/test_x.py', true], ['pkg/x_test.py', true], ['conftest.py', true],
    ['src/__tests__/a.ts', true], ['src/a.test.ts', true], ['src/a.spec.tsx', true],
    ['src/agent.py', false], ['src/contest.py', false], ['src/latest.ts', false],
  ];
  for (const [file, expected] of table) assert.equal(isTestFile(file), expected, file);
});

test('hardcoded-credential: masking touches the value only', () => {
  // Outputs mask every occurrence of the secret; the advice is worded so that a common word stays readable.
  const table: Array<[string, string, string]> = [
    ['password_field', 'secret', 'Hardcoded credential (password_field): …(6 chars). Read it from the environment instead.'],
    ['password_field', 'environment', 'Hardcoded credential (password_field): …(11 chars). Load it at run time instead.'],
    ['openai_api_key', 'sk-proj-Tq8vXw2LmN4pR7sYz1AbCdEf', 'Hardcoded credential (openai_api_key): sk-p…(32 chars). Read it from the environment or a secret store instead.'],
  ];
  for (const [detector, text, expected] of table) {
    assert.equal(scrub(messageFor({ detector, text, start: 0, end: text.length, severity: 'error' }), text), expected);
  }
});
