// Closing the loop on the example projects (examples/loop/, examples/): each leak in a trace linked
// to the traced function and parameter that recorded it (found, ambiguous, absent), and the
// project's own TraceCraft / AgentDbg configuration put to the test, survivors counted exactly.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { ProjectLoop, traceContextOf, linkContext, traceCraftSettings } from '../../server/loop/index';
import { LoopService } from '../../server/loop/service';
import { buildWorkspaceIndex } from '../../server/loop/workspace';
import type { Finding } from '../../shared/types';
import { engineFor, findingsOf } from './loop-fixtures';

const ROOT = resolve(__dirname, '../../examples/loop');
const TRACE = 'traces/billing.jsonl';
const EVENTS = 'agentdbg/runs/7f3c2a9e-4b1d-4c8e-9a2f-5d6e7f809a1b/events.jsonl';

let loop: ProjectLoop;
const scanned = new Map<string, { text: string; findings: Finding[] }>();

before(async () => {
  loop = await ProjectLoop.open(ROOT);
  const engine = engineFor(ROOT);
  for (const rel of [TRACE, EVENTS]) {
    const text = readFileSync(join(ROOT, rel), 'utf8');
    scanned.set(rel, { text, findings: loop.link(join(ROOT, rel), text, findingsOf(text, engine, join(ROOT, rel))) });
  }
});

/** `file:line:col-endCol message` of each related location, 1-based like the CLI prints. */
function links(f: Finding): string[] {
  return (f.related ?? []).map((r) => `${basename(r.file)}:${r.range.line + 1}:${r.range.column + 1}-${r.range.endColumn + 1} ${r.message}`);
}

function byPath(rel: string, jsonPath: string, ruleId: string): Finding {
  const f = scanned.get(rel)!.findings.find((x) => x.jsonPath === jsonPath && x.ruleId === ruleId);
  assert.ok(f, `${ruleId} at ${jsonPath}`);
  return f;
}

test('the project index holds the example project\'s source, and a nested project is its own', async () => {
  assert.deepEqual(loop.index.models.map((m) => basename(m.fileName)), ['billing_agent.py', 'ledger.py', 'mailer.py', 'receipts.py']);
  const parent = await ProjectLoop.open(resolve(ROOT, '..'));
  assert.ok(parent.index.models.length > 0);
  assert.deepEqual(parent.index.models.filter((m) => m.fileName.startsWith(ROOT)), []);
});

test('a nested project\'s source is not read at all: it neither loads the analysis nor counts toward the index\'s file limit', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-nested-'));
  try {
    const agent = 'import tracecraft\n\n@tracecraft.trace_tool(name="t")\ndef t(q: str) -> str:\n    return q\n';
    writeFileSync(join(dir, 'tracelint.json'), '{}\n');
    // The walk meets nested/agent.py before nested/tracelint.json (files in name order).
    mkdirSync(join(dir, 'nested'));
    writeFileSync(join(dir, 'nested', 'agent.py'), agent);
    writeFileSync(join(dir, 'nested', 'tracelint.json'), '{}\n');
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'agent.py'), agent);
    const index = await buildWorkspaceIndex(dir, { maxFiles: 1 });
    assert.deepEqual([index.models.map((m) => m.fileName.slice(dir.length)), index.partial], [['/sub/agent.py'], false]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('mayLink: only formats that record the code (TraceCraft, AgentDbg events, OTLP) can link', async () => {
  const service = new LoopService();
  const examples = resolve(__dirname, '../../examples');
  const rows: Array<[string, boolean]> = [
    ['loop/traces/billing.jsonl', true],
    [`loop/${EVENTS}`, true],
    ['traces/tracecraft.jsonl', true],
    ['traces/otlp_export.json', true],
    ['traces/opentraces.jsonl', false],
  ];
  for (const [rel, expected] of rows) {
    const path = join(examples, rel);
    assert.equal(await service.mayLink(path), expected, `${rel} from disk`);
    assert.equal(await service.mayLink(path, readFileSync(path, 'utf8')), expected, `${rel} from text`);
  }
  assert.equal(await service.mayLink('/t/session.jsonl', '{"role":"tool","content":"api_key=sk-x"}\n'), false, 'plain JSONL');
});

test('a trace that cannot link leaves the project\'s source unread; a TraceCraft trace has it read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-maylink-'));
  try {
    writeFileSync(join(dir, 'tracelint.json'), '{}\n');
    writeFileSync(join(dir, 'agent.py'), 'import tracecraft\n\n@tracecraft.trace_tool(name="t")\ndef t(api_key: str) -> str:\n    return api_key\n');
    const finding = { ruleId: 'openai_api_key', severity: 'error', message: 'x', span: { start: 0, end: 1 }, range: { line: 0, column: 0, endLine: 0, endColumn: 1 }, jsonPath: 'inputs.api_key' } as Finding;
    const projects = (s: LoopService) => (s as unknown as { loops: Map<string, unknown> }).loops.size;
    const plain = new LoopService();
    assert.deepEqual(await plain.link(join(dir, 'session.jsonl'), '{"inputs":{"api_key":"sk-x"}}\n', [finding], join(dir, 'tracelint.json')), [finding]);
    assert.equal(projects(plain), 0, 'no project indexed for a plain JSONL trace');
    const traced = new LoopService();
    await traced.link(join(dir, 'run.jsonl'), readFileSync(join(ROOT, TRACE), 'utf8'), [finding], join(dir, 'tracelint.json'));
    assert.equal(projects(traced), 1, 'the project is indexed for a TraceCraft trace');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

const found: Array<[string, string, string, string[]]> = [
  [TRACE, 'steps[0].children[0].inputs.stripe_key', 'stripe_key', ['billing_agent.py:31:48-58 recorded by parameter "stripe_key" of charge_card (TraceCraft trace_tool)']],
  [TRACE, 'steps[0].children[0].inputs.card_holder', 'email', ['billing_agent.py:31:30-41 recorded by parameter "card_holder" of charge_card (TraceCraft trace_tool)']],
  [TRACE, 'steps[0].inputs.kwargs.stripe_key', 'stripe_key', ['billing_agent.py:36:34-40 recorded by parameter "kwargs" of run_billing (TraceCraft trace_agent)']],
  // Attributes are written by the SDK around the call: the function, no parameter.
  [TRACE, 'steps[0].children[0].attributes["http.request.header.authorization"]', 'bearer_token', ['billing_agent.py:31:5-16 recorded by charge_card (TraceCraft trace_tool)']],
  [EVENTS, 'payload.args.session_token', 'sensitive_field', ['ledger.py:12:41-56 recorded by key "session_token" of record_tool_call("fetch_ledger")']],
  [EVENTS, 'payload.args.auth_header', 'bearer_token', ['ledger.py:12:73-86 recorded by key "auth_header" of record_tool_call("fetch_ledger")']],
  [EVENTS, 'payload.prompt', 'email', ['ledger.py:15:42-48 recorded by record_llm_call("gpt-4o-mini")']],
];

for (const [rel, path, rule, expected] of found) {
  test(`link found: ${rule} at ${path}`, () => assert.deepEqual(links(byPath(rel, path, rule)), expected));
}

test('link ambiguous: two functions traced as "send_receipt", both listed, no fix offered', () => {
  const f = byPath(TRACE, 'steps[0].children[1].inputs.to', 'email');
  assert.deepEqual(links(f), [
    'mailer.py:8:18-20 ambiguous (1 of 2 candidates): could have been recorded by parameter "to" of send_receipt (TraceCraft trace_tool)',
    'receipts.py:8:18-20 ambiguous (2 of 2 candidates): could have been recorded by parameter "to" of send_receipt (TraceCraft trace_tool)',
  ]);
  assert.equal(f.suggest, undefined);
});

test('link absent: no function traced as "refund", no recorder for "send_card_update": nothing is said', () => {
  assert.equal(byPath(TRACE, 'steps[0].children[2].inputs.contact', 'email').related, undefined);
  assert.equal(byPath(TRACE, 'steps[0].children[2].error', 'credit_card').related, undefined);
  assert.equal(byPath(EVENTS, 'payload.args.card', 'credit_card').related, undefined);
});

test('a linked parameter carries its fixes as edits on the source file', () => {
  const f = byPath(TRACE, 'steps[0].children[0].inputs.stripe_key', 'stripe_key');
  const file = join(ROOT, 'agent/billing_agent.py');
  const src = readFileSync(file, 'utf8');
  const at = src.indexOf('name="charge_card"') + 'name="charge_card"'.length;
  assert.deepEqual(f.suggest, [
    { title: 'Add "stripe_key" to exclude_inputs in billing_agent.py', edits: [{ start: at, end: at, text: ', exclude_inputs=["stripe_key"]', file }] },
    { title: 'Set capture_inputs=False (no inputs are recorded) in billing_agent.py', edits: [{ start: at, end: at, text: ', capture_inputs=False', file }] },
  ]);
  const kwargs = byPath(TRACE, 'steps[0].inputs.kwargs.stripe_key', 'stripe_key');
  const at2 = src.indexOf('name="billing_agent"') + 'name="billing_agent"'.length;
  assert.deepEqual(kwargs.suggest, [{ title: 'Set capture_inputs=False (no inputs are recorded) in billing_agent.py', edits: [{ start: at2, end: at2, text: ', capture_inputs=False', file }] }]);
  const ledger = join(ROOT, 'agent/ledger.py');
  const lsrc = readFileSync(ledger, 'utf8');
  const entry = byPath(EVENTS, 'payload.args.session_token', 'sensitive_field');
  const s = lsrc.indexOf('"session_token": session_token, ');
  assert.deepEqual(entry.suggest, [{ title: 'Do not record "session_token" in ledger.py', edits: [{ start: s, end: s + '"session_token": session_token, '.length, text: '', file: ledger }] }]);
});

test('OTLP spans link by span name and the input key in the attribute name or the JSON it holds', () => {
  const doc = {
    resourceSpans: [{ scopeSpans: [{ spans: [{
      name: 'charge_card',
      attributes: [
        { key: 'tracecraft.step.type', value: { stringValue: 'tool' } },
        { key: 'tracecraft.inputs.stripe_key', value: { stringValue: 'sk_live_x' } },
        { key: 'input.value', value: { stringValue: '{"card_holder": "a@b.io"}' } },
      ],
    }] }] }],
  };
  const base = 'resourceSpans[0].scopeSpans[0].spans[0].attributes';
  const one = linkContext(loop.index, traceContextOf(doc, `${base}[1].value.stringValue`));
  assert.equal(one.kind === 'linked' && one.target.param?.name, 'stripe_key');
  const two = linkContext(loop.index, traceContextOf(doc, `${base}[2].value.stringValue#card_holder`));
  assert.equal(two.kind === 'linked' && two.target.param?.name, 'card_holder');
  const wrongKind = { ...doc, resourceSpans: [{ scopeSpans: [{ spans: [{ ...doc.resourceSpans[0].scopeSpans[0].spans[0], attributes: [{ key: 'tracecraft.step.type', value: { stringValue: 'llm' } }, doc.resourceSpans[0].scopeSpans[0].spans[0].attributes[1]] }] }] }] };
  assert.equal(linkContext(loop.index, traceContextOf(wrongKind, `${base}[1].value.stringValue`)).kind, 'none');
});

test('TraceCraft configuration under test: survivors per detector, redactions per rule, exact', () => {
  const { text, findings } = scanned.get(TRACE)!;
  const r = loop.check(join(ROOT, TRACE), text, findings)!;
  assert.equal(r.simulator, 'tracecraft');
  assert.equal(r.describe, 'RedactionConfig at agent/billing_agent.py:14; RedactionProcessor at agent/billing_agent.py:24');
  assert.deepEqual(r.notes, ['RedactionConfig.custom_patterns ("ticket_id") are never applied: TraceCraft\'s runtime does not pass them to its RedactionProcessor']);
  assert.deepEqual(r.survivors, { bearer_token: 1, ticket_id: 1, email: 1, credit_card: 1 });
  assert.deepEqual(r.redactedBy, { stripe_key: 2, email: 2 });
  assert.equal(r.summary, '1 bearer token, 1 credit card number, 1 email and 1 "ticket_id" match in this trace survive your TraceCraft configuration.');
  assert.deepEqual(r.verdicts.filter((v) => v.outcome !== 'redacted').map((v) => `${v.finding.ruleId}: ${v.reason}`), [
    'bearer_token: TraceCraft never redacts a step\'s "attributes"',
    'ticket_id: only RedactionConfig.custom_patterns "ticket_id" matches it, and TraceCraft\'s runtime never applies custom_patterns (pass them as RedactionProcessor(rules=[...]))',
    'email: an allowlist pattern of RedactionConfig at agent/billing_agent.py:14 fully matches it',
    'credit_card: TraceCraft never redacts a step\'s "error"',
  ]);
});

test('AgentDbg configuration under test: key substrings redact, content and guide patterns do not', () => {
  const { text, findings } = scanned.get(EVENTS)!;
  const r = loop.check(join(ROOT, EVENTS), text, findings)!;
  assert.equal(r.simulator, 'agentdbg');
  assert.equal(r.describe, '.agentdbg/config.yaml');
  assert.deepEqual(r.survivors, { bearer_token: 1, email: 1, ticket_id: 1 });
  assert.deepEqual(r.redactedBy, { 'redact_keys: token': 1, 'redact_keys: card': 1 });
  assert.equal(r.summary, '1 bearer token, 1 email and 1 "ticket_id" match in this trace survive your AgentDbg configuration.');
  assert.deepEqual(r.notes, ['redaction.patterns (1) are not applied: AgentDbg redacts by key name only']);
});

test('the main example turns TraceCraft redaction off in .env: said with its place', async () => {
  const main = await ProjectLoop.open(resolve(ROOT, '..'));
  const s = traceCraftSettings(main.index);
  assert.deepEqual(s.processors, []);
  assert.equal(s.offReason, 'TRACECRAFT_REDACTION_ENABLED=false in .env:5');
  assert.deepEqual(s.ignoredCustomPatterns.map((r) => r.name), ['ticket_id', 'free_text_tag']);
});

test('the main example: leaks linked to research_agent.py, and everything survives because .env turns TraceCraft redaction off', async () => {
  const examples = resolve(ROOT, '..');
  const main = await ProjectLoop.open(examples);
  const file = join(examples, 'traces/tracecraft.jsonl');
  const text = readFileSync(file, 'utf8');
  const findings = main.link(file, text, findingsOf(text, engineFor(examples), file));
  const linkOf = (path: string) => links(findings.find((f) => f.jsonPath === path)!);
  assert.deepEqual(linkOf('steps[0].children[0].inputs.api_key'), ['research_agent.py:32:28-35 recorded by parameter "api_key" of web_search (TraceCraft trace_tool)']);
  assert.deepEqual(linkOf('steps[0].children[1].inputs.db_password'), ['research_agent.py:45:42-53 recorded by parameter "db_password" of lookup_customer (TraceCraft trace_tool)']);
  const r = main.check(file, text, findings)!;
  const inJson = r.verdicts.filter((v) => v.finding.jsonPath !== undefined);
  assert.ok(inJson.length > 0);
  for (const v of inJson.filter((x) => /\.(inputs|outputs)\./.test(x.finding.jsonPath!))) {
    assert.equal(v.reason, 'TraceCraft redaction is off (TRACECRAFT_REDACTION_ENABLED=false in .env:5)');
  }
  assert.deepEqual(r.redactedBy, {});
  assert.equal(Object.values(r.survivors).reduce((a, b) => a + b, 0), findings.length);
});

test('the project index follows tracelint.json: its tracing decorators are linked, its ignored folders are not read', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-loop-'));
  try {
    writeFileSync(join(dir, 'tracelint.json'), JSON.stringify({ tracingDecorators: [{ name: 'traced', module: 'acme.obs' }], ignore: ['vendor/**'] }));
    const agent = 'from acme.obs import traced\n\n\n@traced\ndef lookup(customer_id, api_key):\n    return customer_id\n';
    writeFileSync(join(dir, 'agent.py'), agent);
    // A copy under an ignored folder would make the link ambiguous if it were read.
    mkdirSync(join(dir, 'vendor'));
    writeFileSync(join(dir, 'vendor', 'agent_copy.py'), agent);
    // An OpenTelemetry export of the span the decorator made (a TraceCraft trace links to TraceCraft code only).
    const path = join(dir, 'spans.json');
    const span = { name: 'lookup', attributes: [{ key: 'input.api_key', value: { stringValue: 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f' } }] };
    const trace = JSON.stringify({ resourceSpans: [{ scopeSpans: [{ spans: [span] }] }] });
    writeFileSync(path, trace);
    const linked = await new LoopService().link(path, trace, findingsOf(trace, engineFor(dir), path), join(dir, 'tracelint.json'));
    assert.deepEqual(linked.flatMap((f) => links(f).map((l) => `${f.ruleId} -> ${l}`)), [
      'openai_api_key -> agent.py:5:25-32 recorded by parameter "api_key" of lookup (acme.obs.traced traced)',
    ]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a project without tracing code has nothing to link to (its traces are not read again for links)', async () => {
  const empty = mkdtempSync(join(tmpdir(), 'tracelint-loop-empty-'));
  try {
    writeFileSync(join(empty, 'tracelint.json'), '{}\n');
    writeFileSync(join(empty, 'util.py'), 'def add(a, b):\n    return a + b\n');
    const service = new LoopService();
    assert.equal(await service.hasLinkTargets(join(empty, 'trace.jsonl'), join(empty, 'tracelint.json')), false);
    assert.equal(await service.hasLinkTargets(join(ROOT, TRACE), join(ROOT, 'tracelint.json')), true);
  } finally {
    rmSync(empty, { recursive: true, force: true });
  }
});
