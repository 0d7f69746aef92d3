// Runs every unit and LSP-level test file with Node's own test runner (TypeScript through tsx).
// Usage: node test/run-unit.mjs [substring filter...]
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function walk(dir) {
  let out = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out = out.concat(walk(p));
    else if (name.endsWith('.test.ts')) out.push(p);
  }
  return out;
}

const filters = process.argv.slice(2);
const files = ['test/unit', 'test/lsp']
  .flatMap((d) => { try { return walk(d); } catch { return []; } })
  .filter((f) => filters.length === 0 || filters.some((s) => f.includes(s)))
  .sort();
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
// No test reads or writes the user's ReDoS verdict cache: a stale verdict would hide a regression.
// Tests of the cache itself name their own folder (--cache-dir, configureVerdictCache).
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=2', ...files], { stdio: 'inherit', env: { ...process.env, TRACELINT_VERDICT_CACHE: 'off' } });
process.exit(r.status ?? 1);
