// The TS/JS front-end's model, checked on a realistic tools file (fixtures/source/agent_tools.ts):
// wrappers resolved through named, namespace and require imports, parameters of arrows, function
// expressions and functions passed by name, destructured parameters, options objects, pattern
// sites, exporter endpoints, and a syntax error confined to its statement.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSource, initAnalysis } from '../../server/analysis';
import { lintSource } from '../../server/rules/run';
import type { SourceModel } from '../../server/analysis/model';

const text = readFileSync(join(__dirname, 'fixtures', 'source', 'agent_tools.ts'), 'utf8');

before(() => initAnalysis());

function at(m: SourceModel, offset: number): string {
  const p = m.lines.position(offset);
  return `${p.line + 1}:${p.column + 1}`;
}

test('wrappers: SDK, holder name, parameters with kinds and positions, options', () => {
  const m = analyzeSource('agent_tools.ts', text)!;
  assert.deepEqual(m.traced.map((t) => [
    t.sdk, t.tracer, t.name, at(m, t.tracerSpan.start), t.isAsync,
    t.params.map((p) => `${p.name}/${p.kind}/${p.index}@${at(m, p.span.start)}`).join(' '),
    t.options?.keywords.map((k) => k.name).join(','), t.captureInputs.value,
  ]), [
    ['langsmith', 'traceable', 'search', '16:23', true, 'query/destructured/0@17:12 apiKey/destructured/0@17:19', 'name,run_type', true],
    ['langfuse', 'observe', 'tracedCharge', '30:29', true, 'customerId/positional/0@26:23 cardNumber/positional/1@26:43 rest/var-positional/2@26:66', 'name,captureInput', true],
    ['langsmith', 'traceable', 'summarize', '33:14', false, 'text/positional/0@33:43', undefined, true],
  ]);
});

test('pattern sites, exporter endpoints and a syntax error confined to its statement', () => {
  const m = analyzeSource('agent_tools.ts', text)!;
  assert.deepEqual(m.patterns.map((p) => [p.role, p.value, p.ruleName, at(m, p.span.start)]), [
    ['allowlist_value', 'test@example.com', undefined, '9:16'],
    ['rule_pattern', 'ACCT-\\d+', 'acct', '39:126'],
  ]);
  const acct = m.patterns[1];
  assert.equal(text.slice(acct.offsetOf(0), acct.offsetOf(acct.value.length)), 'ACCT-\\d+');
  assert.deepEqual(m.settings.map((s) => [s.kind, s.value, at(m, s.valueSpan.start)]), [['exporter-endpoint', 'http://collector:4318/v1/traces', '38:54']]);
  assert.deepEqual(m.problems.map((p) => `${at(m, p.span.start)} ${p.message}`), [
    '36:17 Syntax error: Expression expected. (this statement was skipped, the rest was analysed).',
  ]);
  assert.deepEqual(lintSource('agent_tools.ts', text).map((f) => `${f.ruleId}@${at(m, f.span.start)}`), [
    'credential-param-captured@17:19',
    'credential-param-captured@26:43',
    'insecure-exporter-endpoint@38:55',
  ]);
});

test('strings of the whole file, template chunks decoded; directive comments outside strings', () => {
  const m = analyzeSource('x.ts', 'const a = "x\\u0041y"; // tracelint-disable-line\nconst b = `p${q}r\\n// tracelint-disable-line`;\n/* tracelint-disable */ // note\n')!;
  assert.deepEqual(m.strings.map((s) => s.value), ['xAy', 'p', 'r\n// tracelint-disable-line']);
  assert.equal(m.strings[0].offsetOf(2), 18);
  assert.deepEqual(m.comments.map((c) => [c.text, c.trailing, c.span.start]), [[' tracelint-disable-line', true], [' tracelint-disable ', false]].map(([t, tr], i) => [t, tr, [22, 95][i]]));
});

test('JSX in .tsx/.jsx/.js and module formats parse; unrelated wrappers are ignored', () => {
  const jsx = `import { traceable } from "langsmith/traceable";
export const View = () => <div title="x">hi</div>;
export const t = traceable(({ password }) => password);
`;
  for (const file of ['a.tsx', 'a.jsx', 'a.js', 'a.mjs']) {
    const m = analyzeSource(file, jsx)!;
    assert.deepEqual(m.problems, [], file);
    assert.deepEqual(m.traced.map((t) => t.params.map((p) => p.name)), [['password']], file);
  }
  const local = analyzeSource('b.ts', 'const traceable = (f: unknown) => f;\nexport const x = traceable((apiKey: string) => apiKey);\n')!;
  assert.deepEqual(local.traced, []);
});

test('hostile input: deep nesting and broken files never throw', () => {
  assert.deepEqual(lintSource('deep.ts', `const x = ${'['.repeat(5000)}${']'.repeat(5000)};\n`).filter((f) => f.ruleId !== 'parse-error'), []);
  assert.doesNotThrow(() => lintSource('broken.ts', '}}}{{{ export const = traceable(( =>'));
  assert.doesNotThrow(() => lintSource('empty.ts', ''));
});

test('function bodies without a tracer, recorder or redaction word are not converted, yet their strings count', () => {
  const code = `import { traceable } from "langsmith/traceable";
export const run = traceable(async (apiKey: string) => {
  const config = new RedactionConfig({ enabled: false });
  return items.map((i) => { const k = "AKIAZ3MHQ4XJ7KD2PLQW"; return k + i; });
}, { name: "run" });
class Tools {
  lookup(id: string) { return "ghp_Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7c" + id; }
}
`;
  const m = analyzeSource('bodies.ts', code)!;
  assert.deepEqual(m.traced.map((t) => [t.name, t.params.map((p) => p.name)]), [['run', ['apiKey']]]);
  assert.deepEqual(m.redactionConfigs.map((c) => at(m, c.call.span.start)), ['3:18']);
  assert.deepEqual(lintSource('bodies.ts', code).map((f) => `${f.ruleId}@${at(m, f.span.start)}`), [
    'credential-param-captured@2:37',
    'redaction-disabled@3:40',
    'hardcoded-credential@4:40',
    'hardcoded-credential@7:32',
  ]);
});
