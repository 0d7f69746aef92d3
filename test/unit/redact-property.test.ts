// Property tests (fast-check): random JSON Lines with secrets planted in values, keys and JSON
// inside strings, escaped in the ways writers escape (`\/`, `\u0040`, CRLF), redacted with the real
// engine in every mode. Always: the output has the same lines, every line is valid JSON, a scan of
// it finds nothing, and every value without a finding is unchanged, token for token.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { Engine } from '../../shared/engine/index';
import { defaultEngineOptions } from '../../shared/options';
import { scanTraceText, redactTraceText } from '../../shared/traces/index';
import { walkJson } from '../../shared/json/walker';
import { decodeJsonString } from '../../shared/json/strings';

const SECRETS = fc.oneof(
  fc.stringMatching(/^sk-proj-[A-Za-z0-9]{40}$/),
  fc.stringMatching(/^AKIA[A-Z2-7]{16}$/),
  fc.stringMatching(/^ghp_[A-Za-z0-9]{36}$/),
  fc.stringMatching(/^[a-z]{3,8}\.[a-z]{2,8}@[a-z]{4,9}-mail\.(com|io|net)$/),
  fc.constantFrom(
    'sk-ant-api03-Qm9ndXNLZXlGb3JUZXN0aW5nT25seQ-abcdefghij',
    'xoxb-1234567890-1234567890-AbCdEfGhIjKlMnOpQrStUvWx',
    'sk_live_4eC39HqLyjWDarjtT1zdp7dc',
    'AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q',
    'Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjMifQ.c2lnbmF0dXJlLWZvci10ZXN0',
    'password=Tr0ub4dor&3x',
    '4111 1111 1111 1111',
    '(415) 555-0143',
    '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----',
  ),
);
const TEXT = fc.string({ maxLength: 12 });
const PLANTED = fc.tuple(TEXT, SECRETS, TEXT).map(([a, s, b]) => `${a} ${s} ${b}`);
const KEY = fc.oneof(fc.constantFrom('api_key', 'password', 'token', 'note', 'email', 'inputs', 'result', 'max_tokens'), fc.string({ maxLength: 8 }));

const { node: JSON_TREE } = fc.letrec<{ node: unknown }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.oneof(TEXT, PLANTED, fc.integer(), fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), fc.constant(null)),
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(KEY, tie('node'), { maxKeys: 4 }),
    // JSON encoded inside a string, as tool outputs and OTLP attributes hold it.
    tie('node').map((v) => JSON.stringify(v) ?? 'null'),
  ),
}));

const LINES = fc.record({
  values: fc.array(JSON_TREE, { minLength: 1, maxLength: 4 }),
  slashes: fc.boolean(),
  at: fc.boolean(),
  crlf: fc.boolean(),
});

function toText({ values, slashes, at, crlf }: { values: unknown[]; slashes: boolean; at: boolean; crlf: boolean }): string {
  return values
    .map((v) => {
      let line = JSON.stringify(v) ?? 'null';
      // `/` and `@` only occur inside strings in JSON text, so these are valid escapes wherever they land.
      if (slashes) line = line.replace(/\//g, '\\/');
      if (at) line = line.replace(/@/g, '\\u0040');
      return line;
    })
    .join(crlf ? '\r\n' : '\n') + '\n';
}

/** Every key, string and number of a JSON text, in order, decoded, with its raw range. */
function tokens(text: string): Array<{ start: number; end: number; value: string }> {
  const out: Array<{ start: number; end: number; value: string }> = [];
  const err = walkJson(text, {
    string(_w, _k, s, e) {
      out.push({ start: s, end: e, value: decodeJsonString(text, s, e)!.value });
    },
    number(_w, s, e) {
      out.push({ start: s, end: e, value: text.slice(s, e) });
    },
  });
  assert.equal(err, null);
  return out;
}

for (const mode of ['mask', 'hash', 'remove'] as const) {
  test(`property: redaction (${mode}) keeps JSON valid, lines and clean values as they were, and leaves nothing to find`, () => {
    const engine = new Engine({ ...defaultEngineOptions(), mode });
    fc.assert(
      fc.property(LINES, (input) => {
        const text = toText(input);
        const before = scanTraceText(text, 'p.jsonl', engine);
        assert.deepEqual(before.problems, []);
        const out = redactTraceText(text, engine, 'p.jsonl');
        const inLines = text.split('\n');
        const outLines = out.text.split('\n');
        assert.equal(outLines.length, inLines.length);
        assert.deepEqual(scanTraceText(out.text, 'p.jsonl', engine).findings, []);
        inLines.forEach((line, i) => {
          if (line.trim() === '') return;
          assert.doesNotThrow(() => JSON.parse(outLines[i]));
          const a = tokens(line);
          const b = tokens(outLines[i]);
          assert.equal(b.length, a.length);
          const hits = before.findings.filter((f) => f.range.line === i);
          a.forEach((t, k) => {
            if (t.value === b[k].value) return;
            const covered = hits.some((f) => f.range.column < t.end && f.range.endColumn > t.start);
            assert.ok(covered, `token ${JSON.stringify(t.value)} changed without a finding`);
          });
        });
      }),
      { numRuns: 60 },
    );
  });
}

test('property: planted key-format secrets are found where they were planted', () => {
  const engine = new Engine(defaultEngineOptions());
  fc.assert(
    fc.property(fc.stringMatching(/^sk-proj-[A-Za-z0-9]{40}$/), fc.string({ maxLength: 6 }), (secret, pad) => {
      const text = JSON.stringify({ inputs: { note: `${pad} ${secret} `, nested: JSON.stringify({ k: secret }) } });
      const f = scanTraceText(text, 'p.json', engine).findings.filter((x) => x.ruleId === 'openai_api_key');
      assert.deepEqual(f.map((x) => [x.jsonPath, x.secret]), [['inputs.note', secret], ['inputs.nested#k', secret]]);
    }),
    { numRuns: 40 },
  );
});
