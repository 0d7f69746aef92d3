// The raw-line prefilter (`Engine.mayContainFinding`): never false for a line that holds a finding,
// whatever the JSON spelling (escapes, nested JSON, keys), and false for lines that hold nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, detectorList } from '../../shared/engine/index';
import { spellings } from './fixtures/raw-lines';
import { scanLine } from '../../shared/traces/line';
import { defaultEngineOptions, type EngineOptions } from '../../shared/options';

const optIn = Object.fromEntries(detectorList().filter((d) => !d.defaultEnabled).map((d) => [d.name, { enabled: true }]));
const engine = new Engine(defaultEngineOptions());
const everything = new Engine({ ...defaultEngineOptions(), detectors: optIn });

test('every positive example of every detector, in every spelling, passes the prefilter', () => {
  for (const d of detectorList()) {
    for (const ex of d.examples.positive) {
      const key = d.exampleKey ?? 'text';
      for (const line of spellings(ex, key)) {
        const e = d.defaultEnabled ? engine : everything;
        assert.equal(e.mayContainFinding(line), true, `${d.name}: ${line.slice(0, 60)}`);
      }
    }
  }
});

/** [raw line, whether it holds a finding]: the prefilter must say true for each true line. */
const LINES: Array<[string, boolean]> = [
  ['{"text":"mail jane\\u0040example.com"}', true],
  ['{"text":"call\\n4155550132 now"}', true],
  ['{"text":"https:\\/\\/hooks.slack.com\\/services\\/T0ABCDEF1\\/B0ABCDEF2\\/AbCdEfGhIjKlMnOpQrStUvWx"}', true],
  ['{"text":"password\\t= hunter22"}', true],
  ['{"text":"setProperty(\\"API_KEY\\",\\t\\"9f8e7d6c5b4a3f2e1d0c\\")"}', true],
  ['{"inputs":{"apiKey":"anything"}}', true],
  ['{"inputs":{"API-KEY" : ["x"]}}', true],
  ['{"result":"{\\"client_secret\\": \\"x\\"}"}', true],
  // A name/value pair and a pretty-printed key in JSON inside a string (the pass over `:` once missed both).
  ['{"result":"[{\\"name\\": \\"ssn\\", \\"value\\": \\"Zx9q2Lm4Pt7Rw1Ks\\"}]"}', true],
  ['{"result":"[{\\"name\\": \\"region\\", \\"value\\": \\"Zx9q2Lm4Pt7Rw1Ks\\"}]"}', false],
  ['{"result":"{\\"ssn\\"\\n: \\"Zx9q2Lm4Pt7Rw1Ks\\"}"}', true],
  ['{"result":"{\\"ssn\\"\\r\\n  : \\"Zx9q2Lm4Pt7Rw1Ks\\"}"}', true],
  ['{"usage":{"max_tokens":1024,"input_tokens":12,"token_count":3}}', false],
  ['{"tokenizer":"cl100k_base","password_policy":"strict","auth_method":"oauth"}', false],
];

/** Every finding the trace reader's walk reports in a raw line, forced past the prefilter. */
function findingsIn(e: Engine, raw: string): string[] {
  return scanLine(raw, e, true).hits.map((h) => h.match.detector);
}

test('escapes, nested JSON and keys: lines with findings pass, lines without do not', () => {
  for (const [raw, holds] of LINES) {
    assert.equal(findingsIn(engine, raw).length > 0, holds, `engine on ${raw}`);
    assert.equal(engine.mayContainFinding(raw), holds, `prefilter on ${raw}`);
  }
});

test('AgentDbg substring semantics reach the prefilter', () => {
  const substring = new Engine({ ...defaultEngineOptions(), sensitiveKeys: { names: ['token'], substring: true } });
  assert.equal(substring.mayContainFinding('{"tokenizer":"cl100k_base"}'), true);
  assert.equal(substring.mayContainFinding('{"my_token":{"value":"x"}}'), true);
});

/** A realistic clean TraceCraft run line: ids, timestamps, scores, usage counters, markers. */
const CLEAN = JSON.stringify({
  id: '9f1c2e4a-7b3d-4f8e-a1c2-5d6e7f8a9b01', name: 'research_agent', start_time: '2026-11-18T09:14:02.118Z',
  end_time: '2026-11-18T09:14:09.874Z', session_id: 'sess_2291_support', tags: ['support'],
  steps: [{
    id: '550e8400-e29b-41d4-a716-446655440000', parent_id: null, trace_id: '4bf92f3577b34da6a3ce929d0e0e4736', type: 'tool',
    name: 'web_search', inputs: { query: 'pricing tiers for 2024, version 4.2.1', api_key: '[EXCLUDED]' },
    outputs: { result: 'Three vendors compared; latency p95 was 182 ms.\nSee commit 9fceb02d0ae598e95dc970b74767f19372d61af8.' },
    attributes: { 'llm.usage.input_tokens': 512, total_tokens: 640, score: 0.6643979552501803, ts: 1763457242118, ts_s: 1763457242 },
    model_name: 'gpt-4o', duration_ms: 1234, error: null, children: [],
  }],
});

test('a clean run line does not pass', () => {
  assert.equal(engine.mayContainFinding(CLEAN), false);
  // …and the engine agrees there is nothing in it.
  const strings: string[] = [];
  const walk = (v: unknown): void => {
    if (typeof v === 'string') strings.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(walk);
  };
  walk(JSON.parse(CLEAN));
  assert.deepEqual(strings.flatMap((s) => engine.scanText(s)), []);
});

test('custom strings and patterns: their literal, or always true when a pattern has none', () => {
  const opts = (o: Partial<EngineOptions>) => new Engine({ ...defaultEngineOptions(), ...o });
  const withString = opts({ customStrings: ['Project "Nightjar"'] });
  assert.equal(withString.mayContainFinding(JSON.stringify({ t: 'about Project "Nightjar" soon' })), true);
  assert.equal(withString.mayContainFinding(CLEAN), false);
  const withPattern = opts({ customPatterns: [{ name: 'ticket_id', pattern: 'TCK-\\d{6}' }] });
  assert.equal(withPattern.mayContainFinding(JSON.stringify({ t: 'see tck-123456' })), true);
  assert.equal(withPattern.mayContainFinding(CLEAN), false);
  // A key rule on a value of markers only is no candidate.
  assert.equal(engine.mayContainFinding('{"inputs":{"api_key":"[EXCLUDED]","token":"[HASH:0123456789abcdef]"}}'), false);
  const noLiteral = opts({ customPatterns: [{ name: 'digits', pattern: '\\d{5}-\\d{4}' }] });
  assert.equal(noLiteral.mayContainFinding(CLEAN), true);
  const field = opts({ fieldPaths: [{ name: 'internal', paths: ['inputs.query'] }] });
  assert.equal(field.mayContainFinding(CLEAN), true);
});
