// .agentdbg/config.yaml in both shapes (real AgentDbg's top-level keys, the security guide's
// `redaction:` section), with the exact source spans rules point at, and AgentDbg's own reading
// of odd values (PyYAML's YAML 1.1 booleans, Python's bool() of a string).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyAgentDbgConfig, effectiveAgentDbgRedaction, parseAgentDbgConfig } from '../../shared/config';
import { defaultEngineOptions } from '../../shared/options';

const slice = (text: string, span: { start: number; end: number }) => text.slice(span.start, span.end);

test('real AgentDbg shape: redact, redact_keys, max_field_bytes with spans', () => {
  const text = 'data_dir: ./runs\nredact: false\nredact_keys:\n  - api_key\n  - "session_id"\nmax_field_bytes: 50\n';
  const m = parseAgentDbgConfig(text);
  assert.equal(m.shape, 'agentdbg');
  assert.equal(m.enabled?.value, false);
  assert.equal(m.enabled?.key, 'redact');
  assert.equal(slice(text, m.enabled!.span), 'false');
  assert.equal(slice(text, m.enabled!.keySpan!), 'redact');
  assert.deepEqual(m.keys.map((k) => [k.value, slice(text, k.span), k.style]), [['api_key', 'api_key', 'PLAIN'], ['session_id', '"session_id"', 'QUOTE_DOUBLE']]);
  assert.equal(m.maxFieldBytes?.value, 100);
  assert.deepEqual(m.problems.map((p) => [p.message, slice(text, p.span)]), [['max_field_bytes below 100 is raised to 100 by AgentDbg', '50']]);
  assert.deepEqual(effectiveAgentDbgRedaction(m), { enabled: false, keys: ['api_key', 'session_id'], patterns: [], placeholder: '__REDACTED__', maxFieldBytes: 100 });
});

test("the guide's shape: redaction.enabled, keys, patterns, placeholder, aggressive_mode", () => {
  const text = [
    'redaction:',
    '  enabled: true # ON by default',
    '  aggressive_mode: true',
    '  keys:',
    '    - api_key',
    '    - personal_data',
    '  patterns:',
    '    - "\\\\b\\\\d{3}-\\\\d{2}-\\\\d{4}\\\\b" # SSN',
    "    - 'sk-[a-zA-Z0-9]{20,}'",
    '  max_field_bytes: 10000',
    '  redaction_placeholder: "***REDACTED***"',
    '',
  ].join('\n');
  const m = parseAgentDbgConfig(text);
  assert.equal(m.shape, 'guide');
  assert.equal(m.enabled?.key, 'redaction.enabled');
  assert.equal(slice(text, m.enabled!.span), 'true');
  assert.equal(m.aggressiveMode?.value, true);
  assert.deepEqual(m.keys.map((k) => k.value), ['api_key', 'personal_data']);
  assert.deepEqual(m.patterns.map((p) => [p.value, slice(text, p.span), p.style]), [
    ['\\b\\d{3}-\\d{2}-\\d{4}\\b', '"\\\\b\\\\d{3}-\\\\d{2}-\\\\d{4}\\\\b"', 'QUOTE_DOUBLE'],
    ['sk-[a-zA-Z0-9]{20,}', "'sk-[a-zA-Z0-9]{20,}'", 'QUOTE_SINGLE'],
  ]);
  assert.equal(m.placeholder?.value, '***REDACTED***');
  assert.equal(m.maxFieldBytes?.value, 10000);
  assert.deepEqual(m.problems, []);
});

test('AgentDbg reads YAML 1.1: `redact: no` / `off` are false; a quoted "false" is true (and reported)', () => {
  assert.equal(parseAgentDbgConfig('redact: no\n').enabled?.value, false);
  assert.equal(parseAgentDbgConfig('redact: off\n').enabled?.value, false);
  assert.equal(parseAgentDbgConfig('redact: 0\n').enabled?.value, false);
  assert.equal(parseAgentDbgConfig('redact:\n').enabled?.value, true);
  const quoted = 'redact: "false"\n';
  const m = parseAgentDbgConfig(quoted);
  assert.equal(m.enabled?.value, true);
  assert.deepEqual(m.problems.map((p) => [p.message, slice(quoted, p.span)]), [
    ['redact: the quoted string "false" is true to AgentDbg (bool of a non-empty string); write redact: false to turn redaction off', '"false"'],
  ]);
});

test('malformed settings are problems with places, never exceptions', () => {
  const text = 'redact_keys: api_key,token\nredaction:\n  enabled: maybe\n  patterns: [1, "ok"]\n';
  const m = parseAgentDbgConfig(text);
  assert.deepEqual(m.problems.map((p) => [p.message, slice(text, p.span)]), [
    ['redact_keys must be a list; AgentDbg ignores a comma-separated string and keeps its default keys', 'api_key,token'],
    ['redaction.enabled must be true or false', 'maybe'],
    ['redaction.patterns: every entry must be a string', '1'],
  ]);
  assert.deepEqual(m.patterns.map((p) => p.value), ['ok']);
  assert.deepEqual(effectiveAgentDbgRedaction(m).keys, ['api_key', 'authorization', 'cookie', 'password', 'secret', 'token']);

  assert.deepEqual(parseAgentDbgConfig('- a\n- b\n').problems.map((p) => p.message), ['AgentDbg ignores this file: the document is not a mapping']);
  assert.deepEqual(parseAgentDbgConfig('redact: [\n').problems.length > 0, true);
  assert.deepEqual(parseAgentDbgConfig(`redact: ${'{a: '.repeat(5000)}`).problems.map((p) => p.message), ['not read: brackets nested more than 100 deep']);
  assert.equal(parseAgentDbgConfig('\u0000\u0001binary\uffff').shape, 'none');
});

test('applyAgentDbgConfig adds keys, compilable patterns and the placeholder as an allowed value', () => {
  const m = parseAgentDbgConfig('redact_keys: [api_key, db_password]\nredaction:\n  patterns: ["TCK-\\\\d{6}", "(unclosed"]\n');
  const o = applyAgentDbgConfig(defaultEngineOptions(), m);
  assert.deepEqual(o.sensitiveKeys.names.slice(-1), ['db_password']);
  assert.equal(o.sensitiveKeys.names.filter((n) => n === 'api_key').length, 1);
  assert.deepEqual(o.customPatterns, [{ name: 'agentdbg_pattern_1', pattern: 'TCK-\\d{6}' }]);
  assert.deepEqual(o.allowlist, ['__REDACTED__']);
});

test('the bundled examples/.agentdbg/config.yaml uses both shapes with redaction on and one custom pattern', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'examples', '.agentdbg', 'config.yaml'), 'utf8');
  const m = parseAgentDbgConfig(text);
  assert.equal(m.shape, 'both');
  assert.equal(m.enabled?.value, true);
  assert.deepEqual(m.patterns.map((p) => p.value), ['TCK-\\d{6}']);
  assert.deepEqual(m.problems, []);
});

test('offsetOf maps decoded pattern indexes through YAML quotes and escapes', () => {
  const text = 'redaction:\n  patterns:\n    - "a\\\\d\\x41b"\n    - \'it\'\'s\\d\'\n    - plain\\d+\n';
  const [dq, sq, plain] = parseAgentDbgConfig(text).patterns;
  assert.equal(dq.value, 'a\\dAb');
  assert.deepEqual([0, 1, 2, 3, 4, 5].map((i) => text[dq.offsetOf!(i)]), ['a', '\\', 'd', '\\', 'b', '"']);
  assert.equal(sq.value, "it's\\d");
  assert.deepEqual([0, 2, 3, 4, 6].map((i) => text[sq.offsetOf!(i)]), ['i', "'", 's', '\\', "'"]);
  assert.equal(plain.value, 'plain\\d+');
  assert.equal(text.slice(plain.offsetOf!(5), plain.offsetOf!(8)), '\\d+');
});
