// The prefilter's scanning primitives: literal search from the rarest character
// and the key check (shared/engine/prefilter.ts), the digit-run check (shared/detectors/util.ts) and
// the assignment check (shared/detectors/assignment.ts). Exact answers
// on tricky raw lines (escapes, ids, UUIDs, timestamps, scores), agreement with a plain reference on
// generated lines, and the engine's decisions on generated lines pinned to those of the
// implementation before these rewrites (a deliberate change of what passes must update the pins).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { literalSearch, hasLiteral, anyLiteral, hasMatchingKey } from '../../shared/engine/prefilter';
import { KeyMatcher } from '../../shared/detectors/keys';
import { hasRawDigitRun, rawDigitRunAt } from '../../shared/detectors/util';
import { hasRawAssignment } from '../../shared/detectors/assignment';
import { Engine, detectorList } from '../../shared/engine/index';
import { defaultEngineOptions, DEFAULT_SENSITIVE_KEYS } from '../../shared/options';
import { randomRawLines } from './fixtures/raw-lines';

const LINES = randomRawLines(4000);

test('literalSearch: indexOf starts from the rarest character, the rest is checked in front', () => {
  const table: Array<[string, string, string]> = [
    ['ey=', 'ey', '='],
    ['hooks.sl', 'hoo', 'ks.sl'],
    ['.ey', '.e', 'y'],
    ['BEGIN', '', 'BEGIN'],
    ['\\u', '', '\\u'],
    ['bearer', '', 'bearer'],
    ['ecret', 'e', 'cret'],
    ['@', '', '@'],
  ];
  for (const [literal, head, tail] of table) assert.deepEqual(literalSearch(literal), { head, tail }, literal);
});

test('hasLiteral and anyLiteral answer as includes, on every string of up to 6 characters over a small alphabet', () => {
  const literals = ['ey=', '.ey', 'yy', 'e', '=e=', 'ye.y'].map((l) => [l, literalSearch(l)] as const);
  // Searches from `=` (ey=, =e) and from `y` (.ey, yy, ye.y, y.) share a pass; the repeated yy counts once.
  const set = ['ey=', '.ey', 'yy', '=e', 'ye.y', 'y.', 'yy'];
  const any = anyLiteral(set);
  const alphabet = 'ey=.';
  let strings = [''];
  for (let len = 1; len <= 6; len++) {
    strings = strings.flatMap((s) => [...alphabet].map((c) => s + c));
    for (const s of strings) {
      for (const [l, search] of literals) assert.equal(hasLiteral(s, search), s.includes(l), `${l} in ${s}`);
      assert.equal(any(s), set.some((l) => s.includes(l)), `any in ${s}`);
    }
  }
  assert.equal(anyLiteral([])('anything'), false);
});

test('hasRawDigitRun on tricky raw lines', () => {
  const table: Array<[string, boolean]> = [
    ['4155550132', true],
    ['"call\\n4155550132 now"', true],
    ['x4155550132', false],
    ['call 415555013', true],
    ['\\x4155550132', false],
    ['\\u00312345678', false],
    ['"start_time":"2025-01-01T00:00:00.000Z"', false],
    ['"ts_ms":1735689600000', false],
    ['"ts":1763457242', false],
    ['"score":0.6643979552501803', false],
    ['"id":"550e8400-e29b-41d4-a716-446655440000"', false],
    ['id-5551234567', false],
    ['v1.2.3.4.5.6.7.8', false],
    ['(415) 555-0132', true],
    ['+1 415 555 0132', true],
    ['+14155550132', true],
    ['4111 1111 1111 1111', true],
    ['12345678', false],
    ['1234567', false],
    ['12345678901234567890123', false],
    ['ends with 98765432', true],
    ['98765432x', false],
    ['98765432 x', true],
    ['9876 5432-a', true],
    ['"\\t41555501329"', true],
    ['"\\r41555501329"', true],
    ['"\\b41555501329"', true],
    ['"\\f41555501329"', true],
    ['a-41555501329', false],
    ['a.41555501329', false],
    [':41555501329', true],
    ['_41555501329', false],
    ['1-2-3-4-5-6-7-8', true],
    ['1 2 3 4 5 6 7 8', true],
    ['1     2 3 4 5 6 7 8', false],
    ['0.12345678', false],
    ['0 12345678', false],
    ['012345678', true],
    ['"commit":"9fceb02d0ae598e95dc970b74767f19372d61af8"', false],
    ['é4155550132', true],
    ['€ 4155550132', true],
    ['x 41555-50132y', false],
    ['12:30:45:67:89', false],
    ['4155550132.', true],
    ['4155550132.5', true],
    ['(415)5550132', true],
  ];
  for (const [raw, expected] of table) assert.equal(hasRawDigitRun(raw), expected, raw);
});

/** The starts the digit-run check must try, found the plain way: one regex match per start. */
function digitRunReference(raw: string): boolean {
  if (raw.length > 0 && raw.charCodeAt(0) >= 48 && raw.charCodeAt(0) <= 57 && rawDigitRunAt(raw, 0)) return true;
  const start = /[\Wnrtbf]\d[\d\-. ()+]{7}/g;
  let m: RegExpExecArray | null;
  while ((m = start.exec(raw)) !== null) {
    if (rawDigitRunAt(raw, m.index + 1)) return true;
    start.lastIndex = m.index + 1;
  }
  return false;
}

test('hasRawDigitRun agrees with the plain scan of every start on generated lines', () => {
  let hits = 0;
  for (const raw of LINES) {
    const expected = digitRunReference(raw);
    assert.equal(hasRawDigitRun(raw), expected, raw);
    if (expected) hits++;
  }
  assert.ok(hits > 500 && hits < LINES.length - 500, `both answers are exercised (${hits} of ${LINES.length})`);
});

test('hasRawAssignment on tricky raw lines', () => {
  const table: Array<[string, boolean]> = [
    ['password=hunter22', true],
    ['"password": "x"', false],
    ['{"text":"password\\t= hunter22"}', true],
    ['{"text":"setProperty(\\"API_KEY\\",\\t\\"9f8e\\")"}', true],
    ['"api_key":"x"', false],
    ['\\"api_key\\":\\"x\\"', true],
    ['my_token : abc', true],
    ['max_tokens: 1024', true],
    ['"t":"2025-01-01T00:00:00.000Z"', false],
    ['auth=', true],
    ['=auth', false],
    ['x auth  = y', true],
    ['AUTH\\t=1', true],
    ['secret,"x"', false],
    ['"secret","x"', false],
    ["'secret',\"x\"", true],
    ['"secret" , "x"', false],
    ['\\"secret\\",\\"x\\"', true],
    ['pass:word', true],
    ['pa ss=1', false],
    ['access-key.v2 := 9', true],
    ['cr\\"ed=1', false],
    ['c r e d=1', false],
    ['region=eu', false],
  ];
  for (const [raw, expected] of table) assert.equal(hasRawAssignment(raw), expected, raw);
});

const keys = new KeyMatcher(DEFAULT_SENSITIVE_KEYS);
const keyMatches = (key: string) => keys.matches(key);

test('hasMatchingKey on tricky raw lines: value kinds, blanks, escaped and nested keys, a key at the very start', () => {
  // [raw line, answer, answer when object values count too]
  const table: Array<[string, boolean, boolean]> = [
    ['{"api_key":"x"}', true, true],
    ['{"api_key": "x"}', true, true],
    ['{"api_key" : ["x"]}', true, true],
    ['{"api_key":1}', false, false],
    ['{"api_key":{"v":"x"}}', false, true],
    ['{"max_tokens":"x"}', false, false],
    ['":"x"', false, false],
    ['\\":"x"', true, true],
    ['{"a\\"api_key":"x"}', true, true],
    ['{"a\\nb":"x"}', true, true],
    ['{"result":"{\\"token\\":\\"x\\"}"}', true, true],
    ['{"result":"{\\"token\\":1}"}', false, false],
    ['{"result":"{\\"id\\":\\"x\\"}"}', false, false],
    ['api_key":"x"', true, true],
    ['x\\"api_key\\":\\"x\\"', true, true],
    ['{"k":"\\\\\\"api_key\\\\\\":\\\\\\"x\\\\\\""}', true, true],
    ['{"Authorization":"Bearer x"}', true, true],
    ['{"apiKey":"x"}', true, true],
    ['{"token_count":"3"}', false, false],
    ['"id":"x","secret":"y"', true, true],
    ['{"secret"\t:\t"y"}', true, true],
    ['{"secret"\r\n:"y"}', true, true],
  ];
  for (const [raw, expected, withObjects] of table) {
    assert.equal(hasMatchingKey(raw, keyMatches, false), expected, raw);
    assert.equal(hasMatchingKey(raw, keyMatches, true), withObjects, `${raw} (objects)`);
  }
});

test('github_token alone: its raw check finds gh?_ and github_pat_ looking back from each _', () => {
  const only = Object.fromEntries(detectorList().map((d) => [d.name, { enabled: d.name === 'github_token' }]));
  const engine = new Engine({ ...defaultEngineOptions(), detectors: only });
  const table: Array<[string, boolean]> = [
    ['ghp_', true],
    ['"x":"ghs_"', true],
    ['ghr_abc', true],
    ['gha_', false],
    ['gh_', false],
    ['hp_', false],
    ['_ghp', false],
    ['github_pat_', true],
    ['my github_pat_x', true],
    ['githubpat_', false],
    ['github_pa_', false],
    ['ithub_pat_', false],
    ['g_h_p_', false],
  ];
  for (const [raw, expected] of table) assert.equal(engine.mayContainFinding(raw), expected, raw);
});

/** How many generated lines pass `check`, and the start of the sha256 of its answers as 0s and 1s. */
function decisions(check: (raw: string) => boolean): string {
  const bits = LINES.map((l) => (check(l) ? '1' : '0')).join('');
  return `${bits.split('1').length - 1} ${createHash('sha256').update(bits).digest('hex').slice(0, 16)}`;
}

test('the code checks answer exactly as before the rewrites on the generated lines', () => {
  assert.equal(decisions(hasRawDigitRun), '1257 3549f4c78f4b48af');
  assert.equal(decisions(hasRawAssignment), '670 4a773884e1b3d40e');
  assert.equal(decisions((raw) => hasMatchingKey(raw, keyMatches, false)), '345 c49a36ed284a54a7');
  assert.equal(decisions((raw) => hasMatchingKey(raw, keyMatches, true)), '351 6a21b99a052b0265');
});

test('the engine lets through exactly the generated lines it let through before the rewrites', () => {
  const o = defaultEngineOptions();
  const pins: Array<[string, Engine, string]> = [
    ['defaults', new Engine(o), '2739 9343a2fcc3b48384'],
    ['substring keys', new Engine({ ...o, sensitiveKeys: { names: ['token', 'pass'], substring: true } }), '2740 52a20983a9376167'],
    ['custom strings and patterns', new Engine({ ...o, customStrings: ['Project "Nightjar"', 'zz9'], customPatterns: [{ name: 't', pattern: 'TCK-\\d{6}' }] }), '2754 aa6a9421a9f39426'],
    ['field paths', new Engine({ ...o, fieldPaths: [{ name: 'q', paths: ['inputs.query', 'steps[].limit'] }] }), '2751 78b8bc41ae2681c0'],
    ['no sensitive_field', new Engine({ ...o, detectors: { sensitive_field: { enabled: false } } }), '2688 38f64c5b6f42b10b'],
  ];
  for (const [name, engine, pin] of pins) assert.equal(decisions((raw) => engine.mayContainFinding(raw)), pin, name);
});
