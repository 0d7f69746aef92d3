// Engine throughput, as figures (never asserted): the raw-line prefilter (MB/s and how many lines it
// lets through), JSON.parse + scanValue over every string of the lines it lets through, and each
// detector alone on prose, code and short strings. The engine is bundled from shared/engine with
// esbuild into a temporary file (dist/ holds only the CLI, server and client bundles).
// Usage: npm run bench engine
import * as esbuild from 'esbuild';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tmp = mkdtempSync(join(tmpdir(), 'tracelint-engine-bench-'));
const out = join(tmp, 'engine.cjs');
await esbuild.build({
  stdin: { contents: "export * from './shared/engine/index'; export { ALL_DETECTORS } from './shared/detectors/index'; export { defaultEngineOptions } from './shared/options';", resolveDir: root, loader: 'ts' },
  bundle: true, platform: 'node', format: 'cjs', outfile: out, external: ['recheck', 'recheck-linux-x64'], logLevel: 'warning',
});
const { Engine, ALL_DETECTORS, defaultEngineOptions } = createRequire(import.meta.url)(out);
rmSync(tmp, { recursive: true, force: true });

// CPU seconds of this process: the machine is shared, so wall time measures the neighbours too.
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; };

// A deterministic generator, so runs compare.
let seed = 42;
const rand = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
const pick = (a) => a[Math.floor(rand() * a.length)];
const rnd = (n, abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789') => Array.from({ length: n }, () => abc[Math.floor(rand() * abc.length)]).join('');
const hex = (n) => rnd(n, '0123456789abcdef');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-a${hex(3)}-${hex(12)}`;
const PROSE = [
  'The agent looked up the customer record and summarised the findings for the quarterly report.',
  'It then called the search tool with the query about pricing tiers and latency budgets for 2024.',
  'Revenue grew 12% quarter over quarter; churn fell to 3.1% after the onboarding changes shipped.',
  'Next, compare the three vendors on price, support hours, and the SLA they offer for version 4.2.1.',
];
const CODE = 'def handler(event, context):\n    result = compute(event["items"], limit=50)\n    return {"status": 200, "body": json.dumps(result)}\n';
const SECRETS = [
  () => `sk-proj-${rnd(48)}`, () => `sk-ant-api03-${rnd(80)}-AA`, () => `ghp_${rnd(36)}`, () => `AKIA${rnd(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`,
  () => 'jane.doe@example.com', () => '(415) 555-0132', () => '4111 1111 1111 1111', () => '078-05-1123', () => `password=${rnd(12)}`,
];
function line(i) {
  const secret = i % 50 === 0 ? pick(SECRETS)() : '';
  const step = (k) => ({
    id: uuid(), parent_id: uuid(), trace_id: uuid(), type: pick(['llm', 'tool', 'agent', 'retrieval']), name: pick(['summarize', 'web_search', 'lookup_customer', 'research_agent']),
    start_time: '2024-05-01T12:34:56.789Z', end_time: '2024-05-01T12:34:58.012Z', duration_ms: Math.floor(rand() * 5000),
    inputs: { query: pick(PROSE), text: Array.from({ length: 4 }, () => pick(PROSE)).join(' ') + (k === 1 ? ` ${secret}` : ''), model: 'gpt-4o', max_tokens: 1024, temperature: 0.2 },
    outputs: { result: k === 2 ? CODE.repeat(3) : Array.from({ length: 6 }, () => pick(PROSE)).join(' ') },
    attributes: { 'llm.usage.input_tokens': 512, 'llm.usage.output_tokens': 128, total_tokens: 640, commit: hex(40), score: rand() },
    model_name: 'gpt-4o', model_provider: 'openai', error: null, children: [],
  });
  return JSON.stringify({ id: uuid(), name: 'research_agent', start_time: '2024-05-01T12:34:56.789Z', session_id: uuid(), tags: ['prod'], steps: [0, 1, 2, 3].map(step) });
}

const engine = new Engine(defaultEngineOptions());
const lines = Array.from({ length: 20000 }, (_, i) => line(i));
const bytes = lines.reduce((a, l) => a + l.length, 0);
const mb = bytes / 1e6;

function walk(v, path, key, acc) {
  if (typeof v === 'string') acc.n += engine.scanValue(v, { path, key }).length;
  else if (Array.isArray(v)) for (let i = 0; i < v.length; i++) walk(v[i], `${path}[${i}]`, key, acc);
  else if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], path ? `${path}.${k}` : k, k, acc);
}

for (let rep = 0; rep < 3; rep++) {
  let t = cpu();
  const pass = lines.filter((l) => engine.mayContainFinding(l));
  const tPre = cpu() - t;
  t = cpu();
  const acc = { n: 0 };
  for (const l of pass) walk(JSON.parse(l), '', undefined, acc);
  const tScan = cpu() - t;
  const passMb = pass.reduce((a, l) => a + l.length, 0) / 1e6;
  console.log(`${mb.toFixed(1)} MB, ${lines.length} lines (MB per CPU second): prefilter ${(mb / tPre).toFixed(0)}, lets through ${pass.length} lines (${((100 * pass.length) / lines.length).toFixed(1)}%); ` +
    `parse+scan of those ${(passMb / tScan).toFixed(0)}; whole pass ${(mb / (tPre + tScan)).toFixed(0)} on one core; ${acc.n} findings`);
}

// Every string of every line, no prefilter: the engine's own cost per MB of string values.
{
  const values = [];
  const collect = (v) => { if (typeof v === 'string') values.push(v); else if (v && typeof v === 'object') for (const x of Object.values(v)) collect(x); };
  for (const l of lines.slice(0, 4000)) collect(JSON.parse(l));
  const vbytes = values.reduce((a, s) => a + s.length, 0) / 1e6;
  const t = cpu();
  for (const s of values) engine.scanText(s);
  console.log(`scanText over ${values.length} string values (${vbytes.toFixed(1)} MB): ${(vbytes / (cpu() - t)).toFixed(0)} MB per CPU second`);
}

// Each detector alone.
const samples = [PROSE.join(' ').repeat(10), CODE.repeat(20), uuid(), 'gpt-4o', 'research_agent', '2024-05-01T12:34:56.789Z'];
const sbytes = samples.reduce((a, s) => a + s.length, 0);
for (const d of ALL_DETECTORS) {
  const outArr = [];
  const t = cpu();
  for (let i = 0; i < 5000; i++) for (const s of samples) { if (s.length >= d.minLength) d.find(s, {}, outArr); outArr.length = 0; }
  console.log(`  ${d.name.padEnd(24)} ${((sbytes * 5000) / 1e6 / (cpu() - t)).toFixed(0)} MB per CPU second`);
}
