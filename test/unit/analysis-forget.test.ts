// forgetSource: what the front-ends keep of a file for its next version (tree-sitter trees, TS
// trees, outlines, definitions) is dropped when the editor closes it; the next analysis of the file
// is then a fresh one, with the same result.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as ts from 'typescript';
import { forgetSource, initAnalysis } from '../../server/analysis';
import { parsePython } from '../../server/analysis/python/parser';
import { SourceFileCache } from '../../server/analysis/typescript/incremental';
import { lintSource } from '../../server/rules/run';

const PYTHON = 'import tracecraft\n\n@tracecraft.trace_tool(name="web_search")\ndef web_search(query: str, api_key: str) -> list:\n    return []\n';
const TYPESCRIPT = 'import { traceable } from "langsmith/traceable";\nexport const fetchInvoice = traceable(async (id: string, apiKey: string) => id, { name: "fetch_invoice" });\n';

const brief = (file: string, text: string) => lintSource(file, text, {}).map((f) => [f.ruleId, f.span.start, f.span.end, f.message]);

test('Python: after forgetSource the file is parsed afresh (no reparse from the last tree), with the same findings', async () => {
  await initAnalysis();
  const file = '/forget/agent.py';
  assert.equal(parsePython(file, PYTHON)?.reparse, undefined, 'first parse');
  assert.notEqual(parsePython(file, PYTHON)?.reparse, undefined, 'the same text again comes from the kept tree');
  forgetSource(file);
  assert.equal(parsePython(file, PYTHON)?.reparse, undefined, 'after forgetSource');
  const before = brief(file, PYTHON);
  forgetSource(file);
  assert.deepEqual(brief(file, PYTHON), before);
  assert.equal(before.length, 1);
});

test('TypeScript: SourceFileCache.forget drops the kept tree; lintSource after forgetSource is the same', () => {
  const cache = new SourceFileCache(false);
  const first = cache.parse('/forget/a.ts', TYPESCRIPT, ts.ScriptKind.TS);
  assert.equal(cache.parse('/forget/a.ts', TYPESCRIPT, ts.ScriptKind.TS), first, 'kept');
  cache.forget('/forget/a.ts');
  assert.notEqual(cache.parse('/forget/a.ts', TYPESCRIPT, ts.ScriptKind.TS), first, 'parsed afresh');
  const file = '/forget/tools.ts';
  const before = brief(file, TYPESCRIPT);
  forgetSource(file);
  assert.deepEqual(brief(file, TYPESCRIPT), before);
  assert.deepEqual(before.map((f) => f[0]), ['credential-param-captured']);
});
