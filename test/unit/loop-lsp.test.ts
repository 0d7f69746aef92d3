// Closing the loop in the language server, as a client sees it, on a copy of examples/loop/: the
// trace diagnostic's related location (the parameter), the "Go to" action and the parameter's fix
// (applied to the source file), the preview's "as your configuration would store it" view with the
// survivors flagged, and the CheckAgainstConfig request behind the VS Code command.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from '../../server/lsp/server';
import type { LintBackend } from '../../server/lsp/backend';
import { findUp } from '../../shared/config/index';
import { CheckAgainstConfig, PreviewLines, PreviewOpen, type ConfiguredRedaction } from '../../shared/protocol';
import { scanTraceText } from '../../shared/traces/index';
import { fakeBackend } from '../lsp/fake-backend';
import { TestClient, uriOf } from '../lsp/harness';
import { engineFor } from './loop-fixtures';

function project(): string {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-loop-'));
  cpSync(resolve(__dirname, '../../examples/loop'), dir, { recursive: true });
  return dir;
}

function start(dir: string): TestClient {
  const engine = engineFor(dir);
  const backend: LintBackend = {
    ...fakeBackend(),
    lintText: async (path, text) => ({ findings: scanTraceText(text, path, engine).findings, problems: [] }),
    configFileFor: (path) => findUp(path, 'tracelint.json'),
  };
  return TestClient.inProcess({ pull: true }, (reader, writer) => startServer(createConnection(reader, writer), backend));
}

/** A started client with the example trace open. */
async function opened(dir: string): Promise<{ client: TestClient; trace: string }> {
  const client = start(dir);
  await client.initialize();
  const trace = uriOf(join(dir, 'traces/billing.jsonl'));
  client.open(trace, 'jsonl', readFileSync(join(dir, 'traces/billing.jsonl'), 'utf8'));
  return { client, trace };
}

const text = (m: string | { value: string }) => (typeof m === 'string' ? m : m.value);

test('a trace diagnostic points at the parameter, jumps there, and fixes it in the source', async () => {
  const dir = project();
  const { client, trace } = await opened(dir);
  const diags = await client.diagnostics(trace);
  const source = join(dir, 'agent/billing_agent.py');
  const d = diags.find((x) => x.code === 'stripe_key' && /children\[0\]\.inputs\.stripe_key/.test(text(x.message)))!;
  assert.deepEqual(d.relatedInformation, [{
    location: { uri: uriOf(source), range: { start: { line: 30, character: 47 }, end: { line: 30, character: 57 } } },
    message: 'recorded by parameter "stripe_key" of charge_card (TraceCraft trace_tool)',
  }]);
  const actions = await client.codeActions(trace, d.range, [d]);
  assert.deepEqual(actions.slice(0, 3).map((a) => a.title), [
    'Add "stripe_key" to exclude_inputs in billing_agent.py',
    'Set capture_inputs=False (no inputs are recorded) in billing_agent.py',
    'Go to parameter "stripe_key" of charge_card (TraceCraft trace_tool) (billing_agent.py:31)',
  ]);
  assert.deepEqual(actions[2].command, { title: actions[2].title, command: 'tracelint.openLocation', arguments: [uriOf(source), 30, 47, 30, 57] });
  client.applyEdit(actions[0].edit!);
  assert.match(readFileSync(source, 'utf8'), /@tracecraft\.trace_tool\(name="charge_card", exclude_inputs=\["stripe_key"\]\)\ndef charge_card/);

  // Ambiguous: both candidates, "Go to" each, no fix.
  const amb = diags.find((x) => x.code === 'email' && /children\[1\]\.inputs\.to/.test(text(x.message)))!;
  assert.equal(amb.relatedInformation?.length, 2);
  assert.deepEqual((await client.codeActions(trace, amb.range, [amb])).filter((a) => a.command).map((a) => a.title), [
    'Go to candidate 1 of 2: parameter "to" of send_receipt (TraceCraft trace_tool) (mailer.py:8)',
    'Go to candidate 2 of 2: parameter "to" of send_receipt (TraceCraft trace_tool) (receipts.py:8)',
  ]);
  await client.shutdown();
});

test('the preview shows the trace as the configuration would store it, survivors flagged; the check request counts them', async () => {
  const dir = project();
  const { client, trace } = await opened(dir);
  const full = await client.connection.sendRequest<PreviewOpen.Result>(PreviewOpen.method, { uri: trace, mode: 'mask' });
  assert.equal(full.view, undefined);
  const open = await client.connection.sendRequest<PreviewOpen.Result>(PreviewOpen.method, { uri: trace, mode: 'mask', view: 'configured' });
  assert.equal(open.view, 'configured');
  assert.equal((open.configured as ConfiguredRedaction).summary, '1 bearer token, 1 credit card number, 1 email and 1 "ticket_id" match in this trace survive your TraceCraft configuration.');
  assert.equal((open.configured as ConfiguredRedaction).survivors, 4);
  const { lines } = await client.connection.sendRequest<PreviewLines.Result>(PreviewLines.method, { uri: trace, from: 0, to: 1 });
  const markers = lines[0].segments.filter((s) => s.ruleId !== undefined).map((s) => `${s.ruleId} ${s.survives ? 'STORED' : 'redacted'} ${s.survives ? s.text.length : s.text}`);
  assert.deepEqual(markers, [
    'stripe_key redacted [REDACTED]',
    'email redacted [REDACTED]',
    'stripe_key redacted [REDACTED]',
    'bearer_token STORED 67',
    'email redacted [REDACTED]',
    'ticket_id STORED 10',
    'email STORED 17',
    'credit_card STORED 19',
  ]);
  const check = await client.connection.sendRequest<CheckAgainstConfig.Result>(CheckAgainstConfig.method, { uri: trace });
  assert.equal(check.survivors, 4);
  assert.deepEqual(check.traces[0].survivors.map((s) => `${s.ruleId} ${s.line + 1}:${s.column + 1}`), ['bearer_token 1:907', 'ticket_id 1:1216', 'email 1:1408', 'credit_card 1:1556']);
  await client.shutdown();
});
