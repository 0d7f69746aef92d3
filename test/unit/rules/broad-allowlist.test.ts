// Table tests for broad-allowlist: allowlist patterns tried with fullmatch against the secrets the
// detectors find in their own positive examples; allowlist values equal to such a secret. Messages
// show secrets masked only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from './rule-tester';
import { runRules } from '../../../server/rules/run';
import { exampleSecrets } from '../../../server/rules/broad-allowlist';
import { configPatternModel } from '../../../server/analysis/config-files';

ruleTester('broad-allowlist', {
  valid: [
    `from tracecraft import RedactionConfig
c = RedactionConfig(allowlist_patterns=[r"TCK-\\d{6}", r"user-\\d+@example\\.com", r"\\[REDACTED\\]"], allowlist=["guest", "n/a"])
`,
    // Custom patterns redact; only allowlists let things through.
    `from tracecraft import RedactionConfig, RedactionRule
c = RedactionConfig(custom_patterns=[RedactionRule(name="all", pattern=r".*")])
`,
  ],
  invalid: [
    {
      name: 'match-everything, any e-mail, any sk- key',
      code: `from tracecraft import RedactionConfig
c = RedactionConfig(allowlist_patterns=[r".*", r".+@.+", r"sk-.*"])
`,
      errors: [
        { line: 2, column: 41, endColumn: 46, message: /^This allowlist pattern fully matches real-looking secrets of \d+ detectors: / },
        { line: 2, column: 48, endColumn: 56, message: 'fully matches real-looking secrets of 1 detector: email (info…(18 chars)).' },
        { line: 2, column: 58, endColumn: 66, message: 'of 4 detectors: anthropic_api_key (sk-a…(121 chars)), langfuse_api_key (sk-l…(42 chars)), openrouter_api_key (sk-o…(73 chars)), openai_api_key (sk-p…(62 chars)).' },
      ],
    },
    {
      name: 'an allowlist value that is a real-looking secret',
      code: `from tracecraft import RedactionConfig
c = RedactionConfig(allowlist=["ghp_qfl0nkt0jmyxprzh1wnhjmntu6z27jiu7jon"])
`,
      errors: [{ line: 2, column: 32, endColumn: 74, message: 'This allowlist value is a real-looking secret (github_token (ghp_…(40 chars))): it is never redacted where it appears.' }],
    },
  ],
});

test('the example secrets come from every detector but sensitive_field, and messages never show one whole', () => {
  const examples = exampleSecrets();
  const detectors = new Set(examples.map((e) => e.detector));
  assert.ok(detectors.has('openai_api_key') && detectors.has('email') && detectors.has('private_key'));
  assert.equal(detectors.has('sensitive_field'), false);
  const json = '{ "allowlistPatterns": ["[\\\\s\\\\S]+"] }';
  const findings = runRules(configPatternModel('/w/tracelint.json', json)!, {}).filter((f) => f.ruleId === 'broad-allowlist');
  assert.equal(findings.length, 1);
  for (const e of examples) if (e.secret.length >= 12) assert.ok(!findings[0].message.includes(e.secret), 'a whole secret in the message');
});
