// The schema (schemas/tracelint.schema.json) and the loader agree both ways: every setting the
// schema describes changes what the loader produces, every field the loader reads is in the
// schema, and the bundled example configuration validates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONFIG_SCHEMA, parseConfigText, resolveConfig, type TracelintConfig } from '../../shared/config';
import { deref, joinPath, type SchemaNode } from '../../shared/config/validate';

const ROOT = join(__dirname, '..', '..');

/** A configuration that sets every setting the schema has (with one array element each). */
const FULL: TracelintConfig = {
  $schema: './schema.json',
  detectors: {
    email: 'warning', phone: 'warning', credit_card: 'error', ssn: 'error', openai_api_key: 'error', anthropic_api_key: 'error',
    aws_access_key: 'error', aws_secret_key: 'error', bearer_token: 'error', github_token: 'error', google_api_key: 'error',
    azure_connection_string: 'error', generic_api_key_param: 'error', private_key: 'error', slack_token: 'error', stripe_key: 'error', logfire_token: 'error',
    password_field: 'error', sensitive_field: 'error', high_entropy: 'off',
    langfuse_api_key: 'error', openrouter_api_key: 'error', gitlab_token: 'error', webhook_signing_secret: 'error',
    huggingface_token: 'error', groq_api_key: 'error', perplexity_api_key: 'error', replicate_api_token: 'error', npm_token: 'error',
    sendgrid_api_key: 'error', langsmith_api_key: 'error', tavily_api_key: 'error', xai_api_key: 'error', e2b_api_key: 'error', discord_webhook: 'error', url_credentials: 'error',
    http_header_credential: 'error', command_line_credential: 'error',
  },
  rules: {
    'credential-param-captured': 'error', 'exclude-inputs-unknown-param': 'error', 'kwargs-credential-captured': 'error',
    'redos-unsafe-pattern': 'error', 'invalid-pattern': 'error', 'hardcoded-credential': 'error', 'redaction-disabled': 'error',
    'unsafe-processor-order': 'error', 'unsupported-tracer-option': 'error', 'insecure-exporter-endpoint': 'error', 'broad-allowlist': 'error',
    'trace-file-permissions': 'error', 'trace-file-tracked': 'error', 'unused-suppression': 'error',
  },
  customRules: [{ name: 'ticket_id', pattern: 'TCK-\\d{6}', fieldPaths: ['inputs.ticket'], severity: 'info' }],
  customStrings: ['Project Bluebird'],
  allowlist: ['sk-test-0000'],
  allowlistPatterns: ['.+@example\\.com'],
  sensitiveKeys: { add: ['db_password'], remove: ['auth'], substring: false },
  redaction: { mode: 'mask', placeholder: '[GONE]', anonymizePaths: true },
  highEntropy: {
    base64Threshold: 4.5, hexThreshold: 3, minLength: 20, maxLength: 512, includeHashes: false,
    fieldTypeDelta: { tool_input: -0.5, tool_result: 0.25, reasoning: 0, general: 0 },
  },
  hygiene: { fileMode: '600', dirMode: '700' },
  traces: ['traces/**'],
  ignore: ['fixtures/**'],
  tracingDecorators: [{ name: 'traced', module: 'acme.tracing', exclusionParam: 'hide', captureParam: 'capture' }],
  agentdbgConfig: true,
};

/** Settings the loader deliberately does not act on, with the reason. */
const INERT = new Map([['$schema', 'editors read it; it configures nothing']]);

/** Every leaf setting of the schema: `detectors.email`, `customRules[].pattern`, ... */
function schemaLeaves(root: SchemaNode): string[] {
  const out: string[] = [];
  const work: Array<{ node: SchemaNode; path: string }> = [{ node: root, path: '' }];
  while (work.length > 0) {
    const { node: raw, path } = work.pop()!;
    const node = deref(root, raw);
    if (node.type === 'object' && node.properties) {
      for (const [k, sub] of Object.entries(node.properties)) work.push({ node: sub, path: joinPath(path, k) });
    } else if (node.type === 'array' && node.items && deref(root, node.items).type === 'object') {
      work.push({ node: node.items, path: `${path}[]` });
    } else {
      out.push(path);
    }
  }
  return out.sort();
}

function get(obj: unknown, path: string): unknown {
  let cur = obj as Record<string, unknown>;
  for (const part of path.split('.')) {
    if (part.endsWith('[]')) cur = (cur[part.slice(0, -2)] as Array<Record<string, unknown>>)[0];
    else cur = cur[part] as Record<string, unknown>;
  }
  return cur;
}

function set(obj: unknown, path: string, value: unknown): void {
  const parts = path.split('.');
  const last = parts.pop()!;
  const parent = parts.length > 0 ? get(obj, parts.join('.')) : obj;
  (parent as Record<string, unknown>)[last] = value;
}

function schemaAt(path: string): SchemaNode {
  let node = CONFIG_SCHEMA;
  for (const part of path.split('.')) {
    const key = part.replace(/\[\]$/, '');
    node = deref(CONFIG_SCHEMA, node.properties![key]);
    if (part.endsWith('[]')) node = deref(CONFIG_SCHEMA, node.items!);
  }
  return node;
}

/** Another valid value for a setting. */
function alter(value: unknown, node: SchemaNode): unknown {
  if (node.enum) return node.enum.find((e) => e !== value);
  if (node.type === 'boolean') return !value;
  if (node.type === 'number' || node.type === 'integer') return (value as number) + 1;
  if (node.type === 'string') return `${value as string}x`;
  if (node.type === 'array') return [...(value as string[]), 'added_item'];
  throw new Error(`no alteration for ${JSON.stringify(node)}`);
}

const resolved = (c: TracelintConfig) => JSON.stringify(resolveConfig(c, { baseDir: '/project', configFile: '/project/tracelint.json' }));

test('FULL sets every setting the schema has, and validates', () => {
  const leaves = schemaLeaves(CONFIG_SCHEMA);
  const missing = leaves.filter((p) => get(FULL, p) === undefined);
  assert.deepEqual(missing, []);
  assert.deepEqual(parseConfigText(JSON.stringify(FULL), 'tracelint.json').issues, []);
});

test('every schema setting changes what the loader produces', () => {
  const base = resolved(FULL);
  const ignored: string[] = [];
  for (const leaf of schemaLeaves(CONFIG_SCHEMA)) {
    if (INERT.has(leaf)) continue;
    const copy = structuredClone(FULL);
    set(copy, leaf, alter(get(copy, leaf), schemaAt(leaf)));
    assert.deepEqual(parseConfigText(JSON.stringify(copy), 'tracelint.json').issues, [], `altered ${leaf} must stay valid`);
    if (resolved(copy) === base) ignored.push(leaf);
  }
  assert.deepEqual(ignored, []);
});

test('every field the loader reads is in the schema', () => {
  const read = new Set<string>();
  const track = (value: unknown, path: string): unknown => {
    if (value === null || typeof value !== 'object') return value;
    return new Proxy(value as object, {
      get(target, prop, receiver) {
        const v = Reflect.get(target, prop, receiver);
        if (typeof prop !== 'string' || typeof v === 'function') return v;
        const isIndex = Array.isArray(target) && /^\d+$/.test(prop);
        if (Array.isArray(target) && !isIndex) return v; // length, iteration
        const p = isIndex ? `${path}[]` : path ? `${path}.${prop}` : prop;
        read.add(p);
        return track(v, p);
      },
      ownKeys(target) {
        return Reflect.ownKeys(target);
      },
    });
  };
  resolveConfig(track(structuredClone(FULL), '') as TracelintConfig, { baseDir: '/p' });
  const leaves = new Set(schemaLeaves(CONFIG_SCHEMA));
  const containers = new Set([...leaves].flatMap((l) => l.split('.').map((_, i, a) => a.slice(0, i + 1).join('.').replace(/\[\]$/, ''))));
  const unknown = [...read].filter((p) => !leaves.has(p) && !containers.has(p.replace(/\[\]$/, '')));
  assert.deepEqual(unknown, []);
  assert.ok(read.has('customRules[].pattern') && read.has('tracingDecorators[].exclusionParam'), 'the tracker sees reads inside arrays');
});

test('the bundled examples/tracelint.json validates and resolves', () => {
  const text = readFileSync(join(ROOT, 'examples', 'tracelint.json'), 'utf8');
  const parsed = parseConfigText(text, 'examples/tracelint.json');
  assert.deepEqual(parsed.issues, []);
  const r = resolveConfig(parsed.config!, { baseDir: '/ex', configFile: '/ex/tracelint.json' });
  assert.deepEqual(r.engine.customPatterns, [{ name: 'ticket_id', pattern: 'TCK-\\d{6}', severity: 'info' }]);
  assert.deepEqual(r.engine.fieldPaths, [{ name: 'customer_db_password', paths: ['inputs.db_password'], severity: 'error' }]);
  assert.deepEqual(r.traceGlobs, ['traces/**', 'agentdbg/runs/**']);
});

test('the schema is draft-07 and documents every setting', () => {
  assert.equal((CONFIG_SCHEMA as { $schema?: string }).$schema, 'http://json-schema.org/draft-07/schema#');
  const undocumented = schemaLeaves(CONFIG_SCHEMA).filter((p) => !schemaAt(p).description && !deref(CONFIG_SCHEMA, schemaAt(p)).description);
  assert.deepEqual(undocumented, []);
});

test('drift: every registered detector and rule can be configured by name', async () => {
  const { detectorList } = await import('../../shared/engine');
  const { RULES } = await import('../../server/rules');
  const { UNUSED_SUPPRESSION } = await import('../../server/rules/run');
  const { HYGIENE_RULES } = await import('../../server/hygiene');
  const { CONFIGURABLE_DETECTORS, CONFIGURABLE_RULES } = await import('../../shared/config');
  const detectors = detectorList().map((d) => d.name);
  assert.deepEqual(detectors.filter((d) => !CONFIGURABLE_DETECTORS.includes(d)), []);
  // high_entropy is opt-in and registered by the engine separately; every other schema name is a registered detector.
  assert.deepEqual(CONFIGURABLE_DETECTORS.filter((d) => !detectors.includes(d) && d !== 'high_entropy'), []);
  const rules = [...RULES.map((r) => r.meta), UNUSED_SUPPRESSION, ...HYGIENE_RULES].map((m) => m.id);
  assert.deepEqual(rules.filter((r) => !CONFIGURABLE_RULES.includes(r)), []);
});

test('drift: the README documents every top-level setting and every CLI option', async () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const settings = Object.keys(CONFIG_SCHEMA.properties ?? {}).filter((k) => k !== '$schema');
  assert.deepEqual(settings.filter((k) => !readme.includes(`\`${k}\``) && !readme.includes(`"${k}"`)), []);
  const { HELP } = await import('../../server/cli/args');
  const options = [...HELP.matchAll(/--([a-z-]+)/g)].map((m) => m[1]).filter((o) => o !== 'help' && o !== 'version' && o !== 'output');
  assert.ok(options.includes('write-baseline') && options.includes('in-place'));
  assert.deepEqual([...new Set(options)].filter((o) => !readme.includes(`--${o}`)), []);
});
