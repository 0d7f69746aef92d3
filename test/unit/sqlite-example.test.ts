// The example SQLite store (examples/traces/tracecraft.db) is what scripts/make-example-store.mjs
// writes, byte for byte; it holds the TraceCraft tables the store reader looks for; and the real
// engine finds its planted secrets by row and JSON path and redacts them out of a copy.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../shared/engine';
import { defaultEngineOptions } from '../../shared/options';
import { loadSqlJs, redactSqliteFile, scanSqliteFile } from '../../shared/traces/sqlite';
import { traceStoreScanner } from '../../shared/traces/store-adapter';

test('example store: the committed database is the script output', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-example-'));
  try {
    const out = join(dir, 'tracecraft.db');
    execFileSync(process.execPath, ['scripts/make-example-store.mjs', out]);
    assert.ok(readFileSync(out).equals(readFileSync('examples/traces/tracecraft.db')), 'run `node scripts/make-example-store.mjs` and commit');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('example store: three runs in traces.data, steps denormalised beside them', async () => {
  const SQL = await loadSqlJs();
  const db = new SQL.Database(readFileSync('examples/traces/tracecraft.db'));
  try {
    const rows = db.exec('SELECT rowid, id, json_extract(data, \'$.steps[0].children[0].name\') FROM traces ORDER BY rowid')[0].values;
    assert.deepEqual(rows, [
      [1, 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601', 'summarize'],
      [2, 'b7e2d3c4-6a5f-4e81-9b02-c3d4e5f6a702', 'web_search'],
      [3, 'c9d8e7f6-1a2b-4c3d-8e4f-5a6b7c8d9e03', 'summarize'],
    ]);
    assert.deepEqual(db.exec('SELECT count(*) FROM steps')[0].values, [[8]]);
  } finally {
    db.close();
  }
});

test('example store through the real engine and trace reader: findings by row and path, and a clean redacted copy', async () => {
  const scanner = traceStoreScanner(new Engine(defaultEngineOptions()));
  const r = await scanSqliteFile('examples/traces/tracecraft.db', scanner);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.rows, { traces: 3, steps: 8 });
  assert.deepEqual(
    r.findings.map((f) => [f.ruleId, f.store!.rowid, f.jsonPath]),
    [
      ['openai_api_key', 2, 'steps[0].children[0].inputs.api_key'],
      ['email', 2, 'steps[0].children[1].inputs.customer_email'],
      ['sensitive_field', 2, 'steps[0].children[1].inputs.db_password'],
      ['email', 2, 'steps[0].children[2].inputs.text'],
      ['phone', 2, 'steps[0].children[2].inputs.text'],
    ],
  );
  assert.equal(
    r.findings[0].message,
    'openai_api_key: sk-p…(48 chars) in steps[0].children[0].inputs.api_key [traces row 2 (id b7e2d3c4-6a5f-4e81-9b02-c3d4e5f6a702), column data]',
  );
  const dir = mkdtempSync(join(tmpdir(), 'tl-example-'));
  try {
    const out = join(dir, 'clean.db');
    assert.deepEqual(await redactSqliteFile('examples/traces/tracecraft.db', out, scanner), { rowsChanged: 1, findings: 5 });
    assert.deepEqual((await scanSqliteFile(out, scanner)).findings, []);
    assert.equal(readFileSync(out).includes('dana.whitfield@northwind-mail.com'), false);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
