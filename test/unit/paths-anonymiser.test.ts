// The path anonymiser: home directories on macOS, Linux and Windows (raw and JSON-escaped), with
// exact output and exact edit offsets; paths that are no person's home are left alone.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { anonymizePaths, findHomePaths } from '../../shared/redact/paths';

const cases: [string, string][] = [
  ['/Users/alice/src/client-project/', '/Users/[REDACTED]/src/client-project/'],
  ['cd /home/bob/work && ls', 'cd /home/[REDACTED]/work && ls'],
  ['C:\\Users\\carol\\AppData\\x.txt', 'C:\\Users\\[REDACTED]\\AppData\\x.txt'],
  ['{"cwd": "C:\\\\Users\\\\carol\\\\repo"}', '{"cwd": "C:\\\\Users\\\\[REDACTED]\\\\repo"}'],
  ['d:/Users/dave.smith/notes', 'd:/Users/[REDACTED]/notes'],
  ['"/home/erin"', '"/home/[REDACTED]"'],
  ['/home/erin', '/home/[REDACTED]'],
  ['File "/Users/frank/agent.py", line 3; /Users/grace/.cache', 'File "/Users/[REDACTED]/agent.py", line 3; /Users/[REDACTED]/.cache'],
  ['C:\\Documents and Settings\\heidi\\Desktop', 'C:\\Documents and Settings\\[REDACTED]\\Desktop'],
  // Left alone: not a person's home, already anonymised, or not a home path at all.
  ['/home/runner/work/repo', '/home/runner/work/repo'],
  ['C:\\Users\\Public\\Documents', 'C:\\Users\\Public\\Documents'],
  ['/Users/[REDACTED]/src', '/Users/[REDACTED]/src'],
  ['/var/home/x and /opt/homebrew', '/var/home/x and /opt/homebrew'],
  ['/usr/local/Users/x', '/usr/local/Users/x'],
  ['see /Users/ for details', 'see /Users/ for details'],
  ['https://example.com/home/ivan/page', 'https://example.com/home/ivan/page'],
];

for (const [input, output] of cases) {
  test(`paths: ${JSON.stringify(input)}`, () => {
    assert.equal(anonymizePaths(input), output);
  });
}

test('paths: edits give exact offsets of the user name', () => {
  const text = '{"a": "/home/bob/x", "b": "C:\\\\Users\\\\carol\\\\y"}';
  assert.deepEqual(findHomePaths(text), [
    { start: 13, end: 16, text: '[REDACTED]' },
    { start: 38, end: 43, text: '[REDACTED]' },
  ]);
  assert.equal(text.slice(13, 16), 'bob');
  assert.equal(text.slice(38, 43), 'carol');
});

test('paths: a configured placeholder', () => {
  assert.equal(anonymizePaths('/Users/alice/x', '__REDACTED__'), '/Users/__REDACTED__/x');
});

test('paths: large input stays linear (one pass, no catastrophic backtracking)', () => {
  const text = '/Users/' + 'a'.repeat(200_000);
  assert.equal(anonymizePaths(text), '/Users/[REDACTED]');
});

test('paths: in raw JSON the placeholder is written as JSON string content', () => {
  const line = '{"cwd": "/home/bob/work", "err": "C:\\\\Users\\\\carol\\\\x"}';
  const out = anonymizePaths(line, 'user "x"', true);
  assert.equal(out, '{"cwd": "/home/user \\"x\\"/work", "err": "C:\\\\Users\\\\user \\"x\\"\\\\x"}');
  assert.deepEqual(JSON.parse(out), { cwd: '/home/user "x"/work', err: 'C:\\Users\\user "x"\\x' });
});

test('paths: redacted copies anonymise home paths only when configured, on lines with and without findings', async () => {
  const { Engine } = await import('../../shared/engine');
  const { defaultEngineOptions } = await import('../../shared/options');
  const { redactTraceText } = await import('../../shared/traces');
  const text = '{"cwd": "/Users/alice/src", "api_key": "hunter22"}\n{"cwd": "C:\\\\Users\\\\carol\\\\repo"}\n';
  const off = redactTraceText(text, new Engine(defaultEngineOptions()), 'run.jsonl');
  assert.equal(off.text, '{"cwd": "/Users/alice/src", "api_key": "[REDACTED]"}\n{"cwd": "C:\\\\Users\\\\carol\\\\repo"}\n');
  const on = redactTraceText(text, new Engine({ ...defaultEngineOptions(), anonymizePaths: true }), 'run.jsonl');
  assert.equal(on.text, '{"cwd": "/Users/[REDACTED]/src", "api_key": "[REDACTED]"}\n{"cwd": "C:\\\\Users\\\\[REDACTED]\\\\repo"}\n');
});
