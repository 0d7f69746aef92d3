// The language server's workspace scan asks git about all of a folder's trace files at once
// (routerBackend's `prepare`), not twice per file. What each file's lint reports must be what it
// reports on its own, and a prepared answer serves one lint only: after it, or after `end()`, the
// file is asked about afresh (a chmod the user ran is seen).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { routerBackend } from '../../../server/lsp/router-backend';
import { defaultSettings } from '../../../server/lsp/settings';

const TRACE = '{"event_type":"TOOL_CALL","payload":{"args":{"q":"refund status"}}}\n';

test('prepared hygiene: each file gets what it gets alone, once', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tl-prepare-'));
  try {
    const git = (...args: string[]) => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
    git('init', '-q');
    git('config', 'user.email', 'test@example.invalid');
    git('config', 'user.name', 'tracelint test');
    writeFileSync(join(root, 'tracelint.json'), '{}\n');
    const files = ['runs/a/events.jsonl', 'runs/b/events.jsonl', 'runs/c/events.jsonl'].map((p) => join(root, p));
    for (const f of files) {
      mkdirSync(join(f, '..'), { recursive: true });
      chmodSync(join(f, '..'), 0o755);
      writeFileSync(f, TRACE);
      chmodSync(f, 0o600);
    }
    chmodSync(files[1], 0o644);
    git('add', '--', 'tracelint.json', 'runs/a/events.jsonl');
    git('commit', '-q', '-m', 'fixture');

    const backend = routerBackend({ trusted: true, log: () => undefined });
    const s = defaultSettings();
    const signal = new AbortController().signal;
    const hygieneOf = async (file: string) => (await backend.lintFile(file, s, signal)).findings
      .filter((f) => f.ruleId.startsWith('trace-file-'))
      .map((f) => `${relative(root, file)} ${f.ruleId} ${/^[^:(;]*/.exec(f.message)![0].trim()}`);
    const each = async () => (await Promise.all(files.map(hygieneOf))).flat();

    const alone = await each();
    // Folder findings (runs/<id>/ readable by others, runs/ not ignored) on every file, as alone.
    assert.deepEqual(alone, [
      'runs/a/events.jsonl trace-file-permissions Trace folder runs/a/ has mode 755',
      'runs/a/events.jsonl trace-file-tracked Trace file is tracked by git',
      'runs/b/events.jsonl trace-file-permissions Trace file has mode 644',
      'runs/b/events.jsonl trace-file-permissions Trace folder runs/b/ has mode 755',
      'runs/b/events.jsonl trace-file-tracked Trace folder runs/ is not covered by .gitignore',
      'runs/c/events.jsonl trace-file-permissions Trace folder runs/c/ has mode 755',
      'runs/c/events.jsonl trace-file-tracked Trace folder runs/ is not covered by .gitignore',
    ]);
    const batch = backend.prepare!(files, s);
    assert.deepEqual(await each(), alone);
    batch.end();

    // Used once: the second lint asks again and sees the new mode.
    backend.prepare!(files, s);
    const b = (await hygieneOf(files[1])).filter((f) => f.includes(' file has mode'));
    assert.deepEqual(b, ['runs/b/events.jsonl trace-file-permissions Trace file has mode 644']);
    chmodSync(files[1], 0o600);
    assert.deepEqual((await hygieneOf(files[1])).filter((f) => f.includes(' file has mode')), []);
    // Ended: what was prepared and not used is dropped.
    chmodSync(files[2], 0o644);
    backend.prepare!(files, s).end();
    chmodSync(files[2], 0o600);
    assert.deepEqual((await hygieneOf(files[2])).filter((f) => f.includes(' file has mode')), []);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

// Folder paths in messages are relative to the workspace folder holding the file (the explorer's
// view), not to the configuration's folder: a tracelint.json in agent/ once gave
// `Trace folder ../traces/tracecraft/`. A folder outside the workspace folder is named whole.
test('hygiene messages: folder paths relative to the workspace folder', async () => {
  const root = mkdtempSync(join(tmpdir(), 'tl-display-'));
  const outside = mkdtempSync(join(tmpdir(), 'tl-display-out-'));
  try {
    mkdirSync(join(root, 'agent'));
    writeFileSync(join(root, 'agent', 'tracelint.json'), '{}\n');
    const inside = join(root, 'traces', 'tracecraft', 'run.jsonl');
    const away = join(outside, 'runs', 'run.jsonl');
    for (const f of [inside, away]) {
      mkdirSync(join(f, '..'), { recursive: true });
      chmodSync(join(f, '..'), 0o755);
      writeFileSync(f, TRACE);
      chmodSync(f, 0o600);
    }
    const backend = routerBackend({ trusted: true, log: () => undefined });
    const s = { ...defaultSettings(), configFile: join(root, 'agent', 'tracelint.json'), workspaceFolder: root };
    const signal = new AbortController().signal;
    const messages = async (file: string) => (await backend.lintFile(file, s, signal)).findings
      .filter((f) => f.ruleId === 'trace-file-permissions')
      .map((f) => `${f.message.split(' (')[0]} | ${f.fix?.title}`);
    assert.deepEqual(await messages(inside), ['Trace folder traces/tracecraft/ has mode 755 | Set mode 700 on traces/tracecraft/']);
    assert.deepEqual(await messages(away), [`Trace folder ${join(outside, 'runs')}/ has mode 755 | Set mode 700 on ${join(outside, 'runs')}/`]);
  } finally {
    rmSync(root, { recursive: true, force: true });
    rmSync(outside, { recursive: true, force: true });
  }
});
