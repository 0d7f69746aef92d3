// What the configuration changes: key names and their semantics, allowlists, field paths, custom
// strings and patterns, markers and placeholders, detectors switched off, severities.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../shared/engine/index';
import { defaultEngineOptions, type EngineOptions } from '../../shared/options';

function engine(over: Partial<EngineOptions> = {}): Engine {
  return new Engine({ ...defaultEngineOptions(), ...over });
}
type Hit = [string, number, number];
const hits = (ms: { detector: string; start: number; end: number }[]): Hit[] => ms.map((m) => [m.detector, m.start, m.end]);
const OPENAI = 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq';

/** Real key names from agent traces and code: credentials, and look-alikes that are not. */
const SENSITIVE = [
  'api_key', 'apiKey', 'API-KEY', 'x_api_key', 'x-api-key', 'X-Api-Key', 'openai_api_key', 'OPENAI_API_KEY', 'apikey', 'APIKEY',
  'clientSecret', 'client_secret', 'secret', 'webhook_secret', 'token', 'access_token', 'accessToken', 'refresh_token',
  'id_token', 'auth_token', 'authToken', 'password', 'db_password', 'dbPassword', 'DB_PASSWORD', 'passwd', 'pwd',
  'passphrase', 'credential', 'credentials', 'authorization', 'Authorization', 'auth', 'user_auth', 'cookie', 'cookies',
  'Set-Cookie', 'private_key', 'privateKey', 'ssn', 'credit_card', 'credit_card_number', 'password_hash', 'api_key_prod',
  'secret_key', 'aws_secret_access_key', 'csrf_token', 'next_page_token',
];
const NOT_SENSITIVE = [
  'max_tokens', 'maxTokens', 'input_tokens', 'output_tokens', 'total_tokens', 'token_count', 'tokenCount', 'tokens',
  'tokenizer', 'token_type', 'token_limit', 'num_tokens', 'max_token', 'secret_santa_list', 'secret_name', 'secretName',
  'password_policy', 'password_min_length', 'auth_method', 'auth_type', 'author', 'authority', 'oauth_provider',
  'session_id', 'keyboard', 'key', 'monkey', 'cookie_policy', 'is_secret', 'has_password', 'use_auth', 'password_file',
  'token_url', 'private_key_id', 'prompt_tokens', 'completion_tokens', 'cached_tokens',
];

test('sensitive key names: normalised word tokens, counters and settings excluded', () => {
  const e = engine();
  assert.deepEqual(SENSITIVE.filter((k) => !e.isSensitiveKey(k)), []);
  assert.deepEqual(NOT_SENSITIVE.filter((k) => e.isSensitiveKey(k)), []);
});

test("AgentDbg's case-insensitive substring semantics, on request", () => {
  const e = engine({ sensitiveKeys: { names: ['token', 'api_key'], substring: true } });
  assert.equal(e.isSensitiveKey('max_tokens'), true);
  assert.equal(e.isSensitiveKey('MY_API_KEY_2'), true);
  assert.equal(e.isSensitiveKey('apiKey'), false);
  // Nested values under a matching key are sensitive too, as AgentDbg redacts the whole value.
  assert.deepEqual(hits(e.scanValue('hello', { path: 'payload.auth_token.value', key: 'value' })), [['sensitive_field', 0, 5]]);
});

test('sensitive_field: any string under the key; not empty, not a stand-in literal, not a marker', () => {
  const e = engine();
  const at = (v: string, key = 'password') => hits(e.scanValue(v, { path: `inputs.${key}`, key }));
  assert.deepEqual(at('hunter2'), [['sensitive_field', 0, 7]]);
  assert.deepEqual(at('x'), [['sensitive_field', 0, 1]]);
  assert.deepEqual(at('hunter2', 'max_tokens'), []);
  assert.deepEqual(at(''), []);
  assert.deepEqual(at('   '), []);
  assert.deepEqual(at('null'), []);
  assert.deepEqual(at('[REDACTED]'), []);
  assert.deepEqual(at('[HASH:0123456789abcdef]'), []);
  assert.deepEqual(at('__REDACTED__'), []);
  assert.deepEqual(at('***REDACTED***'), []);
  assert.deepEqual(at('[EXCLUDED]'), []);
  assert.deepEqual(at('Bearer [REDACTED]', 'authorization'), []);
  // The key alone decides: path's last key when no key is given, array elements included.
  assert.deepEqual(hits(e.scanValue('abc', { path: 'steps[2].inputs.api_keys[0]' })), [['sensitive_field', 0, 3]]);
});

test('allowlist values (exact) and allowlist patterns (fullmatch) are never findings', () => {
  const e = engine({ allowlist: [OPENAI, 'hunter2'], allowlistPatterns: ['.*@example\\.com', 'sk-test-[a-z0-9]+'] });
  assert.deepEqual(hits(e.scanText(`key ${OPENAI}`)), []);
  assert.deepEqual(hits(e.scanValue('hunter2', { path: 'password', key: 'password' })), []);
  assert.deepEqual(hits(e.scanText('mail jane@example.com or jane@example.org')), [['email', 25, 41]]);
  // fullmatch: a pattern matching part of the value does not allow it.
  assert.deepEqual(hits(engine({ allowlistPatterns: ['jane'] }).scanText('jane@example.org')), [['email', 0, 16]]);
  // An allowlisted key inside a sensitive value is a hole: the rest is still reported.
  assert.deepEqual(hits(e.scanValue(`user ${OPENAI}`, { path: 'secret', key: 'secret' })), [['sensitive_field', 0, 5]]);
  const bad = engine({ allowlistPatterns: ['(unclosed'] }).problems;
  assert.equal(bad.length, 1);
  assert.match(bad[0], /^allowlist pattern #1 is not a valid regular expression: /);
});

test('field-path rules: dotted path (indices ignored) or leaf key', () => {
  const e = engine({ fieldPaths: [{ name: 'internal_query', paths: ['inputs.query', 'customer_notes'] }] });
  const at = (path: string) => hits(e.scanValue('plain words', { path, key: path.split('.').pop()!.replace(/\[\d+\]$/, '') }));
  assert.deepEqual(at('steps[2].inputs.query'), [['internal_query', 0, 11]]);
  assert.deepEqual(at('inputs.query'), [['internal_query', 0, 11]]);
  assert.deepEqual(at('steps[0].children[1].customer_notes'), [['internal_query', 0, 11]]);
  assert.deepEqual(at('steps[2].outputs.query'), []);
  assert.deepEqual(at('steps[2].inputs.query_id'), []);
  assert.deepEqual(at('steps[2].xinputs.query'), []);
});

test('custom strings and custom patterns (Python syntax), generic: a specific key keeps its span', () => {
  const e = engine({ customStrings: ['Nightjar'], customPatterns: [{ name: 'ticket_id', pattern: 'TCK-\\d{6}', severity: 'info' }] });
  const ms = e.scanText('Project Nightjar, ticket TCK-004211, key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq');
  assert.deepEqual(hits(ms), [['custom_string', 8, 16], ['ticket_id', 25, 35], ['openai_api_key', 41, 103]]);
  assert.equal(ms[1].severity, 'info');
  const wide = engine({ customPatterns: [{ name: 'anything_after_key', pattern: 'key .*' }] });
  // What is left of the generic match: ` end`; the word `key ` alone names a scheme, not a secret.
  assert.deepEqual(hits(wide.scanText(`key ${OPENAI} end`)), [['openai_api_key', 4, 66], ['anything_after_key', 66, 70]]);
  const bad = engine({ customPatterns: [{ name: 'broken', pattern: '(?P<x' }] });
  assert.equal(bad.problems.length, 1);
  assert.match(bad.problems[0], /^custom pattern "broken" is not a valid regular expression: /);
});

test('detectors switched off, severities overridden, a configured placeholder is a marker', () => {
  const e = engine({ detectors: { email: { enabled: false }, phone: { severity: 'info' } }, placeholder: '<secret>' });
  const ms = e.scanText('jane@example.org (415) 555-0132');
  assert.deepEqual(hits(ms), [['phone', 17, 31]]);
  assert.equal(ms[0].severity, 'info');
  assert.deepEqual(hits(e.scanValue('<secret>', { path: 'password', key: 'password' })), []);
  assert.equal(e.replacement(ms[0]), '<secret>');
});

test('precedence: anthropic over openai, specific keys over PII, PEM body wins over what it contains', () => {
  const e = engine();
  assert.deepEqual(hits(e.scanText('sk-ant-api03-Zx8yW6vU4tS2rQ0pOn8mLk6jIh4gFe2dCb0aZy8xW')).map((h) => h[0]), ['anthropic_api_key']);
  const pem = '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQD4155550132xyz\nAKIAVRNKNO4UV3NI2WDV0000000000\n-----END PRIVATE KEY-----';
  assert.deepEqual(hits(e.scanText(pem)), [['private_key', 0, pem.length]]);
  assert.deepEqual(hits(e.scanText('password=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq')), [['openai_api_key', 9, 71]]);
});
