// SQLite trace stores: a TraceCraft-shaped database built by the test with sql.js, scanned by
// table, row and JSON path, redacted into a copy that keeps no trace of the old values, and bad
// input (not SQLite, corrupt, not a trace store, WAL header) reported without a crash.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Finding } from '../../shared/types';
import { applyWal, loadSqlJs, redactSqliteBytes, redactSqliteFile, scanSqliteBytes, scanSqliteFile, type StoreCell, type StoreScanner } from '../../shared/traces/sqlite';

const KEY = 'sk-proj-' + 'Zq3xV9mLw2Tn8RcY4bKd7PfH'; // fake, realistic in shape

// A small scanner standing in for the engine, so this file tests the store layer alone: it flags
// `sk-` keys, in JSON cells with their JSON path, in text cells by position.
const KEY_RE = /sk-[A-Za-z0-9_-]{20,}/;
const hit = (secret: string, jsonPath?: string): Finding => ({
  ruleId: 'openai_api_key', severity: 'error', message: 'OpenAI API key', span: { start: 0, end: 0 },
  range: { line: 0, column: 0, endLine: 0, endColumn: 0 }, secret, ...(jsonPath !== undefined ? { jsonPath } : {}),
});
const testScanner: StoreScanner = {
  scan(text: string, cell: StoreCell): Finding[] {
    if (cell.kind === 'text') {
      const m = KEY_RE.exec(text);
      return m ? [hit(m[0])] : [];
    }
    const out: Finding[] = [];
    const stack: [unknown, string][] = [[JSON.parse(text), '']];
    while (stack.length) {
      const [v, path] = stack.pop()!;
      if (typeof v === 'string') {
        const m = KEY_RE.exec(v);
        if (m) out.push(hit(m[0], path));
      } else if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, `${path}[${i}]`]));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push([x, path ? `${path}.${k}` : k]);
    }
    return out.sort((a, b) => a.jsonPath!.localeCompare(b.jsonPath!));
  },
  redact(text: string, cell: StoreCell): string {
    return testScanner.scan(text, cell).reduce((t, f) => t.split(f.secret!).join('[REDACTED]'), text);
  },
};

const run = (id: string, key: string | null) =>
  JSON.stringify({
    id,
    name: 'research_agent',
    steps: [
      { id: 's1', type: 'tool', name: 'web_search', inputs: { query: 'weather', api_key: key ?? 'none' }, outputs: { result: 'sunny' } },
      { id: 's2', type: 'llm', name: 'summarize', inputs: { text: 'hello' }, outputs: { result: key ? `used ${key}` : 'ok' } },
    ],
  });

async function buildStore(rows: [string, string | Uint8Array | null][], extra = ''): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE traces (id TEXT PRIMARY KEY, name TEXT NOT NULL, start_time TEXT NOT NULL, data JSON NOT NULL)');
  db.run('CREATE TABLE trace_versions (id TEXT PRIMARY KEY, trace_id TEXT NOT NULL, data TEXT NOT NULL)');
  for (const [id, data] of rows) db.run('INSERT INTO traces VALUES (?, ?, ?, ?)', [id, 'research_agent', '2026-01-01T00:00:00Z', data ?? '']);
  if (extra) db.run(extra);
  const bytes = db.export();
  db.close();
  return bytes;
}

test('sqlite: findings by table, row id, run id and JSON path', async () => {
  const bytes = await buildStore([
    ['run-a', run('run-a', null)],
    ['run-b', run('run-b', KEY)],
  ], `INSERT INTO trace_versions VALUES ('v1', 'run-b', '${run('run-b', KEY)}')`);
  const r = await scanSqliteBytes(bytes, testScanner, '/data/traces.db');
  assert.equal(r.isTraceStore, true);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.rows, { traces: 2, trace_versions: 1 });
  assert.deepEqual(
    r.findings.map((f) => [f.file, f.store, f.jsonPath, f.message, f.span, f.range.line]),
    [
      ['/data/traces.db', { table: 'traces', rowid: 2, column: 'data', id: 'run-b' }, 'steps[0].inputs.api_key', 'OpenAI API key [traces row 2 (id run-b), column data]', { start: 0, end: 0 }, 0],
      ['/data/traces.db', { table: 'traces', rowid: 2, column: 'data', id: 'run-b' }, 'steps[1].outputs.result', 'OpenAI API key [traces row 2 (id run-b), column data]', { start: 0, end: 0 }, 0],
      ['/data/traces.db', { table: 'trace_versions', rowid: 1, column: 'data', id: 'v1' }, 'steps[0].inputs.api_key', 'OpenAI API key [trace_versions row 1 (id v1), column data]', { start: 0, end: 0 }, 0],
      ['/data/traces.db', { table: 'trace_versions', rowid: 1, column: 'data', id: 'v1' }, 'steps[1].outputs.result', 'OpenAI API key [trace_versions row 1 (id v1), column data]', { start: 0, end: 0 }, 0],
    ],
  );
});

test('sqlite: a document stored as a BLOB is read as UTF-8; a malformed one is reported, not fatal', async () => {
  const bytes = await buildStore([
    ['run-a', new TextEncoder().encode(run('run-a', KEY))],
    ['run-b', '{"steps": [ broken'],
  ]);
  const r = await scanSqliteBytes(bytes, testScanner, 'x.db');
  assert.deepEqual(r.findings.map((f) => [f.store!.rowid, f.jsonPath]), [[1, 'steps[0].inputs.api_key'], [1, 'steps[1].outputs.result']]);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /^traces row 2 \(id run-b\), column data: not scanned \(/);
});

test('sqlite: a store TraceCraft left in WAL mode is read', async () => {
  const bytes = await buildStore([['run-b', run('run-b', KEY)]]);
  bytes[18] = 2;
  bytes[19] = 2;
  const r = await scanSqliteBytes(bytes, testScanner);
  assert.equal(r.findings.length, 2);
});

test('sqlite: a database without trace tables is not a trace store', async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  db.run('CREATE TABLE users (id INTEGER, data TEXT)');
  db.run(`INSERT INTO users VALUES (1, '{"k": "${KEY}"}')`);
  const r = await scanSqliteBytes(db.export(), testScanner);
  db.close();
  assert.deepEqual(r, { isTraceStore: false, findings: [], problems: [], rows: {} });
});

test('sqlite: not SQLite, or a corrupt SQLite file, is a problem, not a crash', async () => {
  const notDb = await scanSqliteBytes(new TextEncoder().encode('hello'.repeat(40)), testScanner, 'a.db');
  assert.deepEqual(notDb.problems, [{ file: 'a.db', line: 0, message: 'not an SQLite database (no SQLite header)' }]);
  const header = new TextEncoder().encode('SQLite format 3\0');
  const corrupt = new Uint8Array(4096).fill(0xab);
  corrupt.set(header);
  const r = await scanSqliteBytes(corrupt, testScanner, 'b.db');
  assert.equal(r.isTraceStore, false);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /^cannot (open|read) the database: /);
});

test('sqlite: the redacted copy has no old value left anywhere in the file, and the input is untouched', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-sqlite-'));
  try {
    const input = join(dir, 'traces.db');
    writeFileSync(input, await buildStore([['run-a', run('run-a', null)], ['run-b', run('run-b', KEY)]]));
    const before = createHash('sha256').update(readFileSync(input)).digest('hex');
    const out = join(dir, 'traces.redacted.db');
    assert.deepEqual(await redactSqliteFile(input, out, testScanner), { rowsChanged: 1, findings: 2 });
    assert.equal(createHash('sha256').update(readFileSync(input)).digest('hex'), before, 'input unchanged');
    assert.equal(Buffer.from(readFileSync(out)).includes(Buffer.from(KEY)), false, 'no copy of the key in free pages');
    assert.equal(Buffer.from(readFileSync(input)).includes(Buffer.from(KEY)), true);
    const again = await scanSqliteFile(out, testScanner);
    assert.deepEqual(again.findings, []);
    assert.deepEqual(again.rows, { traces: 2 });
    const SQL = await loadSqlJs();
    const db = new SQL.Database(readFileSync(out));
    const [row] = db.exec("SELECT data FROM traces WHERE id = 'run-b'")[0].values;
    db.close();
    assert.equal(row[0], run('run-b', '[REDACTED]'));
    await assert.rejects(redactSqliteFile(input, input, testScanner), /must not overwrite the input/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite: redacting garbage throws a clear error', async () => {
  await assert.rejects(redactSqliteBytes(new Uint8Array(10), testScanner), /not an SQLite database/);
});

// Written by CPython's sqlite3 (the library TraceCraft's store uses), in WAL mode, left open: the
// process exits without closing, so the committed run stays in `-wal`, not in the main file.
const WRITER = `
import json, os, sqlite3, sys
c = sqlite3.connect(sys.argv[1], isolation_level=None)
c.execute('PRAGMA journal_mode=WAL')
c.execute('PRAGMA wal_autocheckpoint=0')
c.execute('CREATE TABLE traces (id TEXT PRIMARY KEY, name TEXT NOT NULL, data JSON NOT NULL)')
c.execute("INSERT INTO traces VALUES ('run-a', 'research_agent', ?)", (sys.argv[2],))
c.execute('PRAGMA wal_checkpoint(TRUNCATE)')
c.execute("INSERT INTO traces VALUES ('run-b', 'research_agent', ?)", (sys.argv[3],))
c.execute('BEGIN')
c.execute("INSERT INTO traces VALUES ('run-c', 'research_agent', ?)", (sys.argv[3],))
sys.stdout.flush()
os._exit(0)
`;

test('sqlite: committed runs still in the -wal file of an open store are read; uncommitted ones are not', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-sqlite-'));
  try {
    const file = join(dir, 'traces.db');
    try {
      execFileSync('python3', ['-c', WRITER, file, run('run-a', null), run('run-b', KEY)]);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return t.skip('python3 is not installed');
      throw e;
    }
    assert.ok(statSync(file + '-wal').size > 0, 'the run sits in the log');
    assert.equal(Buffer.from(readFileSync(file)).includes(Buffer.from(KEY)), false, 'and not in the main file');
    const r = await scanSqliteFile(file, testScanner);
    assert.deepEqual(r.problems, []);
    assert.deepEqual(r.rows, { traces: 2 });
    assert.deepEqual(r.findings.map((f) => [f.store!.id, f.jsonPath]), [['run-b', 'steps[0].inputs.api_key'], ['run-b', 'steps[1].outputs.result']]);
    // The redacted copy is of what the store holds, log included, and needs no log of its own.
    const out = join(dir, 'clean.db');
    assert.deepEqual(await redactSqliteFile(file, out, testScanner), { rowsChanged: 1, findings: 2 });
    const again = await scanSqliteFile(out, testScanner);
    assert.deepEqual([again.rows, again.findings.length], [{ traces: 2 }, 0]);
    // A torn log (garbage after the last frame) keeps what was committed before it.
    appendFileSync(file + '-wal', new Uint8Array(5000).fill(7));
    assert.equal((await scanSqliteFile(file, testScanner)).findings.length, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('sqlite: a log that is not a WAL (bad magic, bad checksum) is ignored', () => {
  const db = new Uint8Array(4096);
  db[16] = 0x10; // page size 4096
  assert.equal(applyWal(db, new Uint8Array(64)), null);
  const wal = new Uint8Array(32 + 24 + 4096);
  new DataView(wal.buffer).setUint32(0, 0x377f0682);
  new DataView(wal.buffer).setUint32(8, 4096);
  assert.equal(applyWal(db, wal), null, 'header checksum does not hold');
});

test('sqlite: the store copies parts of a run into other columns; those are scanned and redacted too', async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(await buildStore([['run-b', run('run-b', null)]]));
  db.run('ALTER TABLE traces ADD COLUMN error TEXT');
  db.run(`UPDATE traces SET error = 'AuthError: key ${KEY} rejected' WHERE id = 'run-b'`);
  db.run('CREATE TABLE steps (id TEXT PRIMARY KEY, trace_id TEXT, error TEXT, input_tokens INTEGER)');
  db.run(`INSERT INTO steps VALUES ('s1', 'run-b', NULL, 12), ('s2', 'run-b', 'retry with ${KEY}', 40)`);
  const bytes = db.export();
  db.close();
  const r = await scanSqliteBytes(bytes, testScanner, 'x.db');
  assert.deepEqual(r.rows, { traces: 1, steps: 2 });
  assert.deepEqual(
    r.findings.map((f) => [f.store, f.jsonPath, f.message]),
    [
      [{ table: 'traces', rowid: 1, column: 'error', id: 'run-b' }, undefined, 'OpenAI API key [traces row 1 (id run-b), column error]'],
      [{ table: 'steps', rowid: 2, column: 'error', id: 's2' }, undefined, 'OpenAI API key [steps row 2 (id s2), column error]'],
    ],
  );
  const red = await redactSqliteBytes(bytes, testScanner);
  assert.deepEqual([red.rowsChanged, red.findings], [2, 2]);
  assert.equal(Buffer.from(red.bytes).includes(Buffer.from(KEY)), false);
  const check = new SQL.Database(red.bytes);
  assert.deepEqual(check.exec('SELECT error FROM steps ORDER BY rowid')[0].values, [[null], ['retry with [REDACTED]']]);
  check.close();
});

test('sqlite: a WITHOUT ROWID table is reported when scanning, and refuses a redacted copy', async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(await buildStore([['run-a', run('run-a', KEY)]]));
  db.run('CREATE TABLE notes (k TEXT PRIMARY KEY, v TEXT) WITHOUT ROWID');
  db.run(`INSERT INTO notes VALUES ('a', '${KEY}')`);
  const bytes = db.export();
  db.close();
  const r = await scanSqliteBytes(bytes, testScanner, 'x.db');
  assert.equal(r.findings.length, 2);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /^table notes not scanned: /);
  await assert.rejects(redactSqliteBytes(bytes, testScanner), /cannot redact table notes \(no rowid\)/);
});
