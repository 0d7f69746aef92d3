// Hygiene findings in the editor, as a client sees them: a trace file with a too-wide mode gets a
// diagnostic whose quick fix is a command (no text edit); running it through
// workspace/executeCommand changes the mode on disk and the diagnostic goes away.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'vscode-languageserver/node';
import type { LintBackend } from '../../server/lsp/backend';
import { startServer } from '../../server/lsp/server';
import { checkTraceHygiene } from '../../server/hygiene';
import { TestClient, uriOf } from './harness';

/** A backend whose only findings are the real hygiene checks, for .jsonl files. */
function hygieneBackend(root: string): LintBackend {
  const lint = async (path: string) => ({ findings: (await checkTraceHygiene([path], { roots: [root], tracked: false }, root)).findings, problems: [] });
  return {
    handles: (p) => p.endsWith('.jsonl'),
    isTrace: () => true,
    lintText: (p) => lint(p),
    lintFile: (p) => lint(p),
    lineComment: () => undefined,
    placeholder: () => '[REDACTED]',
    configFileFor: () => undefined,
    writeRedacted: async () => 0,
    invalidateConfig: () => undefined,
  };
}

describe('hygiene quick fixes', () => {
  it('offers the chmod as a command, runs it on executeCommand, and the diagnostic goes away', async () => {
    const root = mkdtempSync(join(tmpdir(), 'tl-lsp-hyg-'));
    const file = join(root, 'run.jsonl');
    writeFileSync(file, '{}\n');
    chmodSync(file, 0o644);
    const client = TestClient.inProcess({ pull: false, folders: [root] }, (r, w) => startServer(createConnection(r, w), hygieneBackend(root)));
    try {
      await client.initialize();
      const uri = uriOf(file);
      client.open(uri, 'jsonl', readFileSync(file, 'utf8'));
      const diags = await client.diagnostics(uri);
      assert.deepEqual(
        diags.map((d) => [d.code, d.message, d.range]),
        [['trace-file-permissions', 'Trace file has mode 644 (group can read, others can read); expected 600 or stricter.', { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }]],
      );
      const actions = await client.codeActions(uri, diags[0].range, diags);
      const fix = actions.find((a) => a.title === 'Set mode 600 on run.jsonl')!;
      assert.deepEqual(fix.command, { title: 'Set mode 600 on run.jsonl', command: 'tracelint.server.applyFix', arguments: [{ kind: 'chmod', path: file, mode: 0o600 }] });
      assert.equal(fix.edit, undefined);
      const cleared = client.waitForPush(uri, (p) => p.diagnostics.length === 0, false);
      await client.connection.sendRequest('workspace/executeCommand', { command: fix.command!.command, arguments: fix.command!.arguments });
      assert.equal(statSync(file).mode & 0o777, 0o600);
      await cleared;
      // A command the server did not make is refused.
      await assert.rejects(
        client.connection.sendRequest('workspace/executeCommand', { command: 'tracelint.server.applyFix', arguments: [{ kind: 'chmod', path: 'relative.jsonl', mode: 0o600 }] }),
        /not a fix this server offers/,
      );
    } finally {
      await client.shutdown();
      rmSync(root, { recursive: true, force: true });
    }
  });
});
