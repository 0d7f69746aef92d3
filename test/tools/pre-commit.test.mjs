// The pre-commit hook (.pre-commit-hooks.yaml), run by the real pre-commit (Debian's package, which
// test/tools/setup.sh installs) in a temporary git repository, the way a team uses it: the hook
// repository is this working tree (committed into a scratch repository so that pre-commit can clone
// it at a revision), pre-commit builds its node environment from it (npm install, npm pack, npm
// install -g: the package of pack.test.mjs), and `git commit` runs the hook on the staged files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { ROOT, run } from './helpers.mjs';

const KEY = ['sk', 'proj', 'Zq4RwX8pLm2NvB7tYc5KdH3sJf9GaE1uWoQi6TzRx0'].join('-');
const CLEAN_PY = 'def add(a: int, b: int) -> int:\n    return a + b\n';
const TRACED_KEY_PY = [
  'import tracecraft',
  '',
  '',
  '@tracecraft.trace_tool(name="web_search")',
  'def web_search(query: str, api_key: str) -> list[dict]:',
  '    return []',
  '',
].join('\n');
const LEAKY_TRACE = `${JSON.stringify({ trace_id: 't1', name: 'web_search', inputs: { query: 'refund status', api_key: KEY } })}\n`;

function gitRepo(dir) {
  mkdirSync(dir, { recursive: true });
  const git = (...args) => {
    const r = run('git', args, { cwd: dir });
    assert.equal(r.status, 0, `git ${args.join(' ')}: ${r.stderr}`);
    return r.stdout.trim();
  };
  git('init', '-q', '-b', 'main');
  git('config', 'user.email', 'test@example.invalid');
  git('config', 'user.name', 'tracelint test');
  git('config', 'commit.gpgsign', 'false');
  return git;
}

test('pre-commit: the tracelint hook refuses leaks, passes clean and baselined commits', (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'tl-pre-commit-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));

  // The hook repository: this working tree as it is (tracked and new files, not what git ignores).
  const hookRepo = join(tmp, 'tracelint');
  const hookGit = gitRepo(hookRepo);
  const files = run('git', ['ls-files', '-z', '-co', '--exclude-standard'], { cwd: ROOT }).stdout.split('\0').filter(Boolean);
  for (const f of files) {
    mkdirSync(dirname(join(hookRepo, f)), { recursive: true });
    try {
      cpSync(join(ROOT, f), join(hookRepo, f));
    } catch {
      // Deleted in the working tree, not yet staged.
    }
  }
  hookGit('add', '-A');
  hookGit('commit', '-q', '-m', 'snapshot');
  const rev = hookGit('rev-parse', 'HEAD');

  const project = join(tmp, 'project');
  const git = gitRepo(project);
  // npm takes what its cache has (CI's `npm ci` filled it) rather than asking the registry again.
  const env = { PRE_COMMIT_HOME: join(tmp, 'pre-commit-home'), PRE_COMMIT_COLOR: 'never', npm_config_prefer_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' };
  const config = (args) => writeFileSync(
    join(project, '.pre-commit-config.yaml'),
    ['repos:', `  - repo: ${hookRepo}`, `    rev: ${rev}`, '    hooks:', '      - id: tracelint', ...(args ? [`        args: ${JSON.stringify(args)}`] : []), ''].join('\n'),
  );
  config();
  const install = run('pre-commit', ['install'], { cwd: project, env });
  assert.equal(install.status, 0, install.stderr);
  const write = (path, text) => {
    mkdirSync(dirname(join(project, path)), { recursive: true });
    writeFileSync(join(project, path), text);
  };
  // pre-commit's lines and the hook's output: git passes them on on stderr.
  const commit = (message) => {
    const r = run('git', ['commit', '-m', message], { cwd: project, env });
    return { status: r.status, out: r.stdout + r.stderr };
  };

  // A clean commit passes (the first one also builds the hook's environment: npm install and pack).
  write('agent/math.py', CLEAN_PY);
  git('add', '.pre-commit-config.yaml', 'agent/math.py');
  const clean = commit('clean');
  assert.equal(clean.status, 0, clean.out);
  assert.match(clean.out, /^tracelint \(secrets and PII in agent traces and tracing code\)\.+Passed$/m);

  // A leaky trace is refused, with tracelint's findings, the key masked.
  write('traces/run.jsonl', LEAKY_TRACE);
  git('add', 'traces/run.jsonl');
  const leak = commit('add a trace');
  assert.equal(leak.status, 1);
  const out = leak.out;
  assert.match(out, /^tracelint \(secrets and PII in agent traces and tracing code\)\.+Failed$/m);
  assert.match(out, /^- exit code: 1$/m);
  assert.match(out, /^traces\/run\.jsonl$/m);
  assert.match(out, /^ +1:\d+ +error +openai_api_key: sk-p…\(\d+ chars\) in inputs\.api_key +openai_api_key$/m);
  assert.ok(!out.includes(KEY), 'the key is never printed whole');
  assert.equal(git('log', '--format=%s'), 'clean');
  git('rm', '-q', '--cached', 'traces/run.jsonl');
  rmSync(join(project, 'traces'), { recursive: true });

  // A traced api_key parameter is refused.
  write('agent/search.py', TRACED_KEY_PY);
  git('add', 'agent/search.py');
  const traced = commit('add search');
  assert.equal(traced.status, 1);
  assert.match(traced.out, /^agent\/search\.py$/m);
  assert.match(traced.out, /^ +5:28 +error +"web_search" is traced by TraceCraft trace_tool and records its "api_key" parameter: .* +credential-param-captured$/m);
  assert.equal(git('log', '--format=%s'), 'clean');

  // Baselined: the same finding, accepted in a baseline the hook is given, passes.
  const written = run(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'scan', 'agent/search.py', '--write-baseline', '.tracelint-baseline.json'], { cwd: project });
  assert.equal(written.status, 0, written.stderr);
  config(['--baseline', '.tracelint-baseline.json']);
  git('add', '.pre-commit-config.yaml', '.tracelint-baseline.json');
  const baselined = commit('add search, baselined');
  assert.equal(baselined.status, 0, baselined.out);
  assert.match(baselined.out, /^tracelint \(secrets and PII in agent traces and tracing code\)\.+Passed$/m);
  assert.equal(git('log', '--format=%s'), 'add search, baselined\nclean');
});
