// Table tests for hardcoded-credential: detectors run on decoded string values, positions mapped
// back through escapes; messages never show the secret whole. The planted keys are fake.
import { defaultEngineOptions } from '../../../shared/options';
import { ruleTester } from './rule-tester';

ruleTester('hardcoded-credential', {
  valid: [
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
  ],
  invalid: [
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
