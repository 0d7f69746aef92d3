// The CLI's side of closing the loop (server/loop/cli.ts) on examples/loop/: links added to trace
// findings, and `--against-config` keeping exactly the findings the configuration lets through.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
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
