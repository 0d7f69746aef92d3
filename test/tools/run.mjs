// Runs the tests of tracelint where teams run it (test/tools/*.test.mjs): the npm package, the
// pre-commit hook, the CI action's script, Neovim as an LSP client. Installs their tools first
// (setup.sh), builds, then Node's test runner, one file at a time (each drives real programs).
// Usage: node test/tools/run.mjs [substring filter...]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..', '..');
const filters = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.test.mjs') && (filters.length === 0 || filters.some((s) => f.includes(s))))
  .sort()
  .map((f) => join(here, f));
if (files.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
for (const [cmd, args] of [['bash', [join(here, 'setup.sh')]], [process.execPath, ['esbuild.mjs']]]) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
const r = spawnSync(process.execPath, ['--test', '--test-concurrency=1', ...files], { cwd: root, stdio: 'inherit' });
process.exit(r.status ?? 1);
