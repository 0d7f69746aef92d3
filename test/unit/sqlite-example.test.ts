// The example SQLite store (examples/traces/tracecraft.db) is what scripts/make-example-store.mjs
// writes, byte for byte, and it holds the TraceCraft tables the store reader looks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadSqlJs } from '../../shared/traces/sqlite';

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
