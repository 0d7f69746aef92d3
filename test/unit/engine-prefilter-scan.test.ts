// The prefilter's scanning primitives: literal search from the rarest character
// and the key check (shared/engine/prefilter.ts), the digit-run check (shared/detectors/util.ts) and
// the assignment check (shared/detectors/assignment.ts). Exact answers
// on tricky raw lines (escapes, ids, UUIDs, timestamps, scores), agreement with a plain reference on
// generated lines, and the engine's decisions on generated lines pinned to those of the
// implementation before these rewrites (a deliberate change of what passes must update the pins).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { literalSearch, hasLiteral, anyLiteral, hasMatchingKey, hasColonCandidate } from '../../shared/engine/prefilter';
import { KeyMatcher } from '../../shared/detectors/keys';
import { hasRawDigitRun, rawDigitRunAt } from '../../shared/detectors/util';
import { hasRawAssignment, assignmentColonAt, assignmentColonKey } from '../../shared/detectors/assignment';
import { Engine, detectorList } from '../../shared/engine/index';
import { defaultEngineOptions, DEFAULT_SENSITIVE_KEYS } from '../../shared/options';
import { randomRawLines } from './fixtures/raw-lines';
import { hasRawAwsSecret } from '../../shared/detectors/aws_secret_key';
import { hasRawEmail } from '../../shared/detectors/email';
import { hasRawBearer } from '../../shared/detectors/bearer_token';
import { hasRawHeader } from '../../shared/detectors/http_header_credential';
import { hasRawProse } from '../../shared/detectors/prose';
import { scanLine } from '../../shared/traces/line';
import { scanAnchors } from '../../shared/engine/anchors';

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
    // And from the anchor scan's map of run characters, as a trace file's line is read.
    const bytes = Buffer.from(raw, 'utf8');
    scanAnchors(raw, bytes, 0, bytes.length);
    assert.equal(hasRawDigitRun(raw), expected, `scanned: ${raw}`);
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
    ['{"password":hunter22}', true], // malformed: the raw text is read as text
    ['{"password":true,"x":null}', false],
    ['\\"api_key\\":\\"x\\"', false],
    ['\\"api_key\\":\\"x9k2m4\\"', true],
    ['my_token : abc', false],
    ['my_token : abc123', true],
    ['max_tokens: 1024', false], // a counter: no name password_field or generic_api_key_param reports
    ['db_token: 1024abcd', true],
    ['"t":"2025-01-01T00:00:00.000Z"', false],
    ['auth=', false],
    ['auth=s3cr3tv4l', true],
    ['=auth', false],
    ['x auth  = y', false],
    ['x auth  = y7k3m9', true],
    ['AUTH\\t=1', false],
    ['AUTH\\t=1a2b3c', true],
    ['secret,"x"', false],
    ['"secret","x"', false],
    ["'secret',\"x\"", true],
    ['"secret" , "x"', false],
    ['\\"secret\\",\\"x\\"', true],
    ['pass:word', false], // `pass` names no credential (`password` does)
    ['password:word', true],
    ['pa ss=1', false],
    ['access-key.v2 := 9', false],
    ['access-key.v2 := 9f8e7d6c', true],
    ['cr\\"ed=1', false],
    ['c r e d=1', false],
    ['region=eu', false],
    // The value as scan reads it: none for a type annotation, a call, a stand-in or a short value;
    // an escape that may continue the value (\/), or one before it (\t), cannot be judged raw.
    ['"text":"(client: Client, token: string): Promise<Session>"', false],
    ['"text":"function f(token?: string) {}"', false],
    ['"text":"token: stringent-9Kq2mZ7vB"', true],
    ['"text":"token: \\"string\\""', true],
    ['"text":"refresh_token = getToken(session)"', false],
    ['"text":"refresh_token = getToken (session)"', true],
    ['"text":"password: ${DB_PASSWORD}"', false],
    ['"text":"token: None"', false],
    ['"text":"password=hunter22\\nnext(line)"', true],
    ['"text":"password=a\\/b(x)"', true],
    ['"text":"password:\\thunter22"', true],
    ['"text":"api_key=abc&q=cats"', false],
    ['"text":"api_key=9f8e7d6c&q=cats"', true],
    // The identifier as scan reads it, judged by the detectors' names; the whole operator before it.
    ['"text":"get_secret_value(SecretId=name_of_it)"', false],
    ['"text":"Author: Jane Doe <jane@example.com>"', false],
    ['"text":"token_ttl = 3600s; tokens = mint(ttl)"', false],
    ['"text":"token ?= abc123def"', true],
    ['"text":"var apiKey string = \\"9f8e7d6c\\""', true],
    ['"text":"\\npassword=hunter22"', true],
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
    ['{"apiKey": 1763457242}', true, true],
    ['{"apiKey": -17634572.42e3}', true, true],
    ['{"apiKey": 17634572}', false, false],
    ['{"ts_ms": 1763457242123}', false, false],
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

/** The indices of the `:` of `raw` where the colon pass runs its colon checks (a check that answers false). */
function colonCheckSites(raw: string, colonKey?: (key: string) => boolean): number[] {
  const seen: number[] = [];
  const check = (_: string, p: number) => {
    seen.push(p);
    return false;
  };
  assert.equal(hasColonCandidate(raw, { keyObjects: true, valueCanHit: () => true, pairs: false, colonChecks: [check], colonKey }), false, raw);
  return seen;
}

test('colon checks run at every `:` but those of JSON structure (a quote before, a string, object, array or digit after, or after one blank)', () => {
  // [raw line, the indices of the `:` where the colon checks run]
  const table: Array<[string, number[]]> = [
    ['{"a":"x","b":1,"c":{"d":[2]}}', []],
    ['{"a": "x", "b": 1, "c": {"d": [2]}}', []],
    ['{"a":  "x", "b":\t1}', [4, 15]],
    ['{"a": null, "b": pw}', [4, 15]],
    ['{"a":null,"b":true,"c":-1}', [4, 13, 22]],
    ['{"t":"12:30","u":"http://h"}', [8, 22]],
    ['{"r":"{\\"k\\":\\"v\\"}"}', [12]],
    ['password: hunter22', [8]],
    [':"x"', [0]],
    ['"":"x"', []],
  ];
  for (const [raw, expected] of table) assert.deepEqual(colonCheckSites(raw), expected, raw);
});

test('colon checks are spared right after a nested `\\"KEY\\"` that their key check rules out, and only there', () => {
  const colonKey = (key: string) => key !== 'id';
  // [raw line, the indices of the `:` where the colon checks run]
  const table: Array<[string, number[]]> = [
    ['{"r":"{\\"id\\":\\"v\\",\\"pw\\":1}"}', [26]],
    ['{"r":"{\\"id\\":1,\\"id\\":[2]}"}', []],
    ['{"r":"{\\"id\\" :\\"v\\"}"}', [14]], // a blank before the `:`: not right after the key
    ['{"r":"{\\"i\\\\d\\":\\"v\\"}"}', [15]], // a backslash in the key: cannot be judged
    ['{"id":null}', [5]],
    ['id:"x"', [2]],
  ];
  for (const [raw, expected] of table) assert.deepEqual(colonCheckSites(raw, colonKey), expected, raw);
});

test('assignmentColonKey: false only for keys after which assignmentColonAt is false, whatever follows', () => {
  const table: Array<[string, boolean]> = [
    ['password', true],
    ['api_key', true],
    ['x-api-key', true],
    ['db.password', true],
    ['id', false],
    ['region', false],
    ['total', false],
    ['max_tokens', false],
    ['token_count', false],
    ['string', true], // a type word: `\"string\":=…` defers to the word before it
    ['a"password', true],
    ['', false],
  ];
  for (const [key, expected] of table) assert.equal(assignmentColonKey(key), expected, key);
  const follows = ['\\"x9k2m4q7\\"', 'x9k2m4q7', ' x9k2m4q7', '=x9k2m4q7', ':=x9k2m4q7', '=> x9k2m4q7', '12345678', '[\\"x9k2m4q7\\"]', '\\tx9k2m4q7'];
  const keys = [...table.map(([k]) => k), ...new Set(LINES.flatMap((l) => [...l.matchAll(/"([A-Za-z_.-]{1,30})"/g)].map((m) => m[1])))];
  for (const key of keys) {
    for (const follow of follows) {
      const raw = `{"t":"\\"${key}\\":${follow}"}`;
      if (assignmentColonAt(raw, raw.indexOf('\\":', 6) + 2)) assert.ok(assignmentColonKey(key), raw);
    }
  }
});

test('the key memo answers as a fresh one: keys that end alike, suffixes of each other, nested, non-ASCII, more than it holds', () => {
  // A third of the keys match, so a kind kept for one key and read for another would show.
  const keyMatches = (key: string) => key.endsWith('secret_id') || key.length % 3 === 0;
  // 1000 keys of 10 to 14 characters, each seen several times, fill the trie's 4096 states: it starts again empty, many times.
  const many = Array.from({ length: 1000 }, (_, i) => `k${i}_${(i * 7919).toString(36)}_id`);
  const names = ['id', '_id', 'd', '', 'user_id', 'secret_id', 'x_secret_id', 'ecret_id', 'clé_secret_id', 'clé_id', ...many];
  const rules = { keyMatches, keyObjects: true, valueCanHit: () => true, pairs: false, colonChecks: [] };
  let seed = 11;
  const pick = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 16) % n;
  let hits = 0;
  for (let i = 0; i < 12000; i++) {
    const members = Array.from({ length: 1 + pick(4) }, () => `"${names[pick(3) ? pick(10) : pick(names.length)]}":"v"`);
    const inner = `{${members.join(',')}}`;
    const raw = pick(2) ? inner : `{"r":${JSON.stringify(inner)}}`;
    const fresh = hasColonCandidate(raw, { ...rules });
    assert.equal(hasColonCandidate(raw, rules), fresh, raw);
    if (fresh) hits++;
  }
  assert.ok(hits > 2000 && hits < 10000, `both answers are exercised (${hits})`);
  // Malformed text: a key known plain (a key is kept once seen twice), read where a nested key's
  // opening `\"` should stand.
  for (const raw of ['{"ab":"v"}', '{"ab":"v"}', '{"t":"x "ab\\":\\"v\\""}', '{"t":"\\"x "ab\\":\\"v\\""}', '"":"v"', '":"v"', '{"t":"\\":1}']) {
    assert.equal(hasColonCandidate(raw, rules), hasColonCandidate(raw, { ...rules }), raw);
  }
  // A key with a code unit from 128 on is never kept: `é` would step into the next state's table row.
  const fresh = { ...rules };
  for (const raw of ['{"d":"v"}', '{"d":"v"}', '{"xé":"v"}', '{"xé":"v"}', '{"xid":"v"}']) {
    assert.equal(hasColonCandidate(raw, fresh), hasColonCandidate(raw, { ...rules }), raw);
  }
});

test('KeyMatcher: a key lacking a letter of every name is answered before tokenising, the same answers in any letter case', () => {
  const keys = new KeyMatcher(DEFAULT_SENSITIVE_KEYS);
  const table: Array<[string, boolean]> = [
    ['pAsSword', true], // tokens p, as, sword: their concatenation is the name
    ['x-API-KEY', true],
    ['SetCookie', true],
    ['SSN', true],
    ['creditCard', true],
    ['Authorization', true],
    ['ZZ_TOKEN_2', true],
    ['client_secret_v2', true],
    ['6513270e-269e-0d37-f2a7-4de452e6b438', false],
    ['9f86d081884c7d659a2feaa0c55ad015', false],
    ['passwrd', false],
    ['max_tokens', false], // all of token's letters: tokenised, and ruled out there
    ['', false],
  ];
  for (const [key, expected] of table) assert.equal(keys.matches(key), expected, key);
  // AgentDbg's substring semantics lower-case the key first, which may turn a non-ASCII letter into an ASCII one.
  assert.equal(new KeyMatcher(['api_key'], true).matches('API_\u212AEY'), true);
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

/**
 * How many generated lines pass `check`, and the start of the sha256 of its answers as 0s and 1s.
 * `scanned`: each line read by the anchor scan first, as the trace reader does (engine/anchors.ts).
 */
function decisions(check: (raw: string) => boolean, scanned = false): string {
  const bits = LINES.map((l) => {
    if (scanned) {
      const bytes = Buffer.from(l, 'utf8');
      scanAnchors(l, bytes, 0, bytes.length);
    }
    return check(l) ? '1' : '0';
  }).join('');
  return `${bits.split('1').length - 1} ${createHash('sha256').update(bits).digest('hex').slice(0, 16)}`;
}

test('the code checks answer exactly as before the rewrites on the generated lines', () => {
  assert.equal(decisions(hasRawDigitRun), '1257 3549f4c78f4b48af');
  assert.equal(decisions(hasRawAssignment), '182 897640f0da0a9ec8');
  assert.equal(decisions((raw) => hasMatchingKey(raw, keyMatches, false)), '380 5895dc5f807275c8');
  assert.equal(decisions((raw) => hasMatchingKey(raw, keyMatches, true)), '386 61b4ac3cf18d9275');
});

// Issue 15 made the checks selective (a value that can be a finding after an assignment, a
// sentence's connector, an `@` with a domain, a token after Bearer, a candidate beside `secret`): every
// line they stopped letting through was checked to hold no finding of the forced walk, and no line
// passes that did not before.
// The promise itself: every generated line the prefilter turns away holds nothing the walk would
// find when forced (malformed lines scanned as text included). Issue 15's second pass found three
// kinds it broke: a long number under a credential key (`"apiKey": 1763457242`, which the reader
// scans), a `":` before no JSON value (`"password":hunter2…`, a malformed line read as text), and
// these are now let through; the pins below moved with them.
test('no generated line the prefilter turns away holds a finding of the forced walk', () => {
  const o = defaultEngineOptions();
  for (const [name, engine] of [['defaults', new Engine(o)], ['substring keys', new Engine({ ...o, sensitiveKeys: { names: ['token', 'pass'], substring: true } })]] as const) {
    const missed = LINES.filter((l) => !engine.mayContainFinding(l) && scanLine(l, engine, true).hits.length > 0);
    assert.deepEqual(missed, [], name);
  }
});

test('the engine lets through exactly the generated lines it let through before the rewrites', () => {
  const o = defaultEngineOptions();
  const pins: Array<[string, Engine, string]> = [
    ['defaults', new Engine(o), '2438 e6ad95502b770948'],
    ['substring keys', new Engine({ ...o, sensitiveKeys: { names: ['token', 'pass'], substring: true } }), '2449 502ca077246ab9ea'],
    ['custom strings and patterns', new Engine({ ...o, customStrings: ['Project "Nightjar"', 'zz9'], customPatterns: [{ name: 't', pattern: 'TCK-\\d{6}' }] }), '2471 da295768ab3b5c5f'],
    ['field paths', new Engine({ ...o, fieldPaths: [{ name: 'q', paths: ['inputs.query', 'steps[].limit'] }] }), '2453 f225fbc5c8d20b13'],
    ['no sensitive_field', new Engine({ ...o, detectors: { sensitive_field: { enabled: false } } }), '2375 73038f0ced999ce5'],
  ];
  for (const [name, engine, pin] of pins) {
    assert.equal(decisions((raw) => engine.mayContainFinding(raw)), pin, name);
    assert.equal(decisions((raw) => engine.mayContainFinding(raw), true), pin, `${name}, after the anchor scan`);
  }
});

// The engine scans every string it is asked about; a raw check called on a string not scanned last
// searches with indexOf, as it does on text the scan cannot read (over 4 MB, no WebAssembly SIMD).
test('the raw checks that search anchors answer alike with and without the anchor scan', () => {
  for (const check of [hasRawAwsSecret, hasRawBearer, hasRawHeader, hasRawProse, hasRawEmail, hasRawDigitRun, hasRawAssignment]) {
    assert.equal(decisions(check, true), decisions(check), check.name);
  }
});

test('the selective raw checks on tricky raw lines: a finding likely, not merely possible', () => {
  const table: Array<[string, (raw: string) => boolean, string, boolean]> = [
    // aws_secret_key: `secret` plus a 40-character mixed-case candidate, or `secret` in a key
    ['aws', hasRawAwsSecret, '"text":"the secret manager reads SecretString"', false],
    ['aws', hasRawAwsSecret, '"text":"AWS_SECRET_ACCESS_KEY = wJalrXUtnFEMI/KxMDENG/bPxRfiCYSECRETSKEY"', false],
    ['aws', hasRawAwsSecret, '"text":"AWS_SECRET_ACCESS_KEY = wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETSKEY"', true],
    ['aws', hasRawAwsSecret, '"text":"AWS_SECRET_ACCESS_KEY = wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETSKEYxyz"', false],
    ['aws', hasRawAwsSecret, '"text":"aws secret wJalrXUtnFEMI\\/K7MDENG\\/bPxRfiCY5ECRETSKEY"', true],
    // `secret` alone is no LABEL: "aws" or "access" must stand on the line too (issue 15's second pass)
    ['aws', hasRawAwsSecret, '"text":"secret:\\nwJalrXUtnFEMI/K7MDENG/bPxRfiCY5ECRETSKEY"', false],
    ['aws', hasRawAwsSecret, '"text":"AWS secret:\\nwJalrXUtnFEMI/K7MDENG/bPxRfiCY5ECRETSKEY"', true],
    ['aws', hasRawAwsSecret, '"text":"secret access key:\\nwJalrXUtnFEMI/K7MDENG/bPxRfiCY5ECRETSKEY"', true],
    ['aws', hasRawAwsSecret, '"text":"secret commit 9fceb02d0ae598e95dc970b74767f19372d61af8"', false],
    ['aws', hasRawAwsSecret, '{"aws_secret_access_key": ""}', true],
    ['aws', hasRawAwsSecret, '"text":"{\\"AwsSecret\\" : \\"x\\"}"', true],
    ['aws', hasRawAwsSecret, '"text":"key AKIAVRNKNO4UV3NI2WDV"', true],
    // email: an `@` with a local part and a domain that can be an address
    ['email', hasRawEmail, '"text":"mail jane.doe@example-mail.co.uk"', true],
    ['email', hasRawEmail, '"text":"@dataclass\\n@app.route(\\"/x\\")"', false],
    ['email', hasRawEmail, '"text":"    12\\t@app.route(\\"/x\\")"', false],
    ['email', hasRawEmail, '"text":"\\\\t@app.route"', true],
    ['email', hasRawEmail, '"text":"git@github.com:org/repo.git icon@2x.png lodash@4.17.21 @types/node"', false],
    ['email', hasRawEmail, '"text":"ssh bob@build.example.com"', true],
    // bearer_token: a token after Bearer, or a JWT
    ['bearer', hasRawBearer, '"text":"Authorization: `Bearer ${token}`"', false],
    ['bearer', hasRawBearer, '"text":"Bearer tokens are sent"', false],
    ['bearer', hasRawBearer, '"text":"Bearer cfcabd11c7ed9a41b1a3e063c32d5114"', true],
    ['bearer', hasRawBearer, '"text":"Bearer\\tabc\\/def\\/ghi\\/jkl9mno"', true],
    ['bearer', hasRawBearer, '"text":"\\neyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.sig"', true],
    ['bearer', hasRawBearer, '"text":"obj.eyes.eyJhbGciOiJIUzI1NiJ9"', false],
    // http_header_credential: the header name before its `:`, an Authorization value with no `${`
    ['header', hasRawHeader, '"text":"the Authorization header carries it"', false],
    ['header', hasRawHeader, '"text":"headers: { Authorization: `Bearer ${token}` }"', false],
    ['header', hasRawHeader, '"text":"curl -H \'Authorization: Basic YWxpY2U6RmFsY29u\'"', true],
    ['header', hasRawHeader, '"text":"{\\"Authorization\\": \\"Token 22cb9878\\"}"', true],
    ['header', hasRawHeader, '"text":"Cookie: sessionid=8f7e6d5c"', true],
    // sentences: a connector after token/secret, a value that is not a plain word
    ['prose', hasRawProse, '"text":"the token is never refreshed."', false],
    ['prose', hasRawProse, '"text":"refresh the token before retry"', false],
    ['prose', hasRawProse, '"text":"the token is ab12cd34"', true],
    ['prose', hasRawProse, '"text":"temporary password Falcon-42x"', true],
    ['prose', hasRawProse, '"text":"the password is\\nhunter22"', true], // raw text of a malformed line: one value
    ['prose', hasRawProse, '"text":"the password is hunter\\/22"', true],
    // A JSON line is walked, its raw text never read: the decoded value ends at `\n` or the closing quote
    ['prose', hasRawProse, '{"text":"if token is None:\\n    raise KeyError(42)"}', false],
    ['prose', hasRawProse, '{"text":"if token is None:\\n    raise KeyError(42)"', true], // truncated: read as text
    ['prose', hasRawProse, '{"text":"the token is None","id":"x1"}', false],
    ['prose', hasRawProse, '{"text":"the token is \\"ab12\\""}', true],
    ['prose', hasRawProse, '{"text":"{\\"m\\":\\"passcode 482913\\"}"}', true], // JSON in a string: read once more
  ];
  for (const [name, check, raw, expected] of table) assert.equal(check(raw), expected, `${name}: ${raw}`);
});
