// The raw-offset JSON walker and string decoding: paths, offsets through every escape kind,
// syntax errors with their position, and depth far beyond any recursion limit.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { walkJson, appendPathStep } from '../../shared/json/walker';
import { decodeJsonString, escapeJsonStringContent } from '../../shared/json/strings';
import { peekStringMember } from '../../shared/json/peek';

function strings(text: string) {
  const out: Array<{ key: boolean; path: string; raw: string; k?: string }> = [];
  const err = walkJson(text, {
    string(w, isKey, s, e) {
      out.push({ key: isKey, path: w.path(), raw: text.slice(s, e), k: isKey ? undefined : w.key() });
    },
  });
  return { out, err };
}

test('walker reports every key and string value with its JSON path and owning key', () => {
  const text = '{"steps":[{"inputs":{"api_key":"sk-x","list":["a",{"b c":"d"}]}}],"n":1,"t":true}';
  const { out, err } = strings(text);
  assert.equal(err, null);
  assert.deepEqual(out, [
    { key: true, path: '', raw: 'steps', k: undefined },
    { key: true, path: 'steps[0]', raw: 'inputs', k: undefined },
    { key: true, path: 'steps[0].inputs', raw: 'api_key', k: undefined },
    { key: false, path: 'steps[0].inputs.api_key', raw: 'sk-x', k: 'api_key' },
    { key: true, path: 'steps[0].inputs', raw: 'list', k: undefined },
    { key: false, path: 'steps[0].inputs.list[0]', raw: 'a', k: 'list' },
    { key: true, path: 'steps[0].inputs.list[1]', raw: 'b c', k: undefined },
    { key: false, path: 'steps[0].inputs.list[1]["b c"]', raw: 'd', k: 'b c' },
    { key: true, path: '', raw: 'n', k: undefined },
    { key: true, path: '', raw: 't', k: undefined },
  ]);
});

test('path steps: identifiers with dots, anything else bracket-quoted, embedded JSON after #', () => {
  assert.equal(appendPathStep('', 'steps'), 'steps');
  assert.equal(appendPathStep('steps', 2), 'steps[2]');
  assert.equal(appendPathStep('a', 'content-type'), 'a.content-type');
  assert.equal(appendPathStep('a', 'x.y'), 'a["x.y"]');
  assert.equal(appendPathStep('a', '0'), 'a["0"]');
  assert.equal(appendPathStep('r#', 'rows'), 'r#rows');
  assert.equal(appendPathStep('r#', 1), 'r#[1]');
});

test('decodeJsonString maps decoded offsets to raw offsets through each escape kind', () => {
  const raw = '"a\\u0040b\\nc\\/d\\ud83d\\ude00e\\"f"';
  const d = decodeJsonString(raw, 1, raw.length - 1)!;
  assert.equal(d.value, 'a@b\nc/d\u{1F600}e"f');
  // decoded index -> raw offset
  const expected = [1, 2, 8, 9, 11, 12, 14, 15, 21, 27, 28, 30, 31];
  assert.deepEqual([...Array(d.value.length + 1).keys()].map((i) => d.rawAt(i)), expected);
});

test('decodeJsonString without escapes is a plain shift, and rejects bad escapes', () => {
  const d = decodeJsonString('xx"abc"', 3, 6)!;
  assert.equal(d.value, 'abc');
  assert.equal(d.rawAt(0), 3);
  assert.equal(d.rawAt(3), 6);
  assert.equal(decodeJsonString('"\\x"', 1, 3), null);
  assert.equal(decodeJsonString('"\\u12"', 1, 5), null);
});

test('escapeJsonStringContent escapes quotes, backslashes and control characters', () => {
  assert.equal(escapeJsonStringContent('[REDACTED]'), '[REDACTED]');
  assert.equal(escapeJsonStringContent('a"b\\c\n'), 'a\\"b\\\\c\\n');
  assert.equal(escapeJsonStringContent(escapeJsonStringContent('"x"')), '\\\\\\"x\\\\\\"');
});

const errors: Array<[string, string, number]> = [
  ['{"a":1,}', "expected a string key but found '}'", 7],
  ['{"a" 1}', "expected ':' after an object key but found '1'", 5],
  ['[1,2', 'unexpected end of input: 1 array left open', 4],
  ['{"a":[{"b":[', 'unexpected end of input: 2 objects and 2 arrays left open', 12],
  ['{"a":"b\u0001"}', 'control character in string (must be escaped)', 7],
  ['{"a":"b', 'unterminated string', 5],
  ['{"a":tru}', "expected a JSON value but found 't'", 5],
  ['{"a":01}', "expected ',' or '}' but found '1'", 6],
  ['{} {}', "unexpected '{' after the end of the JSON value", 3],
  ['', 'empty input: expected a JSON value', 0],
  ['{"a":"\\q"}', "bad escape '\\q' in string", 6],
  ['[-]', "malformed number at ']'", 2],
];
for (const [text, message, offset] of errors) {
  test(`walker reports ${JSON.stringify(text)} as malformed at ${offset}`, () => {
    assert.deepEqual(walkJson(text, {}), { message, offset });
  });
}

test('walker accepts what JSON.parse accepts (sample)', () => {
  for (const t of ['0', '-1.5e+10', '"x"', 'null', ' [ ] ', '{"a":[{},[],""]}', '\ufeff{"bom":1}']) {
    assert.equal(walkJson(t, {}), null, t);
  }
});

test('walker handles nesting depth 5,000 (and 200,000) without recursion', () => {
  for (const depth of [5000, 200000]) {
    const text = '['.repeat(depth) + '{"k":"v"}' + ']'.repeat(depth);
    let seen = '';
    const err = walkJson(text, {
      string(w, isKey, s, e) {
        if (!isKey) seen = `${w.depth}:${text.slice(s, e)}`;
      },
    });
    assert.equal(err, null);
    assert.equal(seen, `${depth + 1}:v`);
    assert.deepEqual(walkJson('['.repeat(depth), {}), { message: `unexpected end of input: ${depth} arrays left open`, offset: depth });
  }
});

test('peekStringMember reads a member ahead, skipping nested values, and gives up politely', () => {
  const t = '{"inputs":{"type":"x","a":[1,{"type":"y"}]},"type":"tool"}';
  assert.equal(peekStringMember(t, 0, 'type'), 'tool');
  assert.equal(peekStringMember(t, 10, 'type'), 'x');
  assert.equal(peekStringMember('{"a":1}', 0, 'type'), undefined);
  assert.equal(peekStringMember('{"type":3}', 0, 'type'), undefined);
  assert.equal(peekStringMember('{"k":"ab\\u0063"}', 0, 'k'), 'abc');
});
