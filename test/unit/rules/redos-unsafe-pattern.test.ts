// redos-unsafe-pattern through the slow-rule runner: a finding on the literal and one on the hotspot
// inside it (through raw strings, constants, JSON and YAML escapes), downgrades, unknown verdicts,
// and suppression comments judged in the slow pass only. recheck is slow: few cases, generous
// timeouts, no durations asserted.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { analyzeSource, initAnalysis } from '../../../server/analysis';
import { lintSource } from '../../../server/rules/run';
import { runSlowRules } from '../../../server/rules/slow';
import { configPatternModel } from '../../../server/analysis/config-files';
import { checkRedosSites } from '../../../server/rules/redos-unsafe-pattern';
import type { Finding } from '../../../shared/types';

before(() => initAnalysis());

function shown(text: string, findings: Finding[]) {
  return findings.map((f) => ({
    at: `${f.range.line + 1}:${f.range.column + 1}-${f.range.endLine + 1}:${f.range.endColumn + 1}`,
    text: text.slice(f.span.start, f.span.end),
    severity: f.severity,
  }));
}

const EXPONENTIAL = /^This redaction pattern can backtrack catastrophically \(exponential backtracking\): attack string "0{32}…" \(33 chars, repeating "0"\); hotspot `\\w`; timing confirmed it: .*the next size did not finish within the time limit\. Every string of every trace goes through it\.$/;

test('Python source: the literal (through a constant) and its hotspot; safe patterns say nothing', { timeout: 120_000 }, async () => {
  const code = `from tracecraft import RedactionConfig, RedactionRule
UNSAFE = r"^(\\w+\\s?)*$"
c = RedactionConfig(custom_patterns=[RedactionRule(name="bad", pattern=UNSAFE), RedactionRule(name="ok", pattern=r"TCK-\\d{6}")])
`;
  const findings = await runSlowRules(analyzeSource('agent.py', code)!, {});
  assert.deepEqual(shown(code, findings), [
    { at: '2:10-2:24', text: 'r"^(\\w+\\s?)*$"', severity: 'error' },
    { at: '2:14-2:16', text: '\\w', severity: 'error' },
  ]);
  assert.match(findings[0].message, EXPONENTIAL);
  assert.equal(findings[1].message, 'ReDoS hotspot (exponential backtracking): `\\w` is where the attack string makes the regex backtrack.');
  assert.ok(findings.every((f) => f.ruleId === 'redos-unsafe-pattern'));
  // Fingerprints hash what is flagged, not the message (whose timings change from run to run).
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  assert.deepEqual(findings.map((f) => f.fingerprint), [
    `redos-unsafe-pattern:${sha('agent.py\0r"^(\\w+\\s?)*$"\0pattern')}`,
    `redos-unsafe-pattern:${sha('agent.py\0\\w\0hotspot')}`,
  ]);
});

test('tracelint.json and .agentdbg/config.yaml: hotspots mapped through escapes', { timeout: 120_000 }, async () => {
  const json = '{\n  "customRules": [{ "name": "words", "pattern": "^(\\\\w+\\\\s?)*$" }]\n}\n';
  const jf = await runSlowRules(configPatternModel('/w/tracelint.json', json)!, {});
  assert.deepEqual(shown(json, jf), [
    { at: '2:49-2:64', text: '"^(\\\\w+\\\\s?)*$"', severity: 'error' },
    { at: '2:52-2:55', text: '\\\\w', severity: 'error' },
  ]);
  const yaml = "redaction:\n  patterns:\n    - '^([\\s\\[\\{\\(]|#.*)*$'\n";
  const yf = await runSlowRules(analyzeSource('/w/.agentdbg/config.yaml', yaml)!, {});
  assert.deepEqual(shown(yaml, yf), [
    { at: '3:7-3:28', text: "'^([\\s\\[\\{\\(]|#.*)*$'", severity: 'error' },
    { at: '3:21-3:23', text: '#.', severity: 'error' },
  ]);
  assert.match(yf[0].message, /^This custom redaction pattern can backtrack catastrophically \(exponential backtracking\)/);
});

test('TraceCraft\'s email rule: downgraded to information as a custom pattern, safe as an allowlist pattern (fullmatch)', { timeout: 120_000 }, async () => {
  const email = '[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?@[a-zA-Z0-9](?:[a-zA-Z0-9.-]{0,61}[a-zA-Z0-9])?\\.[a-zA-Z]{2,}';
  const code = `from tracecraft import RedactionConfig, RedactionRule
c = RedactionConfig(custom_patterns=[RedactionRule(name="email", pattern=r"${email}")])
a = RedactionConfig(allowlist_patterns=[r"${email}"])
`;
  const findings = await runSlowRules(analyzeSource('agent.py', code)!, {});
  assert.deepEqual(findings.map((f) => [f.severity, f.range.line, f.range.column]), [['info', 1, 73]]);
  assert.match(findings[0].message, /^recheck reports polynomial backtracking \(degree \d\) in this redaction pattern, but the repeats at its hotspot are bounded \(\{0,6[12]\}(, \{0,6[12]\})?\), which keeps matching linear in practice \(measured up to [\d,]+ chars: n\^\d\.\d\): not a practical ReDoS risk \(attack string "/);
});

test('a suppression comment hides the slow findings and is not reported unused by the fast pass', { timeout: 120_000 }, async () => {
  const code = `from tracecraft import RedactionRule
# tracelint-disable-next-line redos-unsafe-pattern
r = RedactionRule(name="bad", pattern=r"(.*,)+.+")
`;
  assert.deepEqual(await runSlowRules(analyzeSource('agent.py', code)!, {}), []);
  assert.deepEqual(lintSource('agent.py', code).map((f) => f.ruleId), []);
  assert.deepEqual(await runSlowRules(analyzeSource('agent.py', code)!, { rules: { 'redos-unsafe-pattern': 'off' } }), []);
});

test('unknown and untranslatable verdicts are reported as such, with the reason', { timeout: 60_000 }, async () => {
  const code = `from tracecraft import RedactionConfig
c = RedactionConfig(custom_patterns=[r"[a-z](?:[a-z._-]{0,30}[a-z])?%[a-z](?:[a-z.-]{0,29}[a-z])?\\.[a-z]{4,}", r"(a)?(?(1)b|c)"])
`;
  const model = analyzeSource('agent.py', code)!;
  const got: Array<{ message: string; text: string; severity?: string }> = [];
  await checkRedosSites({
    model, settings: {}, isCredentialName: () => false,
    report: (f) => got.push({ message: f.message, text: code.slice(f.span.start, f.span.end), severity: f.severity }),
  }, { timeoutMs: 1 });
  assert.deepEqual(got, [
    {
      message: 'The ReDoS check of this custom redaction pattern was inconclusive (unknown): recheck did not finish within 0.001 s. The pattern was not judged.',
      text: 'r"[a-z](?:[a-z._-]{0,30}[a-z])?%[a-z](?:[a-z.-]{0,29}[a-z])?\\.[a-z]{4,}"',
      severity: 'info',
    },
    {
      message: 'tracelint could not check this custom redaction pattern for ReDoS: the conditional group (?(1)...) has no JavaScript equivalent.',
      text: '(?(1)b|c)',
      severity: 'info',
    },
  ]);
});
