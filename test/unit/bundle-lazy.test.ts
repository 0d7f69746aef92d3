// The bundles load the source analysis in parts (esbuild.mjs): dist/cli.js and dist/server.js hold
// neither the analysis nor the TypeScript compiler; dist/analysis.js loads dist/analysis-ts.js at
// the first TS/JS file with text, not for Python or an empty file. Run against the built dist/.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeSource, initAnalysis } from '../../server/analysis';
import { analyzeTypeScript } from '../../server/analysis/typescript/frontend';
import { lintSource } from '../../server/rules/run';

const DIST = join(__dirname, '../../dist');

// Identifiers only the TypeScript compiler and web-tree-sitter define.
const TS_COMPILER = 'createSourceFile';
const TREE_SITTER = 'ts_parser_new';

test('dist/cli.js and dist/server.js carry neither the TypeScript compiler nor the Python parser', () => {
  for (const bundle of ['cli.js', 'server.js', 'source-worker.js']) {
    const text = readFileSync(join(DIST, bundle), 'utf8');
    assert.ok(!text.includes(TS_COMPILER), `${bundle} holds the TypeScript compiler`);
    assert.ok(!text.includes(TREE_SITTER), `${bundle} holds web-tree-sitter`);
    assert.ok(text.includes('require("./analysis.js")'), `${bundle} requires dist/analysis.js`);
  }
  assert.ok(!readFileSync(join(DIST, 'analysis.js'), 'utf8').includes(TS_COMPILER), 'analysis.js holds the TypeScript compiler');
  assert.ok(readFileSync(join(DIST, 'analysis-ts.js'), 'utf8').includes(TS_COMPILER));
});

const PYTHON = 'import tracecraft\n\n@tracecraft.trace_tool(name="web_search")\ndef web_search(query: str, api_key: str) -> list:\n    return []\n';
const TYPESCRIPT = 'import { traceable } from "langsmith/traceable";\nexport const fetchInvoice = traceable(async (id: string, apiKey: string) => id, { name: "fetch_invoice" });\n';

/** In a fresh process: each file linted with dist/analysis.js, and whether analysis-ts.js was loaded after it. */
function lintInDist(files: Array<[string, string]>): Array<{ file: string; tsLoaded: boolean; findings: unknown[] }> {
  const script = `
    const chunk = require(${JSON.stringify(join(DIST, 'analysis.js'))});
    const tsPath = require.resolve(${JSON.stringify(join(DIST, 'analysis-ts.js'))});
    (async () => {
      await chunk.analysis.initAnalysis();
      const out = [];
      for (const [file, text] of JSON.parse(process.argv[1])) {
        const findings = chunk.run.lintSource(file, text, {}).map((f) => [f.ruleId, f.span.start, f.span.end, f.message]);
        out.push({ file, tsLoaded: tsPath in require.cache, findings });
      }
      process.stdout.write(JSON.stringify(out));
    })();`;
  return JSON.parse(execFileSync(process.execPath, ['-e', script, JSON.stringify(files)], { encoding: 'utf8' }));
}

const brief = (file: string, text: string) => lintSource(file, text, {}).map((f) => [f.ruleId, f.span.start, f.span.end, f.message]);

test('dist/analysis.js loads the TypeScript front-end at the first TS file, and lints as the sources do', async () => {
  await initAnalysis();
  const files: Array<[string, string]> = [
    ['/w/agent.py', PYTHON],
    ['/w/empty.ts', '\n'],
    ['/w/tools.ts', TYPESCRIPT],
    ['/w/again.py', PYTHON],
  ];
  const got = lintInDist(files);
  assert.deepEqual(got.map((g) => [g.file, g.tsLoaded]), [
    ['/w/agent.py', false],
    ['/w/empty.ts', false],
    ['/w/tools.ts', true],
    ['/w/again.py', true],
  ]);
  for (let i = 0; i < files.length; i++) assert.deepEqual(got[i].findings, brief(...files[i]), files[i][0]);
  assert.deepEqual(got.map((g) => g.findings.length), [1, 0, 1, 1]);
});

test('a TS/JS file of whitespace only: the model made without the front-end is the one the front-end makes', () => {
  for (const [file, language] of [['/w/a.ts', 'typescript'], ['/w/b.js', 'javascript'], ['/w/c.tsx', 'typescript']] as const) {
    for (const text of ['', '\n', '  \n\t\r\n ']) {
      const expected = analyzeTypeScript(file, text, language, []);
      assert.equal(JSON.stringify(analyzeSource(file, text, {})), JSON.stringify(expected), `${file} ${JSON.stringify(text)}`);
    }
  }
});
