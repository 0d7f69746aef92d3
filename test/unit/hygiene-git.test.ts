// trace-file-tracked against a real temporary git repository: tracked files, folders the ignore
// rules cover or not, AgentDbg run folders, the .gitignore fix applied, and no git at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkTracked, NO_GIT_NOTE } from '../../server/hygiene/tracked';
import { applyFixCommands } from '../../server/hygiene/fix';

function repo(files: Record<string, string>, track: string[]): string {
  const root = mkdtempSync(join(tmpdir(), 'tl-git-'));
  const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' });
  git('init', '-q');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'tracelint test');
  for (const [p, text] of Object.entries(files)) {
    mkdirSync(join(root, p, '..'), { recursive: true });
    writeFileSync(join(root, p), text);
  }
  if (track.length) {
    git('add', '-f', '--', ...track);
    git('commit', '-q', '-m', 'fixture');
  }
  return root;
}

type Case = { name: string; files: Record<string, string>; track: string[]; traces: string[]; expect: [string, string, string | null][] };

const cases: Case[] = [
  {
    name: 'folder ignored, nothing tracked',
    files: { '.gitignore': 'traces/\n', 'traces/a.jsonl': '{}\n' },
    track: ['.gitignore'],
    traces: ['traces/a.jsonl'],
    expect: [],
  },
  {
    name: 'files ignored by extension is enough',
    files: { '.gitignore': '*.jsonl\n', 'traces/a.jsonl': '{}\n' },
    track: [],
    traces: ['traces/a.jsonl'],
    expect: [],
  },
  {
    name: 'folder not ignored: one finding for the folder',
    files: { 'traces/a.jsonl': '{}\n', 'traces/b.jsonl': '{}\n' },
    track: [],
    traces: ['traces/a.jsonl', 'traces/b.jsonl'],
    expect: [['traces/a.jsonl', 'Trace folder traces/ is not covered by .gitignore: `git add .` would commit it.', '/traces/']],
  },
  {
    name: 'tracked and not ignored',
    files: { 'app/traces/run.jsonl': '{}\n' },
    track: ['app/traces/run.jsonl'],
    traces: ['app/traces/run.jsonl'],
    expect: [
      [
        'app/traces/run.jsonl',
        'Trace file is tracked by git: every clone and push carries what it holds. Run `git rm --cached app/traces/run.jsonl` and ignore app/traces/.',
        '/app/traces/',
      ],
    ],
  },
  {
    name: 'tracked although ignored (added with -f): no .gitignore fix left',
    files: { '.gitignore': 'traces/\n', 'traces/a.jsonl': '{}\n', 'traces/b.jsonl': '{}\n' },
    track: ['.gitignore', 'traces/a.jsonl'],
    traces: ['traces/a.jsonl', 'traces/b.jsonl'],
    expect: [['traces/a.jsonl', 'Trace file is tracked by git: every clone and push carries what it holds. Run `git rm --cached traces/a.jsonl`.', null]],
  },
  {
    name: 'AgentDbg run folders: ignore runs/ once',
    files: { 'data/runs/r1/events.jsonl': '', 'data/runs/r1/run.json': '{}', 'data/runs/r2/events.jsonl': '' },
    track: [],
    traces: ['data/runs/r1/events.jsonl', 'data/runs/r1/run.json', 'data/runs/r2/events.jsonl'],
    expect: [['data/runs/r1/events.jsonl', 'Trace folder data/runs/ is not covered by .gitignore: `git add .` would commit it.', '/data/runs/']],
  },
  {
    name: 'a trace file at the repository root: ignore the file',
    files: { 'trace.jsonl': '' },
    track: [],
    traces: ['trace.jsonl'],
    expect: [['trace.jsonl', 'Trace file trace.jsonl is not covered by .gitignore: `git add .` would commit it.', '/trace.jsonl']],
  },
  {
    name: 'names with spaces and glob characters are literal',
    files: { 'my traces/[x]*.jsonl': '', '.gitignore': '' },
    track: ['my traces/[x]*.jsonl'],
    traces: ['my traces/[x]*.jsonl'],
    expect: [
      [
        'my traces/[x]*.jsonl',
        "Trace file is tracked by git: every clone and push carries what it holds. Run `git --literal-pathspecs rm --cached 'my traces/[x]*.jsonl'` and ignore my traces/.",
        '/my traces/',
      ],
    ],
  },
];

for (const c of cases) {
  test(`tracked: ${c.name}`, async () => {
    const root = repo(c.files, c.track);
    try {
      const { findings, notes } = await checkTracked(c.traces.map((t) => join(root, t)));
      assert.deepEqual(notes, []);
      assert.deepEqual(
        findings.map((f) => [f.file!.slice(root.length + 1), f.message, f.fix?.command?.kind === 'gitignore-add' ? f.fix.command.pattern : null]),
        c.expect,
      );
      for (const f of findings) assert.equal(f.ruleId, 'trace-file-tracked');
      // Applying the fixes leaves no "not covered" finding behind (tracked files stay tracked).
      applyFixCommands(findings.flatMap((f) => (f.fix?.command ? [f.fix.command] : [])));
      const after = await checkTracked(c.traces.map((t) => join(root, t)));
      assert.deepEqual(after.findings.filter((f) => !f.message.includes('is tracked')), []);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
}

test('tracked: the .gitignore fix appends once, keeping what was there', async () => {
  const root = repo({ '.gitignore': 'node_modules/', 'traces/a.jsonl': '' }, []);
  try {
    const [f] = (await checkTracked([join(root, 'traces/a.jsonl')])).findings;
    assert.deepEqual(f.fix, {
      title: 'Add /traces/ to .gitignore',
      edits: [],
      command: { kind: 'gitignore-add', gitignore: join(root, '.gitignore'), pattern: '/traces/' },
    });
    applyFixCommands([f.fix!.command!, f.fix!.command!]);
    assert.equal(readFileSync(join(root, '.gitignore'), 'utf8'), 'node_modules/\n/traces/\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('tracked: the untrack command runs as written in a shell', async () => {
  const name = "it's [x]*.jsonl";
  const root = repo({ [`t/${name}`]: '', 't/other.jsonl': '' }, [`t/${name}`, 't/other.jsonl']);
  try {
    const [f] = (await checkTracked([join(root, 't', name)])).findings;
    const cmd = /Run `([^`]+)`/.exec(f.message)![1];
    execFileSync('sh', ['-c', cmd], { cwd: root });
    assert.equal(execFileSync('git', ['ls-files'], { cwd: root, encoding: 'utf8' }), 't/other.jsonl\n');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('tracked: outside any repository there is no finding', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-nogit-'));
  try {
    writeFileSync(join(dir, 'a.jsonl'), '');
    assert.deepEqual(await checkTracked([join(dir, 'a.jsonl')]), { findings: [], notes: [] });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('tracked: no git executable says so once and finds nothing', async () => {
  const root = repo({ 'traces/a.jsonl': '' }, ['traces/a.jsonl']);
  try {
    const r = await checkTracked([join(root, 'traces/a.jsonl')], join(root, 'no-such-git'));
    assert.deepEqual(r, { findings: [], notes: [NO_GIT_NOTE] });
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
