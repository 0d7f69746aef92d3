// tracelint.json: validation messages name the field and its place; the resolver finds the
// nearest configuration walking up and folds in .agentdbg/config.yaml.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, ConfigResolver, configPatternSites, formatConfigIssue, parseConfigText, resolveConfig } from '../../shared/config';
import { DEFAULT_SENSITIVE_KEYS } from '../../shared/options';

const issues = (text: string) => parseConfigText(text, 'tracelint.json').issues.map(formatConfigIssue);

test('invalid configurations: one message per problem, naming the field and its line:column', () => {
  const table: Array<[string, string[]]> = [
    ['{ "detectors": { "emial": "error" } }', ['tracelint.json:1:18: "detectors.emial" is not a known setting; did you mean "email"?']],
    ['{\n  "detectors": {\n    "email": "high"\n  }\n}', ['tracelint.json:3:14: "detectors.email" must be one of "error", "warning", "info", "off" (got "high")']],
    ['{ "customRules": [ { "name": "x" } ] }', ['tracelint.json:1:20: "customRules[0]" needs "pattern" or "fieldPaths"']],
    ['{ "customRules": [ { "name": "email", "pattern": "x" } ] }', ['tracelint.json:1:30: "customRules[0].name" "email" is a built-in detector; pick another name']],
    ['{ "customRules": [ { "name": "a", "pattern": "x" }, { "name": "a", "fieldPaths": ["p"] } ] }', ['tracelint.json:1:63: "customRules[1].name" "a" is used by an earlier custom rule']],
    ['{ "redaction": { "mode": "scramble" } }', ['tracelint.json:1:26: "redaction.mode" must be one of "mask", "hash", "remove" (got "scramble")']],
    ['{ "traces": "traces/**" }', ['tracelint.json:1:13: "traces" must be an array (got "traces/**")']],
    ['{ "detectors": { "email": "error", } }', ['tracelint.json:1:36: not valid JSON: Expected double-quoted property name']],
    // V8's own message quotes the text ("sk-proj-Xq"...): no piece of a possible secret is kept.
    ['sk-proj-Xq3vT9bL2mN8pR4sW6yZ1aC5dE7fG0hJ2kL4mN6pQ8', ['tracelint.json: not valid JSON: Unexpected token \'s\'']],
    ['[1,2]', ['tracelint.json:1:1: the configuration must be an object (got an array)']],
    ['{ "allowlist": [""] }', ['tracelint.json:1:17: "allowlist[0]" must not be empty']],
    ['{ "sensitiveKey": {} }', ['tracelint.json:1:3: "sensitiveKey" is not a known setting; did you mean "sensitiveKeys"?']],
    ['{ "agentdbgConfig": "yes", "ignore": [1] }', ['tracelint.json:1:21: "agentdbgConfig" must be a boolean (got "yes")', 'tracelint.json:1:39: "ignore[0]" must be a string (got 1)']],
    ['{ "tracingDecorators": [ { "module": "m" } ] }', ['tracelint.json:1:26: "tracingDecorators[0]" is missing the required property "name"']],
    ['{ "customRules": [ { "name": "1x", "pattern": "a" } ] }', ['tracelint.json:1:30: "customRules[0].name" must match ^[A-Za-z][A-Za-z0-9_.-]*$ (got "1x")']],
  ];
  for (const [text, expected] of table) assert.deepEqual(issues(text), expected, text);
});

test('a pattern that is not a valid Python regex is a configuration error naming the field', () => {
  const [one] = parseConfigText('{ "allowlistPatterns": ["ok", "(unclosed"] }', 'tracelint.json').issues;
  assert.equal(one.field, 'allowlistPatterns[1]');
  assert.deepEqual(one.span, { start: 30, end: 41 });
  assert.match(one.message, /^"allowlistPatterns\[1\]" is not a valid Python regular expression: /);
});

test('a deeply nested or huge document is rejected with a message, not a crash', () => {
  const deep = `{ "customRules": ${'['.repeat(5000)}${']'.repeat(5000)} }`;
  // Too deep to map positions safely (see flowNestingExceeds): the message still names the field.
  assert.deepEqual(issues(deep), ['tracelint.json: "customRules[0]" must be an object (got an array)']);
  const deepObject = `{ "detectors": ${'{"a":'.repeat(5000)}1${'}'.repeat(5000)} }`;
  assert.deepEqual(issues(deepObject), ['tracelint.json: "detectors.a" is not a known setting (allowed: email, phone, credit_card, ssn, openai_api_key, anthropic_api_key, aws_access_key, aws_secret_key, bearer_token, github_token, google_api_key, azure_connection_string, generic_api_key_param, private_key, slack_token, stripe_key, logfire_token, langfuse_api_key, openrouter_api_key, gitlab_token, webhook_signing_secret, huggingface_token, groq_api_key, perplexity_api_key, replicate_api_token, npm_token, sendgrid_api_key, langsmith_api_key, tavily_api_key, xai_api_key, e2b_api_key, discord_webhook, url_credentials, http_header_credential, command_line_credential, password_field, sensitive_field, high_entropy)']);
});

test('resolveConfig: levels, key names, custom rules, redaction', () => {
  const r = resolveConfig(
    {
      detectors: { phone: 'off', high_entropy: 'info' },
      rules: { 'hardcoded-credential': 'off' },
      customRules: [{ name: 'ticket', pattern: 'TCK-\\d+' }, { name: 'db', fieldPaths: ['creds.password'], severity: 'error' }],
      sensitiveKeys: { add: ['dbPassword'], remove: ['Auth', 'cookie'], substring: true },
      redaction: { mode: 'hash' },
    },
    { baseDir: '/p', configFile: '/p/tracelint.json' },
  );
  assert.deepEqual(r.engine.detectors, { phone: { enabled: false }, high_entropy: { enabled: true, severity: 'info' }, db: { severity: 'error' } });
  assert.deepEqual(r.rules, { 'hardcoded-credential': 'off' });
  assert.deepEqual(r.engine.customPatterns, [{ name: 'ticket', pattern: 'TCK-\\d+', severity: 'warning' }]);
  assert.deepEqual(r.engine.fieldPaths, [{ name: 'db', paths: ['creds.password'], severity: 'error' }]);
  assert.deepEqual(r.engine.sensitiveKeys, {
    names: [...DEFAULT_SENSITIVE_KEYS.filter((k) => k !== 'auth' && k !== 'cookie'), 'dbPassword'],
    substring: true,
  });
  assert.deepEqual(r.credentialNames, { add: ['dbPassword'], ignore: ['Auth', 'cookie'] });
  assert.equal(r.engine.mode, 'hash');
  assert.equal(r.engine.placeholder, '[REDACTED]');
  assert.equal(r.useAgentDbgConfig, true);
});

test('ConfigResolver: nearest tracelint.json walking up, --config overrides, .agentdbg/config.yaml folded in', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'tracelint-config-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, 'proj', 'traces', 'deep'), { recursive: true });
  mkdirSync(join(root, 'proj', '.agentdbg'), { recursive: true });
  writeFileSync(join(root, 'proj', 'tracelint.json'), '{ "redaction": { "mode": "remove" } }');
  writeFileSync(join(root, 'proj', '.agentdbg', 'config.yaml'), 'redact_keys: [session]\nredaction:\n  patterns: ["TCK-\\\\d{6}"]\n  redaction_placeholder: "<gone>"\n');
  writeFileSync(join(root, 'other.json'), '{ "redaction": { "mode": "hash" }, "agentdbgConfig": false }');
  writeFileSync(join(root, 'bad.json'), '{ "detectors": { "email": "loud" } }');

  const near = new ConfigResolver().forPath(join(root, 'proj', 'traces', 'deep'));
  assert.equal(near.configFile, join(root, 'proj', 'tracelint.json'));
  assert.equal(near.baseDir, join(root, 'proj'));
  assert.equal(near.engine.mode, 'remove');
  assert.equal(near.agentdbgFile, join(root, 'proj', '.agentdbg', 'config.yaml'));
  assert.deepEqual(near.engine.customPatterns, [{ name: 'agentdbg_pattern_1', pattern: 'TCK-\\d{6}' }]);
  assert.ok(near.engine.sensitiveKeys.names.includes('session'));
  assert.deepEqual(near.engine.allowlist, ['<gone>']);
  // What the file makes AgentDbg's own redaction do, for the source rules (recorder calls).
  assert.deepEqual(near.agentdbgRedaction, { enabled: true, keys: ['session'] });

  const given = new ConfigResolver(join(root, 'other.json')).forPath(join(root, 'proj', 'traces'));
  assert.equal(given.engine.mode, 'hash');
  assert.equal(given.agentdbgFile, undefined);
  assert.deepEqual(given.engine.customPatterns, []);

  assert.throws(() => new ConfigResolver(join(root, 'bad.json')).forPath(root), (e: unknown) => {
    assert.ok(e instanceof ConfigError);
    assert.equal(e.message, `${join(root, 'bad.json')}:1:27: "detectors.email" must be one of "error", "warning", "info", "off" (got "loud")`);
    return true;
  });
  assert.throws(() => new ConfigResolver(join(root, 'missing.json')).forPath(root), {
    message: `${join(root, 'missing.json')}: cannot read configuration: no such file`,
  });
});

test('ConfigResolver: Maida reads .maida/config.yaml; the nearer of the two files is folded in', (t) => {
  const root = mkdtempSync(join(tmpdir(), 'tracelint-config-'));
  t.after(() => rmSync(root, { recursive: true, force: true }));
  mkdirSync(join(root, '.agentdbg'), { recursive: true });
  mkdirSync(join(root, 'agent', '.maida'), { recursive: true });
  writeFileSync(join(root, '.agentdbg', 'config.yaml'), 'redact: true\n');
  writeFileSync(join(root, 'agent', '.maida', 'config.yaml'), 'redact: false\nredact_keys: [passwd]\n');
  const inAgent = new ConfigResolver().forPath(join(root, 'agent'));
  assert.equal(inAgent.agentdbgFile, join(root, 'agent', '.maida', 'config.yaml'));
  assert.deepEqual(inAgent.agentdbgRedaction, { enabled: false, keys: ['passwd'] });
  const above = new ConfigResolver().forPath(root);
  assert.equal(above.agentdbgFile, join(root, '.agentdbg', 'config.yaml'));
  assert.deepEqual(above.agentdbgRedaction?.keys, ['api_key', 'authorization', 'cookie', 'password', 'secret', 'token']);
});

test('configPatternSites: every custom regex and allowlist value with its place, through JSON escapes', () => {
  const text = '{\n  "customRules": [{ "name": "t", "pattern": "TCK-\\\\d{6}\\u0041" }, { "name": "f", "fieldPaths": ["a"] }],\n  "allowlistPatterns": [".*"],\n  "allowlist": ["x\\/y"]\n}';
  const sites = configPatternSites(text);
  assert.deepEqual(sites.map((s) => [s.role, s.field, s.value, text.slice(s.span.start, s.span.end), s.ruleName]), [
    ['rule_pattern', 'customRules[0].pattern', 'TCK-\\d{6}A', '"TCK-\\\\d{6}\\u0041"', 't'],
    ['allowlist_pattern', 'allowlistPatterns[0]', '.*', '".*"', undefined],
    ['allowlist_value', 'allowlist[0]', 'x/y', '"x\\/y"', undefined],
  ]);
  const p = sites[0];
  assert.equal(text.slice(p.offsetOf(4), p.offsetOf(6)), '\\\\d');
  assert.equal(text.slice(p.offsetOf(8), p.offsetOf(9)), '}');
  assert.equal(text.slice(p.offsetOf(9), p.offsetOf(10)), '\\u0041');
  assert.equal(text[p.offsetOf(10)], '"');
  assert.deepEqual(configPatternSites('not json'), []);
});
