// Helpers of the end-to-end suite: waiting on VS Code events (never on fixed sleeps) and asking the
// launcher for a screenshot at a given moment.
import { existsSync, watch, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

/** Resolves with the tracelint diagnostics of `uri` once `test` accepts them (now or after a change event). */
export function waitForDiagnostics(
  uri: vscode.Uri,
  test: (d: vscode.Diagnostic[]) => boolean,
  what: string,
  timeoutMs = 60_000,
): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'tracelint');
  return new Promise((resolve, reject) => {
    if (test(current())) return resolve(current());
    const timer = setTimeout(() => {
      sub.dispose();
      reject(new Error(`timed out waiting for ${what}; diagnostics now: ${JSON.stringify(current().map((d) => [d.code, d.range.start.line, d.message]))}`));
    }, timeoutMs);
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const now = current();
      if (test(now)) {
        clearTimeout(timer);
        sub.dispose();
        resolve(now);
      }
    });
  });
}

export function codeOf(d: vscode.Diagnostic): string {
  return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}

/**
 * Asks the launcher (test/e2e/launch.mjs) to take a screenshot of what the browser shows now, and
 * waits until it has. Without a launcher (e.g. @vscode/test-electron) this does nothing.
 */
export function checkpoint(name: string, timeoutMs = 60_000): Promise<void> {
  const dir = process.env.TRACELINT_E2E_RUN_DIR;
  if (!dir) return Promise.resolve();
  const done = join(dir, `checkpoint-${name}.done`);
  return new Promise((resolve, reject) => {
    const watcher = watch(dir, () => {
      if (existsSync(done)) finish();
    });
    const timer = setTimeout(() => {
      watcher.close();
      reject(new Error(`the launcher did not answer checkpoint ${name}`));
    }, timeoutMs);
    const finish = () => {
      clearTimeout(timer);
      watcher.close();
      resolve();
    };
    writeFileSync(join(dir, `checkpoint-${name}.json`), JSON.stringify({ name }));
    if (existsSync(done)) finish();
  });
}
