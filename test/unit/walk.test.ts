// The folder walker of `tracelint scan`: default ignores, .gitignore (nested, negations),
// the configuration's `ignore` globs, `traces` globs that reach into git-ignored folders,
// symlinked folders not followed, unreadable folders reported, sorted output.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { execFileSync } from 'node:child_process';
import { dirname, join, relative } from 'node:path';
import { walkFiles } from '../../server/walk';

function tree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'tracelint-walk-'));
  for (const [p, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, p)), { recursive: true });
    writeFileSync(join(root, p), content);
  }
  return root;
}

function walk(root: string, opts: { ignore?: string[]; traceGlobs?: string[]; start?: string } = {}) {
  const problems: string[] = [];
  const files = [...walkFiles(join(root, opts.start ?? ''), {
    baseDir: root,
    ignore: opts.ignore ?? [],
    traceGlobs: opts.traceGlobs ?? [],
    onProblem: (p, m) => problems.push(`${relative(root, p)}: ${m}`),
  })].map((f) => relative(root, f)).sort();
  return { files, problems };
}

test('default ignores, .gitignore with nesting and negation, configured ignores; sorted', (t) => {
  const root = tree({
    'a.py': '', 'b/c.jsonl': '', 'node_modules/x/trace.jsonl': '', '.git/HEAD': '', 'dist/cli.js': '',
    '.gitignore': 'build/\n*.log\n!keep.log\n', 'build/out.jsonl': '', 'x.log': '', 'keep.log': '',
    'sub/.gitignore': 'secret.jsonl\n', 'sub/secret.jsonl': '', 'sub/ok.jsonl': '', 'secret.jsonl': '',
    'fixtures/f.jsonl': '', 'z/__pycache__/m.pyc': '',
  });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  assert.deepEqual(walk(root, { ignore: ['fixtures/'] }), {
    files: ['.gitignore', 'a.py', 'b/c.jsonl', 'keep.log', 'secret.jsonl', 'sub/.gitignore', 'sub/ok.jsonl'],
    problems: [],
  });
});

test('traces globs reach into git-ignored folders (trace folders are usually ignored)', (t) => {
  const root = tree({ '.gitignore': 'traces/\n.agentdbg/\n', 'traces/run.jsonl': '', 'traces/notes.txt': '', '.agentdbg/runs/r1/events.jsonl': '', 'main.py': '' });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  assert.deepEqual(walk(root).files, ['.gitignore', 'main.py']);
  // notes.txt matches the glob too; the router then finds it is not JSON and skips it.
  assert.deepEqual(walk(root, { traceGlobs: ['traces/**', '.agentdbg/runs/**'] }).files, ['.agentdbg/runs/r1/events.jsonl', '.gitignore', 'main.py', 'traces/notes.txt', 'traces/run.jsonl']);
});

test('a file given directly is yielded even when ignored; symlinked folders are not followed', (t) => {
  const root = tree({ 'node_modules/t.jsonl': '', 'real/a.jsonl': '' });
  t.after(() => rmSync(root, { recursive: true, force: true }));
  symlinkSync(join(root, 'real'), join(root, 'link'));
  symlinkSync(join(root, 'real', 'a.jsonl'), join(root, 'file-link.jsonl'));
  symlinkSync(root, join(root, 'real', 'loop'));
  assert.deepEqual(walk(root, { start: 'node_modules/t.jsonl' }).files, ['node_modules/t.jsonl']);
  assert.deepEqual(walk(root).files, ['file-link.jsonl', 'real/a.jsonl']);
});

test('an unreadable folder is reported and the walk goes on; a missing root is reported', (t) => {
  const root = tree({ 'locked/a.jsonl': '', 'open/b.jsonl': '' });
  t.after(() => {
    chmodSync(join(root, 'locked'), 0o755);
    rmSync(root, { recursive: true, force: true });
  });
  chmodSync(join(root, 'locked'), 0o000);
  const r = walk(root);
  if (process.getuid?.() === 0) {
    assert.deepEqual(r.files, ['locked/a.jsonl', 'open/b.jsonl']); // root reads everything
  } else {
    assert.deepEqual(r, { files: ['open/b.jsonl'], problems: ['locked: cannot read folder: EACCES'] });
  }
  assert.deepEqual(walk(root, { start: 'nope' }), { files: [], problems: ['nope: cannot read: ENOENT'] });
});

test('a tree 1,800 folders deep is walked (no recursion)', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'tracelint-deep-'));
  // Node's own rmSync recurses and overflows on this tree; rm -rf does not.
  t.after(() => execFileSync('rm', ['-rf', root]));
  // As deep as PATH_MAX (4096) allows with one-letter names.
  const dir = join(root, ...Array.from({ length: 1800 }, () => 'd'));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'deep.jsonl'), '');
  const r = walk(root);
  assert.equal(r.files.length, 1);
  assert.ok(r.files[0].endsWith('/d/deep.jsonl'));
});
