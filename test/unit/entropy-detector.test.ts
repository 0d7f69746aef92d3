// high_entropy: exact spans on realistic tokens, silence on UUIDs, digests, words, paths and blobs,
// configured thresholds, and field types moving the thresholds (tool inputs stricter than results).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../shared/engine/index';
import { defaultEngineOptions, type EngineOptions } from '../../shared/options';
import { DEFAULT_HIGH_ENTROPY, findHighEntropy, shannonEntropy, type FieldType, type HighEntropySettings } from '../../shared/detectors/high-entropy';

function spans(text: string, fieldType?: FieldType, settings: HighEntropySettings = DEFAULT_HIGH_ENTROPY): string[] {
  const out: string[] = [];
  findHighEntropy(text, fieldType, settings, (s, e) => out.push(text.slice(s, e)));
  return out;
}

// Fake, random-looking credentials (not real keys).
const B64_40 = 'xJW85RKTjrXp3l2pdI4YTHRu3kowQ2hZAPfWq6SB'; // 40 chars, 5.02 bits/char
const B64_24 = 'AKTSg9gj455iuFJd5oBLuwsx'; // 24 chars, 4.22 bits/char
const HEX_48 = '9f2c4e7a1b3d5f60718293a4b5c6d7e8f9012a3b4c5d6e7f'; // 48 hex, no hash length

test('entropy: Shannon entropy in bits per character', () => {
  assert.equal(shannonEntropy('aaaa'), 0);
  assert.equal(shannonEntropy('abab'), 1);
  assert.equal(shannonEntropy('abcdefgh'), 3);
  assert.equal(shannonEntropy('0123456789abcdef'), 4);
  assert.equal(shannonEntropy(''), 0);
});

const cases: { name: string; text: string; fieldType?: FieldType; found: string[] }[] = [
  { name: 'a random 40-char token in prose', text: `the key is ${B64_40}, keep it`, found: [B64_40] },
  { name: 'base64 padding is not part of the span', text: `auth ${B64_40}== done`, found: [B64_40] },
  { name: 'a 48-char hex secret (no hash length)', text: `int_${HEX_48}`, found: [`int_${HEX_48}`] },
  { name: 'a 24-char token is too short for general text', text: `token ${B64_24}`, found: [] },
  { name: '... but found in a tool input (stricter)', text: `curl -H "X-Key: ${B64_24}"`, fieldType: 'tool_input', found: [B64_24] },
  { name: 'UUID', text: 'run 550e8400-e29b-41d4-a716-446655440000 done', found: [] },
  { name: 'UUID-based id', text: 'run_550e8400-e29b-41d4-a716-446655440000', found: [] },
  { name: 'git SHA (40 hex)', text: 'commit 3f786850e387550fdab836ed7e6dc881de23001b', found: [] },
  { name: 'sha256 digest', text: 'sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', found: [] },
  { name: 'md5 digest', text: 'd41d8cd98f00b204e9800998ecf8427e', found: [] },
  { name: 'identifier without digits', text: 'thisIsAVeryLongCamelCaseIdentifierName', fieldType: 'tool_input', found: [] },
  { name: 'file path', text: '/usr/lib/python3.12/site-packages/tracecraft/instrumentation/decorators.py', fieldType: 'tool_input', found: [] },
  { name: 'digits only (epoch ms, phone-like runs)', text: '17000000000001234567890', found: [] },
  { name: 'a long base64 blob is data, not a credential', text: 'data:image/png;base64,' + 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg'.repeat(8), found: [] },
];

for (const c of cases) {
  test(`entropy: ${c.name}`, () => {
    assert.deepEqual(spans(c.text, c.fieldType), c.found);
  });
}

test('entropy: tool results are judged less strictly than general text', () => {
  // A 32-char token of 4.60 bits/char: over 4.5 but under 4.75.
  const t = '6wf4Yk3cUu32LPVDIpyOiRLln44PqHzU';
  assert.ok(shannonEntropy(t) >= 4.5 && shannonEntropy(t) < 4.75, String(shannonEntropy(t)));
  assert.deepEqual(spans(t, 'general'), [t]);
  assert.deepEqual(spans(t, 'reasoning'), [t]);
  assert.deepEqual(spans(t, 'tool_result'), []);
  assert.deepEqual(spans(t, 'tool_input'), [t]);
});

test('entropy: configured thresholds and includeHashes', () => {
  const strict: HighEntropySettings = { ...DEFAULT_HIGH_ENTROPY, base64Threshold: 3.5 };
  assert.deepEqual(spans(`token ${B64_24}`, 'general', strict), [B64_24]);
  const lax: HighEntropySettings = { ...DEFAULT_HIGH_ENTROPY, base64Threshold: 6 };
  assert.deepEqual(spans(`key ${B64_40}`, 'tool_input', lax), []);
  const hashes: HighEntropySettings = { ...DEFAULT_HIGH_ENTROPY, includeHashes: true };
  assert.deepEqual(spans('commit 3f786850e387550fdab836ed7e6dc881de23001b', 'general', hashes), ['3f786850e387550fdab836ed7e6dc881de23001b']);
});

test('entropy: linear on a huge token-like input', () => {
  const text = ('a1'.repeat(300) + ' ').repeat(5000);
  assert.deepEqual(spans(text), []);
});

// Through the engine: off by default, on when configured, thresholds from options, field types
// from the value context, and named detectors keep their spans.

function engine(extra: Partial<EngineOptions> = {}, on = true): Engine {
  const o = { ...defaultEngineOptions(), ...extra };
  if (on) o.detectors = { ...o.detectors, high_entropy: { enabled: true } };
  return new Engine(o);
}

const found = (e: Engine, value: string, fieldType?: FieldType) =>
  e.scanValue(value, { path: 'steps[0].inputs.command', key: 'command', fieldType }).map((m) => [m.detector, m.start, m.end, m.severity]);

test('entropy engine: off by default', () => {
  assert.deepEqual(found(engine({}, false), `deploy --build ${B64_40}`), []);
});

test('entropy engine: on, with the field type from the value context', () => {
  const e = engine();
  assert.deepEqual(found(e, `deploy --build ${B64_40}`), [['high_entropy', 15, 55, 'warning']]);
  assert.deepEqual(found(e, `curl -H "X-Key: ${B64_24}"`, 'tool_input'), [['high_entropy', 16, 40, 'warning']]);
  assert.deepEqual(found(e, `curl -H "X-Key: ${B64_24}"`, 'tool_result'), []);
  assert.deepEqual(found(e, `curl -H "X-Key: ${B64_24}"`), []);
});

test('entropy engine: thresholds from EngineOptions.highEntropy', () => {
  const e = engine({ highEntropy: { base64Threshold: 4.0, fieldTypeDelta: { tool_result: 0 } } });
  assert.deepEqual(found(e, `key ${B64_24}`, 'tool_result'), [['high_entropy', 4, 28, 'warning']]);
  assert.equal(e.mayContainFinding(`{"k": "${B64_24}"}`), true);
});

test('entropy engine: a named detector keeps its span; UUIDs stay quiet', () => {
  const e = engine();
  const key = 'sk-proj-' + B64_40;
  assert.deepEqual(found(e, `use ${key} now`).map((f) => f[0]), ['openai_api_key']);
  assert.deepEqual(found(e, 'trace 550e8400-e29b-41d4-a716-446655440000', 'tool_input'), []);
});
