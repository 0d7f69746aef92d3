// The credential-name matcher, decided on a table of real parameter and key names from agent code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CredentialNames, nameWords } from '../../server/analysis/credential-names';

const CREDENTIALS = [
  'api_key', 'apiKey', 'API_KEY', 'apikey', 'x-api-key', 'X-Api-Key', 'openai_api_key', 'OPENAI_API_KEY', 'anthropicApiKey',
  'token', 'access_token', 'accessToken', 'refresh_token', 'id_token', 'auth_token', 'github_token', 'hf_token', 'bearer',
  'secret', 'client_secret', 'clientSecret', 'webhook_secret', 'secret_key', 'aws_secret_access_key', 'password', 'db_password',
  'dbPassword', 'passwd', 'pwd', 'passphrase', 'credential', 'credentials', 'authorization', 'Authorization', 'auth',
  'auth_headers', 'cookie', 'cookies', 'set_cookie', 'session_id', 'private_key', 'privateKey', 'ssn', 'credit_card',
  'card_number', 'connection_string', 'session_token', 'csrf_token', 'oauth_token',
];

const NOT_CREDENTIALS = [
  'token_count', 'max_tokens', 'maxTokens', 'tokens', 'num_tokens', 'input_tokens', 'output_tokens', 'total_tokens',
  'tokenizer', 'token_type', 'token_ids', 'token_limit', 'secret_santa_list', 'secretName', 'secrets_manager_region',
  'password_policy', 'auth_method', 'author', 'authority', 'keyword', 'key', 'query', 'customer_email', 'prompt',
  'page_token', 'nextPageToken', 'next_page_token', 'pad_token', 'eos_token', 'bos_token', 'unk_token', 'cancellation_token',
  'passage', 'compass', 'cookie_policy', 'model', 'temperature',
];

// Parameter names from agent code where a service's key is one compound word, and the keys of data
// they must not be confused with.
const COMPOUND_KEYS = [
  'serpapi_key', 'SERPAPI_KEY', 'serpApiKey', 'weatherapikey', 'weatherApiKey', 'newsapi_key', 'rapidApiKey', 'openaiKey',
  'openai_key', 'OPENAI_KEY', 'anthropic_key', 'stripe_key', 'stripeKey', 'tavily_key', 'TAVILY_KEY', 'groq_key',
  'pinecone_key', 'hf_key', 'huggingface_key', 'gemini_key', 'google_key', 'aws_key', 'firecrawlKey', 'exa_key',
  'elevenlabs_key', 'openaikey', 'stripekeys', 'mapbox_key', 'wandb_key',
];
const DATA_KEYS = [
  'cache_key', 'sort_key', 'primary_key', 'partition_key', 'idempotency_key', 'space_key', 'keyboard', 'hotkey',
  's3_key', 'object_key', 'foreign_key', 'row_key', 'input_key', 'output_key', 'memory_key', 'state_key', 'dict_key',
  'translation_key', 'lookup_key', 'group_key', 'public_key', 'google_maps_url', 'openai_model', 'openai_base_url',
  'use_openai_key', 'has_stripe_key', 'monkey', 'api', 'apikey_name', 'capikey',
];

test('nameWords splits case, underscores, dashes and camelCase', () => {
  assert.deepEqual(nameWords('openAIApiKey'), ['open', 'ai', 'api', 'key']);
  assert.deepEqual(nameWords('X-API-KEY'), ['x', 'api', 'key']);
  assert.deepEqual(nameWords('db_password2'), ['db', 'password']);
  assert.deepEqual(nameWords('oauth2Token'), ['oauth', 'token']);
  assert.deepEqual(nameWords('__init__'), ['init']);
});

test('real credential names match', () => {
  const m = new CredentialNames();
  assert.deepEqual(CREDENTIALS.filter((n) => !m.matches(n)), []);
});

test('counters, settings and lookalikes do not match', () => {
  const m = new CredentialNames();
  assert.deepEqual(NOT_CREDENTIALS.filter((n) => m.matches(n)), []);
});

test('a service key written as one compound matches; keys of data do not', () => {
  const m = new CredentialNames();
  assert.deepEqual(COMPOUND_KEYS.filter((n) => !m.matches(n)), []);
  assert.deepEqual(DATA_KEYS.filter((n) => m.matches(n)), []);
  // A configuration that replaces the names replaces the vendors too.
  assert.equal(new CredentialNames({ names: ['pin'] }).matches('stripe_key'), false);
});

test('the list is configurable: replaced, extended, and names ignored', () => {
  const only = new CredentialNames({ names: ['pin'] });
  assert.equal(only.matches('card_pin'), true);
  assert.equal(only.matches('api_key'), false);
  const extra = new CredentialNames({ extra: ['license_key'], ignored: ['auth_token'] });
  assert.equal(extra.matches('LicenseKey'), true);
  assert.equal(extra.matches('api_key'), true);
  assert.equal(extra.matches('auth_token'), false);
});
