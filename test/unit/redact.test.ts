// The redaction writer: exact redacted text (secrets replaced and re-escaped per string layer,
// nothing else touched), per-detector counts, modes, and the file writer's safety rules.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, statSync, chmodSync } from 'node:fs';
import { gzipSync, gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeEngine } from './fixtures/traces/fake-engine';
import { redactTraceText, redactTraceFile, RedactError } from '../../shared/redact/index';
import { scanTraceText } from '../../shared/traces/index';

const dir = mkdtempSync(join(tmpdir(), 'tracelint-redact-'));

const cases: Array<{ name: string; mode?: 'mask' | 'hash' | 'remove'; input: string; output: string; counts: Record<string, number> }> = [
  {
    name: 'plain values, keys untouched, other bytes untouched',
    input: '{"user":"bob@x.io", "api_key" : "hunter2!"}\n{"clean":true}\n',
    output: '{"user":"[REDACTED]", "api_key" : "[REDACTED]"}\n{"clean":true}\n',
    counts: { email: 1, sensitive_field: 1 },
  },
  {
    name: 'escapes inside the secret are replaced with it; escapes around it stay',
    input: '{"note":"a\\/b alice\\u0040corp.io\\n"}',
    output: '{"note":"a\\/b [REDACTED]\\n"}',
    counts: { email: 1 },
  },
  {
    name: 'JSON in a string: replaced inside the inner JSON, re-escaped for the outer string',
    input: JSON.stringify({ result: JSON.stringify({ rows: [{ email: 'bob@x.io', n: 5551234567 }] }) }) + '\n',
    output: '{"result":"{\\"rows\\":[{\\"email\\":\\"[REDACTED]\\",\\"n\\":\\"[REDACTED]\\"}]}"}\n',
    counts: { email: 1, phone: 1 },
  },
  {
    name: 'a number token becomes a JSON string; hash mode',
    mode: 'hash',
    input: '{"phone":5551234567}\r\n',
    output: '{"phone":"[HASH:3c95277da5fd0da6]"}\r\n',
    counts: { phone: 1 },
  },
  {
    name: 'remove mode leaves an empty string',
    mode: 'remove',
    input: '{"k":"mail bob@x.io now"}',
    output: '{"k":"mail  now"}',
    counts: { email: 1 },
  },
  {
    name: 'a malformed line keeps its shape; its secret is still replaced',
    input: '{"a":1}\n{"k": "sk-abcdefghijklmnop",\n',
    output: '{"a":1}\n{"k": "[REDACTED]",\n',
    counts: { openai_api_key: 1 },
  },
];

for (const c of cases) {
  test(`redactTraceText: ${c.name}`, () => {
    const engine = new FakeEngine(c.mode ?? 'mask');
    const r = redactTraceText(c.input, engine, 'x.jsonl');
    assert.equal(r.text, c.output);
    assert.deepEqual(r.counts, c.counts);
    assert.equal(r.text.split('\n').length, c.input.split('\n').length);
    assert.deepEqual(scanTraceText(r.text, 'x.jsonl', engine).findings, []);
  });
}

test('redactTraceText on a pretty-printed JSON document keeps its layout', () => {
  const input = '{\n  "attributes": [\n    {"key": "authorization", "value": {"stringValue": "Bearer abc.def"}}\n  ]\n}\n';
  const r = redactTraceText(input, new FakeEngine(), 'otlp.json');
  assert.equal(r.text, '{\n  "attributes": [\n    {"key": "authorization", "value": {"stringValue": "[REDACTED]"}}\n  ]\n}\n');
  assert.deepEqual(r.counts, { sensitive_field: 1 });
});

test('redactTraceFile writes a redacted copy atomically and leaves the input alone', async () => {
  const input = join(dir, 'a.jsonl');
  const text = '{"e":"bob@x.io"}\n{"x":1}\n{"e":"sk-abcdefghijklmnop"}';
  writeFileSync(input, text);
  chmodSync(input, 0o600);
  const out = join(dir, 'a.redacted.jsonl');
  const r = await redactTraceFile(input, out, new FakeEngine(), { batchBytes: 8 });
  assert.equal(readFileSync(out, 'utf8'), '{"e":"[REDACTED]"}\n{"x":1}\n{"e":"[REDACTED]"}');
  assert.equal(readFileSync(input, 'utf8'), text);
  assert.deepEqual(r.counts, { email: 1, openai_api_key: 1 });
  assert.equal(r.lines, 3);
  assert.equal(statSync(out).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(dir).filter((n) => n.endsWith('.tmp')), []);
});

test('redactTraceFile refuses to write over its input unless in place', async () => {
  const input = join(dir, 'b.jsonl');
  writeFileSync(input, '{"e":"bob@x.io"}\n');
  await assert.rejects(redactTraceFile(input, input, new FakeEngine()), RedactError);
  await assert.rejects(redactTraceFile(input, undefined, new FakeEngine()), /refusing to write the redacted copy over the input/);
  assert.equal(readFileSync(input, 'utf8'), '{"e":"bob@x.io"}\n');
  await redactTraceFile(input, undefined, new FakeEngine(), { inPlace: true });
  assert.equal(readFileSync(input, 'utf8'), '{"e":"[REDACTED]"}\n');
});

test('redactTraceFile: gzip in and out, JSON documents, binary input refused', async () => {
  const gz = join(dir, 'c.jsonl.gz');
  writeFileSync(gz, gzipSync('{"e":"bob@x.io"}\n'));
  await redactTraceFile(gz, join(dir, 'c.out.jsonl.gz'), new FakeEngine());
  assert.equal(gunzipSync(readFileSync(join(dir, 'c.out.jsonl.gz'))).toString(), '{"e":"[REDACTED]"}\n');
  await redactTraceFile(gz, join(dir, 'c.out.jsonl'), new FakeEngine());
  assert.equal(readFileSync(join(dir, 'c.out.jsonl'), 'utf8'), '{"e":"[REDACTED]"}\n');
  const doc = join(dir, 'run.json');
  writeFileSync(doc, '{\n  "run_id": "r",\n  "user": "bob@x.io"\n}\n');
  const r = await redactTraceFile(doc, join(dir, 'run.out.json'), new FakeEngine());
  assert.equal(readFileSync(join(dir, 'run.out.json'), 'utf8'), '{\n  "run_id": "r",\n  "user": "[REDACTED]"\n}\n');
  assert.equal(r.lines, 4);
  const bin = join(dir, 'bin.jsonl');
  writeFileSync(bin, Buffer.from([1, 0, 2]));
  await assert.rejects(redactTraceFile(bin, join(dir, 'bin.out'), new FakeEngine()), /binary data/);
});

test('in place through a symlink replaces the file it points to and keeps the link', async () => {
  const { symlinkSync, lstatSync } = await import('node:fs');
  const real = join(dir, 'real.jsonl');
  const link = join(dir, 'link.jsonl');
  writeFileSync(real, '{"e":"bob@x.io"}\n');
  symlinkSync(real, link);
  await redactTraceFile(link, undefined, new FakeEngine(), { inPlace: true });
  assert.equal(lstatSync(link).isSymbolicLink(), true);
  assert.equal(readFileSync(real, 'utf8'), '{"e":"[REDACTED]"}\n');
});
