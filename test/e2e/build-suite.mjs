// Shared by the two runners of the end-to-end suite (launch.mjs: code-server in Chromium;
// electron.mjs: desktop VS Code through @vscode/test-electron): bundles the suite into `out`.
import * as esbuild from 'esbuild';

export async function buildSuite(root, out) {
  await esbuild.build({
    entryPoints: ['test/e2e/suite/index.ts', 'test/e2e/suite/extension.test.ts'],
    outdir: out,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['vscode', 'mocha'],
    absWorkingDir: root,
    logLevel: 'warning',
  });
}
