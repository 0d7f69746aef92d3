import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../shared/positions';
import { maskSecret, scrub } from '../../shared/mask';

test('LineIndex maps offsets to 0-based line/column across \\n and \\r\\n', () => {
  const idx = new LineIndex('ab\ncd\r\nef');
  assert.deepEqual(idx.position(0), { line: 0, column: 0 });
  assert.deepEqual(idx.position(4), { line: 1, column: 1 });
  assert.deepEqual(idx.position(7), { line: 2, column: 0 });
  assert.deepEqual(idx.rangeOf(3, 8), { line: 1, column: 0, endLine: 2, endColumn: 1 });
  assert.equal(idx.offset(2, 1), 8);
});

test('maskSecret shows at most 4 characters and the length', () => {
  assert.equal(maskSecret('sk-proj-abcdefghijklmnop'), 'sk-p…(24 chars)');
  assert.equal(maskSecret('hunter2'), '…(7 chars)');
});

test('scrub masks every whole occurrence of the secret and leaves other text alone', () => {
  const secret = 'sk-proj-abcdefghijklmnop';
  assert.equal(scrub(`key ${secret} and ${secret}`, secret), 'key sk-p…(24 chars) and sk-p…(24 chars)');
  assert.equal(scrub('nothing here', secret), 'nothing here');
  assert.equal(scrub('abc', 'ab'), 'abc');
});
