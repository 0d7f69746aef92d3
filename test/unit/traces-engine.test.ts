// Trace reading with the real engine: the bundled example traces (positions checked against the
// bytes on disk), their redaction, worker threads against the single-thread path, and SQLite
// stores through the store adapter.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { scanLine } from '../../shared/traces/line';
import { Engine } from '../../shared/engine/index';
import { defaultEngineOptions } from '../../shared/options';
import { collectTraceFile, scanTraceText, redactTraceText, traceStoreScanner, scanAgentDbgRun } from '../../shared/traces/index';
import { acquireBatchPool, releaseBatchPool, workerScript } from '../../shared/traces/pool';
import { redactTraceFile } from '../../shared/redact/index';
import { scanSqliteFile } from '../../shared/traces/sqlite';
import type { Finding } from '../../shared/types';

const engine = new Engine(defaultEngineOptions());
const EX = join(__dirname, '..', '..', 'examples');
const TRACECRAFT = join(EX, 'traces', 'tracecraft.jsonl');
const RUN_DIR = join(EX, 'agentdbg', 'runs', '3b9d6f1e-2c4a-4e7b-8f10-6a5c4d3e2b1f');

/** The raw text of a finding, decoded once per JSON string layer (`#` marks JSON inside a string). */
function decodedAt(text: string, f: Finding): string {
  let raw = text.slice(f.span.start, f.span.end);
  if (!f.jsonPath) return raw; // plain-text search of a malformed line
  const layers = 1 + (f.jsonPath.split('#').length - 1);
  for (let i = 0; i < layers; i++) raw = JSON.parse(`"${raw}"`);
  return raw;
}

function at(findings: Finding[], jsonPath: string): Array<[string, number, number]> {
  return findings.filter((f) => f.jsonPath === jsonPath).map((f) => [f.ruleId, f.range.line, f.range.column]);
}

test('examples/traces/tracecraft.jsonl: leaks where the source says, positions exact on disk', async () => {
  const text = readFileSync(TRACECRAFT, 'utf8');
  const { findings, problems, summary } = await collectTraceFile(TRACECRAFT, engine);
  assert.equal(summary.format.format, 'tracecraft');
  assert.equal(summary.lines, 5);
  assert.deepEqual(problems.map((p) => [p.line, p.column, p.message]), [[3, 295, 'malformed JSON at column 296: unexpected end of input: 2 objects and 1 array left open; line skipped']]);
  for (const f of findings) {
    assert.equal(decodedAt(text, f), f.secret, `${f.ruleId} at ${f.jsonPath}`);
    assert.equal(Buffer.from(text).subarray(f.byteStart!, f.byteEnd!).toString(), text.slice(f.span.start, f.span.end));
  }
  assert.deepEqual(at(findings, 'steps[0].children[0].inputs.api_key'), [['openai_api_key', 0, 1299]]);
  assert.deepEqual(at(findings, 'steps[0].inputs.kwargs.openai_api_key'), [['openai_api_key', 0, 713]]);
  assert.deepEqual(at(findings, 'steps[0].children[1].inputs.db_password'), [['sensitive_field', 0, 1969]]);
  // The email written with \u0040 on disk.
  assert.deepEqual(at(findings, 'steps[0].children[1].inputs.customer_email'), [['email', 0, 1914]]);
  const escaped = findings.find((f) => f.jsonPath === 'steps[0].children[1].inputs.customer_email')!;
  assert.equal(text.slice(escaped.span.start, escaped.span.end), 'dana.whitfield\\u0040northwind-mail.com');
  // Inside the JSON the tool returned as a string.
  assert.deepEqual(at(findings, 'steps[0].children[1].outputs.result#rows[0].card_on_file'), [['credit_card', 0, 2161]]);
  // The truncated line is still searched as text.
  assert.deepEqual(findings.filter((f) => f.range.line === 3).map((f) => f.ruleId).sort(), ['email', 'password_field']);
  // The clean run (line 1) leaks nothing: a run's session id groups runs, it is not a credential.
  assert.deepEqual(findings.filter((f) => f.range.line === 1).map((f) => f.jsonPath), []);
});

test('examples: OTLP attribute keys and AgentDbg payloads reach the engine as context', async () => {
  const otlp = await collectTraceFile(join(EX, 'traces', 'otlp_export.json'), engine);
  assert.equal(otlp.summary.format.format, 'otlp');
  const paths = otlp.findings.map((f) => `${f.ruleId} ${f.jsonPath}`);
  assert.ok(paths.includes('sensitive_field resourceSpans[0].scopeSpans[0].spans[2].attributes[2].value.stringValue#db_password'), paths.join('\n'));
  assert.ok(paths.includes('openai_api_key resourceSpans[0].scopeSpans[0].spans[1].attributes[3].value.stringValue'), paths.join('\n'));
  const found: Finding[] = [];
  await scanAgentDbgRun(RUN_DIR, engine, { onFinding: (f) => found.push(f) });
  assert.deepEqual(found.map((f) => [f.ruleId, f.jsonPath, f.range.line]), [
    ['openai_api_key', 'payload.args.api_key', 1],
    ['email', 'payload.result.billing_email', 1],
    ['email', 'payload.prompt', 2],
    ['phone', 'payload.response', 2],
  ]);
});

test('redacting each example: same lines, valid JSON where it was, nothing found afterwards, clean lines untouched', () => {
  for (const file of [TRACECRAFT, join(EX, 'traces', 'opentraces.jsonl'), join(EX, 'traces', 'otlp_export.json'), join(RUN_DIR, 'events.jsonl')]) {
    const text = readFileSync(file, 'utf8');
    for (const mode of ['mask', 'hash', 'remove'] as const) {
      const e = new Engine({ ...defaultEngineOptions(), mode });
      const before = scanTraceText(text, file, e);
      const out = redactTraceText(text, e, file);
      const inLines = text.split('\n');
      const outLines = out.text.split('\n');
      assert.equal(outLines.length, inLines.length, file);
      const touched = new Set(before.findings.map((f) => f.range.line));
      inLines.forEach((line, i) => {
        if (!touched.has(i)) assert.equal(outLines[i], line, `${file}:${i + 1} changed without a finding`);
      });
      if (!file.endsWith('.json')) {
        inLines.forEach((line, i) => {
          let valid = true;
          try {
            if (line.trim()) JSON.parse(line);
          } catch {
            valid = false;
          }
          if (valid && outLines[i].trim()) assert.doesNotThrow(() => JSON.parse(outLines[i]), `${file}:${i + 1} (${mode})`);
        });
      } else assert.doesNotThrow(() => JSON.parse(out.text));
      assert.deepEqual(scanTraceText(out.text, file, e).findings, [], `${file} (${mode})`);
      // Counts can exceed the findings: removing a key can expose what it hid (`Bearer ` left under an
      // authorization key is then a sensitive value of its own, and is replaced too).
      assert.ok(Object.values(out.counts).reduce((a, b) => a + b, 0) >= before.findings.length, `${file} (${mode})`);
    }
  }
});

test('a value seen again on later lines gets the verdict of the engine scanning it, not of another', () => {
  // The value-level prefilter keeps its verdicts per engine: `acme-internal-7` is nothing to the
  // default engine and a custom string to this one, on every line either sees.
  const custom = new Engine({ ...defaultEngineOptions(), customStrings: ['acme-internal-7'] });
  const text = [1, 2, 3].map((n) => JSON.stringify({ step: 'x'.repeat(n), note: 'acme-internal-7', other: 'mail ops@acme.example' })).join('\n');
  const spans = (e: Engine) => scanTraceText(text, 'run.jsonl', e).findings.map((f) => [f.ruleId, f.range.line, f.range.column]);
  assert.deepEqual(spans(engine), [['email', 0, 51], ['email', 1, 52], ['email', 2, 53]]);
  assert.deepEqual(spans(custom), [['custom_string', 0, 20], ['email', 0, 51], ['custom_string', 1, 21], ['email', 1, 52], ['custom_string', 2, 22], ['email', 2, 53]]);
  assert.deepEqual(spans(engine), [['email', 0, 51], ['email', 1, 52], ['email', 2, 53]]);
});

test('caches keep no trace line alive: 48 lines of 1 MB, each with keys and values of its own, leave the heap as it was', () => {
  // V8 makes a slice of 13 characters or more a view of the string it was cut from: a cache keyed by
  // slices of lines (the prefilter's key memo, the key matcher's, the value verdicts) would keep each line.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  const fresh = new Engine(defaultEngineOptions());
  const pad = 'lorem ipsum dolor sit amet '.repeat(40_000);
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed;
  };
  const before = heap();
  let hits = 0;
  for (let i = 0; i < 48; i++) {
    const line = JSON.stringify({ [`distinct_field_${i}_of_this_line`]: `a distinct value ${i} of this line`, to: `user${i}@example.com`, pad });
    hits += scanLine(line, fresh).hits.length;
  }
  assert.equal(hits, 48);
  const grown = (heap() - before) / 1048576;
  assert.ok(grown < 12, `heap grew ${grown.toFixed(1)} MB`);
});

test('worker threads give exactly the single-thread findings, in order, across batch boundaries', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-workers-'));
  const lines = readFileSync(TRACECRAFT, 'utf8').split('\n').filter((l) => l.trim());
  const many: string[] = [];
  for (let i = 0; i < 400; i++) many.push(lines[i % lines.length]);
  const p = join(dir, 'many.jsonl');
  writeFileSync(p, many.join('\n') + '\n');
  const options = defaultEngineOptions();
  const single = await collectTraceFile(p, engine, { workers: 0, batchBytes: 50_000 });
  const pooled = await collectTraceFile(p, engine, { workers: 2, engineOptions: options, batchBytes: 50_000 });
  assert.equal(single.findings.length, 13 * 80);
  assert.deepEqual(pooled.findings, single.findings);
  assert.deepEqual(pooled.problems, single.problems);
  assert.equal(pooled.problems.length, 80);
});

test('trace files in a row share warm workers: a finished pool serves the next file with the same options, and only it', async () => {
  const script = workerScript()!;
  const options = defaultEngineOptions();
  const bytes = () => new TextEncoder().encode('{"note":"mail jane.doe@example.com"}\n');
  const first = acquireBatchPool(script, 2, options);
  const threads = first.threadIds;
  assert.equal((await first.run(bytes(), 'scan')).findings.length, 1);
  await releaseBatchPool(first);
  // The same script, size and options: the same threads, warm, and they still work.
  const again = acquireBatchPool(script, 2, options);
  assert.deepEqual(again.threadIds, threads);
  assert.equal((await again.run(bytes(), 'scan')).findings.length, 1);
  // Other options (an email not reported): other threads, whose engine has them.
  const other = acquireBatchPool(script, 2, { ...options, allowlist: ['jane.doe@example.com'] });
  assert.notDeepEqual(other.threadIds, threads);
  assert.equal((await other.run(bytes(), 'scan')).findings.length, 0);
  await other.close();
  // A pool released with a batch still in flight (a file given up on) is closed, never kept.
  // (The batch may still come back before the workers stop: either way it is settled, not left pending.)
  const running = again.run(bytes(), 'scan').then(() => 'done', (e: Error) => e.message);
  await releaseBatchPool(again);
  assert.match(await running, /^(done|trace worker pool closed)$/);
  const fresh = acquireBatchPool(script, 2, options);
  assert.notDeepEqual(fresh.threadIds, threads);
  await fresh.close();
});

test('worker threads redact to exactly the single-thread bytes while batch and output buffers go round', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-redact-workers-'));
  const lines = readFileSync(TRACECRAFT, 'utf8').split('\n').filter((l) => l.trim());
  // Batches with and without secrets, of varying length, so reused buffers hold stale bytes of
  // earlier batches.
  const many: string[] = [];
  for (let i = 0; i < 400; i++) many.push(i % 5 === 0 ? lines[i % lines.length] : JSON.stringify({ i, note: 'nothing here '.repeat(i % 23) }));
  const p = join(dir, 'many.jsonl');
  writeFileSync(p, many.join('\n') + '\n');
  const single = await redactTraceFile(p, join(dir, 'single.jsonl'), engine, { workers: 0, batchBytes: 3_000 });
  const pooled = await redactTraceFile(p, join(dir, 'pooled.jsonl'), engine, { workers: 2, engineOptions: defaultEngineOptions(), batchBytes: 3_000 });
  const expected = readFileSync(join(dir, 'single.jsonl'), 'utf8');
  assert.equal(readFileSync(join(dir, 'pooled.jsonl'), 'utf8'), expected);
  assert.deepEqual(pooled.counts, single.counts);
  assert.equal(Object.values(single.counts).reduce((a, b) => a + b, 0), 800);
  assert.equal(expected.split('\n').length, 401);
});

test('SQLite stores go through the same reader, one cell at a time', async () => {
  const r = await scanSqliteFile(join(EX, 'traces', 'tracecraft.db'), traceStoreScanner(engine));
  assert.equal(r.isTraceStore, true);
  assert.ok(r.findings.some((f) => f.ruleId === 'openai_api_key'), r.findings.map((f) => f.message).join('\n'));
});

test('a batch of huge lines stays in this thread (workers have small heaps); results still in order', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-big-'));
  const p = join(dir, 'big.jsonl');
  const small = JSON.stringify({ inputs: { api_key: 'sk-proj-4vR9tLq2Wm7XyZ3aBcD8eF1gH5jK6nP0sT2uV4wX9yZaBcDeFgHi' } });
  writeFileSync(p, [small, JSON.stringify({ note: 'z '.repeat(3_000_000) + 'mail dana.whitfield@northwind-mail.com' }), small].join('\n') + '\n');
  const single = await collectTraceFile(p, engine, { workers: 0 });
  const pooled = await collectTraceFile(p, engine, { workers: 2, engineOptions: defaultEngineOptions(), batchBytes: 1000 });
  assert.deepEqual(pooled.findings, single.findings);
  assert.deepEqual(single.findings.map((f) => [f.range.line, f.ruleId]), [[0, 'openai_api_key'], [1, 'email'], [2, 'openai_api_key']]);
});
