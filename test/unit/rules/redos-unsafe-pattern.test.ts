// redos-unsafe-pattern through the slow-rule runner: one finding on the literal, its hotspots as
// related locations (through raw strings, constants, JSON and YAML escapes), severities sized by
// cost, linear-in-practice verdicts as explanations only, unknown verdicts,
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
    related: (f.related ?? []).map((r) => `${r.file} ${r.range.line + 1}:${r.range.column + 1}-${r.range.endLine + 1}:${r.range.endColumn + 1}`),
  }));
}

const EXPONENTIAL = /^This redaction pattern can backtrack catastrophically \(exponential backtracking\): attack string "0{32}…" \(33 chars, repeating "0"\); hotspot `\\w`; timing confirmed it: .*a [\d,]+-char attack string did not finish within the CPU-time limit\. Every string of every trace goes through it\.$/;

test('Python source: one finding on the literal (through a constant), its hotspot a related location; safe patterns say nothing', { timeout: 120_000 }, async () => {
  const code = `from tracecraft import RedactionConfig, RedactionRule
UNSAFE = r"^(\\w+\\s?)*$"
c = RedactionConfig(custom_patterns=[RedactionRule(name="bad", pattern=UNSAFE), RedactionRule(name="ok", pattern=r"TCK-\\d{6}")])
`;
  const findings = await runSlowRules(analyzeSource('agent.py', code)!, {});
  assert.deepEqual(shown(code, findings), [
    { at: '2:10-2:24', text: 'r"^(\\w+\\s?)*$"', severity: 'error', related: ['agent.py 2:14-2:16'] },
  ]);
  assert.match(findings[0].message, EXPONENTIAL);
  assert.equal(findings[0].related![0].message, 'ReDoS hotspot (exponential backtracking): `\\w` is where the attack string makes the regex backtrack');
  assert.ok(findings.every((f) => f.ruleId === 'redos-unsafe-pattern'));
  // Fingerprints hash what is flagged, not the message (whose timings change from run to run).
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  assert.deepEqual(findings.map((f) => f.fingerprint), [`redos-unsafe-pattern:${sha('agent.py\0r"^(\\w+\\s?)*$"\0pattern')}`]);
});

test('tracelint.json and .agentdbg/config.yaml: hotspots mapped through escapes, as related locations', { timeout: 120_000 }, async () => {
  const json = '{\n  "customRules": [{ "name": "words", "pattern": "^(\\\\w+\\\\s?)*$" }]\n}\n';
  const jf = await runSlowRules(configPatternModel('/w/tracelint.json', json)!, {});
  assert.deepEqual(shown(json, jf), [
    { at: '2:49-2:64', text: '"^(\\\\w+\\\\s?)*$"', severity: 'error', related: ['/w/tracelint.json 2:52-2:55'] },
  ]);
  const yaml = "redaction:\n  patterns:\n    - '^([\\s\\[\\{\\(]|#.*)*$'\n";
  const yf = await runSlowRules(analyzeSource('/w/.agentdbg/config.yaml', yaml)!, {});
  assert.deepEqual(shown(yaml, yf), [
    { at: '3:7-3:28', text: "'^([\\s\\[\\{\\(]|#.*)*$'", severity: 'error', related: ['/w/.agentdbg/config.yaml 3:21-3:23'] },
  ]);
  assert.match(yf[0].message, /^This custom redaction pattern can backtrack catastrophically \(exponential backtracking\)/);
});

test('sized by cost: exponential and cubic are errors, quadratic a warning with its CPython time at 10 KB and 100 KB', { timeout: 180_000 }, async () => {
  const code = `from tracecraft import RedactionRule
a = RedactionRule(name="order_no", pattern=r"^(?:\\d|\\d\\d|\\d\\d\\d)+!$")
b = RedactionRule(name="cookie", pattern=r"token=([^;]*);")
c = RedactionRule(name="kv", pattern=r".*(?:.*=.*)")
`;
  const findings = await runSlowRules(analyzeSource('agent.py', code)!, {});
  assert.deepEqual(shown(code, findings), [
    { at: '2:44-2:69', text: 'r"^(?:\\d|\\d\\d|\\d\\d\\d)+!$"', severity: 'error', related: ['agent.py 2:50-2:52', 'agent.py 2:53-2:57', 'agent.py 2:58-2:64'] },
    { at: '3:42-3:59', text: 'r"token=([^;]*);"', severity: 'warning', related: ['agent.py 3:51-3:55', 'agent.py 3:44-3:50'] },
    { at: '4:38-4:52', text: 'r".*(?:.*=.*)"', severity: 'error', related: ['agent.py 4:40-4:41', 'agent.py 4:45-4:46'] },
  ]);
  assert.match(findings[1].message, /^This redaction pattern backtracks quadratically \(attack string "token=token=token=token=token=to…" \([\d,]+ chars, repeating "token="\); hotspot `token=`, `\[\^;\]`\): CPython needs about [\d.]+ (ms|s) on a 10 KB attack string and [\d.]+ (s|min) on 100 KB \([^)]*calibrated against python3\), and tool outputs of that size are common in traces\. `token=` is fixed text: a search starts over at each place it occurs, and from each one `\[\^;\]\*` runs on through the rest of the input before the match fails, so the time goes into `\[\^;\]\*`\.$/);
  assert.deepEqual(findings[1].related!.map((r) => r.message), [
    'ReDoS hotspot (quadratic backtracking): `[^;]` is where the attack string makes the regex backtrack',
    'ReDoS hotspot `token=` is fixed text, where a search starts over; the backtracking is in `[^;]*`',
  ]);
});

test('TraceCraft\'s email rule: linear in practice, no finding; the explanation goes to verbose output and hover', { timeout: 120_000 }, async () => {
  const email = '[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?@[a-zA-Z0-9](?:[a-zA-Z0-9.-]{0,61}[a-zA-Z0-9])?\\.[a-zA-Z]{2,}';
  const code = `from tracecraft import RedactionConfig, RedactionRule
c = RedactionConfig(custom_patterns=[RedactionRule(name="email", pattern=r"${email}")])
a = RedactionConfig(allowlist_patterns=[r"${email}"])
`;
  const model = analyzeSource('agent.py', code)!;
  assert.deepEqual(await runSlowRules(model, {}), []);
  const explained: Array<{ text: string; message: string }> = [];
  await checkRedosSites({ model, settings: {}, isCredentialName: () => false, report: () => assert.fail('no finding expected'), explain: (e) => explained.push({ text: code.slice(e.span.start, e.span.end), message: e.message }) });
  assert.equal(explained.length, 1);
  assert.equal(explained[0].text, `r"${email}"`);
  // Judged by recheck's automaton with the bounded repeats unbounded (its fuzzer took 1.5 s of CPU
  // on the pattern as written): an exact verdict, so the whole explanation is fixed.
  assert.equal(explained[0].message, 'with its bounded repeats read as unbounded, recheck reports quadratic backtracking in this redaction pattern, but the repeats at its hotspot are bounded as written ({0,62}), which keeps matching linear in practice: not a ReDoS risk.');
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
