// The SDK redaction simulators, one table each: what TraceCraft and AgentDbg would store for a
// value at a place in a trace, with their own semantics (SDK-SEMANTICS.md), and a cross-check of
// TraceCraft's 17 DEFAULT_RULES against CPython's `re` (skipped when python3 is absent).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import {
  AgentDbgSimulator, TraceCraftSimulator, TRACECRAFT_DEFAULT_RULES, runtimeProcessor, simulateTrace, summarize,
  parseJsonPath, formatJsonPath, type AgentDbgSettings, type TraceCraftSettings,
} from '../../shared/simulate/index';
import type { Finding } from '../../shared/types';

const ANTHROPIC = 'sk-ant-api03-Zx8yW6vU4tS2rQ0pOn8mLk6jIh4gFe2dCb0aZy8x';
const PEM = '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7bq9\n-----END RSA PRIVATE KEY-----';

function tc(over: Partial<TraceCraftSettings> = {}): TraceCraftSimulator {
  return new TraceCraftSimulator({ processors: [runtimeProcessor('RedactionConfig at a.py:1')], ignoredCustomPatterns: [], describe: 'test', notes: [], ...over });
}

/** Judges `secret` inside `value` at `path` (a trace reader's JSON path). */
function judge(sim: { judge: TraceCraftSimulator['judge'] }, path: string, value: string, secret = value) {
  const start = value.indexOf(secret);
  assert.ok(start >= 0, `${secret} in ${value}`);
  return sim.judge({}, parseJsonPath(path).segments, value, start, start + secret.length);
}

const tcCases: Array<{ name: string; sim: () => TraceCraftSimulator; path: string; value: string; secret?: string; outcome: string; by?: string; stored?: string; reason?: string }> = [
  { name: 'email in tool inputs', sim: () => tc(), path: 'steps[0].inputs.query', value: 'mail bob@acme.io now', secret: 'bob@acme.io', outcome: 'redacted', by: 'email', stored: 'mail [REDACTED] now' },
  { name: 'child step outputs are redacted too', sim: () => tc(), path: 'steps[0].children[1].children[0].outputs.result', value: 'ok bob@acme.io', secret: 'bob@acme.io', outcome: 'redacted', by: 'email' },
  { name: 'run input given as a string', sim: () => tc(), path: 'input', value: 'call 555-123-4567', secret: '555-123-4567', outcome: 'redacted', by: 'phone', stored: 'call [REDACTED]' },
  { name: 'anthropic key taken by the openai rule (rules run in order)', sim: () => tc(), path: 'steps[0].inputs.key', value: ANTHROPIC, outcome: 'redacted', by: 'openai_api_key', stored: '[REDACTED]' },
  { name: 'private key: only the header line is masked', sim: () => tc(), path: 'steps[0].outputs.result', value: PEM, outcome: 'partial', by: 'private_key', stored: `[REDACTED]\nMIIEowIBAAKCAQEA7bq9\n-----END RSA PRIVATE KEY-----`, reason: 'only part of it is redacted (by private_key); 51 of 82 characters are stored' },
  { name: 'step attributes are never redacted', sim: () => tc(), path: 'steps[0].attributes["http.url"]', value: 'https://x.io/?api_key=abcdefgh12345', secret: 'abcdefgh12345', outcome: 'survives', reason: 'TraceCraft never redacts a step\'s "attributes"' },
  { name: 'step error is never redacted', sim: () => tc(), path: 'steps[2].error', value: 'failed for bob@acme.io', secret: 'bob@acme.io', outcome: 'survives', reason: 'TraceCraft never redacts a step\'s "error"' },
  { name: 'run tags are never redacted', sim: () => tc(), path: 'tags[0]', value: 'bob@acme.io', outcome: 'survives', reason: 'TraceCraft never redacts the run\'s "tags"' },
  { name: 'exact allowlist keeps the match', sim: () => tc({ processors: [runtimeProcessor('P', { allowlist: ['bob@acme.io'] })] }), path: 'steps[0].inputs.q', value: 'to bob@acme.io', secret: 'bob@acme.io', outcome: 'survives', reason: 'it is in the allowlist of P' },
  { name: 'allowlist pattern must fully match the matched text', sim: () => tc({ processors: [runtimeProcessor('P', { allowlistPatterns: [String.raw`[a-z.]+@example\.com`] })] }), path: 'steps[0].inputs.q', value: 'bob@example.com.evil.io', outcome: 'redacted', by: 'email' },
  { name: 'allowlist pattern fullmatch keeps it', sim: () => tc({ processors: [runtimeProcessor('P', { allowlistPatterns: [String.raw`[a-z.]+@example\.com`] })] }), path: 'steps[0].inputs.q', value: 'cc alice@example.com', secret: 'alice@example.com', outcome: 'survives', reason: 'an allowlist pattern of P fully matches it' },
  { name: 'dotted field path relative to inputs, list indices left out', sim: () => tc({ processors: [{ ...runtimeProcessor('P'), rules: [{ name: 'pw', fieldPaths: ['credentials.password'] }] }] }), path: 'steps[0].inputs.credentials[1].password', value: 'hunter2!', outcome: 'redacted', by: 'field_paths of "pw"', stored: '[REDACTED]' },
  { name: 'leaf key field path', sim: () => tc({ processors: [{ ...runtimeProcessor('P'), rules: [{ name: 'pw', fieldPaths: ['password'] }] }] }), path: 'steps[0].outputs.result.db.password', value: 'hunter2!', outcome: 'redacted', by: 'field_paths of "pw"' },
  { name: 'a field path does not reach list items under the key', sim: () => tc({ processors: [{ ...runtimeProcessor('P'), rules: [{ name: 'pw', fieldPaths: ['passwords'] }] }] }), path: 'steps[0].inputs.passwords[0]', value: 'hunter2!', outcome: 'survives', reason: 'no TraceCraft rule matches it' },
  { name: 'a field path rule replaces the whole value, so no pattern runs', sim: () => tc({ processors: [{ ...runtimeProcessor('P', { allowlist: ['hunter2! bob@acme.io'] }), rules: [{ name: 'pw', fieldPaths: ['password'] }] }] }), path: 'steps[0].inputs.password', value: 'hunter2! bob@acme.io', secret: 'bob@acme.io', outcome: 'survives', reason: 'no TraceCraft rule matches it' },
  { name: 'hash mode', sim: () => tc({ processors: [runtimeProcessor('P', { mode: 'hash' })] }), path: 'steps[0].inputs.q', value: 'x bob@acme.io', secret: 'bob@acme.io', outcome: 'redacted', by: 'email', stored: `x [HASH:${createHash('sha256').update('bob@acme.io').digest('hex').slice(0, 16)}]` },
  { name: 'remove mode', sim: () => tc({ processors: [runtimeProcessor('P', { mode: 'remove' })] }), path: 'steps[0].inputs.q', value: 'x bob@acme.io y', secret: 'bob@acme.io', outcome: 'redacted', by: 'email', stored: 'x  y' },
  { name: 'a rule\'s replacement text wins over the mode', sim: () => tc({ processors: [{ ...runtimeProcessor('P'), includeDefaults: false, rules: [{ name: 'ticket', pattern: String.raw`TCK-\d{6}`, replacement: '<ticket>' }] }] }), path: 'steps[0].inputs.q', value: 'see TCK-004211', secret: 'TCK-004211', outcome: 'redacted', by: 'ticket', stored: 'see <ticket>' },
  { name: 'custom_patterns of RedactionConfig are never applied', sim: () => tc({ ignoredCustomPatterns: [{ name: 'ticket_id', pattern: String.raw`TCK-\d{6}` }] }), path: 'steps[0].inputs.q', value: 'see TCK-004211', secret: 'TCK-004211', outcome: 'survives', reason: 'only RedactionConfig.custom_patterns "ticket_id" matches it, and TraceCraft\'s runtime never applies custom_patterns (pass them as RedactionProcessor(rules=[...]))' },
  { name: 'redaction off', sim: () => tc({ processors: [], offReason: 'TRACECRAFT_REDACTION_ENABLED=false in .env:5' }), path: 'steps[0].inputs.q', value: 'bob@acme.io', outcome: 'survives', reason: 'TraceCraft redaction is off (TRACECRAFT_REDACTION_ENABLED=false in .env:5)' },
  { name: 'phone rule eats the middle of a card number: partly stored', sim: () => tc(), path: 'steps[0].inputs.q', value: 'card 4111111111111111x', secret: '4111111111111111', outcome: 'partial', by: 'phone', stored: 'card [REDACTED]111111x', reason: 'only part of it is redacted (by phone); 6 of 16 characters are stored' },
];

for (const c of tcCases) {
  test(`TraceCraft: ${c.name}`, () => {
    const v = judge(c.sim(), c.path, c.value, c.secret);
    assert.equal(v.outcome, c.outcome);
    assert.equal(v.redactedBy, c.by);
    if (c.stored !== undefined) assert.equal(v.stored, c.stored);
    if (c.reason !== undefined) assert.equal(v.reason, c.reason);
  });
}

function dbg(over: Partial<AgentDbgSettings> = {}): AgentDbgSimulator {
  return new AgentDbgSimulator({ redact: true, keys: ['api_key', 'authorization', 'cookie', 'password', 'secret', 'token'], maxFieldBytes: 20000, patterns: [], describe: 'test', notes: [], ...over });
}

const deep = `payload${'.a'.repeat(10)}.leaf`;
const dbgCases: Array<{ name: string; sim: () => AgentDbgSimulator; path: string; value: string; secret?: string; outcome: string; by?: string; stored?: string; reason?: string }> = [
  { name: 'key substring, case-insensitive', sim: () => dbg(), path: 'payload.args.X_API_KEY_2', value: 'abc123', outcome: 'redacted', by: 'redact_keys: api_key', stored: '__REDACTED__' },
  { name: 'a matching ancestor key redacts everything below it', sim: () => dbg(), path: 'payload.auth_token_info.raw[0]', value: 'abc123', outcome: 'redacted', by: 'redact_keys: token' },
  { name: 'meta is redacted like the payload', sim: () => dbg(), path: 'meta.Cookie', value: 'sid=1', outcome: 'redacted', by: 'redact_keys: cookie' },
  { name: 'an event name is never redacted', sim: () => dbg(), path: 'name', value: 'bob@acme.io', outcome: 'survives', reason: 'AgentDbg never redacts an event\'s "name"' },
  { name: 'content is not matched, only keys', sim: () => dbg(), path: 'payload.prompt', value: 'mail bob@acme.io', secret: 'bob@acme.io', outcome: 'survives', reason: 'no key on its path ("prompt") contains a redact key, and AgentDbg redacts by key name only' },
  { name: 'guide patterns are reported, not applied', sim: () => dbg({ patterns: [String.raw`TCK-\d{6}`] }), path: 'payload.prompt', value: 'TCK-004211', outcome: 'survives', reason: String.raw`no key on its path ("prompt") contains a redact key; redaction.patterns "TCK-\d{6}" matches it, but AgentDbg applies no content patterns (only key names)` },
  { name: 'redaction off', sim: () => dbg({ redact: false, offReason: 'redact: false in .agentdbg/config.yaml' }), path: 'payload.args.api_key', value: 'abc123', outcome: 'survives', reason: 'AgentDbg redaction is off (redact: false in .agentdbg/config.yaml)' },
  { name: 'deeper than 10 levels is truncated', sim: () => dbg(), path: deep, value: 'bob@acme.io', outcome: 'redacted', by: 'depth limit', stored: '__TRUNCATED__' },
  { name: 'at depth 10 still stored', sim: () => dbg(), path: `payload${'.a'.repeat(9)}.leaf`, value: 'bob@acme.io', outcome: 'survives' },
  { name: 'max_field_bytes cuts the tail', sim: () => dbg({ maxFieldBytes: 100 }), path: 'payload.text', value: `${'x'.repeat(90)} bob@acme.io`, secret: 'bob@acme.io', outcome: 'redacted', by: 'max_field_bytes' },
  { name: 'max_field_bytes keeps the head (87 bytes + marker)', sim: () => dbg({ maxFieldBytes: 100 }), path: 'payload.text', value: `${'x'.repeat(80)} bob@acme.io ${'y'.repeat(20)}`, secret: 'bob@acme.io', outcome: 'partial', by: 'max_field_bytes', reason: 'max_field_bytes cuts it, but 6 of 11 characters are stored' },
];

for (const c of dbgCases) {
  test(`AgentDbg: ${c.name}`, () => {
    const v = judge(c.sim(), c.path, c.value, c.secret);
    assert.equal(v.outcome, c.outcome);
    assert.equal(v.redactedBy, c.by);
    if (c.stored !== undefined) assert.equal(v.stored, c.stored);
    if (c.reason !== undefined) assert.equal(v.reason, c.reason);
  });
}

test('JSON paths round-trip, quoted keys and embedded JSON included', () => {
  assert.deepEqual(parseJsonPath('steps[2].inputs.api_key'), { segments: ['steps', 2, 'inputs', 'api_key'] });
  assert.deepEqual(parseJsonPath('attributes["http.url"][0]'), { segments: ['attributes', 'http.url', 0] });
  assert.deepEqual(parseJsonPath('steps[1].outputs.result#rows[0].email'), { segments: ['steps', 1, 'outputs', 'result'], embedded: 'rows[0].email' });
  assert.deepEqual(parseJsonPath('a["q\\"#"].b'), { segments: ['a', 'q"#', 'b'] });
  assert.equal(formatJsonPath(['steps', 2, 'attributes', 'http.url', 'x-y']), 'steps[2].attributes["http.url"].x-y');
});

function finding(ruleId: string, line: number, start: number, jsonPath: string, secret: string): Finding {
  return { ruleId, severity: 'warning', message: ruleId, jsonPath, secret, span: { start, end: start + secret.length }, range: { line, column: 0, endLine: line, endColumn: 0 } };
}

test('simulateTrace counts survivors per tracelint rule and redactions per SDK rule; repeated secrets map to their own occurrence', () => {
  const lines = [
    JSON.stringify({ steps: [{ type: 'tool', name: 't', inputs: { q: 'a@b.io and a@b.io' }, attributes: { note: 'a@b.io' } }] }),
    '{not json',
  ];
  const text = `${lines.join('\n')}\n`;
  const findings = [
    finding('email', 0, 10, 'steps[0].inputs.q', 'a@b.io'),
    finding('email', 0, 21, 'steps[0].inputs.q', 'a@b.io'),
    finding('email', 0, 40, 'steps[0].attributes.note', 'a@b.io'),
    finding('email', 1, 60, 'q', 'x@y.io'),
  ];
  const r = simulateTrace(text, findings, tc({ processors: [runtimeProcessor('P')] }), 'jsonl');
  assert.deepEqual(r.verdicts.map((v) => v.outcome), ['redacted', 'redacted', 'survives', 'survives']);
  assert.deepEqual(r.survivors, { email: 2 });
  assert.deepEqual(r.redactedBy, { email: 2 });
  assert.equal(r.summary, '2 emails in this trace survive your TraceCraft configuration.');
  assert.match(r.verdicts[3].reason!, /cannot tell where the SDK would store it/);
});

test('summaries name what survives, most frequent first', () => {
  assert.equal(summarize({ email: 3, aws_access_key: 1 }, 'TraceCraft'), '3 emails and 1 AWS access key in this trace survive your TraceCraft configuration.');
  assert.equal(summarize({ ticket_id: 1 }, 'AgentDbg'), '1 "ticket_id" match in this trace survives your AgentDbg configuration.');
  assert.equal(summarize({}, 'AgentDbg'), 'Nothing tracelint found in this trace survives your AgentDbg configuration.');
});

// Cross-check with CPython: TraceCraft's redact_text (each DEFAULT_RULE's `sub`, in order) on a
// sample with one of each kind of secret must give exactly what the simulator stores.
test('TraceCraft DEFAULT_RULES: simulation agrees with CPython re.sub, rule after rule', (t) => {
  const probe = spawnSync('python3', ['-c', 'import re'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    t.skip('python3 is not available');
    return;
  }
  const sample = [
    'mail dana.w@acme-corp.io or call (415) 555-0142 / +44 20 7946 0958',
    'card 4111 1111 1111 1111 ssn 123-45-6789 ts 1700000000000',
    `keys sk-proj-Ab3dEf6hIj9kLm2nOp5q ${ANTHROPIC} AKIAIOSFODNN7EXAMPLE`,
    'aws wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY sha 3f786850e387550fdab836ed7e6dc881de23001b',
    'auth Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ4In0.c2ln ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789',
    'g AIzaSyA1234567890abcdefghijklmnopqrstu az AccountKey=abcdEFGH1234ijklMNOP5678== url ?api_key=abcd1234efgh',
    `${PEM}`,
    'slack xoxb-1234567890-1234567890-abcdefghijklmnopqrstuvwx stripe sk_live_abcdefghijklmnopqrstuvwx',
    'password = "hunter2secret" token: abcd1234',
    'unicode ünï bob@exämple.com ٣٤٥-٦٧٨-٩٠١٢',
  ].join('\n');
  const py = [
    'import json, re, sys',
    'rules = json.loads(sys.argv[1]); text = sys.stdin.read()',
    'for r in rules:',
    '    text = re.compile(r["pattern"]).sub(lambda m: "[REDACTED]", text)',
    'sys.stdout.write(text)',
  ].join('\n');
  const out = spawnSync('python3', ['-c', py, JSON.stringify(TRACECRAFT_DEFAULT_RULES)], { input: sample, encoding: 'utf8' });
  assert.equal(out.status, 0, out.stderr);
  const v = tc().judge({}, ['input'], sample, 0, 1);
  assert.equal(v.stored, out.stdout);
});

test('tracelint\'s own configuration: allowlisted and switched-off findings survive, the rest is redacted', async () => {
  const { TracelintSimulator } = await import('../../shared/simulate/index');
  const { defaultEngineOptions } = await import('../../shared/options');
  const sim = new TracelintSimulator({ ...defaultEngineOptions(), allowlistPatterns: [String.raw`[a-z.]+@example\.com`], detectors: { phone: { enabled: false } } }, 'tracelint.json');
  const value = 'mail bob@acme.io, alice@example.com, call 415-555-0142';
  const at = (s: string) => [value.indexOf(s), value.indexOf(s) + s.length] as const;
  assert.deepEqual(pick(sim.judge({}, ['q'], value, ...at('bob@acme.io'))), { outcome: 'redacted', redactedBy: 'email' });
  assert.deepEqual(pick(sim.judge({}, ['q'], value, ...at('alice@example.com'))), { outcome: 'survives', redactedBy: undefined });
  assert.deepEqual(pick(sim.judge({}, ['q'], value, ...at('415-555-0142'))), { outcome: 'survives', redactedBy: undefined });
  assert.equal(sim.judge({}, ['q'], value, 0, 1).stored, 'mail [REDACTED], alice@example.com, call 415-555-0142');
});

function pick(v: { outcome: string; redactedBy?: string }) {
  return { outcome: v.outcome, redactedBy: v.redactedBy };
}
