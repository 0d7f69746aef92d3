// The one build script: bundles the CLI, the language server and the VS Code client into dist/,
// and copies the runtime assets they load from disk (the tree-sitter and sql.js wasm files).
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // recheck finds its native binary (recheck-linux-x64) by require.resolve at run time, so it stays external.
  external: ['recheck', 'recheck-linux-x64'],
  // jsonc-parser's UMD build requires its parts dynamically, which a bundle cannot follow; its ESM build bundles.
  alias: { 'jsonc-parser': './node_modules/jsonc-parser/lib/esm/main.js' },
  // ESM dependencies bundled into CommonJS (web-tree-sitter) locate files from import.meta.url, which
  // CommonJS lacks: give them the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('url').pathToFileURL(__filename).href;" },
};

// dist/cli.js and dist/server.js leave the source analysis to dist/analysis.js
// (server/analysis-chunk.ts), required only when a source file (or SARIF's rule list) needs it: a
// scan of traces, or an editor with only traces open, never loads or compiles it. They import
// these modules only dynamically (server/lint-file.ts, server/loop/workspace.ts,
// server/cli/scan.ts, server/lsp/router-backend.ts); a static import of one would load it at
// start, so the build refuses it.
const APART = { 'analysis/index': 'analysis', 'rules/run': 'run', 'rules/index': 'rules', 'rules/slow': 'slowRules' };
const analysisApart = {
  name: 'analysis-apart',
  setup(build) {
    build.onResolve({ filter: /(analysis|rules|run|slow|index)$/ }, async (args) => {
      if (args.pluginData?.apart || args.namespace === 'analysis-apart') return undefined;
      const r = await build.resolve(args.path, { kind: args.kind, resolveDir: args.resolveDir, importer: args.importer, pluginData: { apart: true } });
      const m = /[\\/]server[\\/]((?:analysis|rules)[\\/](?:index|run|slow))\.ts$/.exec(r.path ?? '');
      const ns = m && APART[m[1].replace(/\\/g, '/')];
      if (r.errors.length || !ns) return undefined;
      if (args.kind !== 'dynamic-import') throw new Error(`${args.importer} imports ${args.path} statically: the CLI loads the analysis lazily (esbuild.mjs)`);
      return { path: ns, namespace: 'analysis-apart' };
    });
    // A CommonJS shim, so the bundle loads the file with require() (plain module.exports, named exports and all).
    build.onLoad({ filter: /.*/, namespace: 'analysis-apart' }, (args) => ({ contents: `module.exports = require('./analysis.js').${args.path};`, loader: 'js' }));
    build.onResolve({ filter: /^\.\/analysis\.js$/ }, (args) => (args.namespace === 'analysis-apart' ? { path: args.path, external: true } : undefined));
  },
};

// Inside dist/analysis.js, the TypeScript front-end (the TypeScript compiler and typescript-estree:
// ~9 of its ~12 MB, ~70 MB of memory once loaded) is dist/analysis-ts.js, required by
// server/analysis/index.ts at the first TS/JS file: Python alone never loads it.
const typescriptApart = {
  name: 'typescript-apart',
  setup(build) {
    build.onResolve({ filter: /^\.\/typescript\/frontend$/ }, (args) => {
      if (args.kind !== 'require-call' || !/[\\/]server[\\/]analysis[\\/]index\.ts$/.test(args.importer)) return undefined;
      return { path: './analysis-ts.js', external: true };
    });
  },
};

const entries = [
  { entryPoints: ['server/cli/main.ts'], outfile: 'dist/cli.js', plugins: [analysisApart], banner: { js: "#!/usr/bin/env node\nconst __bundleUrl = require('url').pathToFileURL(__filename).href;" } },
  { entryPoints: ['server/analysis-chunk.ts'], outfile: 'dist/analysis.js', plugins: [typescriptApart] },
  { entryPoints: ['server/analysis/typescript/frontend.ts'], outfile: 'dist/analysis-ts.js' },
  // Worker threads of `tracelint scan` for agent source files (server/cli/source-pool.ts); they share dist/analysis.js.
  { entryPoints: ['server/cli/source-worker.ts'], outfile: 'dist/source-worker.js', plugins: [analysisApart] },
  { entryPoints: ['server/lsp/main.ts'], outfile: 'dist/server.js', plugins: [analysisApart] },
  // Worker threads of the trace reader, started by dist/cli.js and dist/server.js from beside them.
  { entryPoints: ['shared/traces/worker.ts'], outfile: 'dist/trace-worker.js' },
  { entryPoints: ['client/extension.ts'], outfile: 'dist/extension.js', external: ['vscode', 'recheck', 'recheck-linux-x64'] },
  // The redacted preview's webview script runs in the browser sandbox of the webview.
  { entryPoints: ['client/preview/webview/main.ts'], outfile: 'dist/preview.js', platform: 'browser', format: 'iife', target: 'chrome120', banner: {}, define: {} },
];

mkdirSync('dist', { recursive: true });
copyFileSync(require.resolve('web-tree-sitter/web-tree-sitter.wasm'), 'dist/web-tree-sitter.wasm');
copyFileSync(require.resolve('tree-sitter-python/tree-sitter-python.wasm'), 'dist/tree-sitter-python.wasm');
// sql.js (SQLite trace stores, shared/traces/sqlite.ts) loads its wasm from beside the bundle.
copyFileSync(require.resolve('sql.js/dist/sql-wasm.wasm'), 'dist/sql-wasm.wasm');
copyFileSync('client/preview/webview/preview.css', 'dist/preview.css');

if (watch) {
  for (const e of entries) await (await esbuild.context({ ...common, ...e })).watch();
} else {
  await Promise.all(entries.map((e) => esbuild.build({ ...common, ...e })));
}
