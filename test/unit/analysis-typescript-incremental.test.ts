// The TS/JS front-end re-parses a file it saw last time incrementally (typescript/incremental.ts).
// What it builds from an edited file must not depend on that: after every edit of a random series
// (characters that open and close constructs, whole tracer calls, deletions), the model of the
// file parsed incrementally equals the model of the same text parsed from scratch.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeSource, initAnalysis } from '../../server/analysis';
import { changeRange } from '../../server/analysis/typescript/incremental';

const SOURCES = [
  readFileSync(join(__dirname, 'fixtures', 'source', 'agent_tools.ts'), 'utf8'),
  readFileSync(join(__dirname, '..', '..', 'examples', 'agent', 'tools.ts'), 'utf8'),
];

before(() => initAnalysis());

const edit = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 12 }),
  insert: fc.constantFrom('', '{', '}', '(', ')', '"', "'", '`', '${', ';', ',', '\n', ' ', '/*', '*/', '//', 'x',
    'traceable(async (apiKey: string) => { return 1; }, { name: "t" });\n', 'function f(token) {\n', 'new RedactionConfig({ enabled: false })'),
});

/** The model as data: a string value's offset map becomes the offsets it gives. */
function plain(value: unknown, key = ''): unknown {
  if (typeof value === 'function') {
    assert.equal(key, 'offsetOf', `unexpected function in the model at ${key}`);
    return value;
  }
  if (Array.isArray(value)) return value.map((v) => plain(v));
  if (!value || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) out[k] = plain(v, k);
  const str = value as { value?: unknown; offsetOf?: (i: number) => number };
  if (typeof str.offsetOf === 'function' && typeof str.value === 'string') {
    out.offsetOf = Array.from({ length: str.value.length + 1 }, (_, i) => str.offsetOf!(i));
  }
  return out;
}

function model(file: string, text: string): unknown {
  return plain({ ...analyzeSource(file, text)!, fileName: '', lines: undefined });
}

test('a model built incrementally equals the model built from scratch, edit after edit', () => {
  let n = 0;
  fc.assert(
    fc.property(fc.constantFrom(...SOURCES), fc.array(edit, { minLength: 1, maxLength: 12 }), (source, edits) => {
      const file = `edited-${n++}.ts`;
      let text = source;
      analyzeSource(file, text);
      for (const e of edits) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        // A name never seen before is parsed from scratch.
        assert.deepEqual(model(file, text), model(`fresh-${n++}.ts`, text));
      }
    }),
    { numRuns: 60 },
  );
});

test('changeRange spans exactly the differing middle of two texts', () => {
  const span = (a: string, b: string) => {
    const r = changeRange(a, b);
    return [r.span.start, r.span.length, r.newLength];
  };
  assert.deepEqual(span('abcdef', 'abXdef'), [2, 1, 1]);
  assert.deepEqual(span('abcdef', 'abcdef'), [6, 0, 0]);
  assert.deepEqual(span('abc', 'abcabc'), [3, 0, 3]);
  assert.deepEqual(span('aaaa', 'aa'), [2, 2, 0]);
  assert.deepEqual(span('', 'x'), [0, 0, 1]);
});
