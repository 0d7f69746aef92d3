// Closing the loop for the SDKs that export OpenTelemetry spans (OTLP/JSON): each SDK's spans say
// which function wrote them and where its inputs are in their own attributes (the descriptors'
// `otlp`), and a leak in them links to that function and parameter, of that SDK only.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ProjectLoop, traceContextOf, linkContext, type LinkResult } from '../../server/loop/index';
import type { Finding } from '../../shared/types';
import { engineFor, findingsOf } from './loop-fixtures';

const EXAMPLES = resolve(__dirname, '../../examples');
let loop: ProjectLoop;

before(async () => {
  loop = await ProjectLoop.open(EXAMPLES);
});

/** `file:line:col-endCol message` of each related location, 1-based like the CLI prints. */
function links(f: Finding): string[] {
  return (f.related ?? []).map((r) => `${basename(r.file)}:${r.range.line + 1}:${r.range.column + 1}-${r.range.endColumn + 1} ${r.message}`);
}

/** The link result as `file:line:col-endCol label` lines (one when linked, one per candidate when ambiguous). */
function described(r: LinkResult): string[] {
  const targets = r.kind === 'linked' ? [r.target] : r.kind === 'ambiguous' ? r.candidates : [];
  return targets.map((t) => {
    const g = t.model.lines.rangeOf(t.span.start, t.span.end);
    return `${basename(t.file)}:${g.line + 1}:${g.column + 1}-${g.endColumn + 1} ${t.label}`;
  });
}

function scan(rel: string): Finding[] {
  const file = join(EXAMPLES, rel);
  const text = readFileSync(file, 'utf8');
  return loop.link(file, text, findingsOf(text, engineFor(EXAMPLES), file));
}

const SPAN = 'resourceSpans[0].scopeSpans[0].spans';

const found: Array<[string, string, string, string[]]> = [
  // Logfire: the span is named by its message template; code.function names the function, and each
  // argument is an attribute under its parameter's name.
  ['sdks/logfire/traces/billing.otlp.json', `${SPAN}[0].attributes[9].value.stringValue`, 'github_token',
    ['billing.py:23:63-75 recorded by parameter "access_token" of charge (Logfire instrument)']],
  // MLflow: the bound arguments (self aside) as JSON in mlflow.spanInputs.
  ['sdks/mlflow/traces/rag.otlp.json', `${SPAN}[0].attributes[3].value.stringValue#pinecone_api_key`, 'sensitive_field',
    ['agent.py:19:34-50 recorded by parameter "pinecone_api_key" of search (MLflow trace)']],
  // Laminar: the arguments by name in lmnr.span.input, ignore_inputs already applied (session_id is not there).
  ['sdks/laminar/traces/browser.otlp.json', `${SPAN}[0].attributes[3].value.stringValue#password`, 'sensitive_field',
    ['browser_agent.py:18:32-40 recorded by parameter "password" of login (Laminar observe)']],
];

for (const [rel, path, rule, expected] of found) {
  test(`OTLP link found: ${rule} at ${basename(rel)} ${path.slice(SPAN.length)}`, () => {
    const f = scan(rel).find((x) => x.jsonPath === path && x.ruleId === rule);
    assert.ok(f, `${rule} at ${path}`);
    assert.deepEqual(links(f), expected);
  });
}

test('a linked parameter of a Laminar or Logfire function carries the SDK\'s own fix, on the source file', () => {
  const laminar = scan('sdks/laminar/traces/browser.otlp.json').find((x) => x.jsonPath?.endsWith('#password'))!;
  const lfile = join(EXAMPLES, 'sdks/laminar/browser_agent.py');
  const lsrc = readFileSync(lfile, 'utf8');
  const at = lsrc.indexOf('"session_id"]') + '"session_id"'.length;
  const end = at + 1;
  assert.deepEqual(laminar.suggest?.map((s) => ({ title: s.title, edits: s.edits })), [
    { title: 'Add "password" to ignore_inputs in browser_agent.py', edits: [{ start: at, end: at, text: ', "password"', file: lfile }] },
    { title: 'Set ignore_input=True (no inputs are recorded) in browser_agent.py', edits: [{ start: end, end, text: ', ignore_input=True', file: lfile }] },
  ]);
  const logfire = scan('sdks/logfire/traces/billing.otlp.json').find((x) => x.ruleId === 'github_token')!;
  // extract_args is Logfire's include list: the fix lists the other parameters (api_key is scrubbed by default).
  assert.deepEqual(logfire.suggest?.map((s) => s.title), [
    'Record only "customer_id", "amount_cents", "api_key" (extract_args) in billing.py',
    'Set extract_args=False (no inputs are recorded) in billing.py',
  ]);
});

test('Traceloop: the entity name links, a positional argument is the parameter at its index, a keyword one by name', () => {
  const doc = JSON.parse(readFileSync(join(EXAMPLES, 'sdks/traceloop/traces/research.otlp.json'), 'utf8'));
  const input = `${SPAN}[1].attributes[4].value.stringValue`;
  const at = (p: string) => described(linkContext(loop.index, traceContextOf(doc, p)));
  assert.deepEqual(at(`${input}#args[1]`), ['research.py:20:28-43 parameter "serpapi_api_key" of web_search (Traceloop task)']);
  assert.deepEqual(at(`${input}#kwargs.serpapi_api_key`), ['research.py:20:28-43 parameter "serpapi_api_key" of web_search (Traceloop task)']);
  assert.deepEqual(at(`${input}#args[0]`), ['research.py:20:16-21 parameter "query" of web_search (Traceloop task)']);
  // An index past the parameters names none: the function alone.
  assert.deepEqual(at(`${input}#args[5]`), ['research.py:20:5-15 web_search (Traceloop task)']);
  // The workflow span: its entity name is the decorator's name=, its span name "research.workflow".
  assert.deepEqual(at(`${SPAN}[0].attributes[3].value.stringValue#args[0]`), ['research.py:26:14-22 parameter "question" of research (Traceloop workflow)']);
});

test('an SDK\'s markers keep its spans to its own functions; unmarked spans match every SDK\'s, as before', () => {
  // research_agent.py traces a TraceCraft "web_search" too.
  const python = { attributes: [{ key: 'telemetry.sdk.language', value: { stringValue: 'python' } }] };
  const span = (attributes: unknown[], resource?: unknown) => ({ resourceSpans: [{ resource, scopeSpans: [{ spans: [{ name: 'web_search', attributes }] }] }] });
  const key = { key: 'input.query', value: { stringValue: 'q' } };
  const traceloop = [key, { key: 'traceloop.span.kind', value: { stringValue: 'task' } }, { key: 'traceloop.entity.name', value: { stringValue: 'web_search' } }];
  const plain = span([key]);
  const path = `${SPAN}[0].attributes[0].value.stringValue`;
  // Traceloop's, in Python and in TypeScript (tools.ts); the resource's telemetry.sdk.language tells them apart.
  assert.deepEqual(described(linkContext(loop.index, traceContextOf(span(traceloop), path))), [
    'research.py:20:16-21 parameter "query" of web_search (Traceloop task)',
    'tools.ts:7:10-18 web_search (Traceloop withTool)',
  ]);
  assert.deepEqual(described(linkContext(loop.index, traceContextOf(span(traceloop, python), path))), ['research.py:20:16-21 parameter "query" of web_search (Traceloop task)']);
  assert.deepEqual(described(linkContext(loop.index, traceContextOf(plain, path))), [
    'research_agent.py:32:16-21 parameter "query" of web_search (TraceCraft trace_tool)',
    'research.py:20:16-21 parameter "query" of web_search (Traceloop task)',
    'tools.ts:7:10-18 web_search (Traceloop withTool)',
  ]);
});

test('Logfire methods by __qualname__, OpenAI Agents tools by name_override through OpenInference spans', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-loop-otlp-'));
  try {
    writeFileSync(join(dir, 'tracelint.json'), '{}\n');
    writeFileSync(join(dir, 'agent.py'), [
      'import logfire',
      'from agents import function_tool',
      '',
      '',
      'class Ledger:',
      '    @logfire.instrument("post {entry_id}")',
      '    def post(self, entry_id: str, ledger_token: str) -> None:',
      '        pass',
      '',
      '',
      '@function_tool(name_override="crm_lookup")',
      'def lookup(order_id: str, crm_api_key: str) -> str:',
      '    return order_id',
      '',
    ].join('\n'));
    const project = await ProjectLoop.open(dir);
    const s = (key: string, v: string) => ({ key, value: { stringValue: v } });
    const doc = (name: string, attributes: unknown[]) => ({ resourceSpans: [{ scopeSpans: [{ spans: [{ name, attributes }] }] }] });
    const logfire = doc('post {entry_id}', [s('code.function', 'Ledger.post'), s('logfire.msg_template', 'post {entry_id}'), s('entry_id', 'e-1'), s('ledger_token', 'x'), s('logfire.msg', 'post e-1')]);
    const at = (d: unknown, p: string) => described(linkContext(project.index, traceContextOf(d, p)));
    const attr = (i: number) => `${SPAN}[0].attributes[${i}].value.stringValue`;
    assert.deepEqual(at(logfire, attr(3)), ['agent.py:7:35-47 parameter "ledger_token" of post (Logfire instrument)']);
    // Logfire's own attributes are not arguments: the function alone.
    assert.deepEqual(at(logfire, attr(4)), ['agent.py:7:9-13 post (Logfire instrument)']);
    const tool = (name: string) => doc(name, [s('openinference.span.kind', 'TOOL'), s('input.value', '{"order_id": "o-1", "crm_api_key": "x"}')]);
    assert.deepEqual(at(tool('crm_lookup'), `${attr(1)}#crm_api_key`), ['agent.py:12:27-38 parameter "crm_api_key" of lookup (OpenAI Agents function_tool)']);
    // The tool is named crm_lookup in its spans: a span named after the function is another tool.
    assert.deepEqual(at(tool('lookup'), `${attr(1)}#crm_api_key`), []);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the Logfire example under its configuration: default scrubbing redacts api_key, access_token survives', () => {
  const rel = 'sdks/logfire/traces/billing.otlp.json';
  const file = join(EXAMPLES, rel);
  const text = readFileSync(file, 'utf8');
  const r = loop.check(file, text, findingsOf(text, engineFor(EXAMPLES), file))!;
  assert.equal(r.simulator, 'otlp');
  assert.equal(r.describe, 'Logfire defaults');
  assert.deepEqual(r.redactedBy, { 'Logfire scrubbing: api_key': 1 });
  assert.deepEqual(r.survivors, { github_token: 1 });
  assert.equal(r.summary, '1 GitHub token in this trace survives your Logfire configuration.');
});

/** One span of `sdk`-marked attributes with a planted GitHub token as the input `arg`. */
const TOKEN = 'ghp_R8x2Kq7LmN4pV9sT1wY6zB3cD5fG0hJ2kL4m';
const switches: Array<[string, Record<string, string>, unknown[], string, Record<string, number>, Record<string, number>]> = [
  ['Traceloop, TRACELOOP_TRACE_CONTENT=false in a folder\'s .env: inputs are not recorded',
    { 'agent/.env': 'TRACELOOP_TRACE_CONTENT=false\n' },
    [['traceloop.span.kind', 'task'], ['traceloop.entity.name', 'lookup'], ['traceloop.entity.input', JSON.stringify({ args: [], kwargs: { gh_token: TOKEN } })]],
    'TRACELOOP_TRACE_CONTENT=false in agent/.env:1', { 'TRACELOOP_TRACE_CONTENT=false in agent/.env:1': 1 }, {}],
  ['Traceloop, turned off in one .env and on in another: on',
    { 'agent/.env': 'TRACELOOP_TRACE_CONTENT=false\n', 'worker/.env': 'TRACELOOP_TRACE_CONTENT=true\n' },
    [['traceloop.span.kind', 'task'], ['traceloop.entity.input', JSON.stringify({ args: [TOKEN], kwargs: {} })]],
    'TRACELOOP_TRACE_CONTENT=true in worker/.env:1', {}, { github_token: 1 }],
  ['OpenInference, TraceConfig(hide_inputs=True) in the source: input.value is not recorded',
    { 'agent/setup.py': 'from openinference.instrumentation import TraceConfig\n\nCONFIG = TraceConfig(hide_inputs=True)\n' },
    [['openinference.span.kind', 'TOOL'], ['input.value', JSON.stringify({ gh_token: TOKEN })]],
    'a configuration call in agent/setup.py turns OpenInference\'s input capture off', { 'a configuration call in agent/setup.py turns OpenInference\'s input capture off': 1 }, {}],
  ['OpenInference, TraceConfig(hide_inputs=False) beats OPENINFERENCE_HIDE_INPUTS=true',
    { '.env': 'OPENINFERENCE_HIDE_INPUTS=true\n', 'agent/setup.py': 'from openinference.instrumentation import TraceConfig\n\nCONFIG = TraceConfig(hide_inputs=False)\n' },
    [['openinference.span.kind', 'TOOL'], ['input.value', JSON.stringify({ gh_token: TOKEN })]],
    'TraceConfig(hide_inputs=False) at agent/setup.py:3', {}, { github_token: 1 }],
  ['OpenInference, TraceConfig(hide_inputs=True) beats OPENINFERENCE_HIDE_INPUTS=false; HIDE_INPUT_MESSAGES governs model messages only',
    { '.env': 'OPENINFERENCE_HIDE_INPUTS=false\n', 'agent/setup.py': 'from openinference.instrumentation import TraceConfig\n\nCONFIG = TraceConfig(hide_inputs=True)\n' },
    [['openinference.span.kind', 'TOOL'], ['input.value', JSON.stringify({ gh_token: TOKEN })]],
    'a configuration call in agent/setup.py turns OpenInference\'s input capture off', { 'a configuration call in agent/setup.py turns OpenInference\'s input capture off': 1 }, {}],
  ['OpenInference, OPENINFERENCE_HIDE_INPUT_MESSAGES=true alone: the function\'s inputs are still recorded',
    { '.env': 'OPENINFERENCE_HIDE_INPUT_MESSAGES=true\n' },
    [['openinference.span.kind', 'TOOL'], ['input.value', JSON.stringify({ gh_token: TOKEN })]],
    'OpenInference defaults', {}, { github_token: 1 }],
  ['Logfire, configure(scrubbing=False): an argument named api_key is stored too',
    { 'agent/app.py': 'import logfire\n\nlogfire.configure(scrubbing=False)\n' },
    [['logfire.msg_template', 'lookup'], ['code.function', 'lookup'], ['api_key', TOKEN]],
    'configure(scrubbing=False) at agent/app.py:3', {}, { github_token: 1 }],
  ['Logfire defaults: an argument named api_key is scrubbed, one named gh_token is not',
    {},
    [['logfire.msg_template', 'lookup'], ['code.function', 'lookup'], ['api_key', TOKEN], ['gh_token', TOKEN]],
    'Logfire defaults', { 'Logfire scrubbing: api_key': 1 }, { github_token: 1 }],
];

for (const [name, files, attrs, describe, redactedBy, survivors] of switches) {
  test(`capture switches: ${name}`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracelint-loop-otlp-sw-'));
    try {
      writeFileSync(join(dir, 'tracelint.json'), '{}\n');
      for (const [rel, text] of Object.entries(files)) {
        mkdirSync(join(dir, rel, '..'), { recursive: true });
        writeFileSync(join(dir, rel), text);
      }
      const attributes = (attrs as Array<[string, string]>).map(([key, v]) => ({ key, value: { stringValue: v } }));
      const trace = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [{ name: 'lookup', attributes }] }] }] }, null, 1);
      const file = join(dir, 'spans.json');
      const project = await ProjectLoop.open(dir);
      const r = project.check(file, trace, findingsOf(trace, engineFor(dir), file))!;
      assert.equal(r.describe, describe);
      assert.deepEqual(r.redactedBy, redactedBy);
      assert.deepEqual(r.survivors, survivors);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
}
