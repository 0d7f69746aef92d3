// Table tests for invalid-pattern: Python's reason, placed where Python reports it inside the
// literal (through raw strings, escapes, implicit concatenation and module-level constants), and the
// same rule on tracelint.json and .agentdbg/config.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ruleTester } from './rule-tester';
import { runRules } from '../../../server/rules/run';
import { analyzeSource } from '../../../server/analysis';
import { configPatternModel } from '../../../server/analysis/config-files';

ruleTester('invalid-pattern', {
  valid: [
    `from tracecraft import RedactionRule
r = RedactionRule(name="ticket", pattern=r"TCK-\\d{6}")
`,
    // Python-only syntax is valid: named groups, scoped flags, possessive repeats, {,n}.
    `from tracecraft import RedactionConfig
c = RedactionConfig(custom_patterns=[r"(?P<k>key)=(?P=k)", r"(?i:token)\\s*[:=]", r"a++", r"x{,3}"])
`,
    // Allowlist values are literal strings, not patterns.
    `from tracecraft import RedactionConfig
c = RedactionConfig(allowlist=["(unbalanced"])
`,
  ],
  invalid: [
    {
      name: 'TS: a constant from a constant, spread into a list built in the function, then concat',
      file: 'config.ts',
      code: `import { RedactionConfig } from "tracecraft";
const TEAM = ["team-(\\\\d+"] as const;
const ALL = TEAM;
export function build() {
  const patterns = [...ALL, "[a-z"];
  return new RedactionConfig({ customPatterns: patterns.concat(["ok"]) });
}
`,
      errors: [
        { line: 2, column: 21, endColumn: 26, message: 'missing ), unterminated subpattern (at position 5)' },
        { line: 5, column: 30, endColumn: 34, message: 'unterminated character set (at position 0)' },
      ],
    },
    {
      name: 'pattern lists built by concatenation and unpacking are read item by item',
      code: `from tracecraft import RedactionConfig
TEAM = [r"team-(\\d+"]
config = RedactionConfig(custom_patterns=TEAM + [r"[a-z"], allowlist_patterns=[*EXTRA, r"ok"])
`,
      errors: [
        { line: 2, column: 16, endColumn: 20, message: 'missing ), unterminated subpattern (at position 5)' },
        { line: 3, column: 52, endColumn: 56, message: 'unterminated character set (at position 0)' },
      ],
    },
    {
      name: 'unbalanced group in a raw string',
      code: `from tracecraft import RedactionRule
r = RedactionRule(name="t", pattern=r"(ab")
`,
      errors: [{ line: 2, column: 39, endColumn: 42, message: "Python's re rejects this pattern: missing ), unterminated subpattern (at position 0)." }],
    },
    {
      name: 'duplicate group name across implicit concatenation and an escape',
      code: `from tracecraft import RedactionRule
RULES = [RedactionRule(
    name="x",
    pattern="\\\\d{2}" "(?P<x>a)(?P<x>b)",
)]
`,
      errors: [{ line: 4, column: 35, endColumn: 37, message: "redefinition of group name 'x' as group 2; was group 1 (at position 17)" }],
    },
    {
      name: 'bad escape, nothing to repeat, variable-width lookbehind, through a constant',
      code: `from tracecraft import RedactionConfig
BAD = r"\\q+"
c = RedactionConfig(custom_patterns=[BAD, r"*x", r"(?<=a+)b"], allowlist_patterns=[r"[z-a]"])
`,
      errors: [
        { line: 2, column: 9, endColumn: 11, message: 'bad escape \\q (at position 0)' },
        { line: 3, column: 45, endColumn: 46, message: 'nothing to repeat (at position 0)' },
        { line: 3, column: 52, endColumn: 59, message: 'look-behind requires fixed-width pattern (at position 0)' },
        { line: 3, column: 87, endColumn: 90, message: 'bad character range z-a (at position 1)' },
      ],
    },
  ],
});

test('invalid-pattern in tracelint.json and .agentdbg/config.yaml', () => {
  const json = '{\n  "customRules": [{ "name": "t", "pattern": "TCK-\\\\d{6" }],\n  "allowlistPatterns": ["ok", "a)"]\n}\n';
  const jm = configPatternModel('/w/tracelint.json', json)!;
  const jf = runRules(jm, {}).filter((f) => f.ruleId === 'invalid-pattern');
  assert.deepEqual(jf.map((f) => [json.slice(f.span.start, f.span.end), f.range.line, f.range.column, f.message]), [
    // `TCK-\d{6` is valid Python: an unclosed `{` is a literal. Only `a)` is rejected.
    [')', 2, 32, "Python's re rejects this pattern: unbalanced parenthesis (at position 1). re.compile raises re.error when the SDK loads it."],
  ]);
  const yaml = 'redaction:\n  patterns:\n    - "(?P<n>x"\n    - \'[abc\'\n';
  const ym = analyzeSource('/w/.agentdbg/config.yaml', yaml)!;
  const yf = runRules(ym, {}).filter((f) => f.ruleId === 'invalid-pattern');
  assert.deepEqual(yf.map((f) => [yaml.slice(f.span.start, f.span.end), f.range.line, f.range.column]), [
    ['(?P<n>x', 2, 7],
    ['[abc', 3, 7],
  ]);
  assert.equal(configPatternModel('/w/notes.json', json), undefined);
});
