// Table tests for suppression comments and unused-suppression.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { initAnalysis } from '../../../server/analysis';
import { lintSource } from '../../../server/rules/run';
import { ruleTester } from './rule-tester';

ruleTester('unused-suppression', {
  valid: [
    `import tracecraft
# tracelint-disable-next-line credential-param-captured
@tracecraft.trace_tool()
def f(api_key): ...
`,
    `import tracecraft
@tracecraft.trace_tool()
def f(api_key): ...  # tracelint-disable-line
`,
    `import tracecraft
# tracelint-disable credential-param-captured -- legacy module, tracked in JIRA-12
@tracecraft.trace_tool()
def f(api_key, password): ...
# tracelint-enable credential-param-captured
`,
    { file: 'a.ts', code: `import { traceable } from "langsmith/traceable";
// tracelint-disable-next-line credential-param-captured
export const f = traceable((apiKey: string) => 1);
` },
    { file: '.env', code: '# tracelint-disable-next-line redaction-disabled\nTRACECRAFT_REDACTION_ENABLED=false\n' },
  ],
  invalid: [
    {
      name: 'a next-line directive over a clean line; removing it removes the line',
      code: `import tracecraft
# tracelint-disable-next-line credential-param-captured
@tracecraft.trace_tool()
def f(query): ...
`,
      errors: [{ line: 2, column: 1, endColumn: 56, message: 'suppresses nothing (credential-param-captured)' }],
      output: `import tracecraft
@tracecraft.trace_tool()
def f(query): ...
`,
    },
    {
      name: 'a trailing directive naming the wrong rule',
      file: 'a.ts',
      code: `const x = 1; // tracelint-disable-line hardcoded-credential\n`,
      errors: [{ line: 1, column: 14, endColumn: 60 }],
      output: `const x = 1;\n`,
    },
  ],
});

test('suppressed findings are gone, others stay; blocks end at enable', async () => {
  await initAnalysis();
  const code = `import tracecraft
# tracelint-disable credential-param-captured
@tracecraft.trace_tool()
def f(api_key): ...
# tracelint-enable
@tracecraft.trace_tool()
def g(password): ...
`;
  const found = lintSource('agent.py', code).map((f) => `${f.ruleId}@${f.range.line + 1}`);
  assert.deepEqual(found, ['credential-param-captured@7']);
});
