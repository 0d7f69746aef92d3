// The Python front-end's model, checked on a realistic agent file (fixtures/source/pipeline_agent.py):
// traced functions, parameters and their kinds, exclusion settings, pattern sites with their
// offset maps, syntax-error recovery, incremental re-parsing, and hostile input.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSource, initAnalysis } from '../../server/analysis';
import { lintSource } from '../../server/rules/run';
import type { SourceModel } from '../../server/analysis/model';

const FIXTURE = join(__dirname, 'fixtures', 'source', 'pipeline_agent.py');
const text = readFileSync(FIXTURE, 'utf8');

before(() => initAnalysis());

function at(m: SourceModel, offset: number): string {
  const p = m.lines.position(offset);
  return `${p.line + 1}:${p.column + 1}`;
}

test('traced functions: SDK, tracer, async, methods, parameters with kinds and positions', () => {
  const m = analyzeSource('pipeline_agent.py', text)!;
  const got = m.traced.map((t) => [
    t.sdk, t.tracer, t.name, at(m, t.tracerSpan.start), t.isAsync, t.isMethod,
    t.params.map((p) => `${p.name}/${p.kind}${p.receiver ? '/self' : ''}@${at(m, p.span.start)}`).join(' '),
  ]);
  assert.deepEqual(got, [
    ['tracecraft', 'trace_tool', 'http_get', '43:1', true, false, 'url/positional@47:20 api_key/positional@47:30 session_cookie/positional@47:44 timeout/keyword-only@47:68'],
    ['tracecraft', 'trace_retrieval', 'search_docs', '52:1', false, false, 'query/positional@53:17 top_k/positional@53:27 filters/var-positional@53:37 access_token/keyword-only@53:46 options/var-keyword@53:62'],
    ['tracecraft', 'trace_agent', 'plan', '61:5', true, true, 'self/positional/self@62:20 goal/positional@62:26 password/positional@62:37'],
    ['tracecraft', 'trace_llm', 'complete', '66:5', false, true, 'prompt/positional@67:18 token/positional@67:26'],
    ['langfuse', 'observe', 'critique', '70:5', false, true, 'self/positional/self@71:18 plan/positional@71:24'],
    ['tracecraft', 'trace_tool', 'after_error', '79:1', false, false, 'secret/positional@80:17'],
  ]);
});

test('exclusion through a module-level constant, capture switches as written', () => {
  const m = analyzeSource('pipeline_agent.py', text)!;
  const httpGet = m.traced[0];
  assert.equal(httpGet.exclusion?.constantName, 'SENSITIVE');
  assert.deepEqual(httpGet.exclusion?.items.map((i) => [i.value, at(m, i.span.start), i.str.quote]), [['api_key', '18:14', '"'], ['session_cookie', '18:25', "'"]]);
  assert.equal(httpGet.exclusion?.dynamic, false);
  assert.deepEqual(m.traced.map((t) => t.captureInputs.value), [true, true, true, false, false, true]);
});

test('pattern sites: roles, rule names, constants, and offsets through raw, concatenated and escaped literals', () => {
  const m = analyzeSource('pipeline_agent.py', text)!;
  assert.deepEqual(m.patterns.map((p) => [p.role, p.value, p.ruleName, at(m, p.span.start)]), [
    ['rule_pattern', 'TCK-\\d{6}', 'ticket', '19:10'],
    ['rule_pattern', 'EMP-\\d{4}', 'employee_id', '25:38'],
    ['rule_pattern', '\\bACCT-\\d+', 'escaped', '26:47'],
    ['allowlist_value', 'test@example.com', undefined, '28:16'],
    ['allowlist_pattern', '.+@example\\.org', undefined, '29:25'],
  ]);
  // Every decoded character maps to where it stands on disk.
  const employee = m.patterns[1];
  assert.deepEqual([...employee.value].map((_, i) => text[employee.offsetOf(i)]).join(''), 'EMP-\\d{4}');
  assert.equal(at(m, employee.offsetOf(3)), '25:46'); // `-` opens the second literal of "EMP" "-\d{4}"
  const escaped = m.patterns[2];
  assert.equal(text.slice(escaped.offsetOf(6), escaped.offsetOf(7)), '\\x2d'); // `-` came from \x2d
  assert.equal(escaped.offsetOf(escaped.value.length), escaped.span.end - 1);
  assert.equal(m.redactionConfigs.length, 1);
  assert.equal(m.redactionConfigs[0].enabled?.value.kind, 'bool');
});

test('a syntax error mid-file is reported and the functions around it are still analysed', () => {
  const m = analyzeSource('pipeline_agent.py', text)!;
  assert.deepEqual(m.problems.map((p) => `${at(m, p.span.start)} ${p.message}`), [
    '75:12 Python missing ")": this part of the file was skipped, the rest was analysed.',
  ]);
  const rules = lintSource('pipeline_agent.py', text).map((f) => `${f.ruleId}@${at(m, f.span.start)}`);
  assert.deepEqual(rules, [
    'credential-param-captured@53:46',
    'credential-param-captured@62:37',
    'credential-param-captured@80:17',
  ]);
});

test('imports are resolved: an unrelated trace/observe is not a tracer, aliases and star imports are', () => {
  const m = analyzeSource('a.py', `from mylib import observe
from tracecraft import *
import langsmith as ls

def trace(fn): return fn

@observe
def a(password): ...
@trace
def b(password): ...
@trace_tool
def c(password): ...
@ls.traceable
def d(password): ...
`)!;
  assert.deepEqual(m.traced.map((t) => `${t.sdk}:${t.name}`), ['tracecraft:c', 'langsmith:d']);
});

test('incremental re-parsing gives the same model as a fresh parse', () => {
  const base = text;
  const edited = base.replace('def search_docs(query,', 'def search_docs(query, api_secret,');
  const file = 'incremental.py';
  analyzeSource(file, base);
  const incremental = analyzeSource(file, edited)!;
  const fresh = analyzeSource('fresh.py', edited)!;
  const shape = (m: SourceModel) => JSON.stringify(m.traced.map((t) => [t.name, t.params.map((p) => [p.name, p.span.start])]));
  assert.equal(shape(incremental), shape(fresh));
  assert.ok(incremental.traced[1].params.some((p) => p.name === 'api_secret'));
});

test('hostile input: deep nesting, binary, huge lines and unknown files never throw', () => {
  const deep = `x = ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
  assert.deepEqual(lintSource('deep.py', deep), []);
  const deepCall = `import tracecraft\n@tracecraft.trace_tool(exclude_inputs=${'['.repeat(3000)}"a"${']'.repeat(3000)})\ndef f(api_key): ...\n`;
  assert.equal(lintSource('deepcall.py', deepCall).filter((f) => f.ruleId === 'credential-param-captured').length, 1);
  assert.deepEqual(lintSource('bin.py', 'a\u0000b').map((f) => f.message), ['Binary file: not analysed as source.']);
  assert.deepEqual(lintSource('notes.md', '# api_key = "sk-proj-x"'), []);
  assert.deepEqual(lintSource('long.py', `s = "${'a'.repeat(200_000)}"\n`), []);
});
