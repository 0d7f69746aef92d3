// Trace reading with exact expectations: positions through escapes and JSON-in-a-string, JSON
// paths, field-type context per format, malformed and binary input, CRLF, gzip, batch boundaries.
// Uses a small fixed engine (fixtures/traces/fake-engine.ts) so positions do not move with
// detector tuning.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, mkdirSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FakeEngine } from './fixtures/traces/fake-engine';
import { scanTraceText, scanTraceLine, collectTraceFile, scanAgentDbgRun, detectTraceFormat, redactTraceText } from '../../shared/traces/index';
import type { Finding } from '../../shared/types';

const engine = new FakeEngine();
const dir = mkdtempSync(join(tmpdir(), 'tracelint-traces-'));

/** The finding fields a table compares (message and fingerprint are checked separately). */
function brief(f: Finding) {
  return { ruleId: f.ruleId, line: f.range.line, column: f.range.column, endColumn: f.range.endColumn, path: f.jsonPath, secret: f.secret };
}

test('JSONL: positions through \\u0040, \\/ and \\n escapes are where the bytes stand', () => {
  const text = '{"note":"mail alice\\u0040corp.io\\nnow","url":"https:\\/\\/x.io\\/?k=sk-abcdefghijklmnop"}\n';
  const { findings, problems } = scanTraceText(text, 'run.jsonl', engine);
  assert.deepEqual(problems, []);
  assert.deepEqual(findings.map(brief), [
    { ruleId: 'email', line: 0, column: 14, endColumn: 32, path: 'note', secret: 'alice@corp.io' },
    { ruleId: 'openai_api_key', line: 0, column: 65, endColumn: 84, path: 'url', secret: 'sk-abcdefghijklmnop' },
  ]);
  assert.equal(text.slice(14, 32), 'alice\\u0040corp.io');
  assert.equal(text.slice(65, 84), 'sk-abcdefghijklmnop');
});

test('JSONL: a surrogate pair before a secret shifts UTF-16 columns by 1 unit per escape and bytes by 6 each', () => {
  const text = '{"a":"\\ud83d\\ude00 bob@x.io"}\n{"a":"\u{1F600} bob@x.io"}\n';
  const { findings } = scanTraceText(text, 'run.jsonl', engine);
  assert.deepEqual(findings.map((f) => [f.range.line, f.range.column, f.range.endColumn, f.span.start, f.byteStart, f.byteEnd]), [
    [0, 19, 27, 19, 19, 27],
    [1, 9, 17, 39, 41, 49], // the raw emoji is 2 UTF-16 units but 4 bytes
  ]);
});

test('JSON inside a string is walked: offsets through both escape levels, path continues after #', () => {
  const inner = JSON.stringify({ rows: [{ email: 'bob@example.com', note: 'x\u0040y' }] });
  const text = JSON.stringify({ steps: [{ type: 'tool', outputs: { result: inner } }] });
  const { findings } = scanTraceText(text + '\n', 't.jsonl', engine);
  assert.equal(findings.length, 1);
  const f = findings[0];
  assert.deepEqual(brief(f), { ruleId: 'email', line: 0, column: 70, endColumn: 85, path: 'steps[0].outputs.result#rows[0].email', secret: 'bob@example.com' });
  assert.equal(text.slice(70, 85), 'bob@example.com');
  assert.equal(f.message, 'email: bob@…(15 chars) in steps[0].outputs.result#rows[0].email');
  assert.equal(f.fingerprint, 'email:5ff860bf1190596c7188ab851db691f0f3169c453936e9e1eba2f9a47f7a0018');
});

test('JSON inside a string with an escaped escape inside: the raw range covers \\\\u0040', () => {
  // Inner JSON {"e":"a\u0040b.io"} encoded once more: the @ is \\u0040 in the file.
  const text = '{"out":"{\\"e\\":\\"ann\\\\u0040b.io\\"}"}';
  const { findings } = scanTraceText(text, 't.json', engine);
  assert.deepEqual(findings.map(brief), [{ ruleId: 'email', line: 0, column: 17, endColumn: 31, path: 'out#e', secret: 'ann@b.io' }]);
  assert.equal(text.slice(17, 31), 'ann\\\\u0040b.io');
});

test('a string that only looks like JSON is scanned as text', () => {
  const { findings } = scanTraceText('{"log":"[not json] mail bob@x.io]"}', 't.json', engine);
  assert.deepEqual(findings.map(brief), [{ ruleId: 'email', line: 0, column: 24, endColumn: 32, path: 'log', secret: 'bob@x.io' }]);
});

test('malformed lines are reported with line and column, skipped, and the scan goes on', () => {
  const text = ['{"a":"bob@x.io"}', '{"a": "x",}', '{"a": "dan@z.io",}', '{"a":"truncated', 'not json at all', '', '{"b":"carol@y.io"}'].join('\n');
  const { findings, problems } = scanTraceText(text, 'x.jsonl', engine);
  // Line 1 holds no candidate, so it is never parsed (the prefilter's whole point); line 2 is.
  assert.deepEqual(problems.map((p) => [p.line, p.column, p.message]), [
    [2, 17, "malformed JSON at column 18: expected a string key but found '}'; line skipped"],
    [3, 14, 'malformed JSON: the object opened at column 1 is not closed on this line (truncated?); line skipped'],
    [4, 0, 'malformed JSON at column 1: expected a JSON value; line skipped'],
  ]);
  assert.deepEqual(findings.map((f) => [f.range.line, f.secret, f.jsonPath]), [[0, 'bob@x.io', 'a'], [2, 'dan@z.io', ''], [6, 'carol@y.io', 'b']]);
});

test('a malformed candidate line is still searched as plain text (no secret lost)', () => {
  const { findings, problems } = scanTraceText('{"k": sk-abcdefghijklmnop}\n', 'x.jsonl', engine);
  assert.equal(problems.length, 1);
  assert.deepEqual(findings.map((f) => [f.ruleId, f.range.column, f.jsonPath, f.message]), [['openai_api_key', 6, '', 'openai_api_key: sk-a…(19 chars)']]);
});

test('CRLF line endings: columns and byte offsets per line, spans over the whole text', () => {
  const text = '{"a":"x"}\r\n{"e":"bob@x.io"}\r\n';
  const { findings, problems } = scanTraceText(text, 'x.jsonl', engine);
  assert.deepEqual(problems, []);
  assert.deepEqual(findings.map((f) => [f.range.line, f.range.column, f.span.start, f.byteStart]), [[1, 6, 17, 17]]);
});

test('a single JSON document: positions from its line index, paths from the root', () => {
  const text = '{\n  "resourceSpans": [{\n    "scopeSpans": [{"spans": [{"name": "web_search", "attributes": [\n      {"key": "http.request.header.authorization", "value": {"stringValue": "Bearer abc.def"}},\n      {"key": "user", "value": {"stringValue": "bob@x.io"}}\n    ]}]}]\n  }]\n}\n';
  const { findings, format } = scanTraceText(text, 'otlp_export.json', engine);
  assert.deepEqual(format, { format: 'otlp', layout: 'document', gzip: false, isTrace: true });
  assert.deepEqual(findings.map(brief), [
    { ruleId: 'sensitive_field', line: 3, column: 77, endColumn: 91, path: 'resourceSpans[0].scopeSpans[0].spans[0].attributes[0].value.stringValue', secret: 'Bearer abc.def' },
    { ruleId: 'email', line: 4, column: 48, endColumn: 56, path: 'resourceSpans[0].scopeSpans[0].spans[0].attributes[1].value.stringValue', secret: 'bob@x.io' },
  ]);
});

test('context: OTLP attribute key is the value key; TraceCraft step type and AgentDbg event type give field types', () => {
  const rec = new FakeEngine('mask', true, true);
  scanTraceText(JSON.stringify({ attributes: [{ key: 'gen_ai.prompt', value: { stringValue: 'hello there' } }] }), 'o.json', rec);
  scanTraceText(JSON.stringify({ steps: [{ inputs: { q: 'query text' }, outputs: { result: 'tool output' }, type: 'tool' }, { type: 'llm', inputs: { prompt: 'be brief' } }] }), 'tc.json', rec);
  scanTraceText(JSON.stringify({ event_type: 'TOOL_CALL', payload: { tool_name: 'fetch_invoice', args: { id: 'inv-1' }, result: 'paid' } }), 'events.json', rec);
  scanTraceText(JSON.stringify({ event_type: 'LLM_CALL', payload: { prompt: 'summarize', response: 'done' } }), 'events.json', rec);
  scanTraceText(JSON.stringify({ steps: [{ reasoning_content: 'think', tool_calls: [{ input: { cmd: 'ls -la' } }], observations: [{ content: 'total 0' }] }] }), 'ot.json', rec);
  const seen = rec.calls.filter((c) => c.key !== undefined && c.path.match(/stringValue|q$|result$|prompt$|id$|response$|reasoning_content|cmd|content$/));
  assert.deepEqual(seen.map((c) => [c.path, c.key, c.fieldType]), [
    ['attributes[0].value.stringValue', 'gen_ai.prompt', 'reasoning'],
    ['steps[0].inputs.q', 'q', 'tool_input'],
    ['steps[0].outputs.result', 'result', 'tool_result'],
    ['steps[1].inputs.prompt', 'prompt', 'reasoning'],
    ['payload.args.id', 'id', 'tool_input'],
    ['payload.result', 'result', 'tool_result'],
    ['payload.prompt', 'prompt', 'reasoning'],
    ['payload.response', 'response', 'reasoning'],
    ['steps[0].reasoning_content', 'reasoning_content', 'reasoning'],
    ['steps[0].tool_calls[0].input.cmd', 'cmd', 'tool_input'],
    ['steps[0].observations[0].content', 'content', 'tool_result'],
  ]);
});

test('long numbers are scanned and positioned; short ones are not', () => {
  const { findings } = scanTraceText('{"phone":5551234567,"n":123}\n', 'x.jsonl', engine);
  assert.deepEqual(findings.map(brief), [{ ruleId: 'phone', line: 0, column: 9, endColumn: 19, path: 'phone', secret: '5551234567' }]);
});

test('keys holding secrets are found; plain short keys are not sent to the engine', () => {
  const rec = new FakeEngine('mask', true);
  const { findings } = scanTraceText('{"bob@x.io":{"input_tokens":3}}\n', 'x.jsonl', rec);
  assert.deepEqual(findings.map(brief), [{ ruleId: 'email', line: 0, column: 2, endColumn: 10, path: '', secret: 'bob@x.io' }]);
  assert.deepEqual(rec.calls.map((c) => c.path), ['']);
});

test('format detection by name and content', () => {
  const t = (p: string, head = '') => detectTraceFormat(p, head);
  assert.deepEqual(t('traces/tracecraft.jsonl', '{"id":"1","steps":[],"start_time":"x"}\n'), { format: 'tracecraft', layout: 'jsonl', gzip: false, isTrace: true });
  assert.deepEqual(t('a/runs/u/events.jsonl', '{"spec_version":"0.1"}'), { format: 'agentdbg-events', layout: 'jsonl', gzip: false, isTrace: true });
  assert.deepEqual(t('a/runs/u/run.json', '{"run_id":"u","started_at":"x"}'), { format: 'agentdbg-run', layout: 'document', gzip: false, isTrace: true });
  assert.deepEqual(t('x.jsonl.gz', '{"resourceSpans":[]}\n'), { format: 'otlp', layout: 'jsonl', gzip: true, isTrace: true });
  assert.deepEqual(t('ot.jsonl', '{"schema_version":"0.2","trace_id":"t","session_id":"s","agent":{},"steps":[]}'), { format: 'opentraces', layout: 'jsonl', gzip: false, isTrace: true });
  assert.deepEqual(t('package.json', '{\n  "name": "x"\n}'), { format: 'json', layout: 'document', gzip: false, isTrace: false });
  assert.deepEqual(t('dump.json', '{"a":1}\n{"a":2}\n'), { format: 'jsonl', layout: 'jsonl', gzip: false, isTrace: false });
  assert.deepEqual(t('pretty.jsonl', '{\n  "a": 1\n}'), { format: 'json', layout: 'document', gzip: false, isTrace: true });
  assert.equal(t('notes.md', '# hi'), null);
  assert.equal(t('main.py', '{'), null);
});

test('from disk: JSONL across many small batches gives the same exact findings as from text', async () => {
  const lines: string[] = [];
  for (let i = 0; i < 300; i++) lines.push(JSON.stringify({ i, pad: 'é'.repeat(i % 7), note: i % 7 === 3 ? `mail user${i}@x.io` : 'nothing' }));
  const text = lines.join('\r\n') + '\r\n';
  const p = join(dir, 'many.jsonl');
  writeFileSync(p, text);
  const fromText = scanTraceText(text, p, engine).findings;
  for (const batchBytes of [1, 97, 4096, 1 << 20]) {
    const { findings, problems, summary } = await collectTraceFile(p, engine, { batchBytes, workers: 0 });
    assert.deepEqual(problems, []);
    assert.equal(summary.lines, 300);
    assert.deepEqual(findings, fromText, `batchBytes ${batchBytes}`);
  }
  assert.equal(fromText.length, 43);
  const f = fromText[42];
  assert.equal(Buffer.from(text).subarray(f.byteStart!, f.byteEnd!).toString(), f.secret);
  assert.equal(text.slice(f.span.start, f.span.end), f.secret);
});

test('.jsonl.gz is read through zlib with the same findings', async () => {
  const text = '{"a":"x"}\n{"e":"bob@x.io"}\n';
  const p = join(dir, 'run.jsonl.gz');
  writeFileSync(p, gzipSync(text));
  const { findings, summary } = await collectTraceFile(p, engine);
  assert.deepEqual(findings.map((f) => [f.range.line, f.range.column, f.byteStart, f.file]), [[1, 6, 16, p]]);
  assert.equal(summary.format.gzip, true);
});

test('a 2 MB single line works', async () => {
  const text = JSON.stringify({ big: 'x'.repeat(2 << 20), tail: 'bob@x.io' }) + '\n';
  const p = join(dir, 'big.jsonl');
  writeFileSync(p, text);
  const { findings } = await collectTraceFile(p, engine, { batchBytes: 65536 });
  assert.deepEqual(findings.map((f) => [f.range.column, f.jsonPath]), [[(2 << 20) + 18, "tail"]]);
  assert.equal(text.slice(findings[0].span.start, findings[0].span.end), "bob@x.io");
});

test('binary, invalid UTF-8, empty, missing: clear problems, no crash', async () => {
  const bin = join(dir, 'bin.jsonl');
  writeFileSync(bin, Buffer.from([0x7b, 0x00, 0x01, 0xff, 0x7d]));
  assert.deepEqual((await collectTraceFile(bin, engine)).problems.map((p) => p.message), ['binary data (NUL bytes), not a JSON trace; not scanned']);
  const bad = join(dir, 'bad.jsonl');
  writeFileSync(bad, Buffer.concat([Buffer.from('{"a":"bob@x.io"}\n{"b":"'), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from('"}\n{"c":"eve@y.io"}\n')]));
  const r = await collectTraceFile(bad, engine);
  assert.deepEqual(r.problems.map((p) => [p.line, p.message]), [[1, 'invalid UTF-8 (binary data?); line skipped']]);
  assert.deepEqual(r.findings.map((f) => [f.range.line, f.byteStart]), [[0, 6], [2, 35]]);
  const empty = join(dir, 'empty.jsonl');
  writeFileSync(empty, '');
  assert.deepEqual(await collectTraceFile(empty, engine).then((x) => [x.findings, x.problems, x.summary.lines]), [[], [], 0]);
  const missing = await collectTraceFile(join(dir, 'nope.jsonl'), engine);
  assert.match(missing.problems[0].message, /^cannot read: ENOENT/);
});

test('a line ending in a cut UTF-8 sequence: later offsets count it as the one U+FFFD the whole text decodes it to', async () => {
  const bytes = Buffer.concat([Buffer.from('{"a":"x'), Buffer.from([0xe2, 0x82]), Buffer.from('\n{"e":"bob@x.io"}\n{"e":"é eve@y.io"}')]);
  const p = join(dir, 'cut.jsonl');
  writeFileSync(p, bytes);
  const r = await collectTraceFile(p, engine, { workers: 0 });
  assert.deepEqual(r.problems.map((x) => [x.line, x.message]), [[0, 'invalid UTF-8 (binary data?); line skipped']]);
  assert.deepEqual(r.findings.map((f) => [f.range.line, f.span.start, f.span.end, f.byteStart]), [[1, 15, 23, 16], [2, 34, 42, 36]]);
  const text = bytes.toString('utf8');
  assert.deepEqual(r.findings.map((f) => text.slice(f.span.start, f.span.end)), ['bob@x.io', 'eve@y.io']);
});

test('AgentDbg run folder: run.json and events.jsonl, with TOOL_CALL args as tool input', async () => {
  const run = join(dir, 'runs', '7f0c2a8e-1111-4a2b-9c3d-0e1f2a3b4c5d');
  mkdirSync(run, { recursive: true });
  writeFileSync(join(run, 'run.json'), JSON.stringify({ spec_version: '0.1', run_id: 'r', run_name: 'support', started_at: 'x', counts: {} }, null, 2));
  writeFileSync(join(run, 'events.jsonl'), JSON.stringify({ spec_version: '0.1', event_type: 'TOOL_CALL', run_id: 'r', name: 'fetch_invoice', payload: { tool_name: 'fetch_invoice', args: { api_key: 'sk-abcdefghijklmnop' }, result: 'ok' } }) + '\n');
  const found: Finding[] = [];
  const summaries = await scanAgentDbgRun(run, engine, { onFinding: (f) => found.push(f) });
  assert.deepEqual(summaries.map((s) => [s.format.format, s.findings]), [['agentdbg-run', 0], ['agentdbg-events', 1]]);
  assert.deepEqual(found.map((f) => [f.ruleId, f.jsonPath, f.range.column, f.secret]), [['sensitive_field', 'payload.args.api_key', 141, 'sk-abcdefghijklmnop']]);
  assert.equal(readFileSync(join(run, 'events.jsonl'), 'utf8').slice(141, 160), 'sk-abcdefghijklmnop');
});

test('a line longer than the cap is reported and skipped without being held; the lines around it are scanned', async () => {
  const p = join(dir, 'oversized.jsonl');
  // Bigger than a read chunk (1 MB), so it never sits whole in memory.
  writeFileSync(p, `{"a":"bob@x.io"}\n{"big":"${'y'.repeat(2_500_000)}"}\n{"c":"eve@y.io"}\n`);
  const { findings, problems, summary } = await collectTraceFile(p, engine, { maxLineBytes: 500_000, batchBytes: 4096 });
  assert.deepEqual(problems.map((x) => [x.line, x.message]), [[1, 'line of 2500010 bytes is longer than 500000; not scanned']]);
  assert.deepEqual(findings.map((f) => [f.range.line, f.secret, f.byteStart]), [[0, 'bob@x.io', 6], [2, 'eve@y.io', 2500034]]);
  assert.equal(summary.lines, 3);
});

test('a corrupt .gz: what was readable is scanned, the rest is one problem, no exception', async () => {
  const good = gzipSync('{"a":"bob@x.io"}\n'.repeat(2000));
  const p = join(dir, 'corrupt.jsonl.gz');
  writeFileSync(p, Buffer.concat([good.subarray(0, good.length - 40), Buffer.from('garbage that is not deflate data at all')]));
  const { problems } = await collectTraceFile(p, engine);
  assert.equal(problems.length, 1);
  assert.match(problems[0].message, /^cannot read further: /);
});

test('depth 5,000 in a JSONL line: found at the bottom, redacted, still valid', () => {
  const line = '{"a":'.repeat(5000) + '"mail bob@x.io"' + '}'.repeat(5000);
  const { findings } = scanTraceText(line + '\n', 'deep.jsonl', engine);
  assert.deepEqual(findings.map((f) => [f.range.column, f.jsonPath!.length]), [[25006, 5000 + 4999]]);
  const out = redactTraceText(line + '\n', engine, 'deep.jsonl').text;
  assert.equal(out, '{"a":'.repeat(5000) + '"mail [REDACTED]"' + '}'.repeat(5000) + '\n');
});

test('scanTraceLine places one line in its document exactly as a whole-text scan does', () => {
  const text = '{"a":"x"}\n{"é":"bob@x.io"}\n';
  const whole = scanTraceText(text, 'x.jsonl', engine).findings;
  const one = scanTraceLine('{"é":"bob@x.io"}', 1, 10, 10, engine, 'x.jsonl');
  assert.deepEqual(one.findings, whole);
  assert.equal(one.findings[0].byteStart, 17);
  assert.deepEqual(scanTraceLine('{"a": "bob@x.io",}', 4, 0, 0, engine).problem, { line: 4, column: 17, message: "malformed JSON at column 18: expected a string key but found '}'; line skipped" });
});
