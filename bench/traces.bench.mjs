// Trace scanning and redaction speed on two generated files (once, cached in bench/.data/): a
// JSONL of TraceCraft runs (nested steps, prose, code, tool output with JSON in strings), and a
// coding agent's session (coding-agent-trace.mjs: shell output, `ls -l` listings, `git log`, diffs,
// file reads, tool calls with `arguments` objects, ~4 KB lines on which nearly every line offers the
// prefilter something). Both plant about one secret per 50 lines over every detector category,
// recorded in a manifest. Prints, side by side for both files, MB/s and peak RSS of `scan` and
// `redact` beside ripgrep running TraceCraft's 17 patterns on the same file, and how many planted
// secrets were found. Figures only, never a pass/fail on a number.
//
// Usage: node bench/traces.bench.mjs [--size MB] [--runs N] [--seed N] [--only tracecraft|coding-agent]
//        [--compare DIR]
// (size default 200, use 20 while iterating; each command runs N times, default 1, the files taking
// turns, and its fastest run is shown: on a shared machine the others mostly measure waiting for a
// core; --seed varies the coding agent's mix)
// Runs `dist/cli.js` when it can scan; otherwise bundles a runner of shared/traces into bench/.data/.
// --compare DIR: another built checkout of tracelint (its dist/cli.js), whose scan and redact run
// beside this one's on the same files in every run, alternately first, and the throughput ratios of
// the pairs are printed: the machine's speed drifts between minutes, so builds compare only side by side.
import { existsSync, mkdirSync, readFileSync, writeFileSync, statSync, unlinkSync, openSync, writeSync, closeSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';
import { generateCodingAgentTrace } from './coding-agent-trace.mjs';
import { randomSource, secretMakers, writePlantedTrace, HEX } from './trace-secrets.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const dataDir = join(here, '.data', 'traces');
const sizeArg = process.argv.indexOf('--size');
const sizeMB = sizeArg > 0 ? Number(process.argv[sizeArg + 1]) : Number(process.env.TRACES_BENCH_MB ?? 200);
const runsArg = process.argv.indexOf('--runs');
const runs = runsArg > 0 ? Math.max(1, Number(process.argv[runsArg + 1])) : 1;
const compareArg = process.argv.indexOf('--compare');
const otherCli = compareArg > 0 ? join(process.argv[compareArg + 1], 'dist', 'cli.js') : undefined;
if (otherCli && !existsSync(otherCli)) {
  console.error(`--compare: ${otherCli} not found (build that checkout first: npm ci && node esbuild.mjs)`);
  process.exit(2);
}
mkdirSync(dataDir, { recursive: true });
// bench/.data/traces/ is a project of its own (an empty tracelint.json: the defaults). Without it
// the trace would belong to the tracelint repository (or to the LSP benchmark's data beside it), and
// `scan` would link each finding to the code that traced it by analysing those sources
// (server/loop): a cost of the project around the trace, not of the trace, which this is about.
if (!existsSync(join(dataDir, 'tracelint.json'))) writeFileSync(join(dataDir, 'tracelint.json'), '{}\n');

// ---------- deterministic generator ----------
const { rand, pick, int, chars, uuid } = randomSource(0x5eed1234);
const iso = (ms) => new Date(ms).toISOString();
const WORDS = 'the agent retrieved quarterly revenue figures from the warehouse and compared them against the forecast model while the planner scheduled follow up queries about churn cohorts regional latency budgets invoice disputes onboarding funnels and the migration of legacy billing records into the new ledger service'.split(' ');
const prose = (n) => {
  const w = [];
  for (let i = 0; i < n; i++) w.push(pick(WORDS));
  w[0] = w[0][0].toUpperCase() + w[0].slice(1);
  return w.join(' ') + '.';
};
const CODE = [
  'def load_rows(conn, limit=100):\n    cur = conn.execute("SELECT id, total FROM invoices LIMIT ?", (limit,))\n    return [dict(r) for r in cur.fetchall()]\n',
  'const res = await fetch(`${base}/v1/search?q=${encodeURIComponent(q)}`);\nif (!res.ok) throw new Error(`search failed: ${res.status}`);\nreturn res.json();\n',
  'for (let i = 0; i < rows.length; i++) {\n  totals[rows[i].region] = (totals[rows[i].region] ?? 0) + rows[i].amount;\n}\n',
];
// Each category's secret; plant() puts it in a realistic spot of a run.
const PLANTS = secretMakers({ rand, pick, int, chars });
const CATEGORIES = Object.keys(PLANTS);

/** Puts the secret into the run; returns the text the secret appears in (to find it raw). */
function plant(run, category, secret) {
  const step = pick(run.steps);
  switch (category) {
    case 'email':
    case 'phone':
      step.outputs.result = `${prose(8)} Contact ${secret} for details. ${prose(6)}`;
      return;
    case 'credit_card':
      step.inputs.payment_note = `Customer paid with card ${secret} on file.`;
      return;
    case 'ssn':
      // Inside JSON encoded in a tool output string.
      step.outputs.result = JSON.stringify({ rows: [{ id: int(1, 9999), name: 'Dana Whitfield', ssn_on_file: `SSN ${secret}` }], count: 1 });
      return;
    case 'aws_access_key':
      step.inputs.config = `region=us-east-1 access_key_id=${secret}`;
      return;
    case 'aws_secret_key':
      step.inputs.aws_secret_access_key = secret;
      return;
    case 'bearer_token':
      step.inputs.headers = { Authorization: `Bearer ${secret}`, Accept: 'application/json' };
      return;
    case 'azure_connection_string':
      step.inputs.conn = `DefaultEndpointsProtocol=https;AccountName=tracestore;AccountKey=${secret};EndpointSuffix=core.windows.net`;
      return;
    case 'generic_api_key_param':
      step.inputs.url = `https://api.weather-data.io/v2/forecast?city=Berlin&api_key=${secret}`;
      return;
    case 'private_key':
      step.outputs.result = `Loaded key:\n${secret}\n`;
      return;
    case 'password_field':
      step.outputs.result = `connecting with password=${secret} to db-primary`;
      return;
    case 'sensitive_field':
      step.inputs.db_password = secret;
      return;
    default:
      step.inputs[pick(['token_hint', 'note', 'query'])] = `${prose(4)} ${secret} ${prose(3)}`;
  }
}

function makeRun(i, t0) {
  const runId = uuid();
  const steps = [];
  const n = int(3, 7);
  for (let s = 0; s < n; s++) {
    const type = pick(['llm', 'tool', 'tool', 'retrieval', 'agent']);
    const start = t0 + s * 1200;
    const step = {
      id: uuid(), parent_id: s ? steps[0].id : null, trace_id: runId, type, name: pick(['web_search', 'lookup_customer', 'summarize', 'sql_query', 'plan', 'fetch_invoice']),
      start_time: iso(start), end_time: iso(start + int(80, 4000)), duration_ms: int(80, 4000),
      inputs: type === 'llm' ? { prompt: prose(int(20, 60)), temperature: 0.2, max_tokens: 1024 } : { query: prose(int(5, 15)), limit: int(5, 50) },
      outputs: type === 'tool' ? { result: JSON.stringify({ rows: Array.from({ length: int(1, 4) }, (_, k) => ({ id: k + 1, region: pick(['emea', 'apac', 'amer']), total: Math.round(rand() * 1e6) / 100, sha: chars(HEX, 40) })) }) } : { result: rand() < 0.3 ? pick(CODE) : prose(int(30, 90)) },
      attributes: { 'gen_ai.usage.input_tokens': int(100, 4000), 'gen_ai.usage.output_tokens': int(10, 900), commit: chars(HEX, 40), request_id: uuid(), ts_ms: start },
      model_name: type === 'llm' ? 'gpt-4o' : null, model_provider: type === 'llm' ? 'openai' : null, error: null, children: [],
    };
    steps.push(step);
  }
  return { id: runId, name: 'research_agent', start_time: iso(t0), end_time: iso(t0 + n * 1200), session_id: uuid(), user_id: `user_${int(1, 5000)}`, environment: 'production', tags: ['bench', pick(['a', 'b'])], input: { question: prose(int(8, 20)) }, output: { answer: prose(int(20, 50)) }, steps };
}

function generate(path, manifestPath, bytes) {
  let t0 = Date.UTC(2025, 0, 1);
  writePlantedTrace(path, manifestPath, bytes, CATEGORIES, (line, category) => {
    const run = makeRun(line, t0);
    t0 += 60000;
    const secret = category ? PLANTS[category]() : null;
    if (secret) plant(run, category, secret);
    return { text: JSON.stringify(run), secret };
  });
}

// The two files: the TraceCraft runs above, and a coding agent's session (coding-agent-trace.mjs).
const seedArg = process.argv.indexOf('--seed');
const codingSeed = seedArg > 0 ? Number(process.argv[seedArg + 1]) : 0xc0de;
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg > 0 ? process.argv[onlyArg + 1] : undefined;
const FILES = [
  { name: 'tracecraft', file: join(dataDir, `traces-${sizeMB}mb.jsonl`), manifestFile: join(dataDir, `traces-${sizeMB}mb.planted.v2.json`), make: (f, m, b) => generate(f, m, b) },
  { name: 'coding-agent', file: join(dataDir, `coding-agent-${sizeMB}mb-${codingSeed}.jsonl`), manifestFile: join(dataDir, `coding-agent-${sizeMB}mb-${codingSeed}.planted.v1.json`), make: (f, m, b) => generateCodingAgentTrace(f, m, b, codingSeed) },
].filter((f) => !only || f.name === only);
for (const f of FILES) {
  if (!existsSync(f.file) || !existsSync(f.manifestFile)) {
    const t = Date.now();
    f.make(f.file, f.manifestFile, sizeMB * 1024 * 1024);
    console.log(`generated ${f.file} in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  f.manifest = JSON.parse(readFileSync(f.manifestFile, 'utf8'));
  f.size = statSync(f.file).size;
  console.log(`${f.name}: ${(f.size / 1048576).toFixed(1)} MB, ${f.manifest.lines} lines (${(f.size / f.manifest.lines / 1024).toFixed(1)} KB a line), ${f.manifest.planted.length} planted secrets (${CATEGORIES.length} categories, 1 per 50 lines)`);
}

// The TraceCraft file once more as 10 files in a folder, scanned in one run: a folder of big traces
// should cost what one file of the same bytes does (the CLI keeps its trace workers warm from file to
// file). Written once beside the file, at line boundaries.
const SPLIT_PARTS = 10;
function splitTrace(f) {
  const dir = f.file.replace(/\.jsonl$/, `.${SPLIT_PARTS}-parts`);
  const marker = join(dir, '.source-size');
  if (existsSync(marker) && readFileSync(marker, 'utf8') === String(f.size)) return dir;
  mkdirSync(dir, { recursive: true });
  const data = readFileSync(f.file);
  for (let k = 0, start = 0; k < SPLIT_PARTS; k++) {
    const end = k === SPLIT_PARTS - 1 ? data.length : data.indexOf(10, Math.floor((data.length * (k + 1)) / SPLIT_PARTS)) + 1;
    writeFileSync(join(dir, `part-${k}.jsonl`), data.subarray(start, end));
    start = end;
  }
  writeFileSync(marker, String(f.size));
  return dir;
}

// The TraceCraft file once more as Python's json.dumps writes it (TraceCraft is a Python SDK): a blank
// after every `,` and `:`, and non-ASCII as \u escapes, where JSON.stringify writes neither. The
// prefilter reads those characters, so the row shows what the same trace costs as its SDK writes it.
// Written once beside the file.
const asciiJson = (s) => JSON.stringify(s).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
function dumps(v) {
  if (typeof v === 'string') return asciiJson(v);
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(dumps).join(', ')}]`;
  return `{${Object.entries(v).map(([k, x]) => `${asciiJson(k)}: ${dumps(x)}`).join(', ')}}`;
}
function pythonShaped(f) {
  const out = f.file.replace(/\.jsonl$/, '.json-dumps.jsonl');
  const marker = `${out}.source-size`;
  if (existsSync(out) && existsSync(marker) && readFileSync(marker, 'utf8') === String(f.size)) return out;
  const fd = openSync(out, 'w');
  for (const line of readFileSync(f.file, 'utf8').split('\n')) if (line) writeSync(fd, `${dumps(JSON.parse(line))}\n`);
  closeSync(fd);
  writeFileSync(marker, String(f.size));
  return out;
}

// ---------- the runner: dist/cli.js when it can scan, else a bundle of shared/traces ----------
const cli = join(root, 'dist', 'cli.js');
const useCli = !process.argv.includes('--module') && existsSync(cli) && spawnSync(process.execPath, [cli, '--help'], { encoding: 'utf8' }).stdout.includes('tracelint redact');

async function moduleRunner() {
  const runner = join(dataDir, 'trace-runner.js');
  const src = join(dataDir, 'trace-runner.ts');
  writeFileSync(src, `
import { Engine } from '../../shared/engine/index';
import { defaultEngineOptions } from '../../shared/options';
import { scanTraceFile, redactTraceFile } from '../../shared/traces/index';
async function main() {
  const [cmd, input, output] = process.argv.slice(2);
  const options = defaultEngineOptions();
  const engine = new Engine(options);
  const out: string[] = [];
  if (cmd === 'scan') {
    await scanTraceFile(input, engine, { engineOptions: options, onFinding: (f) => out.push((f.range.line + 1) + ' ' + (f.range.column + 1) + ' ' + (f.range.endColumn + 1) + ' ' + f.ruleId) });
    process.stdout.write(out.join('\\n') + '\\n');
  } else {
    await redactTraceFile(input, output, engine, { engineOptions: options });
  }
}
main().catch((e) => { console.error(e); process.exit(2); });
`);
  for (const [entry, out] of [[src, runner], [join(root, 'shared/traces/worker.ts'), join(dataDir, 'trace-worker.js')]]) {
    await esbuild.build({ entryPoints: [entry], outfile: out, bundle: true, platform: 'node', target: 'node20', format: 'cjs', external: ['recheck', 'recheck-linux-x64', 'sql.js'], logLevel: 'warning' });
  }
  return runner;
}
const runner = useCli ? null : await moduleRunner();
if (otherCli && !useCli) {
  console.error('--compare compares built CLIs: build this checkout first (node esbuild.mjs)');
  process.exit(2);
}
console.log(useCli ? 'running the built CLI (dist/cli.js)' : 'running shared/traces through a bundled runner (the CLI cannot scan yet, or --module)');
if (runs > 1) console.log(`each command run ${runs} times: the fastest run shown, with the highest peak RSS of all`);

/**
 * Runs a command under /usr/bin/time; wall seconds, CPU seconds (user + sys, all threads) and peak
 * RSS (KB) of the whole process, threads included. CPU time is the steadier figure on a shared,
 * loaded machine, where wall time also counts the time spent waiting for a core.
 */
function timed(args) {
  const t = process.hrtime.bigint();
  const r = spawnSync('/usr/bin/time', ['-f', 'RSSKB %M CPU %U %S', process.execPath, ...args], { maxBuffer: 1 << 30, encoding: 'utf8' });
  const s = Number(process.hrtime.bigint() - t) / 1e9;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  const rss = Number(/RSSKB (\d+)/.exec(r.stderr)?.[1] ?? 0);
  return { seconds: s, rssKB: rss, cpu: cpuOf(r.stderr), stdout: r.stdout };
}
/** User + sys seconds from /usr/bin/time's `CPU %U %S` line. */
function cpuOf(stderr) {
  const m = /CPU ([\d.]+) ([\d.]+)/.exec(stderr);
  return m ? Number(m[1]) + Number(m[2]) : NaN;
}
/** Findings of a scan as [line, column, endColumn, ruleId], 1-based, endColumn exclusive. */
function scanFindings(stdout) {
  if (!useCli) return stdout.trim().split('\n').filter(Boolean).map((l) => l.split(' ')).map(([a, b, c, r]) => ({ line: +a, column: +b, endColumn: +c, rule: r }));
  const report = JSON.parse(stdout);
  const notContent = new Set(['trace-file-permissions', 'trace-file-tracked', 'input-problem']);
  return report.files.flatMap((f) => f.findings).filter((f) => !notContent.has(f.ruleId)).map((f) => ({ line: f.line, column: f.column, endColumn: f.endColumn, rule: f.ruleId }));
}
const scanArgs = (f) => (useCli ? [cli, 'scan', '--format', 'json', f] : [runner, 'scan', f]);
const redactArgs = (f, o) => (useCli ? [cli, 'redact', f, '-o', o, '--force'] : [runner, 'redact', f, o]);

// ripgrep with TraceCraft's 17 patterns (Rust regex syntax accepts them as written)
const PATTERNS = [
  String.raw`[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?@[a-zA-Z0-9](?:[a-zA-Z0-9.-]{0,61}[a-zA-Z0-9])?\.[a-zA-Z]{2,}`,
  String.raw`(?:\+\d{1,3}[-.\s]?)?(?:\(\d{3}\)|\d{3})[-.\s]?\d{3}[-.\s]?\d{4}`,
  String.raw`\b\d{4}[-\s]?\d{4}[-\s]?\d{4}[-\s]?\d{4}\b`,
  String.raw`\b\d{3}-\d{2}-\d{4}\b`,
  String.raw`sk-[a-zA-Z0-9_-]{10,128}`,
  String.raw`sk-ant-[a-zA-Z0-9_-]{10,128}`,
  String.raw`\bAKIA[A-Z0-9]{16}\b`,
  String.raw`\b[A-Za-z0-9/+=]{40}\b`,
  String.raw`Bearer\s+[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?`,
  String.raw`gh[pousr]_[a-zA-Z0-9]{36,}`,
  String.raw`AIza[a-zA-Z0-9_-]{35}`,
  String.raw`AccountKey=[A-Za-z0-9+/=]{20,}`,
  String.raw`api_key=[A-Za-z0-9_-]{8,128}`,
  String.raw`-----BEGIN\s+(?:RSA\s+)?(?:PRIVATE|EC)\s+KEY-----`,
  String.raw`xox[bpar]-[0-9]{10,}-[0-9]{10,}-[a-zA-Z0-9]{20,}`,
  String.raw`[sp]k_(?:live|test)_[a-zA-Z0-9]{20,}`,
  String.raw`(?:password|passwd|pwd|secret|token)\s*[=:]\s*["']?[^\s"']{4,}["']?`,
];
// Debian's ripgrep package installs /usr/bin/rg.
const rgPath = ['/usr/bin/rg', '/usr/local/bin/rg'].find((p) => existsSync(p));

/** Scan, redact (then a scan of the output) and ripgrep on one file; commands alternate between files per run. */
function measure(f) {
  const scan = timed(scanArgs(f.file));
  const outFile = f.file.replace(/\.jsonl$/, '.redacted.jsonl');
  const red = timed(redactArgs(f.file, outFile));
  let left;
  let redLines;
  if (!f.checked) {
    left = scanFindings(timed(scanArgs(outFile)).stdout).length;
    redLines = spawnSync('wc', ['-l', outFile], { encoding: 'utf8' }).stdout.trim().split(' ')[0];
  }
  unlinkSync(outFile);
  let rg = null;
  if (rgPath) {
    const t = process.hrtime.bigint();
    const r = spawnSync('/usr/bin/time', ['-f', 'RSSKB %M CPU %U %S', rgPath, '--count-matches', '--no-config', ...PATTERNS.flatMap((p) => ['-e', p]), f.file], { encoding: 'utf8' });
    rg = { seconds: Number(process.hrtime.bigint() - t) / 1e9, rssKB: Number(/RSSKB (\d+)/.exec(r.stderr)?.[1] ?? 0), cpu: cpuOf(r.stderr), matches: Number(r.stdout.trim()) };
  }
  return { scan, red, rg, left, redLines };
}
/** The other build's scan and redact of one file (--compare). */
function measureOther(f) {
  const outFile = f.file.replace(/\.jsonl$/, '.other-redacted.jsonl');
  const scan = timed([otherCli, 'scan', '--format', 'json', f.file]);
  const red = timed([otherCli, 'redact', f.file, '-o', outFile, '--force']);
  unlinkSync(outFile);
  return { scan, red };
}
/** The fastest of each command's runs (wall time), with the highest peak RSS any of them reached. */
function best(a, b) {
  if (!b) return a;
  if (!a) return b;
  const r = a.seconds <= b.seconds ? a : b;
  return { ...r, rssKB: Math.max(a.rssKB, b.rssKB) };
}
const splitOf = useCli ? FILES.find((f) => f.name === 'tracecraft') : undefined;
const splitDir = splitOf && splitTrace(splitOf);
const dumpsFile = splitOf && pythonShaped(splitOf);
let splitScan;
let dumpsScan;
for (let i = 0; i < runs; i++) {
  if (splitDir) splitScan = best(splitScan, timed(scanArgs(splitDir)));
  if (dumpsFile) dumpsScan = best(dumpsScan, timed(scanArgs(dumpsFile)));
  for (const f of FILES) {
    // With --compare, the two builds take turns going first.
    const before = otherCli && i % 2 === 1 ? measureOther(f) : undefined;
    const m = measure(f);
    if (otherCli) (f.pairs ??= []).push({ ours: m, other: before ?? measureOther(f) });
    f.checked = true;
    f.scan = best(f.scan, m.scan);
    f.red = best(f.red, m.red);
    f.rg = best(f.rg, m.rg);
    if (m.left !== undefined) { f.left = m.left; f.redLines = m.redLines; }
    f.found ??= scanFindings(m.scan.stdout);
  }
}

for (const f of FILES) {
  const byLine = new Map();
  for (const x of f.found) {
    if (!byLine.has(x.line)) byLine.set(x.line, []);
    byLine.get(x.line).push(x);
  }
  f.hit = 0;
  f.missed = {};
  for (const p of f.manifest.planted) {
    // Found when a finding on its line overlaps the planted secret's raw columns.
    const ok = (byLine.get(p.line + 1) ?? []).some((x) => x.column - 1 < p.endColumn && x.endColumn - 1 > p.column);
    if (ok) f.hit++;
    else f.missed[p.category] = (f.missed[p.category] ?? 0) + 1;
  }
}

// MB/s of wall time, and MB per CPU-second (user + sys over all threads: what the work costs
// whatever else the machine is running).
const perCpu = (size, cpu) => (Number.isFinite(cpu) && cpu > 0 ? (size / 1048576 / cpu).toFixed(0) : '?');
const cell = (size, r) => `${(size / 1048576 / r.seconds).toFixed(0).padStart(4)} MB/s ${r.seconds.toFixed(2).padStart(6)} s ${perCpu(size, r.cpu).padStart(4)} MB/CPU-s ${(r.rssKB / 1024).toFixed(0).padStart(4)} MB RSS`;
const ratio = (f, r) => (f.rg ? `${(f.rg.seconds / r.seconds).toFixed(2)}x wall ${(f.rg.cpu / r.cpu).toFixed(2)}x CPU`.padEnd(47) : ''.padEnd(47));
const W = 47;
console.log('');
console.log(''.padEnd(22) + FILES.map((f) => `${f.name} (${(f.size / 1048576).toFixed(0)} MB)`.padEnd(W)).join('  '));
console.log('tracelint scan'.padEnd(22) + FILES.map((f) => cell(f.size, f.scan).padEnd(W)).join('  '));
console.log('  vs ripgrep'.padEnd(22) + FILES.map((f) => ratio(f, f.scan)).join('  '));
console.log('tracelint redact'.padEnd(22) + FILES.map((f) => cell(f.size, f.red).padEnd(W)).join('  '));
console.log('  vs ripgrep'.padEnd(22) + FILES.map((f) => ratio(f, f.red)).join('  '));
if (rgPath) console.log('ripgrep (17 patterns)'.padEnd(22) + FILES.map((f) => cell(f.size, f.rg).padEnd(W)).join('  '));
else console.log('ripgrep: not installed (apt-get install ripgrep), column skipped');
if (rgPath) console.log('  ripgrep matches'.padEnd(22) + FILES.map((f) => String(f.rg.matches).padEnd(W)).join('  '));
if (splitScan) {
  const findings = scanFindings(splitScan.stdout).length;
  console.log(`tracecraft as ${SPLIT_PARTS} files`.padEnd(22) + `${cell(splitOf.size, splitScan)}, ${(splitScan.seconds / splitOf.scan.seconds).toFixed(2)}x the one file's time, ${findings} findings (one file: ${splitOf.found.length})`);
}
if (dumpsScan) {
  const size = statSync(dumpsFile).size;
  console.log('tracecraft, json.dumps'.padEnd(22) + `${cell(size, dumpsScan)}, ${(size / 1048576 / dumpsScan.seconds / (splitOf.size / 1048576 / splitOf.scan.seconds)).toFixed(2)}x the one file's MB/s, ${scanFindings(dumpsScan.stdout).length} findings (one file: ${splitOf.found.length})`);
}
console.log('scan findings'.padEnd(22) + FILES.map((f) => `${f.found.length} (${f.manifest.planted.length} planted)`.padEnd(W)).join('  '));
console.log('planted found'.padEnd(22) + FILES.map((f) => `${f.hit}/${f.manifest.planted.length}`.padEnd(W)).join('  '));
console.log('redact: lines out/in'.padEnd(22) + FILES.map((f) => `${f.redLines}/${f.manifest.lines}, findings left ${f.left}`.padEnd(W)).join('  '));
for (const f of FILES) if (Object.keys(f.missed).length) console.log(`${f.name}: missed ${JSON.stringify(f.missed)}`);
if (otherCli) {
  // This build's throughput over the other's, per pair of runs (>1: faster), by wall and CPU time.
  const median = (xs) => xs[Math.floor((xs.length - 1) / 2)] / 2 + xs[Math.ceil((xs.length - 1) / 2)] / 2;
  const summary = (pairs, cmd, key) => {
    const r = pairs.map((p) => p.other[cmd][key] / p.ours[cmd][key]).sort((a, b) => a - b);
    return `${median(r).toFixed(2)}x (${r[0].toFixed(2)}-${r[r.length - 1].toFixed(2)})`;
  };
  console.log(`against the other build (${otherCli}), this build's throughput, median of ${runs} pair${runs > 1 ? 's' : ''} (range):`);
  for (const f of FILES) {
    for (const [cmd, name] of [['scan', 'scan'], ['red', 'redact']]) {
      console.log(`  ${f.name} ${name}`.padEnd(22) + `${summary(f.pairs, cmd, 'seconds')} wall, ${summary(f.pairs, cmd, 'cpu')} per CPU-second`);
    }
  }
}
console.log('');
console.log('targets: scan >= 0.5x ripgrep (tracecraft) and >= 0.35x (coding-agent), every planted secret found, peak RSS <= 150 MB for scan and redact on both');
console.log(`(wall figures on a shared machine count time spent waiting for a core; the CPU ratios are the steadier comparison${runs > 1 ? `; fastest of ${runs} runs, files alternating` : ''})`);
