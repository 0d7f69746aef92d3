// Hygiene and SQLite store figures, against the built CLI (dist/cli.js): a git repository with many
// trace folders (permission and git checks: one git call per question per repository), and a
// TraceCraft SQLite store with many runs (scan, then a redacted copy). Prints times; asserts nothing.
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const cli = join(here, '..', 'dist', 'cli.js');
const require = createRequire(import.meta.url);
const FOLDERS = 100;
const FILES_PER_FOLDER = 20;
const RUNS = 5000;

function time(label, fn) {
  const t = process.hrtime.bigint();
  const r = fn();
  const ms = Number(process.hrtime.bigint() - t) / 1e6;
  console.log(`${label.padEnd(52)} ${ms.toFixed(0).padStart(7)} ms`);
  return r;
}

function scanJson(path) {
  const r = spawnSync(process.execPath, [cli, 'scan', path, '--format', 'json'], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`scan failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout);
}

function countByRule(report) {
  const counts = {};
  const results = report.results ?? report.files ?? [];
  for (const f of results) for (const x of f.findings ?? []) counts[x.ruleId] = (counts[x.ruleId] ?? 0) + 1;
  return counts;
}

const root = mkdtempSync(join(tmpdir(), 'tl-bench-hygiene-'));
try {
  // 1. Many trace files in many folders of one repository.
  execFileSync('git', ['init', '-q'], { cwd: root });
  const line = JSON.stringify({ id: 'r', name: 'research_agent', steps: [{ type: 'tool', name: 'web_search', inputs: { query: 'weather' }, outputs: { result: 'sunny' } }] });
  for (let d = 0; d < FOLDERS; d++) {
    const dir = join(root, 'runs', `batch-${d}`, 'traces');
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o755);
    for (let f = 0; f < FILES_PER_FOLDER; f++) {
      const p = join(dir, `run-${f}.jsonl`);
      writeFileSync(p, `${line}\n`);
      chmodSync(p, 0o644);
    }
  }
  const report = time(`scan ${FOLDERS * FILES_PER_FOLDER} trace files in ${FOLDERS} folders`, () => scanJson(join(root, 'runs')));
  console.log('  findings by rule:', JSON.stringify(countByRule(report)));

  // 2. A TraceCraft store with many runs, one in ten leaking a key.
  const initSqlJs = require('sql.js');
  const wasm = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
  const SQL = await initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });
  const db = new SQL.Database();
  db.run('CREATE TABLE traces (id TEXT PRIMARY KEY, name TEXT NOT NULL, start_time TEXT NOT NULL, error TEXT, data JSON NOT NULL)');
  db.run('BEGIN');
  for (let i = 0; i < RUNS; i++) {
    const key = i % 10 === 0 ? 'sk-proj-' + `Bench${i}KeyZq3xV9mLw2Tn8RcY4bKd7PfH`.slice(0, 30) : 'none';
    const run = { id: `run-${i}`, name: 'research_agent', steps: Array.from({ length: 8 }, (_, s) => ({ id: `s${s}`, type: s % 2 ? 'llm' : 'tool', name: 'step', inputs: { query: `question ${i} about pricing tiers and seats`, api_key: s === 0 ? key : 'none' }, outputs: { result: 'A fairly ordinary answer with some words in it. '.repeat(4) } })) };
    db.run('INSERT INTO traces VALUES (?, ?, ?, ?, ?)', [run.id, run.name, '2026-01-01T00:00:00Z', null, JSON.stringify(run)]);
  }
  db.run('COMMIT');
  const store = join(root, 'store', 'tracecraft.db');
  mkdirSync(dirname(store));
  writeFileSync(store, db.export());
  db.close();
  const mb = (statSync(store).size / 1e6).toFixed(1);
  const storeReport = time(`scan a SQLite store: ${RUNS} runs, ${mb} MB`, () => scanJson(store));
  console.log('  findings by rule:', JSON.stringify(countByRule(storeReport)));
  time('redact it into a copy', () => {
    const r = spawnSync(process.execPath, [cli, 'redact', store, '-o', join(root, 'store', 'clean.db')], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`redact failed (${r.status}): ${r.stderr}`);
  });
} finally {
  rmSync(root, { recursive: true, force: true });
}
