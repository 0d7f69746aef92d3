// The npm package: `npm pack` (its prepack builds the production bundles), installed with
// `npm install -g --prefix` into an empty temporary prefix, run from outside the checkout on a
// copy of examples/ with no network at all (`unshare -n`): what it finds must be what the
// checkout's own CLI finds there, source rules (tree-sitter wasm), the SQLite store (sql.js) and
// ReDoS verdicts (recheck's native binary) included.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT, run } from './helpers.mjs';

const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));

test('npm pack: the tarball installs into an empty prefix and scans examples/ offline', (t) => {
  const tmp = mkdtempSync(join(tmpdir(), 'tl-pack-'));
  t.after(() => rmSync(tmp, { recursive: true, force: true }));
  const packed = run('npm', ['pack', '--json', '--pack-destination', tmp], { cwd: ROOT });
  assert.equal(packed.status, 0, packed.stderr);
  const [info] = JSON.parse(packed.stdout.slice(packed.stdout.indexOf('[')));
  // Only what runs and what documents it.
  assert.deepEqual(info.files.map((f) => f.path).sort(), [
    'LICENSE',
    'README.md',
    'dist/analysis-ts.js',
    'dist/analysis.js',
    'dist/cli.js',
    'dist/server.js',
    'dist/source-worker.js',
    'dist/sql-wasm.wasm',
    'dist/trace-worker.js',
    'dist/tree-sitter-python.wasm',
    'dist/web-tree-sitter.wasm',
    'package.json',
    'schemas/tracelint.schema.json',
  ]);
  // The bundles carry every library but recheck (its native binary is found at run time).
  assert.deepEqual(Object.keys(pkg.dependencies), ['recheck']);

  const prefix = join(tmp, 'prefix');
  const installed = run('npm', ['install', '-g', '--prefix', prefix, '--prefer-offline', '--no-audit', '--no-fund', join(tmp, info.filename)], { cwd: tmp });
  assert.equal(installed.status, 0, installed.stderr);
  const bin = join(prefix, 'bin', 'tracelint');
  const home = join(prefix, 'lib', 'node_modules', 'tracelint');
  assert.ok(existsSync(bin), 'bin/tracelint linked');
  if (process.platform === 'linux' && process.arch === 'x64') assert.ok(existsSync(join(home, 'node_modules', 'recheck-linux-x64', 'package.json')), 'recheck native binary installed');

  const ws = join(tmp, 'ws');
  cpSync(join(ROOT, 'examples'), ws, { recursive: true });
  // Offline: a network namespace with no interface but loopback (root can make one; else plain).
  const offline = (args) => {
    const r = spawnSync('unshare', ['-n', ...args], { cwd: ws, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    return r.error || (r.status === 1 && /unshare:/.test(r.stderr)) ? spawnSync(args[0], args.slice(1), { cwd: ws, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } }) : r;
  };
  const scan = offline([bin, 'scan', '.', '--format', 'json']);
  assert.equal(scan.status, 1, scan.stderr);
  const theirs = JSON.parse(scan.stdout);
  const ours = JSON.parse(run(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'scan', '.', '--format', 'json'], { cwd: ws }).stdout);
  // ReDoS messages carry their timing, which differs from run to run.
  const shape = (report) => report.files.flatMap((f) => f.findings.map((x) => `${f.file}:${x.line}:${x.column} ${x.ruleId} ${x.message.replace(/[\d.]+ ms/g, 'N ms')}`)).sort();
  assert.deepEqual(shape(theirs), shape(ours));
  const rules = new Set(theirs.files.flatMap((f) => f.findings.map((x) => x.ruleId)));
  for (const id of ['credential-param-captured', 'redos-unsafe-pattern', 'openai_api_key', 'customer_db_password']) assert.ok(rules.has(id), id);
  assert.ok(theirs.files.some((f) => f.file === 'traces/tracecraft.db' && f.findings.length > 0), 'the SQLite store is read');
  // ReDoS verdicts are confirmed ones: a worker that failed would say "not confirmed" or nothing.
  assert.ok(theirs.files.flatMap((f) => f.findings).some((x) => x.ruleId === 'redos-unsafe-pattern' && /exponential backtracking/.test(x.message)));

  const redact = offline([bin, 'redact', 'traces/tracecraft.jsonl', '-o', 'clean.jsonl']);
  assert.equal(redact.status, 0, redact.stderr);
  assert.equal(readdirSync(ws).includes('clean.jsonl'), true);
  const sarif = JSON.parse(offline([bin, 'scan', 'clean.jsonl', '--format', 'sarif']).stdout);
  assert.deepEqual(sarif.runs[0].results.map((r) => r.ruleId).filter((id) => !id.startsWith('trace-file-')), []);
  // SARIF's informationUri is the installed README, which is there.
  assert.equal(sarif.runs[0].tool.driver.informationUri, `${pathToFileURL(join(home, 'README.md')).href}#using-the-cli`);
});
