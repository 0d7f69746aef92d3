// Entry point of the end-to-end suite inside VS Code's extension host. Runner-agnostic:
// @vscode/test-electron (a desktop with internet) or test/e2e/launch.mjs (code-server + headless
// Chromium, here and in CI) loads this module and calls `run()`. The result is also written to a
// file, because code-server's extension host reports exit code 0 even when tests fail.
import { renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

export interface SuiteResult {
  passed: number;
  failed: number;
  tests: Array<{ title: string; state: 'passed' | 'failed'; error?: string; ms: number }>;
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', timeout: 90_000, color: false });
  mocha.addFile(join(__dirname, 'extension.test.js'));
  const result: SuiteResult = { passed: 0, failed: 0, tests: [] };
  const resultFile = process.env.TRACELINT_E2E_RESULT ?? join(__dirname, '..', 'result.json');
  return new Promise((resolve, reject) => {
    const runner = mocha.run((failures) => {
      // Written whole, then renamed: the launcher never reads half a result.
      writeFileSync(`${resultFile}.tmp`, JSON.stringify(result, null, 2));
      renameSync(`${resultFile}.tmp`, resultFile);
      if (failures > 0) reject(new Error(`${failures} end-to-end tests failed`));
      else resolve();
    });
    runner.on('pass', (t) => {
      result.passed++;
      result.tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration ?? 0 });
    });
    runner.on('fail', (t, err: Error) => {
      result.failed++;
      result.tests.push({ title: t.fullTitle(), state: 'failed', error: String(err?.stack ?? err), ms: t.duration ?? 0 });
    });
  });
}
