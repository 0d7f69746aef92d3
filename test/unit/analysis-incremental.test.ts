// Both front-ends reuse work from the last version of a file: re-parsing incrementally (tree-sitter;
// TypeScript through typescript/incremental.ts) and, in Python, the decorated definitions that only
// moved. What they build from an edited file must not depend on that: after every edit of a random
// series (characters that open and close constructs, whole tracer calls, imports, deletions), the
// model of the file analysed incrementally equals the model of the same text analysed from scratch.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { analyzeSource, initAnalysis } from '../../server/analysis';
import * as ts from 'typescript';
import { changeRange, worthUpdating } from '../../server/analysis/typescript/incremental';

const read = (...path: string[]) => readFileSync(join(__dirname, ...path), 'utf8');
const TS_SOURCES = [
  read('fixtures', 'source', 'agent_tools.ts'), read('..', '..', 'examples', 'agent', 'tools.ts'), read('..', '..', 'examples', 'sdks', 'traceloop', 'tools.ts'),
];
const PY_SOURCES = [
  read('fixtures', 'source', 'pipeline_agent.py'),
  read('..', '..', 'examples', 'agent', 'research_agent.py'),
  read('..', '..', 'examples', 'agent', 'support_agent.py'),
  read('..', '..', 'examples', 'sdks', 'openinference', 'retrieval.py'),
  read('..', '..', 'examples', 'sdks', 'logfire', 'billing.py'),
];

before(() => initAnalysis());

const edit = (inserts: string[]) => fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.integer({ min: 0, max: 12 }),
  insert: fc.constantFrom('', '(', ')', '"', "'", ',', '\n', ' ', 'x', ...inserts),
});
const TS_EDIT = edit(['{', '}', '`', '${', ';', '/*', '*/', '//',
  'traceable(async (apiKey: string) => { return 1; }, { name: "t" });\n', 'function f(token) {\n', 'new RedactionConfig({ enabled: false })',
  'import { op } from "weave";\n', '@op\n', '@op({ name: "m", excludeInputs: [...HIDE] })\n', 'class A {\n  @op\n  async m(apiKey: string) {}\n}\n',
  'interface Creds { password: string }\n', '(creds: Creds)', 'op(f)', 'const HIDE = ["apiKey"];\n']);
const PY_EDIT = edit([':', '    ', '\n    ', '#', '"""', '[', ']', 'class A:\n', 'import tracecraft as tc\n', 'SENSITIVE = ["x"]\n',
  '@tc.trace_tool(exclude_inputs=["api_key"])\n', '@tc.trace_tool(exclude_inputs=SENSITIVE)\n', 'def f(self, token, **kw):\n    pass\n',
  'record_tool_call(name="t", args={"password": p})\n', '\n    y = 1\n', '\n\n    def g(self, password):\n        pass\n',
  'tracer = provider.get_tracer(__name__)\n', '@tracer.chain\n', '@logfire.instrument(extract_args=["q", "token"])\n', 'x: Annotated[str, InjectedToolArg]',
  // Tracers applied by call, which an edit turns into decorators and back, and values built from constants.
  'import weave\n', 'f = tc.trace_tool(name="f")(f)\n', 'weave.op(f)\n', '@weave.op\n', 'self.g = weave.op(self.g)\n',
  'exclude_inputs=[*SENSITIVE, "otp"]', 'SENSITIVE + ["otp"]', 'args = {"api_key": k}\n']);

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

function editedAgainAndAgain(ext: string, sources: string[], edits: fc.Arbitrary<{ at: number; remove: number; insert: string }>): void {
  let n = 0;
  fc.assert(
    fc.property(fc.constantFrom(...sources), fc.array(edits, { minLength: 1, maxLength: 12 }), (source, series) => {
      const file = `edited-${n++}.${ext}`;
      let text = source;
      analyzeSource(file, text);
      for (const e of series) {
        const at = Math.floor(e.at * text.length);
        text = text.slice(0, at) + e.insert + text.slice(at + e.remove);
        // A name never seen before is analysed from scratch.
        assert.deepEqual(model(file, text), model(`fresh-${n++}.${ext}`, text));
      }
    }),
    // A failure prints its seed: FC_SEED=<seed> runs that case again.
    { numRuns: 60, ...(process.env.FC_SEED ? { seed: Number(process.env.FC_SEED) } : {}) },
  );
}

test('TS: a model built incrementally equals the model built from scratch, edit after edit', () => {
  editedAgainAndAgain('ts', TS_SOURCES, TS_EDIT);
});

test('Python: a model built incrementally equals the model built from scratch, edit after edit', () => {
  editedAgainAndAgain('py', PY_SOURCES, PY_EDIT);
});

test('a tracer applied by call turned into a decorator and back: the incremental model follows', () => {
  const py = [
    'import tracecraft as tc\nHIDE = ["otp"]\n\ndef login(user, password):\n    pass\nlogin = tc.trace_tool(exclude_inputs=HIDE + ["x"])(login)\n',
    'import tracecraft as tc\nHIDE = ["otp"]\n\n@tc.trace_tool(exclude_inputs=HIDE + ["x"])\ndef login(user, password):\n    pass\n',
    'import tracecraft as tc\nHIDE = ["otp"]\n\n@tc.trace_tool(exclude_inputs=HIDE + ["x"])\ndef login(user, password):\n    pass\nlogin = tc.trace_tool()(login)\n',
    'import tracecraft as tc\nHIDE = ["otp"]\n\ndef login(user, password):\n    pass\nlogin = tc.trace_tool(exclude_inputs=HIDE + ["x"])(login)\n',
  ];
  const ts = [
    'import { op } from "weave";\nclass A {\n  async m(apiKey: string) {}\n}\nexport const f = op(async (apiKey: string) => 1);\n',
    'import { op } from "weave";\nclass A {\n  @op\n  async m(apiKey: string) {}\n}\nexport const f = async (apiKey: string) => 1;\n',
    'import { op } from "weave";\nclass A {\n  async m(apiKey: string) {}\n}\nexport const f = op(async (apiKey: string) => 1);\n',
  ];
  const forms: string[][] = [];
  for (const [file, texts] of [['turned.py', py], ['turned.ts', ts]] as const) {
    texts.forEach((text, i) => {
      const m = analyzeSource(file, text)!;
      forms.push(m.traced.map((t) => `${t.form} ${t.name} ${t.exclusion?.items.map((x) => x.value).join(',') ?? '-'}`));
      assert.deepEqual(model(file, text), model(`turned-fresh-${i}.${file.slice(-2)}`, text));
    });
  }
  assert.deepEqual(forms, [
    ['wrapper login otp,x'], ['decorator login otp,x'], ['decorator login otp,x', 'wrapper login -'], ['wrapper login otp,x'],
    ['wrapper f -'], ['decorator m -'], ['wrapper f -'],
  ]);
});

test('Python: an edit whose syntax change reaches beyond it is read again over all of the changed range', () => {
  const start = 'x = 1\ny = "a"\nz = "b"\n# c\nw = 2\n';
  const cases: Array<[string, string[], string[]]> = [
    // The opened triple quote swallows the two literals and ends at the comment.
    ['x = 1\n"""\ny = "a"\nz = "b"\n# c\nw = 2\n', [], [' c']],
    ['x = 1\n"""\ny = "a"\nz = "b"\n"""# c\nw = 2\n', ['\ny = "a"\nz = "b"\n'], [' c']],
    ['x = 1\ny = #"a"\nz = "b"\n# c\nw = 2\n', ['b'], ['"a"', ' c']],
  ];
  cases.forEach(([edited, strings, comments], i) => {
    const file = `reach-${i}.py`;
    analyzeSource(file, start);
    const m = analyzeSource(file, edited)!;
    assert.deepEqual([m.strings.map((s) => s.value), m.comments.map((c) => c.text)], [strings, comments]);
    assert.deepEqual(model(file, edited), model(`reach-fresh-${i}.py`, edited));
  });
});

test('Python: a definition reused after a move keeps what it read through a module constant where the constant is', () => {
  const start = 'import tracecraft\nSECRET_KEYS = ["api_key"]\n\ndef helper():\n    return 1\n\n@tracecraft.trace_tool(exclude_inputs=SECRET_KEYS)\ndef lookup(query, api_key):\n    return query\n';
  const edited = start.replace('return 1', 'return 12345');
  analyzeSource('moved.py', start);
  const m = analyzeSource('moved.py', edited)!;
  const exclusion = m.traced[0].exclusion!;
  assert.deepEqual([exclusion.constantName, edited.slice(exclusion.listSpan!.start, exclusion.listSpan!.end), exclusion.items.map((i) => edited.slice(i.span.start, i.span.end))], ['SECRET_KEYS', '["api_key"]', ['"api_key"']]);
  assert.equal(edited.slice(m.traced[0].nameSpan.start, m.traced[0].nameSpan.end), 'lookup');
  assert.deepEqual(model('moved.py', edited), model('moved-fresh.py', edited));
  // The constant itself edited (same length, nothing moves): the definition is read again.
  const renamed = edited.replace('"api_key"', '"api_kez"');
  assert.deepEqual(analyzeSource('moved.py', renamed)!.traced[0].exclusion!.items.map((i) => i.value), ['api_kez']);
  assert.deepEqual(model('moved.py', renamed), model('moved-fresh.py', renamed));
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

test('TS: an edit inside a statement that is much of the file is parsed afresh, elsewhere incrementally', () => {
  const small = Array.from({ length: 40 }, (_, i) => `export const f${i} = (a: string) => a + "${i}";`).join('\n');
  const big = `export const handlers = {\n${Array.from({ length: 40 }, (_, i) => `  h${i}: (a: string) => a + "${i}",`).join('\n')}\n};`;
  const worth = (text: string, at: number) => worthUpdating(ts.createSourceFile('a.ts', text, ts.ScriptTarget.Latest), changeRange(text, text.slice(0, at) + 'x' + text.slice(at)));
  assert.equal(worth(small, small.indexOf('"20"')), true);
  assert.equal(worth(big, big.indexOf('"20"')), false);
  // Between statements: nothing is re-parsed but the new text.
  assert.equal(worth(small, small.indexOf('\nexport const f20')), true);
});
