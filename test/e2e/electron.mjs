// `npm run test:electron`: the same end-to-end suite as `npm run test:e2e` (test/e2e/suite/), in
// desktop VS Code through @vscode/test-electron, where VS Code can be downloaded. Where it cannot
// (no internet: only package registries are reachable here and in CI), one line says so and the
// run exits 0, skipped: the suite still runs in code-server (`npm run test:e2e`).
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildSuite } from './build-suite.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const run = join(root, 'test', 'e2e', '.run-electron');
// The version the extension is built against (engines.vscode); `TRACELINT_VSCODE_VERSION` overrides.
const version = process.env.TRACELINT_VSCODE_VERSION ?? JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).engines.vscode.replace(/^\^/, '');

let vscode;
try {
  vscode = await Promise.race([
    downloadAndUnzipVSCode({ version, timeout: 20_000, cachePath: join(root, '.vscode-test'), reporter: { report() {}, error() {} } }),
    new Promise((_, reject) => setTimeout(() => reject(new Error('no answer in 60 s')), 60_000).unref()),
  ]);
} catch (e) {
  console.log(`test:electron: skipped: desktop VS Code ${version} could not be downloaded here (${String(e?.message ?? e).split('\n')[0]}); the same suite runs in code-server: npm run test:e2e`);
  process.exit(0);
}

const r = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: root, stdio: 'inherit' });
if (r.status !== 0) process.exit(1);
rmSync(run, { recursive: true, force: true });
mkdirSync(run, { recursive: true });
await buildSuite(root, join(run, 'out'));
cpSync(join(root, 'examples'), join(run, 'workspace'), { recursive: true });
const resultFile = join(run, 'result.json');
// A desktop VS Code needs a display: Xvfb where there is none (xvfb-run, Debian's xvfb).
const display = process.env.DISPLAY || !existsSync('/usr/bin/xvfb-run') ? {} : { xvfb: true };
try {
  if (display.xvfb) {
    const x = spawnSync('xvfb-run', ['-a', process.execPath, fileURLToPath(import.meta.url)], { stdio: 'inherit', env: { ...process.env, DISPLAY: '' } });
    process.exit(x.status ?? 1);
  }
  await runTests({
    vscodeExecutablePath: vscode,
    extensionDevelopmentPath: root,
    extensionTestsPath: join(run, 'out', 'index.js'),
    launchArgs: [join(run, 'workspace'), '--disable-extensions', '--disable-workspace-trust', '--user-data-dir', join(run, 'user-data')],
    extensionTestsEnv: { TRACELINT_E2E_RESULT: resultFile },
  });
} catch (e) {
  console.error(`test:electron: ${e?.message ?? e}`);
}
const result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : { passed: 0, failed: 1, tests: [] };
for (const t of result.tests) if (t.state === 'failed') console.log(`  failed: ${t.title}\n${t.error}`);
console.log(`${result.passed} passed, ${result.failed} failed`);
process.exit(result.failed === 0 && result.passed > 0 ? 0 : 1);
