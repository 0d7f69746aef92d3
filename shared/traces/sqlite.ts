// SQLite trace stores: TraceCraft's `SQLiteTraceStore` keeps every run as a whole JSON document in
// `traces.data` (and earlier versions of it in `trace_versions.data`). This reads such a file
// read-only, hands each document to the JSON trace scanner, and reports findings by table, row and
// JSON path; it also writes a redacted copy of the database (never over the input).
// The store copies parts of a run into other columns (`traces.error`, `steps.error`, playground
// prompts, evaluation inputs), so once a file is known to be a trace store every text cell of every
// table is scanned too: a redacted copy that kept `steps.error = "invalid key sk-…"` would not be one.
//
// The library is sql.js (SQLite compiled to WebAssembly): no native build, so it installs on any
// machine. It works on an in-memory image of the file, which is what makes reading read-only: the
// input file is read once and never opened for writing. Its wasm is loaded from beside the bundle
// (dist/sql-wasm.wasm, copied by esbuild.mjs) or from node_modules when running unbundled.
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Database, SqlJsStatic } from 'sql.js';
import type { Finding, InputProblem } from '../types';

/** A text cell of a trace store, and how to read it. */
export interface StoreCell {
  table: string;
  column: string;
  /** `run`: a TraceCraft run document (`traces.data`, `trace_versions.data`); `json`: other JSON; `text`: plain text. */
  kind: 'run' | 'json' | 'text';
}

/** What the store reader needs from the trace scanner, one cell at a time. */
export interface StoreScanner {
  /** Findings in one cell; for `run`/`json` cells `jsonPath` is relative to the document. */
  scan(text: string, cell: StoreCell): Finding[];
  /** The cell redacted (called only for cells `scan` found something in). */
  redact(text: string, cell: StoreCell): string;
}

/** The first name of `StoreScanner` (a scanner of run documents only is one, ignoring the cell). */
export type JsonDocScanner = StoreScanner;

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
    // Imported here, not at the top: a scan that meets no database never loads sql.js.
    sqlPromise = import('sql.js').then(({ default: initSqlJs }) => initSqlJs({ wasmBinary: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength) as ArrayBuffer }));
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
 * Opens an in-memory copy of the database. (An image whose header says WAL mode opens too: sql.js
 * reads it whatever its journal mode. The -wal file beside a store is laid over it by `readStore`.)
 */
async function openCopy(bytes: Uint8Array): Promise<Database> {
  const SQL = await loadSqlJs();
  return new SQL.Database(new Uint8Array(bytes));
}

function columnsOf(db: Database, table: string): string[] {
  const res = db.exec(`PRAGMA table_info("${table}")`);
  return res.length ? res[0].values.map((row) => String(row[1])) : [];
}

interface TableInfo {
  table: string;
  columns: string[];
  hasId: boolean;
}

/** Ordinary tables (not SQLite's own, not virtual ones, whose shadow tables hold their data). */
function userTables(db: Database): TableInfo[] {
  const res = db.exec("SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name");
  const out: TableInfo[] = [];
  for (const [name, sql] of res.length ? res[0].values : []) {
    if (/^\s*CREATE\s+VIRTUAL\b/i.test(String(sql))) continue;
    const columns = columnsOf(db, String(name));
    out.push({ table: String(name), columns, hasId: columns.includes('id') });
  }
  // The run tables first, in DOC_TABLES order, then the rest by name: findings read run first.
  const rank = (t: TableInfo) => {
    const i = DOC_TABLES.findIndex((d) => d.table === t.table);
    return i < 0 ? DOC_TABLES.length : i;
  };
  return out.sort((a, b) => rank(a) - rank(b) || (a.table < b.table ? -1 : a.table > b.table ? 1 : 0));
}

function isTraceStoreTables(tables: TableInfo[]): boolean {
  return tables.some((t) => DOC_TABLES.some((d) => d.table === t.table && t.columns.includes(d.column)));
}

function textOf(v: unknown): string | null {
  if (typeof v === 'string') return v;
  if (v instanceof Uint8Array) return new TextDecoder('utf-8', { fatal: false }).decode(v);
  return null;
}

function kindOf(table: string, column: string, text: string): StoreCell['kind'] {
  if (DOC_TABLES.some((d) => d.table === table && d.column === column)) return 'run';
  const c = text.trimStart().charCodeAt(0);
  return c === 123 || c === 91 ? 'json' : 'text';
}

type Row = StoreCell & { rowid: number; id?: string; text: string };

const quoteId = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * Every non-empty text cell of the store, table by table in rowid order, one row in memory at a
 * time. A table without rowid (WITHOUT ROWID) cannot be addressed for the redacted copy: it is
 * reported through `onSkip` instead.
 */
function* cells(db: Database, tables: TableInfo[], onSkip: (table: string, why: string) => void): Generator<Row> {
  for (const t of tables) {
    let stmt;
    try {
      stmt = db.prepare(`SELECT rowid, ${t.columns.map(quoteId).join(', ')} FROM ${quoteId(t.table)} ORDER BY rowid`);
    } catch (e) {
      onSkip(t.table, (e as Error).message);
      continue;
    }
    const idAt = t.columns.indexOf('id');
    try {
      while (stmt.step()) {
        const row = stmt.get();
        const rowid = Number(row[0]);
        const id = idAt >= 0 && row[idAt + 1] != null ? String(row[idAt + 1]) : undefined;
        for (let c = 0; c < t.columns.length; c++) {
          const value = row[c + 1];
          // Numbers and NULLs hold nothing to find; BLOBs only in the run column, where TraceCraft may write bytes.
          const text = typeof value === 'string' || kindOf(t.table, t.columns[c], '') === 'run' ? textOf(value) : null;
          if (text === null || text.length === 0) continue;
          yield { table: t.table, column: t.columns[c], kind: kindOf(t.table, t.columns[c], text), rowid, id, text };
        }
      }
    } finally {
      stmt.free();
    }
  }
}

function where(r: Row): string {
  return `${r.table} row ${r.rowid}${r.id !== undefined ? ` (id ${r.id})` : ''}, column ${r.column}`;
}

/** Moves a finding from cell offsets to the store's coordinates. */
function placeFinding(f: Finding, r: Row, file: string | undefined): Finding {
  const placed: Finding = {
    ...f,
    // The trace reader's message already names the JSON path; the store adds where the document is.
    message: `${f.message} [${where(r)}]`,
    span: { start: 0, end: 0 },
    range: { line: 0, column: 0, endLine: 0, endColumn: 0 },
    store: { table: r.table, rowid: r.rowid, column: r.column, ...(r.id !== undefined ? { id: r.id } : {}) },
  };
  // A plain text cell has no JSON path: the table and column say it all.
  if (f.jsonPath === undefined || r.kind === 'text') delete placed.jsonPath;
  if (file !== undefined) placed.file = file;
  else delete placed.file;
  delete placed.byteStart;
  delete placed.byteEnd;
  return placed;
}

/**
 * The database as SQLite itself would read it: committed transactions still in the write-ahead
 * log (`<file>-wal`, where TraceCraft's store, opened in WAL mode, writes until a checkpoint) laid
 * over the main file's pages. Frames count only while their salts match the log header and their
 * running checksum holds; everything up to the last valid commit frame applies (the rule in
 * SQLite's file format, section "The Write-Ahead Log"). Returns null when the log adds nothing.
 */
export function applyWal(db: Uint8Array, wal: Uint8Array): { bytes: Uint8Array; frames: number } | null {
  if (wal.length < 32 || db.length < 100) return null;
  const wv = new DataView(wal.buffer, wal.byteOffset, wal.byteLength);
  const magic = wv.getUint32(0);
  if (magic !== 0x377f0682 && magic !== 0x377f0683) return null;
  const bigEndian = (magic & 1) === 1;
  const pageSize = wv.getUint32(8);
  const dbPageSize = ((db[16] << 8) | db[17]) === 1 ? 65536 : (db[16] << 8) | db[17];
  if (pageSize !== dbPageSize || pageSize < 512) return null;
  const salt1 = wv.getUint32(16);
  const salt2 = wv.getUint32(20);
  let s0 = 0;
  let s1 = 0;
  const sum = (from: number, to: number): void => {
    for (let i = from; i < to; i += 8) {
      s0 = (s0 + wv.getUint32(i, !bigEndian) + s1) >>> 0;
      s1 = (s1 + wv.getUint32(i + 4, !bigEndian) + s0) >>> 0;
    }
  };
  sum(0, 24);
  if (s0 !== wv.getUint32(24) || s1 !== wv.getUint32(28)) return null;
  const frameSize = 24 + pageSize;
  const pending: { page: number; at: number }[] = [];
  let committed: { page: number; at: number }[] = [];
  let dbPages = 0;
  for (let at = 32; at + frameSize <= wal.length; at += frameSize) {
    if (wv.getUint32(at + 8) !== salt1 || wv.getUint32(at + 12) !== salt2) break;
    sum(at, at + 8);
    sum(at + 24, at + frameSize);
    if (s0 !== wv.getUint32(at + 16) || s1 !== wv.getUint32(at + 20)) break;
    pending.push({ page: wv.getUint32(at), at: at + 24 });
    const commitSize = wv.getUint32(at + 4);
    if (commitSize > 0) {
      committed = committed.concat(pending.splice(0));
      dbPages = commitSize;
    }
  }
  if (committed.length === 0) return null;
  const out = new Uint8Array(dbPages * pageSize);
  out.set(db.subarray(0, Math.min(db.length, out.length)));
  for (const f of committed) {
    if (f.page >= 1 && f.page <= dbPages) out.set(wal.subarray(f.at, f.at + pageSize), (f.page - 1) * pageSize);
  }
  // The image now holds everything: read it as a rollback-journal database.
  out[18] = 1;
  out[19] = 1;
  return { bytes: out, frames: committed.length };
}

/** The file's bytes with its write-ahead log applied (see `applyWal`). */
function readStore(file: string): Uint8Array {
  const db = readFileSync(file);
  let wal: Buffer;
  try {
    wal = readFileSync(file + '-wal');
  } catch {
    return db; // No log: everything is in the database file.
  }
  return applyWal(db, wal)?.bytes ?? db;
}

function scanDb(db: Database, scanner: StoreScanner, file: string | undefined): StoreScan {
  const tables = userTables(db);
  const result: StoreScan = { isTraceStore: isTraceStoreTables(tables), findings: [], problems: [], rows: {} };
  if (!result.isTraceStore) return result;
  const skip = (table: string, why: string) => result.problems.push({ file, line: 0, message: `table ${table} not scanned: ${why}` });
  let last = '';
  for (const r of cells(db, tables, skip)) {
    const rowKey = `${r.table}\0${r.rowid}`;
    if (rowKey !== last) result.rows[r.table] = (result.rows[r.table] ?? 0) + 1;
    last = rowKey;
    try {
      for (const f of scanner.scan(r.text, r)) result.findings.push(placeFinding(f, r, file));
    } catch (e) {
      result.problems.push({ file, line: 0, message: `${where(r)}: not scanned (${(e as Error).message})` });
    }
  }
  return result;
}

/** Scans a database image (the bytes of a .db/.sqlite file). `file` names it in findings. */
export async function scanSqliteBytes(bytes: Uint8Array, scanner: StoreScanner, file?: string): Promise<StoreScan> {
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
export async function scanSqliteFile(file: string, scanner: StoreScanner): Promise<StoreScan> {
  const size = statSync(file).size;
  if (size > MAX_STORE_BYTES) {
    return { isTraceStore: false, findings: [], problems: [{ file, line: 0, message: `database of ${size} bytes not scanned (limit ${MAX_STORE_BYTES})` }], rows: {} };
  }
  return scanSqliteBytes(readStore(file), scanner, file);
}

/**
 * The database with every run document redacted. Old values do not survive in free pages:
 * `secure_delete` zeroes what updates free, and VACUUM rebuilds the file before it is exported.
 */
export async function redactSqliteBytes(bytes: Uint8Array, scanner: StoreScanner): Promise<{ bytes: Uint8Array; rowsChanged: number; findings: number }> {
  if (!isSqliteBytes(bytes)) throw new Error('not an SQLite database (no SQLite header)');
  const db = await openCopy(bytes);
  try {
    db.run('PRAGMA secure_delete = ON');
    const tables = userTables(db);
    if (!isTraceStoreTables(tables)) throw new Error('not a trace store: no traces table with a data column');
    const changes: { table: string; column: string; rowid: number; text: string; count: number }[] = [];
    const skipped: string[] = [];
    for (const r of cells(db, tables, (t) => skipped.push(t))) {
      const found = scanner.scan(r.text, r);
      if (found.length) changes.push({ table: r.table, column: r.column, rowid: r.rowid, text: scanner.redact(r.text, r), count: found.length });
    }
    // A table the copy cannot address would keep its secrets: no copy rather than a false one.
    if (skipped.length) throw new Error(`cannot redact table ${skipped.join(', ')} (no rowid)`);
    db.run('BEGIN');
    for (const c of changes) db.run(`UPDATE ${quoteId(c.table)} SET ${quoteId(c.column)} = ? WHERE rowid = ?`, [c.text, c.rowid]);
    db.run('COMMIT');
    db.run('VACUUM');
    return { bytes: db.export(), rowsChanged: changes.length, findings: changes.reduce((n, c) => n + c.count, 0) };
  } finally {
    db.close();
  }
}

/** Writes a redacted copy of `input` to `output` (atomically: a temporary file, then a rename). */
export async function redactSqliteFile(input: string, output: string, scanner: StoreScanner): Promise<{ rowsChanged: number; findings: number }> {
  if (existsSync(output) && statSync(output).ino === statSync(input).ino) {
    throw new Error('the redacted copy must not overwrite the input database');
  }
  const r = await redactSqliteBytes(readStore(input), scanner);
  const tmp = `${output}.tracelint-${process.pid}.tmp`;
  writeFileSync(tmp, r.bytes, { mode: 0o600 });
  renameSync(tmp, output);
  return { rowsChanged: r.rowsChanged, findings: r.findings };
}
