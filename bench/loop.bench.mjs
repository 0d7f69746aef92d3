// Closing the loop, timed on the built CLI: `tracelint scan` of a generated TraceCraft project
// (source files with traced functions, a JSONL trace with secrets in inputs, outputs and attributes)
// with and without `--against-config`, so the cost of linking and simulation shows beside the scan.
// Prints figures; never fails on a number.
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.js');
const FILES = 50;
const FUNCS = 10;
const LINES = Number(process.env.LOOP_BENCH_LINES ?? 5000);

const dir = mkdtempSync(join(tmpdir(), 'tracelint-loop-bench-'));
writeFileSync(join(dir, 'tracelint.json'), '{}\n');
mkdirSync(join(dir, 'agent'));
mkdirSync(join(dir, 'traces'));
for (let f = 0; f < FILES; f++) {
  const lines = ['import tracecraft', 'from tracecraft import RedactionConfig', '', `CONFIG_${f} = RedactionConfig(allowlist_patterns=[r"[a-z.]+@example\\.com"])`, ''];
  for (let i = 0; i < FUNCS; i++) {
    lines.push(`@tracecraft.trace_tool(name="tool_${f}_${i}")`, `def tool_${f}_${i}(query: str, api_key: str, contact: str) -> str:`, '    return query', '');
  }
  writeFileSync(join(dir, 'agent', `tools_${f}.py`), lines.join('\n'));
}
const key = (n) => `sk-proj-${String(n).padStart(8, '0')}AbCdEfGhIjKlMnOpQrStUvWx`;
const rows = [];
for (let n = 0; n < LINES; n++) {
  const name = `tool_${n % FILES}_${n % FUNCS}`;
  rows.push(JSON.stringify({
    id: `run-${n}`, name: 'agent', start_time: '2026-11-20T10:00:00Z', steps: [{
      id: `s${n}`, type: 'tool', name, inputs: { query: `question ${n}`, api_key: key(n), contact: `user${n}@acme-corp.io` },
      outputs: { result: `call +1 415-555-${String(n % 10000).padStart(4, '0')}` }, attributes: { 'http.url': `https://api.example.io/?api_key=${key(n).slice(8)}` }, children: [],
    }],
  }));
}
writeFileSync(join(dir, 'traces', 'run.jsonl'), `${rows.join('\n')}\n`);

function time(args) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'scan', 'traces', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 30 });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const findings = JSON.parse(r.stdout).summary.findings;
  return { ms, findings, code: r.status };
}

time([]); // warm the file cache
const plain = time([]);
const against = time(['--against-config']);
console.log(`project: ${FILES} source files, ${FILES * FUNCS} traced functions; trace: ${LINES} lines`);
console.log(`scan (links every finding):      ${plain.ms.toFixed(0)} ms, ${plain.findings} findings, exit ${plain.code}`);
console.log(`scan --against-config:           ${against.ms.toFixed(0)} ms, ${against.findings} survive, exit ${against.code}`);
rmSync(dir, { recursive: true, force: true });
