// The Engine API end to end: key-driven rules, overlap precedence, allowlists, markers, modes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { Engine } from '../../shared/engine/index';
import { defaultEngineOptions, type EngineOptions } from '../../shared/options';

const OPENAI = 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq';
const ANTHROPIC = 'sk-ant-api03-Zx8yW6vU4tS2rQ0pOn8mLk6jIh4gFe2dCb0aZy8xWv6uTs4rQp2oNm0lKj8i';

function engine(over: Partial<EngineOptions> = {}): Engine {
  return new Engine({ ...defaultEngineOptions(), ...over });
}
const brief = (ms: { detector: string; start: number; end: number }[]) => ms.map((m) => [m.detector, m.start, m.end]);

test('a specific key inside a sensitive value reports the specific detector for its span', () => {
  const e = engine();
  assert.deepEqual(brief(e.scanValue(`Bearer ${OPENAI}`, { path: 'headers.authorization', key: 'authorization' })), [['openai_api_key', 7, 69]]);
  assert.deepEqual(brief(e.scanValue(ANTHROPIC, { path: 'inputs.password', key: 'password' })), [['anthropic_api_key', 0, 73]]);
  assert.deepEqual(brief(e.scanValue(`user=bob ${OPENAI}`, { path: 'inputs.db_password', key: 'db_password' })), [
    ['sensitive_field', 0, 9],
    ['openai_api_key', 9, 71],
  ]);
});

test('a mask under a credential key is no finding: no letter or digit in it', () => {
  const e = engine();
  assert.deepEqual(brief(e.scanValue('**********', { path: 'metadata.llm_config.api_key', key: 'api_key' })), []);
  assert.deepEqual(brief(e.scanValue('•••• ••••', { path: 'password', key: 'password' })), []);
  assert.deepEqual(brief(e.scanValue('пароль1', { path: 'password', key: 'password' })), [['sensitive_field', 0, 7]]);
  assert.deepEqual(brief(e.scanValue('**ab12**', { path: 'api_key', key: 'api_key' })), [['sensitive_field', 0, 8]]);
});

test('hash mode is sha256 of the matched text, first 16 hex', () => {
  const e = engine({ mode: 'hash' });
  const [m] = e.scanText(`key ${OPENAI}`);
  assert.equal(e.replacement(m), `[HASH:${createHash('sha256').update(OPENAI).digest('hex').slice(0, 16)}]`);
  assert.equal(engine({ mode: 'remove' }).replacement(m), '');
  assert.equal(engine({ placeholder: '<secret>' }).replacement(m), '<secret>');
});
