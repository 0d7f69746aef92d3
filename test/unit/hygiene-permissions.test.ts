// trace-file-permissions on real files in a temporary folder: modes found, modes expected, the
// fix as data, and the fix applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPermissions, NO_POSIX_MODES_NOTE } from '../../server/hygiene/permissions';
import { applyFixCommand } from '../../server/hygiene/fix';

function workspace(fileMode: number, dirMode: number): { root: string; dir: string; file: string } {
  const root = mkdtempSync(join(tmpdir(), 'tl-perm-'));
  const dir = join(root, 'traces');
  mkdirSync(dir);
  const file = join(dir, 'tracecraft.jsonl');
  writeFileSync(file, '{}\n');
  chmodSync(file, fileMode);
  chmodSync(dir, dirMode);
  return { root, dir, file };
}

const cases: { name: string; file: number; dir: number; messages: string[]; modes: number[] }[] = [
  { name: 'owner only', file: 0o600, dir: 0o700, messages: [], modes: [] },
  { name: 'stricter than expected', file: 0o400, dir: 0o500, messages: [], modes: [] },
  {
    name: 'umask 022 defaults',
    file: 0o644,
    dir: 0o755,
    messages: [
      'Trace file has mode 644 (group can read, others can read); expected 600 or stricter.',
      'Trace folder traces/ has mode 755 (group can read/enter/execute, others can read/enter/execute); expected 700 or stricter.',
    ],
    modes: [0o600, 0o700],
  },
  {
    name: 'group write, owner execute',
    file: 0o760,
    dir: 0o700,
    messages: ['Trace file has mode 760 (owner can execute, group can read/write); expected 600 or stricter.'],
    modes: [0o600],
  },
  {
    name: 'read-only for all keeps read-only for the owner',
    file: 0o444,
    dir: 0o700,
    messages: ['Trace file has mode 444 (group can read, others can read); expected 600 or stricter.'],
    modes: [0o400],
  },
];

for (const c of cases) {
  test(`permissions: ${c.name}`, () => {
    const w = workspace(c.file, c.dir);
    try {
      const { findings, notes } = checkPermissions([w.file], { roots: [w.root] }, w.root);
      assert.deepEqual(notes, []);
      assert.deepEqual(findings.map((f) => f.message), c.messages);
      assert.deepEqual(findings.map((f) => f.fix?.command && 'mode' in f.fix.command ? f.fix.command.mode : -1), c.modes);
      for (const f of findings) {
        assert.equal(f.ruleId, 'trace-file-permissions');
        assert.equal(f.severity, 'warning');
        assert.equal(f.file, w.file, 'folder findings sit on the trace file');
        assert.deepEqual(f.range, { line: 0, column: 0, endLine: 0, endColumn: 0 });
        assert.deepEqual(f.fix?.edits, []);
        applyFixCommand(f.fix!.command!);
      }
      assert.equal(checkPermissions([w.file], { roots: [w.root] }, w.root).findings.length, 0, 'clean after the fix');
      if (c.modes.length) assert.equal(statSync(w.file).mode & 0o777, c.modes[0]);
    } finally {
      rmSync(w.root, { recursive: true, force: true });
    }
  });
}

test('permissions: fix command carries the absolute path and the title says the mode', () => {
  const w = workspace(0o664, 0o700);
  try {
    const [f] = checkPermissions([w.file], { roots: [w.root] }, w.root).findings;
    assert.deepEqual(f.fix, {
      title: 'Set mode 600 on traces/tracecraft.jsonl',
      edits: [],
      command: { kind: 'chmod', path: w.file, mode: 0o600 },
    });
    assert.match(f.fingerprint!, /^trace-file-permissions:[0-9a-f]{64}$/);
  } finally {
    rmSync(w.root, { recursive: true, force: true });
  }
});

test('permissions: configured modes (AgentDbg 640/750) and one folder finding for many files', () => {
  const w = workspace(0o640, 0o755);
  writeFileSync(join(w.dir, 'b.jsonl'), '');
  chmodSync(join(w.dir, 'b.jsonl'), 0o644);
  try {
    const { findings } = checkPermissions([join(w.dir, 'b.jsonl'), w.file], { fileMode: 0o640, dirMode: 0o750, roots: [w.root] }, w.root);
    assert.deepEqual(
      findings.map((f) => f.message),
      [
        'Trace file has mode 644 (others can read); expected 640 or stricter.',
        'Trace folder traces/ has mode 755 (others can read/enter/execute); expected 750 or stricter.',
      ],
    );
  } finally {
    rmSync(w.root, { recursive: true, force: true });
  }
});

test('permissions: the scan root itself is not a trace folder', () => {
  const w = workspace(0o600, 0o755);
  try {
    assert.deepEqual(checkPermissions([w.file], { roots: [w.dir] }, w.root).findings, []);
  } finally {
    rmSync(w.root, { recursive: true, force: true });
  }
});

test('permissions: no POSIX modes (win32) says so once and skips', () => {
  const w = workspace(0o644, 0o755);
  try {
    const r = checkPermissions([w.file, w.file], { platform: 'win32', roots: [w.root] }, w.root);
    assert.deepEqual(r, { findings: [], notes: [NO_POSIX_MODES_NOTE] });
  } finally {
    rmSync(w.root, { recursive: true, force: true });
  }
});

test('permissions: a file gone since the walk is skipped, not fatal', () => {
  assert.deepEqual(checkPermissions([join(tmpdir(), 'tl-no-such-dir', 'x.jsonl')], {}).findings, []);
});

test('permissions: a file given as a root (tracelint scan run.jsonl) does not exempt its folder', () => {
  const w = workspace(0o600, 0o755);
  try {
    const { findings } = checkPermissions([w.file], { roots: [w.file] }, w.root);
    assert.deepEqual(findings.map((f) => f.message), [
      'Trace folder traces/ has mode 755 (group can read/enter/execute, others can read/enter/execute); expected 700 or stricter.',
    ]);
  } finally {
    rmSync(w.root, { recursive: true, force: true });
  }
});
