// The persistent ReDoS verdict cache: where it lives, what it holds (patterns and verdicts only),
// that a stored verdict is served without judging again, that corrupt files and other versions'
// files are ignored, and that processes writing the same verdict at once leave a whole file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir, homedir } from 'node:os';
import { join } from 'node:path';
import { CACHE_ENV, configureVerdictCache, defaultCacheDir, readVerdict, verdictCacheDir, writeVerdict, type VerdictKey } from '../../shared/regex/verdict-cache';
import { clearJudgements, judgePattern } from '../../shared/regex/judge';
import { clearVerdictCache } from '../../shared/regex/checker';

function withCache(t: { after(fn: () => void): void }): string {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-verdicts-'));
  const before = process.env[CACHE_ENV];
  configureVerdictCache({ enabled: true, dir });
  t.after(() => {
    if (before === undefined) delete process.env[CACHE_ENV];
    else process.env[CACHE_ENV] = before;
    rmSync(dir, { recursive: true, force: true });
  });
  return dir;
}

const files = (dir: string) => readdirSync(join(dir, 'verdicts')).sort();

test('the folder: XDG_CACHE_HOME when absolute, else ~/.cache; off and on through the switch', () => {
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: '/x/cache' }), '/x/cache/tracelint');
  assert.equal(defaultCacheDir({ XDG_CACHE_HOME: 'relative/cache' }), join(homedir(), '.cache', 'tracelint'));
  assert.equal(defaultCacheDir({}), join(homedir(), '.cache', 'tracelint'));
  const before = process.env[CACHE_ENV];
  try {
    configureVerdictCache({ enabled: false, dir: '/somewhere' });
    assert.equal(verdictCacheDir(), undefined);
    configureVerdictCache({ enabled: true, dir: '/somewhere' });
    assert.equal(verdictCacheDir(), '/somewhere');
    configureVerdictCache({ enabled: true });
    assert.equal(verdictCacheDir(), defaultCacheDir());
    // A relative folder is never used (the CLI resolves --cache-dir against its working folder first).
    configureVerdictCache({ enabled: true, dir: 'rel' });
    assert.equal(verdictCacheDir(), defaultCacheDir());
  } finally {
    if (before === undefined) delete process.env[CACHE_ENV];
    else process.env[CACHE_ENV] = before;
  }
});

test('a judged pattern is stored (key and verdict only) and served from the folder by a fresh process state', { timeout: 120_000 }, async (t) => {
  const dir = withCache(t);
  clearJudgements();
  const first = await judgePattern('TCK-\\d{6}');
  assert.equal(first.kind, 'safe');
  const stored = files(dir);
  assert.equal(stored.length, 1);
  assert.match(stored[0], /^[0-9a-f]{64}\.json$/);
  const body = JSON.parse(readFileSync(join(dir, 'verdicts', stored[0]), 'utf8'));
  assert.deepEqual(Object.keys(body), ['key', 'verdict']);
  assert.deepEqual(Object.keys(body.key), ['format', 'tracelint', 'recheck', 'syntax', 'usage', 'flags', 'pattern']);
  assert.deepEqual({ syntax: body.key.syntax, usage: body.key.usage, flags: body.key.flags, pattern: body.key.pattern }, { syntax: 'python', usage: 'search', flags: '', pattern: 'TCK-\\d{6}' });
  assert.equal(body.verdict.kind, 'safe');
  // Plant another verdict under the same key: a new process state (both in-memory caches cleared)
  // answers from the file without judging, which the planted verdict shows.
  body.verdict = { ...body.verdict, notes: ['planted'] };
  writeFileSync(join(dir, 'verdicts', stored[0]), JSON.stringify(body));
  clearJudgements();
  clearVerdictCache();
  const again = await judgePattern('TCK-\\d{6}');
  assert.deepEqual(again.kind === 'safe' && again.notes, ['planted']);
  // The same pattern used with fullmatch is another key.
  clearJudgements();
  await judgePattern('TCK-\\d{6}', { fullMatch: true });
  assert.equal(files(dir).length, 2);
});

test('corrupt files and files of another key are ignored, and rewritten by the next verdict', { timeout: 120_000 }, async (t) => {
  const dir = withCache(t);
  const key: VerdictKey = { pattern: 'ORD-\\d+', flags: '', usage: 'search', syntax: 'python' };
  writeVerdict(key, { kind: 'safe', notes: [], backend: 'native', ms: 1 } as never);
  const [name] = files(dir);
  const path = join(dir, 'verdicts', name);
  for (const bad of ['', '{', 'null', '[]', '{"key":{},"verdict":{"kind":"safe"}}', '{"key":1}', JSON.stringify({ key: { ...JSON.parse(readFileSync(path, 'utf8')).key, tracelint: '0.0.0-other' }, verdict: { kind: 'safe' } })]) {
    writeFileSync(path, bad);
    assert.equal(readVerdict(key), undefined, bad);
  }
  clearJudgements();
  const j = await judgePattern('ORD-\\d+');
  assert.equal(j.kind, 'safe');
  assert.equal(readVerdict<{ kind: string }>(key)?.kind, 'safe');
});

test('processes writing the same verdict at once leave one whole file and no temporary ones', { timeout: 120_000 }, async (t) => {
  const dir = withCache(t);
  // Large enough (200,000 characters) that a write is not one atomic system call.
  const verdict = { kind: 'vulnerable', attack: 'x'.repeat(200_000) };
  const script = `
    const { writeVerdict } = require(${JSON.stringify(join(__dirname, '../../shared/regex/verdict-cache.ts'))});
    const verdict = { kind: 'vulnerable', attack: 'x'.repeat(200000) };
    for (let i = 0; i < 20; i++) writeVerdict({ pattern: '(a+)+$', flags: '', usage: 'search', syntax: 'python' }, verdict);
  `;
  const runs = Array.from({ length: 4 }, () => new Promise<number>((resolve) => {
    const p = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: 'inherit', env: { ...process.env, [CACHE_ENV]: dir } });
    p.on('close', (code) => resolve(code ?? -1));
  }));
  assert.deepEqual(await Promise.all(runs), [0, 0, 0, 0]);
  assert.equal(files(dir).length, 1);
  assert.deepEqual(readVerdict({ pattern: '(a+)+$', flags: '', usage: 'search', syntax: 'python' }), verdict);
});

test('off: nothing is read or written', { timeout: 60_000 }, async (t) => {
  const dir = withCache(t);
  configureVerdictCache({ enabled: false });
  clearJudgements();
  await judgePattern('TCK-\\d{7}');
  assert.throws(() => readdirSync(join(dir, 'verdicts')), /ENOENT/);
});
