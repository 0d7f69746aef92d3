// The hygiene rules as a scan runs them: configured levels and modes, notes said once, and --fix
// applied then checked again, in a temporary git repository.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { resolveConfig } from '../../shared/config/resolve';
import type { TracelintConfig } from '../../shared/config/types';
import { hygieneForFiles } from '../../server/hygiene/scan';
import { applyFixCommands } from '../../server/hygiene/fix';

function project(): { root: string; files: string[] } {
  const root = mkdtempSync(join(tmpdir(), 'tl-hscan-'));
  execFileSync('git', ['init', '-q'], { cwd: root });
  execFileSync('git', ['config', 'user.email', 'test@example.invalid'], { cwd: root });
  execFileSync('git', ['config', 'user.name', 'tracelint test'], { cwd: root });
  mkdirSync(join(root, 'traces'));
  const files = ['a.jsonl', 'b.jsonl'].map((n) => join(root, 'traces', n));
  for (const f of files) {
    writeFileSync(f, '{}\n');
    chmodSync(f, 0o644);
  }
  chmodSync(join(root, 'traces'), 0o755);
  return { root, files };
}

const configOf = (c: TracelintConfig, root: string) => resolveConfig(c, { baseDir: root });

test('hygiene scan: findings with default levels: permissions first, then git', async () => {
  const { root, files } = project();
  try {
    const config = configOf({}, root);
    const r = await hygieneForFiles(files.map((path) => ({ path, config })), { roots: [root], displayBase: root });
    assert.deepEqual(r.notes, []);
    assert.deepEqual(r.fixed, []);
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.severity, f.file!.slice(root.length + 1), f.message]),
      [
        ['trace-file-permissions', 'warning', 'traces/a.jsonl', 'Trace file has mode 644 (group can read, others can read); expected 600 or stricter.'],
        ['trace-file-permissions', 'warning', 'traces/a.jsonl', 'Trace folder traces/ has mode 755 (group can read/enter/execute, others can read/enter/execute); expected 700 or stricter.'],
        ['trace-file-permissions', 'warning', 'traces/b.jsonl', 'Trace file has mode 644 (group can read, others can read); expected 600 or stricter.'],
        ['trace-file-tracked', 'error', 'traces/a.jsonl', 'Trace folder traces/ is not covered by .gitignore: `git add .` would commit it.'],
      ],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('hygiene scan: rule levels and modes from the configuration', async () => {
  const { root, files } = project();
  try {
    const config = configOf({ rules: { 'trace-file-tracked': 'off', 'trace-file-permissions': 'error' }, hygiene: { fileMode: '640', dirMode: '750' } }, root);
    const r = await hygieneForFiles([{ path: files[0], config }], { roots: [root], displayBase: root });
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.severity, f.message]),
      [
        ['trace-file-permissions', 'error', 'Trace file has mode 644 (others can read); expected 640 or stricter.'],
        ['trace-file-permissions', 'error', 'Trace folder traces/ has mode 755 (others can read/enter/execute); expected 750 or stricter.'],
      ],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('hygiene scan: --fix sets the modes, ignores the folder, and leaves nothing behind', async () => {
  const { root, files } = project();
  try {
    const config = configOf({}, root);
    const r = await hygieneForFiles(files.map((path) => ({ path, config })), { roots: [root], displayBase: root, fix: true });
    assert.deepEqual(r.findings, []);
    assert.deepEqual(r.fixed, [
      `mode of ${files[0]} set to 600`,
      `mode of ${join(root, 'traces')} set to 700`,
      `mode of ${files[1]} set to 600`,
      `/traces/ added to ${join(root, '.gitignore')}`,
    ]);
    assert.equal(statSync(files[1]).mode & 0o777, 0o600);
    assert.equal(statSync(join(root, 'traces')).mode & 0o777, 0o700);
    assert.equal(readFileSync(join(root, '.gitignore'), 'utf8'), '/traces/\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('hygiene scan: a fix that fails is reported and the others go on', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-hfix-'));
  try {
    const ok = join(dir, 'ok.jsonl');
    writeFileSync(ok, '');
    const lines = applyFixCommands([
      { kind: 'chmod', path: join(dir, 'gone.jsonl'), mode: 0o600 },
      { kind: 'chmod', path: ok, mode: 0o600 },
    ]);
    assert.deepEqual(lines, [`could not fix ${join(dir, 'gone.jsonl')}: ENOENT`, `mode of ${ok} set to 600`]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
