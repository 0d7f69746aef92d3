// Builds examples/traces/tracecraft.db: a TraceCraft SQLiteTraceStore (its schema's traces and
// steps tables) holding three runs, one with leaked secrets in its run JSON (`traces.data`).
// Deterministic: the same sql.js version writes the same bytes (test/unit/sqlite-example.test.ts
// checks the committed file against this script). Secrets are fake, realistic in format only.
// Usage: node scripts/make-example-store.mjs [OUT]
import { createRequire } from 'node:module';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

const SCHEMA = `
CREATE TABLE traces (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, description TEXT, start_time TEXT NOT NULL, end_time TEXT,
  duration_ms REAL, session_id TEXT, user_id TEXT, environment TEXT, total_tokens INTEGER DEFAULT 0,
  total_cost_usd REAL DEFAULT 0.0, error_count INTEGER DEFAULT 0, error TEXT, error_type TEXT,
  created_at TEXT, project_id TEXT, agent_id TEXT, data JSON NOT NULL
);
CREATE INDEX idx_traces_name ON traces(name);
CREATE TABLE steps (
  id TEXT PRIMARY KEY, trace_id TEXT NOT NULL, parent_id TEXT, type TEXT NOT NULL, name TEXT NOT NULL,
  start_time TEXT NOT NULL, end_time TEXT, duration_ms REAL, model_name TEXT, model_provider TEXT,
  input_tokens INTEGER, output_tokens INTEGER, cost_usd REAL, error TEXT, error_type TEXT
);
CREATE TABLE schema_version (version INTEGER PRIMARY KEY);
INSERT INTO schema_version VALUES (5);
`;

function step(id, traceId, parentId, type, name, inputs, outputs, extra = {}) {
  return {
    id, parent_id: parentId, trace_id: traceId, type, name,
    start_time: '2026-03-02T09:14:05.120000Z', end_time: '2026-03-02T09:14:06.480000Z', duration_ms: 1360.0,
    inputs, outputs, attributes: {}, model_name: extra.model ?? null, model_provider: extra.provider ?? null,
    input_tokens: extra.inTok ?? null, output_tokens: extra.outTok ?? null, cost_usd: null, error: null, error_type: null,
    children: [],
  };
}

function agentRun(id, question, children) {
  const root = step(`${id.slice(0, 8)}-0000-4000-8000-000000000001`, id, null, 'agent', 'research_agent', { question }, { result: 'done' });
  root.children = children;
  return {
    id, name: 'research_agent', description: null, start_time: '2026-03-02T09:14:05.000000Z', end_time: '2026-03-02T09:14:09.250000Z',
    duration_ms: 4250.0, session_id: 'sess-7781', user_id: 'u-1042', environment: 'production', tags: ['nightly'],
    input: { question }, output: { result: 'done' }, steps: [root], total_tokens: 812, total_cost_usd: 0.0123, error_count: 0,
  };
}

export function runs() {
  const clean = 'a3f1c2d4-5b6e-4f70-8a91-b2c3d4e5f601';
  const leaky = 'b7e2d3c4-6a5f-4e81-9b02-c3d4e5f6a702';
  const later = 'c9d8e7f6-1a2b-4c3d-8e4f-5a6b7c8d9e03';
  return [
    agentRun(clean, 'What changed in the Q1 pricing?', [
      step('a3f1c2d4-0000-4000-8000-000000000002', clean, 'a3f1c2d4-0000-4000-8000-000000000001', 'llm', 'summarize',
        { text: 'Pricing for the Pro tier moved from 20 to 24 USD per seat.' }, { result: 'Pro tier: +4 USD per seat.' },
        { model: 'gpt-4o', provider: 'openai', inTok: 120, outTok: 12 }),
    ]),
    agentRun(leaky, 'Find the open invoice for our customer and summarise it', [
      step('b7e2d3c4-0000-4000-8000-000000000002', leaky, 'b7e2d3c4-0000-4000-8000-000000000001', 'tool', 'web_search',
        { query: 'northwind invoice portal', api_key: 'sk-proj-' + 'R4nd0mF4k3K3yF0rTr4c3l1ntD3m0Xq9Zp2Lw7Vb' }, { result: '3 results' }),
      step('b7e2d3c4-0000-4000-8000-000000000003', leaky, 'b7e2d3c4-0000-4000-8000-000000000001', 'tool', 'lookup_customer',
        // tracelint-disable-next-line hardcoded-credential -- the example store plants this fake password on purpose
        { customer_email: 'dana.whitfield@northwind-mail.com', db_password: 'Tr0ub4dor&3-prod' }, { result: { customer_id: 'C-20931', plan: 'pro' } }),
      step('b7e2d3c4-0000-4000-8000-000000000004', leaky, 'b7e2d3c4-0000-4000-8000-000000000001', 'llm', 'summarize',
        { text: 'Invoice INV-5521 for Dana Whitfield (dana.whitfield@northwind-mail.com, +1 415 555 0134) is 30 days overdue.' },
        { result: 'One overdue invoice; contact the customer.' }, { model: 'gpt-4o', provider: 'openai', inTok: 300, outTok: 20 }),
    ]),
    agentRun(later, 'Weekly summary', [
      step('c9d8e7f6-0000-4000-8000-000000000002', later, 'c9d8e7f6-0000-4000-8000-000000000001', 'llm', 'summarize',
        { text: 'No incidents this week.' }, { result: 'Quiet week.' }, { model: 'gpt-4o', provider: 'openai', inTok: 40, outTok: 4 }),
    ]),
  ];
}

/** The database bytes. */
export async function makeExampleStore() {
  const initSqlJs = require('sql.js');
  const wasm = readFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'));
  const SQL = await initSqlJs({ wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) });
  const db = new SQL.Database();
  db.run(SCHEMA);
  for (const run of runs()) {
    db.run(
      'INSERT INTO traces (id, name, start_time, end_time, duration_ms, session_id, user_id, environment, total_tokens, total_cost_usd, created_at, data) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
      [run.id, run.name, run.start_time, run.end_time, run.duration_ms, run.session_id, run.user_id, run.environment, run.total_tokens, run.total_cost_usd, run.start_time, JSON.stringify(run)],
    );
    const walk = [...run.steps];
    while (walk.length) {
      const s = walk.shift();
      db.run('INSERT INTO steps (id, trace_id, parent_id, type, name, start_time, end_time, duration_ms, model_name, model_provider, input_tokens, output_tokens) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)',
        [s.id, s.trace_id, s.parent_id, s.type, s.name, s.start_time, s.end_time, s.duration_ms, s.model_name, s.model_provider, s.input_tokens, s.output_tokens]);
      walk.push(...s.children);
    }
  }
  const bytes = db.export();
  db.close();
  return bytes;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const out = process.argv[2] ?? 'examples/traces/tracecraft.db';
  writeFileSync(out, await makeExampleStore());
  console.log(`wrote ${out}`);
}
