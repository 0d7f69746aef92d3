// The CLI's side of closing the loop (server/loop/cli.ts) on examples/loop/: links added to trace
// findings, and `--against-config` keeping exactly the findings the configuration lets through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ConfigResolver } from '../../shared/config/index';
import type { FileResult } from '../../server/cli/report';
import { closeTheLoop } from '../../server/loop/cli';
import { engineFor, findingsOf } from './loop-fixtures';

const ROOT = resolve(__dirname, '../../examples/loop');
const TRACE = join(ROOT, 'traces/billing.jsonl');
const EVENTS = join(ROOT, 'agentdbg/runs/7f3c2a9e-4b1d-4c8e-9a2f-5d6e7f809a1b/events.jsonl');
const SOURCE = join(ROOT, 'agent/billing_agent.py');

function results(): { results: FileResult[]; traces: Array<{ path: string; config: ReturnType<ConfigResolver['forPath']> }> } {
  const resolver = new ConfigResolver();
  const engine = engineFor(ROOT);
  const results: FileResult[] = [TRACE, EVENTS].map((path) => ({ path, display: path.slice(ROOT.length + 1), findings: findingsOf(readFileSync(path, 'utf8'), engine, path), problems: [] }));
  results.push({ path: SOURCE, display: 'agent/billing_agent.py', problems: [], findings: [{ ruleId: 'credential-param-captured', severity: 'error', message: 'x', span: { start: 0, end: 1 }, range: { line: 0, column: 0, endLine: 0, endColumn: 1 } }] });
  return { results, traces: [TRACE, EVENTS].map((path) => ({ path, config: resolver.forPath(path) })) };
}

test('without --against-config every finding stays, trace findings gain their links', async () => {
  const { results: rs, traces } = results();
  const out = await closeTheLoop(rs, traces, { againstConfig: false });
  assert.deepEqual(out.notes, []);
  assert.deepEqual(rs.map((r) => r.findings.length), [8, 5, 1]);
  assert.deepEqual(rs[0].findings.map((f) => f.related?.length ?? 0), [1, 1, 1, 1, 2, 2, 0, 0]);
});

test('--against-config keeps only survivors, says why, and summarises each trace', async () => {
  const { results: rs, traces } = results();
  const out = await closeTheLoop(rs, traces, { againstConfig: true });
  assert.deepEqual(out.notes, [
    'traces/billing.jsonl: 1 bearer token, 1 credit card number, 1 email and 1 "ticket_id" match in this trace survive your TraceCraft configuration (RedactionConfig at agent/billing_agent.py:14; RedactionProcessor at agent/billing_agent.py:24)',
    'TraceCraft: RedactionConfig.custom_patterns ("ticket_id") are never applied: TraceCraft\'s runtime does not pass them to its RedactionProcessor',
    'agentdbg/runs/7f3c2a9e-4b1d-4c8e-9a2f-5d6e7f809a1b/events.jsonl: 1 bearer token, 1 email and 1 "ticket_id" match in this trace survive your AgentDbg configuration (.agentdbg/config.yaml)',
    'AgentDbg: redaction.patterns (1) are not applied: AgentDbg redacts by key name only',
  ]);
  assert.deepEqual(rs[0].findings.map((f) => `${f.ruleId} ${f.jsonPath}`), [
    'bearer_token steps[0].children[0].attributes["http.request.header.authorization"]',
    'ticket_id steps[0].children[1].outputs.result',
    'email steps[0].children[2].inputs.contact',
    'credit_card steps[0].children[2].error',
  ]);
  assert.equal(rs[0].findings[0].message, 'bearer_token: eyJh…(67 chars) in steps[0].children[0].attributes["http.request.header.authorization"] (survives your TraceCraft configuration: TraceCraft never redacts a step\'s "attributes")');
  assert.deepEqual(rs[1].findings.map((f) => `${f.ruleId} ${f.jsonPath}`), ['bearer_token payload.args.auth_header', 'email payload.prompt', 'ticket_id payload.prompt']);
  // Source findings are not part of the question.
  assert.deepEqual(rs[2].findings, []);
  // The links stay on the survivors.
  assert.equal(rs[1].findings[0].related?.[0].message, 'recorded by key "auth_header" of record_tool_call("fetch_ledger")');
});

// The built binary, as CI runs it: `tracelint scan --against-config`.
const CLI = resolve(__dirname, '../../dist/cli.js');
function cli(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('tracelint scan --against-config fails on what the configuration lets through; json and SARIF carry the link', () => {
  const examples = resolve(ROOT, '..');
  const json = cli(['scan', 'loop', '--against-config', '--format', 'json'], examples);
  assert.equal(json.code, 1, json.stderr);
  const body = JSON.parse(json.stdout) as { files: Array<{ file: string; findings: Array<{ ruleId: string; line: number; column: number; message: string; related?: Array<{ file: string; line: number; column: number; message: string }> }> }>; summary: { findings: number } };
  assert.equal(body.summary.findings, 7);
  assert.deepEqual(body.files.map((f) => [f.file, f.findings.map((x) => `${x.line}:${x.column} ${x.ruleId}`)]), [
    ['loop/agentdbg/runs/7f3c2a9e-4b1d-4c8e-9a2f-5d6e7f809a1b/events.jsonl', ['2:335 bearer_token', '3:249 email', '3:288 ticket_id']],
    ['loop/traces/billing.jsonl', ['1:907 bearer_token', '1:1216 ticket_id', '1:1408 email', '1:1556 credit_card']],
  ]);
  assert.deepEqual(body.files[0].findings[0].related, [{ file: 'loop/agent/ledger.py', line: 12, column: 73, endLine: 12, endColumn: 86, message: 'recorded by key "auth_header" of record_tool_call("fetch_ledger")' }]);
  assert.match(json.stderr, /tracelint: loop\/traces\/billing\.jsonl: 1 bearer token, 1 credit card number, 1 email and 1 "ticket_id" match in this trace survive your TraceCraft configuration/);

  const sarif = JSON.parse(cli(['scan', 'loop/traces', '--against-config', '--format', 'sarif'], examples).stdout) as { runs: Array<{ results: Array<{ ruleId: string; relatedLocations?: unknown[] }> }> };
  const bearer = sarif.runs[0].results.find((r) => r.ruleId === 'bearer_token')!;
  assert.deepEqual(bearer.relatedLocations, [{
    id: 1,
    physicalLocation: { artifactLocation: { uri: 'loop/agent/billing_agent.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 31, startColumn: 5, endLine: 31, endColumn: 16 } },
    message: { text: 'recorded by charge_card (TraceCraft trace_tool)' },
  }]);
});

test('tracelint scan --against-config passes when the configuration redacts everything found', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-against-'));
  writeFileSync(join(dir, 'tracelint.json'), '{}\n');
  writeFileSync(join(dir, 'agent.py'), 'import tracecraft\nfrom tracecraft import RedactionConfig\n\nREDACTION = RedactionConfig(enabled=True)\n\n\n@tracecraft.trace_tool(name="notify")\ndef notify(to: str) -> None:\n    pass\n');
  mkdirSync(join(dir, 'traces'));
  writeFileSync(join(dir, 'traces/run.jsonl'), `${JSON.stringify({ id: 'r1', name: 'a', start_time: '2026-11-20T10:00:00Z', steps: [{ id: 's1', type: 'tool', name: 'notify', inputs: { to: 'dana.whitfield@acme-corp.io' }, outputs: {}, attributes: {}, children: [] }] })}\n`);
  const plain = cli(['scan', 'traces'], dir);
  assert.equal(plain.code, 1);
  assert.match(plain.stdout, /↳ agent\.py:8:12 recorded by parameter "to" of notify \(TraceCraft trace_tool\)/);
  const against = cli(['scan', 'traces', '--against-config'], dir);
  assert.equal(against.code, 0, against.stdout);
  assert.match(against.stderr, /Nothing tracelint found in this trace survives your TraceCraft configuration/);
});
