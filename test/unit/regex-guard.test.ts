// The guard around custom patterns: RE2 (linear time) when the translation allows it, JavaScript
// under a hard time limit otherwise, with the Python-only edge cases (`$` before a final newline,
// Unicode \b) sent to the exact JavaScript form. No timing is asserted: a catastrophic pattern is
// recognised by being switched off, not by how long it took.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compileCustomPattern } from '../../shared/regex/guard';

function compiled(pattern: string, timeLimitMs?: number) {
  const r = compileCustomPattern(pattern, { timeLimitMs });
  assert.ok(r.ok, pattern);
  return r.pattern;
}

test('engines: RE2 where it keeps Python semantics, guarded JavaScript elsewhere', () => {
  const table: Array<[string, 'linear' | 'backtracking']> = [
    ['TCK-\\d{6}', 'linear'],
    ['(?i)sk-[a-z0-9]{4,}', 'linear'],
    ['^(\\w+\\s?)*$', 'linear'],
    ['(?P<q>[\'"]).*?(?P=q)', 'backtracking'],
    ['(?<=key=)\\w+', 'backtracking'],
    ['a++b', 'backtracking'],
    ['[^\\W\\d]+', 'backtracking'],
  ];
  for (const [p, engine] of table) assert.equal(compiled(p).engine, engine, p);
});

test('a catastrophic pattern RE2 can run stays linear', () => {
  const p = compiled('^(\\w+\\s?)*$');
  assert.deepEqual(p.matchAll(`${'a'.repeat(5000)}!`), []);
  assert.equal(p.fullMatch('hello world'), true);
  assert.deepEqual(p.problems, []);
});

test('a catastrophic backtracking-only pattern hits the time limit and is switched off', () => {
  const p = compiled('^(a+)+\\1$', 50);
  assert.equal(p.engine, 'backtracking');
  assert.deepEqual(p.matchAll(`${'a'.repeat(40)}!`), []);
  assert.deepEqual(p.problems, ['matching took longer than 50 ms on a 41-character value; the pattern is switched off for this run']);
  // Switched off: later calls return at once and add nothing.
  assert.deepEqual(p.matchAll('aa'), []);
  assert.equal(p.fullMatch('aa'), false);
  assert.equal(p.problems.length, 1);
});

test('texts RE2 cannot judge with Python semantics go to the exact JavaScript form', () => {
  const dollar = compiled('abc$');
  assert.equal(dollar.engine, 'linear');
  assert.deepEqual(dollar.matchAll('abc\n'), [{ start: 0, end: 3 }]);
  assert.deepEqual(dollar.matchAll('abc\nabc'), [{ start: 4, end: 7 }]);
  assert.equal(dollar.fullMatch('abc\n'), false);
  const boundary = compiled('\\bfoo\\b');
  assert.deepEqual(boundary.matchAll('éfoo foo'), [{ start: 5, end: 8 }]);
  assert.deepEqual(boundary.matchAll('a foo'), [{ start: 2, end: 5 }]);
});

test('invalid and untranslatable patterns do not compile, with the reason', () => {
  assert.deepEqual(compileCustomPattern('(ab'), {
    ok: false, kind: 'invalid', start: 0, end: 3,
    error: 'Python rejects this pattern: missing ), unterminated subpattern (at position 0)',
  });
  assert.deepEqual(compileCustomPattern('(a)?(?(1)b|c)'), {
    ok: false, kind: 'untranslatable', start: 4, end: 13,
    error: 'tracelint cannot run this pattern faithfully: the conditional group (?(1)...) has no JavaScript equivalent (at position 4)',
  });
});

test('flags given as letters apply as Python flags', () => {
  const r = compileCustomPattern('token', { flags: 'i' });
  assert.ok(r.ok);
  assert.deepEqual(r.pattern.matchAll('TOKEN token'), [{ start: 0, end: 5 }, { start: 6, end: 11 }]);
});

test('empty matches are skipped and offsets are UTF-16, as the engine expects', () => {
  const p = compiled('x*');
  assert.deepEqual(p.matchAll('😀xx😀x'), [{ start: 2, end: 4 }, { start: 6, end: 7 }]);
});
