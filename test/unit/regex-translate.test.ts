// Python `re` -> JavaScript translation: exact output for each construct REFERENCE.md lists, Python's
// own errors for invalid patterns, and the same table run through python3's `re` (skipped cleanly
// when python3 is absent) so that the translation and the guard match what Python matches.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { translatePython } from '../../shared/regex/translate';
import { compileCustomPattern } from '../../shared/regex/guard';

const python = spawnSync('python3', ['-c', 'import sys; print(sys.version_info >= (3, 11))'], { encoding: 'utf8' });
const hasPython = python.status === 0 && python.stdout.trim() === 'True';

/** Runs python3's `re` over cases: compile errors (message, code point position) or finditer spans + fullmatch. */
function runPython(cases: Array<{ pattern: string; texts: string[] }>): any[] {
  const script = `
import json, re, sys
out = []
for c in json.load(sys.stdin):
    try:
        r = re.compile(c['pattern'])
    except re.error as e:
        out.append({'error': e.msg, 'pos': e.pos}); continue
    except OverflowError as e:
        out.append({'error': str(e), 'pos': None}); continue
    res = []
    for t in c['texts']:
        spans = []
        for m in r.finditer(t):
            if m.end() > m.start():
                spans.append([len(t[:m.start()].encode('utf-16-le')) // 2, len(t[:m.end()].encode('utf-16-le')) // 2])
        res.append({'spans': spans, 'full': r.fullmatch(t) is not None})
    out.append({'results': res})
json.dump(out, sys.stdout)
`;
  const r = spawnSync('python3', ['-c', script], { input: JSON.stringify(cases), encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  return JSON.parse(r.stdout);
}

// Each construct REFERENCE.md names, with the JavaScript the translation must produce.
const translations: Array<[string, string, string]> = [
  ['(?P<user>[a-z]+)@(?P=user)', '([a-z]+)@(?:\\1)', 'u'],
  ['(?i)token', 'token', 'iu'],
  ['(?i:ab)c', '(?:[Aa][Bb])c', 'u'],
  ['(?x) a + # one or more a\n b', 'a+b', 'u'],
  ['a(?#comment)b', 'ab', 'u'],
  ['\\Aab\\Z', '^ab$', 'u'],
  ['ab$', 'ab(?=\\n?$)', 'u'],
  ['(?m)^ab$', '(?<![^\\n])ab(?![^\\n])', 'u'],
  ['a++b', '(?=(a+))\\1b', 'u'],
  ['(?>a|ab)c', '(?=(a|ab))\\1c', 'u'],
  ['x{,3}', 'x{0,3}', 'u'],
  ['\\d\\w', '[\\p{Nd}][\\p{L}\\p{N}_]', 'u'],
  ['(?a)\\d\\w', '[0-9][0-9A-Z_a-z]', 'u'],
  ['.', '[^\\n]', 'u'],
  ['(?s).', '[\\s\\S]', 'u'],
  ['a{', 'a\\{', 'u'],
  ['[^\\W\\d]', '(?:(?![\\p{Nd}])[\\p{L}\\p{N}_])', 'u'],
  ['(?:ab)*', '(?:ab)*', 'u'],
  ['(?=a)*b', '(?:(?=a))*b', 'u'],
];

test('translation of each Python-only construct', () => {
  for (const [py, js, flags] of translations) {
    const t = translatePython(py);
    assert.ok(t.ok, py);
    assert.equal(t.source, js, py);
    assert.equal(t.flags, flags, py);
  }
});

test('the RE2 form exists only where RE2 keeps Python semantics', () => {
  const re2 = (p: string) => {
    const t = translatePython(p);
    assert.ok(t.ok);
    return 'source' in t.re2 ? t.re2.source : `none: ${t.re2.reason}`;
  };
  assert.equal(re2('TCK-\\d{6}'), 'TCK-[\\p{Nd}]{6}');
  assert.equal(re2('(?i)ab(?-i:c)'), '(?i)ab(?-i:c)');
  assert.equal(re2('^ab$'), '\\Aab\\z');
  assert.equal(re2('(a)\\1'), 'none: a backreference needs a backtracking engine');
  assert.equal(re2('a++'), 'none: a possessive quantifier needs a backtracking engine');
  assert.equal(re2('(?<=a)b'), 'none: lookaround needs a backtracking engine');
  assert.equal(re2('a{1001}'), 'none: RE2 allows at most 1000 repetitions');
});

test('what cannot be translated faithfully is said so', () => {
  const cond = translatePython('(a)?(?(1)b|c)');
  assert.deepEqual(cond, { ok: false, kind: 'untranslatable', message: 'the conditional group (?(1)...) has no JavaScript equivalent', start: 4, end: 13 });
  const named = translatePython('\\N{EM DASH}');
  assert.equal(named.ok, false);
  assert.equal(!named.ok && named.kind, 'untranslatable');
  const t = translatePython('(a)?b\\1');
  assert.ok(t.ok);
  assert.deepEqual(t.notes, ['the backreference to group 1 matches an empty string in JavaScript when that group did not take part in the match; Python fails there']);
});

// Patterns Python rejects: message and position exactly as Python's re.error gives them.
const invalid: Array<[string, string, number]> = [
  ['(ab', 'missing ), unterminated subpattern', 0],
  ['ab)', 'unbalanced parenthesis', 2],
  ['a(?P<n>b', 'missing ), unterminated subpattern', 1],
  ['*a', 'nothing to repeat', 0],
  ['a**', 'multiple repeat', 2],
  ['^*', 'nothing to repeat', 1],
  ['\\q', 'bad escape \\q', 0],
  ['[\\A]', 'bad escape \\A', 1],
  ['ab\\', 'bad escape (end of pattern)', 2],
  ['(?<=a+)b', 'look-behind requires fixed-width pattern', 0],
  ['(?<=ab|c)x', 'look-behind requires fixed-width pattern', 0],
  ['[b-a]', 'bad character range b-a', 1],
  ['[abc', 'unterminated character set', 0],
  ['a{3,2}', 'min repeat greater than max repeat', 2],
  ['(?P<1a>x)', "bad character in group name '1a'", 4],
  ['(?P=missing)', "unknown group name 'missing'", 4],
  ['(?P<a>x)(?P<a>y)', "redefinition of group name 'a' as group 2; was group 1", 12],
  ['(a)\\2', 'invalid group reference 2', 4],
  ['(a\\1)', 'cannot refer to an open group', 2],
  ['a(?i)b', 'global flags not at the start of the expression', 1],
  ['(?z)', 'unknown extension ?z', 1],
  ['(?i-i:a)', 'bad inline flags: flag turned on and off', 5],
  ['\\x1', 'incomplete escape \\x1', 0],
  ['\\777', 'octal escape value \\777 outside of range 0-0o377', 0],
];

test('invalid patterns: Python\'s reason and position', () => {
  for (const [p, message, pos] of invalid) {
    const t = translatePython(p);
    assert.equal(t.ok, false, p);
    if (t.ok) continue;
    assert.equal(t.kind, 'invalid', p);
    assert.equal(t.message, message, p);
    assert.equal(t.start, pos, p);
  }
});

test('invalid patterns agree with python3 re', { skip: !hasPython && 'python3 >= 3.11 not installed' }, () => {
  const py = runPython(invalid.map(([pattern]) => ({ pattern, texts: [] })));
  invalid.forEach(([p, message, pos], i) => {
    assert.equal(py[i].error, message, p);
    // Python gives no position for look-behind width errors (they come from its compiler).
    if (py[i].pos !== null) assert.equal(py[i].pos, pos, p);
  });
});

// Patterns and subjects whose matches must agree with Python, through the guard (RE2 or JavaScript).
const matching: Array<{ pattern: string; texts: string[] }> = [
  { pattern: 'TCK-\\d{6}', texts: ['id TCK-123456 and TCK-12', 'TCK-١٢٣٤٥٦'] },
  { pattern: '(?P<q>[\'"]).*?(?P=q)', texts: ['say "hi" and \'yo\''] },
  { pattern: '(?i)sk-[a-z0-9]{4}', texts: ['SK-ABCD sk-abcd', 'ſk-abcd'] },
  { pattern: '(?i:k)ey', texts: ['Key KEY key \u212aey'] },
  { pattern: '\\bfoo\\b', texts: ['foo éfoo foo_ foo', 'x foo'] },
  { pattern: 'abc$', texts: ['abc\n', 'abc\nabc', 'abc'] },
  { pattern: '(?m)^ab$', texts: ['ab\nab\r\nab'] },
  { pattern: '\\Aab\\Z', texts: ['ab', 'ab\n'] },
  { pattern: 'a++b', texts: ['aaab', 'aaa'] },
  { pattern: '(?>a|ab)c', texts: ['abc', 'ac'] },
  { pattern: 'x{,3}', texts: ['xxxxx'] },
  { pattern: '\\s+', texts: ['a\u001c\u0085b\ufeffc d'] },
  { pattern: '\\w+', texts: ['naïve café_1 ²'] },
  { pattern: '(?x) sk - \\d+  # key\n', texts: ['sk-12 sk - 3'] },
  { pattern: '[^\\W\\d]+', texts: ['abc123déf'] },
  { pattern: '(?a)\\w+', texts: ['naïve'] },
  { pattern: '.+', texts: ['a\rb\nc\u2028d'] },
  { pattern: '(?<=key=)\\w+', texts: ['key=abc other=def'] },
  { pattern: '[\\d-]+', texts: ['12-34 5'] },
  { pattern: '😀+', texts: ['x😀😀y'] },
];

test('guarded matches agree with python3 re', { skip: !hasPython && 'python3 >= 3.11 not installed' }, () => {
  const py = runPython(matching);
  matching.forEach((c, i) => {
    const r = compileCustomPattern(c.pattern);
    assert.ok(r.ok, c.pattern);
    if (!r.ok) return;
    c.texts.forEach((text, j) => {
      const got = r.pattern.matchAll(text).map((m) => [m.start, m.end]);
      assert.deepEqual(got, py[i].results[j].spans, `${c.pattern} on ${JSON.stringify(text)}`);
      assert.equal(r.pattern.fullMatch(text), py[i].results[j].full, `fullmatch ${c.pattern} on ${JSON.stringify(text)}`);
    });
  });
});

test('Unicode \\d, \\w and \\s agree with python3 on every code point both know', { skip: !hasPython && 'python3 >= 3.11 not installed' }, () => {
  // One character per code point: '-' unassigned in Python's Unicode, else a digit of bits d=1 w=2 s=4.
  const script = `
import re, sys, unicodedata
d, w, s = re.compile(r'\\d'), re.compile(r'\\w'), re.compile(r'\\s')
out = []
for cp in range(0x30000):
    c = chr(cp)
    if unicodedata.category(c) == 'Cn':
        out.append('-'); continue
    out.append(str((1 if d.match(c) else 0) | (2 if w.match(c) else 0) | (4 if s.match(c) else 0)))
sys.stdout.write(''.join(out))
`;
  const r = spawnSync('python3', ['-c', script], { encoding: 'utf8', maxBuffer: 1 << 24 });
  assert.equal(r.status, 0, r.stderr);
  const table = r.stdout;
  const assigned = /\P{Cn}/u;
  ([['d', 1], ['w', 2], ['s', 4]] as const).forEach(([name, bit]) => {
    const t = translatePython(`\\${name}`);
    assert.ok(t.ok);
    const re = new RegExp(`^${t.source}$`, t.flags);
    const differ: string[] = [];
    for (let cp = 0; cp < 0x30000; cp++) {
      if ((cp >= 0xd800 && cp <= 0xdfff) || table[cp] === '-') continue;
      const ch = String.fromCodePoint(cp);
      if (!assigned.test(ch)) continue;
      if (re.test(ch) !== ((Number(table[cp]) & bit) !== 0)) differ.push(cp.toString(16));
    }
    assert.deepEqual(differ, [], `\\${name}`);
  });
});
