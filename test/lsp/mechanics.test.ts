// LSP mechanics, as a client sees them, with a backend the test controls (fake-backend.ts): the
// InitializeResult, push and pull diagnostics, no stale version after a newer one, slow verdicts
// arriving later, settings per resource, and every kind of code action applied and re-checked.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createConnection } from 'vscode-languageserver/node';
import { startServer } from '../../server/lsp/server';
import { fakeBackend } from './fake-backend';
import { type HarnessOptions, TestClient, uriOf } from './harness';

function start(options: HarnessOptions, slowMs?: number) {
  const backend = fakeBackend(slowMs);
  const client = TestClient.inProcess(options, (reader, writer) => startServer(createConnection(reader, writer), backend));
  return { client, backend };
}

const range = (line: number, character: number, endLine: number, endCharacter: number) => ({
  start: { line, character },
  end: { line: endLine, character: endCharacter },
});

describe('InitializeResult', () => {
  it('offers pull diagnostics to a client that supports them', async () => {
    const { client } = start({ pull: true });
    assert.deepEqual(await client.initialize(), {
      serverInfo: { name: 'tracelint', version: '0.1.0' },
      capabilities: {
        textDocumentSync: { openClose: true, change: 2, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: ['quickfix', 'source.fixAll.tracelint'], resolveProvider: false },
        hoverProvider: true,
        executeCommandProvider: { commands: ['tracelint.server.applyFix'] },
        diagnosticProvider: { identifier: 'tracelint', interFileDependencies: false, workspaceDiagnostics: false },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
    });
    await client.shutdown();
  });

  it('offers no diagnosticProvider to a push-only client', async () => {
    const { client } = start({ pull: false });
    const r = await client.initialize();
    assert.equal(r.capabilities.diagnosticProvider, undefined);
    await client.shutdown();
  });
});

for (const pull of [false, true]) {
  describe(`diagnostics (${pull ? 'pull' : 'push'})`, () => {
    it('reports findings with exact ranges, codes and data', async () => {
      const { client } = start({ pull });
      await client.initialize();
      const uri = 'file:///ws/agent.py';
      client.open(uri, 'python', 'x = 1\nkey = SECRET_ALPHA\n');
      const diags = await client.diagnostics(uri);
      assert.equal(diags.length, 1);
      assert.deepEqual(
        { range: diags[0].range, code: diags[0].code, source: diags[0].source, severity: diags[0].severity, message: diags[0].message },
        { range: range(1, 6, 1, 18), code: 'fake-secret', source: 'tracelint', severity: 2, message: 'fake-secret: alpha' },
      );
      await client.shutdown();
    });

    it('never shows an older version after a newer one', async () => {
      const { client, backend } = start({ pull });
      await client.initialize();
      const uri = 'file:///ws/slow.py';
      client.open(uri, 'python', '# delay=300\nSECRET_OLD\n');
      // Pull mode asks for version 1 at once; that request is answered for version 2.
      const first = pull ? client.diagnostics(uri) : undefined;
      // The first lint is still running when version 2 arrives, without any finding.
      while (backend.log.linted.length === 0) await new Promise((r) => setTimeout(r, 5));
      client.change(uri, 'print("clean")\n');
      assert.deepEqual(await client.diagnostics(uri), []);
      if (first) assert.deepEqual(await first, []);
      await new Promise((r) => setTimeout(r, 400));
      if (!pull) {
        const versions = client.published.filter((p) => p.uri === uri).map((p) => p.version);
        assert.deepEqual(versions, [2]);
      } else {
        assert.deepEqual(await client.diagnostics(uri), []);
      }
      assert.deepEqual(backend.log.linted.map((l) => l.length), [23, 15], 'both versions were linted');
      assert.equal(backend.log.aborted, 1, 'the first lint was aborted');
      await client.shutdown();
    });

    it('shows the fast findings first and the slow verdict after', async () => {
      const { client } = start({ pull }, 150);
      await client.initialize();
      const uri = 'file:///ws/redos.py';
      client.open(uri, 'python', 'SECRET_FAST\nSLOW_PATTERN\n');
      const first = await client.diagnostics(uri);
      assert.deepEqual(first.map((d) => d.code), ['fake-secret']);
      if (pull) {
        while (client.refreshRequests === 0) await new Promise((r) => setTimeout(r, 10));
        assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code), ['fake-secret', 'slow-rule']);
      } else {
        const later = await client.waitForPush(uri, (p) => p.diagnostics.length === 2, false);
        assert.deepEqual(later.diagnostics.map((d) => d.code), ['fake-secret', 'slow-rule']);
        assert.equal(later.version, 1);
      }
      await client.shutdown();
    });

    it('hovers show the slow verdicts from the second wave: a finding with what was measured, a note alone, nothing elsewhere', async () => {
      const { client } = start({ pull }, 150);
      await client.initialize();
      const uri = 'file:///ws/hover.py';
      client.open(uri, 'python', 'SECRET_FAST\nr = SLOW_PATTERN  # FINE_EMAIL\n');
      assert.deepEqual((await client.diagnostics(uri)).map((d) => d.code), ['fake-secret']);
      if (pull) {
        while (client.refreshRequests === 0) await new Promise((r) => setTimeout(r, 10));
        await client.diagnostics(uri);
      } else {
        await client.waitForPush(uri, (p) => p.diagnostics.length === 2, false);
      }
      // On the finding's first and last character, and not past its end.
      for (const character of [4, 15]) {
        assert.deepEqual(await client.hover(uri, 1, character), {
          contents: { kind: 'markdown', value: '**tracelint: slow-rule** (warning)\n\nslow-rule: pattern\n\nmeasured 12 chars' },
          range: range(1, 4, 1, 16),
        });
      }
      assert.equal(await client.hover(uri, 1, 16), null);
      assert.deepEqual(await client.hover(uri, 1, 21), {
        contents: { kind: 'markdown', value: '**tracelint: no finding**\n\nLinear in practice: email' },
        range: range(1, 20, 1, 30),
      });
      // A fast finding has its diagnostic, no hover.
      assert.equal(await client.hover(uri, 0, 3), null);
      await client.shutdown();
    });

    it('reports a problem with the input as a warning, and lints nothing when disabled for the resource', async () => {
      const { client } = start({ pull, settings: (scope) => ({ enable: !scope?.endsWith('off.py') }) });
      await client.initialize();
      client.open('file:///ws/on.py', 'python', 'ok\nBROKEN SECRET_A\n');
      client.open('file:///ws/off.py', 'python', 'SECRET_B\n');
      const on = await client.diagnostics('file:///ws/on.py');
      assert.deepEqual(on.map((d) => [d.code, d.range.start.line, d.message]), [
        ['fake-secret', 1, 'fake-secret: a'],
        ['input-problem', 1, 'line is broken'],
      ]);
      assert.deepEqual(await client.diagnostics('file:///ws/off.py'), []);
      assert.ok(client.configurationRequests.includes('file:///ws/off.py'));
      assert.ok(client.configurationRequests.includes('file:///ws/on.py'));
      await client.shutdown();
    });
  });
}

describe('code actions', () => {
  it('applies the fix, a suggestion and disable-for-this-line, each re-checked', async () => {
    const { client } = start({ pull: true });
    await client.initialize();
    const uri = 'file:///ws/tools.py';
    client.open(uri, 'python', 'def f():\n    key = SECRET_ONE\n');
    const [d] = await client.diagnostics(uri);
    const actions = await client.codeActions(uri, d.range, [d]);
    assert.deepEqual(actions.map((a) => [a.title, a.kind, a.isPreferred ?? false]), [
      ['Use env_one', 'quickfix', true],
      ['Replace with None', 'quickfix', false],
      ['Disable fake-secret for this line', 'quickfix', false],
    ]);
    client.applyEdit(actions[2].edit!);
    assert.equal(client.docs.get(uri)!.getText(), 'def f():\n    # tracelint-disable-next-line fake-secret\n    key = SECRET_ONE\n');
    client.change(uri, 'def f():\n    key = SECRET_ONE\n');
    const [again] = await client.diagnostics(uri);
    client.applyEdit((await client.codeActions(uri, again.range, [again]))[0].edit!);
    assert.equal(client.docs.get(uri)!.getText(), 'def f():\n    key = env_one\n');
    assert.deepEqual(await client.diagnostics(uri), []);
    await client.shutdown();
  });

  it('source.fixAll.tracelint fixes every finding at once', async () => {
    const { client } = start({ pull: false });
    await client.initialize();
    const uri = 'file:///ws/all.py';
    client.open(uri, 'python', 'a = SECRET_A\nb = SECRET_B\n');
    await client.diagnostics(uri);
    const actions = await client.codeActions(uri, range(0, 0, 0, 0), [], ['source.fixAll']);
    assert.deepEqual(actions.map((a) => [a.title, a.kind]), [['Fix all tracelint problems', 'source.fixAll.tracelint']]);
    client.applyEdit(actions[0].edit!);
    assert.equal(client.docs.get(uri)!.getText(), 'a = env_a\nb = env_b\n');
    assert.deepEqual(await client.diagnostics(uri), []);
    await client.shutdown();
  });

  it('adds a trace finding to the allowlist and to the baseline, creating and then editing the files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracelint-lsp-'));
    writeFileSync(join(dir, 'tracelint.json'), '{\n  "allowlist": ["keep-me"]\n}\n');
    const { client } = start({ pull: true, folders: [dir], settings: () => ({ workspaceScan: false }) });
    await client.initialize();
    const uri = uriOf(join(dir, 'run.jsonl'));
    client.open(uri, 'jsonl', '{"k": "SECRET_X"}\n');
    const [d] = await client.diagnostics(uri);
    const actions = await client.codeActions(uri, d.range, [d]);
    assert.deepEqual(actions.map((a) => a.title), [
      'Use env_x',
      'Replace with None',
      'Add this fake-secret value to the tracelint allowlist',
      'Add this fake-secret finding to the baseline',
    ]);
    client.applyEdit(actions[2].edit!);
    assert.equal(readFileSync(join(dir, 'tracelint.json'), 'utf8'), '{\n  "allowlist": [\n    "keep-me",\n    "SECRET_X"\n  ]\n}\n');
    client.applyEdit(actions[3].edit!);
    const baseline = JSON.parse(readFileSync(join(dir, 'tracelint.baseline.json'), 'utf8'));
    assert.deepEqual(Object.keys(baseline), ['tool', 'version', 'fingerprints']);
    assert.deepEqual(baseline, {
      tool: 'tracelint',
      version: 1,
      fingerprints: ['fake-secret:' + createHash('sha256').update('SECRET_X').digest('hex')],
    });
    // Once there, the same value is not offered again.
    const again = await client.codeActions(uri, d.range, [d]);
    assert.deepEqual(again.map((a) => a.title), ['Use env_x', 'Replace with None']);
    await client.shutdown();
  });
});
