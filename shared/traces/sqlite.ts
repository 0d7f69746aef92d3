// SQLite trace stores: TraceCraft's `SQLiteTraceStore` keeps every run as a whole JSON document in
// `traces.data` (and earlier versions of it in `trace_versions.data`). This reads such a file
// read-only, hands each document to the JSON trace scanner, and reports findings by table, row and
// JSON path; it also writes a redacted copy of the database (never over the input).
//
// The library is sql.js (SQLite compiled to WebAssembly): no native build, so it installs on any
// machine. It works on an in-memory image of the file, which is what makes reading read-only: the
// input file is read once and never opened for writing. Its wasm is loaded from beside the bundle
// (dist/sql-wasm.wasm, copied by esbuild.mjs) or from node_modules when running unbundled.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import initSqlJs from 'sql.js';
import type { Database, SqlJsStatic } from 'sql.js';
import type { Finding, InputProblem } from '../types';

/** What the store reader needs from the JSON trace scanner, for one JSON document at a time. */
export interface JsonDocScanner {
  /** Findings in one JSON document; `jsonPath` relative to it. */
  scan(json: string): Finding[];
  /** The document redacted (called only for documents `scan` found something in). */
  redact(json: string): string;
}

export interface StoreScan {
  /** False when the database holds no trace table: not a trace store, nothing to say. */
  isTraceStore: boolean;
  findings: Finding[];
  problems: InputProblem[];
  /** Rows read, per table. */
  rows: Record<string, number>;
}

/** Tables holding run documents, and the column that holds them. */
const DOC_TABLES: readonly { table: string; column: string }[] = [
  { table: 'traces', column: 'data' },
  { table: 'trace_versions', column: 'data' },
];

/** sql.js holds the whole database in memory; past this the store is reported, not read. */
export const MAX_STORE_BYTES = 1024 * 1024 * 1024;

const HEADER = 'SQLite format 3\0';

let sqlPromise: Promise<SqlJsStatic> | undefined;

function wasmPath(): string {
  const beside = join(__dirname, 'sql-wasm.wasm');
  if (existsSync(beside)) return beside;
  // Unbundled (tests, tsx): from the package. A variable keeps esbuild from resolving it at build time.
  const inPackage = 'sql.js/dist/sql-wasm.wasm';
  return require.resolve(inPackage);
}

/** Loads sql.js once per process. */
export function loadSqlJs(): Promise<SqlJsStatic> {
  if (!sqlPromise) {
    const bin = readFileSync(wasmPath());
    sqlPromise = initSqlJs({ wasmBinary: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer });
  }
  return sqlPromise;
}

/** True when the bytes start with the SQLite file header. */
export function isSqliteBytes(bytes: Uint8Array): boolean {
  if (bytes.length < 100) return false;
  for (let i = 0; i < HEADER.length; i++) if (bytes[i] !== HEADER.charCodeAt(i)) return false;
  return true;
}

/**
 * Opens an in-memory copy of the database. (A store TraceCraft left in WAL mode opens too: sql.js
 * reads the image whatever its journal mode; what sits in a -wal file beside it is not in the image,
 * which `walNote` reports.)
 */
async function openCopy(bytes: Uint8Array): Promise<Database> {
  const SQL = await loadSqlJs();
  return new SQL.Database(new Uint8Array(bytes));
}

function columnsOf(db: Database, table: string): string[] {
  const res = db.exec(`PRAGMA table_info("${table}")`);
  return res.length ? res[0].values.map((row) => String(row[1])) : [];
}

function docTables(db: Database): { table: string; column: string; hasId: boolean }[] {
  const out: { table: string; column: string; hasId: boolean }[] = [];
  for (const t of DOC_TABLES) {
    const cols = columnsOf(db, t.table);
    if (cols.includes(t.column)) out.push({ ...t, hasId: cols.includes('id') });
  }
  return out;
}

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return new TextDecoder('utf-8', { fatal: false }).decode(v);
  return null;
}

type Row = { table: string; column: string; rowid: number; id?: string; text: string };

/** Every run document of every trace table, in rowid order, one row in memory at a time. */
function* documents(db: Database, tables: { table: string; column: string; hasId: boolean }[]): Generator<Row> {
  for (const t of tables) {
    const stmt = db.prepare(`SELECT rowid, "${t.column}"${t.hasId ? ', "id"' : ''} FROM "${t.table}" ORDER BY rowid`);
    try {
      while (stmt.step()) {
        const [rowid, value, id] = stmt.get();
        const text = textOf(value);
        if (text === null) continue; // NULL or a number: no document in this row.
        yield { table: t.table, column: t.column, rowid: Number(rowid), id: id == null ? undefined : String(id), text };
      }
    } finally {
      stmt.free();
    }
  }
}

function where(r: Row): string {
  return `${r.table} row ${r.rowid}${r.id !== undefined ? ` (id ${r.id})` : ''}, ${r.column}`;
}

/** Moves a finding from document offsets to the store's coordinates. */
function placeFinding(f: Finding, r: Row, file: string | undefined): Finding {
  const placed: Finding = {
    ...f,
    message: `${f.message} [${where(r)}${f.jsonPath ? '.' + f.jsonPath : ''}]`,
    span: { start: 0, end: 0 },
    range: { line: 0, column: 0, endLine: 0, endColumn: 0 },
    store: { table: r.table, rowid: r.rowid, column: r.column, ...(r.id !== undefined ? { id: r.id } : {}) },
    jsonPath: f.jsonPath,
  };
  if (file !== undefined) placed.file = file;
  else delete placed.file;
  delete placed.byteStart;
  delete placed.byteEnd;
  return placed;
}

function walNote(file: string | undefined): InputProblem[] {
  if (!file) return [];
  try {
    if (statSync(file + '-wal').size > 0) {
      return [{ file, line: 0, message: `${file}-wal holds changes not yet written into the database (the store is open or was not closed); they were not scanned.` }];
    }
  } catch {
    // No WAL file: everything is in the database itself.
  }
  return [];
}

function scanDb(db: Database, scanner: JsonDocScanner, file: string | undefined): StoreScan {
  const tables = docTables(db);
  const result: StoreScan = { isTraceStore: tables.length > 0, findings: [], problems: [], rows: {} };
  for (const r of documents(db, tables)) {
    result.rows[r.table] = (result.rows[r.table] ?? 0) + 1;
    try {
      for (const f of scanner.scan(r.text)) result.findings.push(placeFinding(f, r, file));
    } catch (e) {
      result.problems.push({ file, line: 0, message: `${where(r)}: not scanned (${(e as Error).message})` });
    }
  }
  return result;
}

/** Scans a database image (the bytes of a .db/.sqlite file). `file` names it in findings. */
export async function scanSqliteBytes(bytes: Uint8Array, scanner: JsonDocScanner, file?: string): Promise<StoreScan> {
  if (!isSqliteBytes(bytes)) {
    return { isTraceStore: false, findings: [], problems: [{ file, line: 0, message: 'not an SQLite database (no SQLite header)' }], rows: {} };
  }
  let db: Database;
  try {
    db = await openCopy(bytes);
  } catch (e) {
    return { isTraceStore: false, findings: [], problems: [{ file, line: 0, message: `cannot open the database: ${(e as Error).message}` }], rows: {} };
  }
  try {
    return scanDb(db, scanner, file);
  } catch (e) {
    return { isTraceStore: false, findings: [], problems: [{ file, line: 0, message: `cannot read the database: ${(e as Error).message}` }], rows: {} };
  } finally {
    db.close();
  }
}

/** Scans a .db/.sqlite file read-only. Files over `MAX_STORE_BYTES` are reported, not read. */
export async function scanSqliteFile(file: string, scanner: JsonDocScanner): Promise<StoreScan> {
  const size = statSync(file).size;
  if (size > MAX_STORE_BYTES) {
    return { isTraceStore: false, findings: [], problems: [{ file, line: 0, message: `database of ${size} bytes not scanned (limit ${MAX_STORE_BYTES})` }], rows: {} };
  }
  const r = await scanSqliteBytes(readFileSync(file), scanner, file);
  if (r.isTraceStore) r.problems.push(...walNote(file));
  return r;
}

/**
 * The database with every run document redacted. Old values do not survive in free pages:
 * `secure_delete` zeroes what updates free, and VACUUM rebuilds the file before it is exported.
 */
export async function redactSqliteBytes(bytes: Uint8Array, scanner: JsonDocScanner): Promise<{ bytes: Uint8Array; rowsChanged: number; findings: number }> {
  if (!isSqliteBytes(bytes)) throw new Error('not an SQLite database (no SQLite header)');
  const db = await openCopy(bytes);
  try {
    db.run('PRAGMA secure_delete = ON');
    const changes: { table: string; column: string; rowid: number; text: string; count: number }[] = [];
    for (const r of documents(db, docTables(db))) {
      const found = scanner.scan(r.text);
      if (found.length) changes.push({ table: r.table, column: r.column, rowid: r.rowid, text: scanner.redact(r.text), count: found.length });
    }
    db.run('BEGIN');
    for (const c of changes) db.run(`UPDATE "${c.table}" SET "${c.column}" = ? WHERE rowid = ?`, [c.text, c.rowid]);
    db.run('COMMIT');
    db.run('VACUUM');
    return { bytes: db.export(), rowsChanged: changes.length, findings: changes.reduce((n, c) => n + c.count, 0) };
  } finally {
    db.close();
  }
}

/** Writes a redacted copy of `input` to `output` (atomically: a temporary file, then a rename). */
export async function redactSqliteFile(input: string, output: string, scanner: JsonDocScanner): Promise<{ rowsChanged: number; findings: number }> {
  if (existsSync(output) && statSync(output).ino === statSync(input).ino) {
    throw new Error('the redacted copy must not overwrite the input database');
  }
  const r = await redactSqliteBytes(readFileSync(input), scanner);
  const tmp = `${output}.tracelint-${process.pid}.tmp`;
  writeFileSync(tmp, r.bytes, { mode: 0o600 });
  renameSync(tmp, output);
  return { rowsChanged: r.rowsChanged, findings: r.findings };
}
