import { test } from 'node:test';
import assert from 'node:assert/strict';
import { LineIndex } from '../../shared/positions';
import { maskSecret } from '../../shared/mask';

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
