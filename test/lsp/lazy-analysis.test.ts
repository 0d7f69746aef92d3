// The built language server loads the source analysis lazily (dist/analysis.js at the first source
// file, dist/analysis-ts.js with the TypeScript compiler at the first TS/JS file with text): each
// language's diagnostics must be exact whichever language comes first, in a fresh server each time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, uriOf } from './harness';

const PYTHON = `import tracecraft


@tracecraft.trace_tool(name="web_search")
def web_search(query: str, api_key: str) -> list:
    return []
`;
const TYPESCRIPT = `import { traceable } from "langsmith/traceable";\nexport const fetchInvoice = traceable(async (id: string, apiKey: string) => id, { name: "fetch_invoice" });\n`;
const JAVASCRIPT = `const { traceable } = require("langsmith/traceable");\nconst lookup = traceable(async (userId, password) => userId, { name: "lookup" });\n`;
const TRACE = `${JSON.stringify({ name: 'web_search', type: 'tool', inputs: { query: 'refund', api_key: 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq' } })}\n`;

const brief = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

type Doc = { name: string; languageId: string; text: string; expected: unknown[] };
const DOCS: Record<string, Doc> = {
  trace: { name: 'run.jsonl', languageId: 'jsonl', text: TRACE, expected: [['openai_api_key', 0, 73, 0, 135]] },
  python: { name: 'agent.py', languageId: 'python', text: PYTHON, expected: [['credential-param-captured', 4, 27, 4, 34]] },
  emptyTs: { name: 'empty.ts', languageId: 'typescript', text: '\n  \n', expected: [] },
  typescript: { name: 'tools.ts', languageId: 'typescript', text: TYPESCRIPT, expected: [['credential-param-captured', 1, 57, 1, 63]] },
  javascript: { name: 'lookup.js', languageId: 'javascript', text: JAVASCRIPT, expected: [['credential-param-captured', 1, 40, 1, 48]] },
};

// Each row: the order in which a fresh server opens the documents.
const ORDERS: Array<{ title: string; order: Array<keyof typeof DOCS> }> = [
  { title: 'a trace, then Python, an empty TS file, TypeScript, JavaScript', order: ['trace', 'python', 'emptyTs', 'typescript', 'javascript'] },
  { title: 'TypeScript first, then Python', order: ['typescript', 'python'] },
  { title: 'JavaScript first, then Python, then TypeScript', order: ['javascript', 'python', 'typescript'] },
];

describe('the language server loads each language\'s analysis at its first file', () => {
  for (const { title, order } of ORDERS) {
    it(title, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'tracelint-lazy-'));
      chmodSync(dir, 0o700);
      writeFileSync(join(dir, 'tracelint.json'), '{}\n');
      const client = TestClient.stdio({ pull: true });
      try {
        await client.initialize();
        for (const key of order) {
          const doc = DOCS[key];
          const path = join(dir, doc.name);
          writeFileSync(path, doc.text, { mode: 0o600 });
          const uri = uriOf(path);
          client.open(uri, doc.languageId, doc.text);
          assert.deepEqual(brief(await client.diagnostics(uri)), doc.expected, `${doc.name} after ${order.slice(0, order.indexOf(key)).join(', ') || 'nothing'}`);
        }
      } finally {
        await client.shutdown();
        rmSync(dir, { recursive: true, force: true });
      }
      assert.equal(client.stderr, '', 'nothing on stderr');
    });
  }

  it('a source file closed (its trees dropped) and opened again, edited, gets exact diagnostics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracelint-lazy-'));
    writeFileSync(join(dir, 'tracelint.json'), '{}\n');
    const client = TestClient.stdio({ pull: true });
    try {
      await client.initialize();
      for (const doc of [DOCS.python, DOCS.typescript]) {
        const uri = uriOf(join(dir, doc.name));
        client.open(uri, doc.languageId, doc.text);
        assert.deepEqual(brief(await client.diagnostics(uri)), doc.expected);
        client.close(uri);
        // Two lines more at the top: the findings move down by two, as on a fresh parse.
        client.open(uri, doc.languageId, `\n\n${doc.text}`);
        assert.deepEqual(brief(await client.diagnostics(uri)), doc.expected.map((e) => {
          const [code, line, col, endLine, endCol] = e as [string, number, number, number, number];
          return [code, line + 2, col, endLine + 2, endCol];
        }));
      }
    } finally {
      await client.shutdown();
      rmSync(dir, { recursive: true, force: true });
    }
    assert.equal(client.stderr, '', 'nothing on stderr');
  });
});
