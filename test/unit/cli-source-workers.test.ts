// `tracelint scan` of a repository lints agent source files on worker threads (server/cli/source-pool.ts):
// the report is the same, byte for byte, as when every file is linted in the CLI's own thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runScan, sourceWorkerCount } from '../../server/cli/scan';
import { SourcePool, sourceWorkerScript } from '../../server/cli/source-pool';
import { lintFile } from '../../server/lint-file';
import { ConfigResolver } from '../../shared/config';
import type { ScanArgs } from '../../server/cli/args';

function tighten(dir: string): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    chmodSync(p, entry.isDirectory() ? 0o700 : 0o600);
    if (entry.isDirectory()) tighten(p);
  }
}

async function scan(cwd: string, sourceWorkers: number): Promise<{ code: number; out: string }> {
  let out = '';
  const stdout = new Writable({ write: (c, _e, done) => ((out += c.toString()), done()) });
  const stderr = new Writable({ write: (_c, _e, done) => done() }) as unknown as NodeJS.WriteStream;
  const args: ScanArgs = { command: 'scan', paths: ['.'], format: 'json', fix: false, againstConfig: false };
  const code = await runScan(args, { cwd, stdout, stderr, version: '0.0.0' }, { sourceWorkers });
  return { code, out };
}

type Report = { files: Array<{ file: string; findings: Array<{ ruleId: string; line: number }> }> };

/** The folder scanned in this thread alone and with `workers` workers: the same exit code and report, byte for byte; the report. */
async function sameWithWorkers(dir: string, workers: number): Promise<Report> {
  tighten(dir);
  const here = await scan(dir, 0);
  const pooled = await scan(dir, workers);
  assert.equal(pooled.code, here.code);
  assert.equal(pooled.out, here.out);
  return JSON.parse(here.out) as Report;
}

test('scan: source files on two workers give the report the CLI thread gives', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-workers-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(__dirname, '..', '..', 'examples'), dir, { recursive: true });
  // What the source files hold, so the comparison is not of two empty reports.
  const report = await sameWithWorkers(dir, 2);
  const sources = report.files
    .filter((f) => /\.(py|ts)$/.test(f.file))
    .map((f) => [f.file, f.findings.map((x) => `${x.ruleId}:${x.line}`).join(' ')]);
  assert.deepEqual(sources, [
    ['agent/research_agent.py', 'redos-unsafe-pattern:24 credential-param-captured:32 exclude-inputs-unknown-param:44 credential-param-captured:45 kwargs-credential-captured:68'],
    ['agent/support_agent.py', 'hardcoded-credential:19 credential-param-captured:40 credential-param-captured:48 credential-param-captured:58'],
    ['agent/tools.ts', 'credential-param-captured:16 credential-param-captured:34 insecure-exporter-endpoint:45'],
    // `stripe_key`: a service's key written as one compound word is a credential.
    ['loop/agent/billing_agent.py', 'credential-param-captured:31'],
    // session_token is covered by the example's AgentDbg redact_keys ("token"); auth_header is not.
    ['loop/agent/ledger.py', 'credential-param-captured:12'],
    ['loop/agent/receipts.py', 'credential-param-captured:8'],
    ['sdks/agentops/crew.py', 'credential-param-captured:22'],
    ['sdks/braintrust/classifier.py', 'credential-param-captured:20'],
    ['sdks/braintrust/classifier.ts', 'credential-param-captured:8'],
    ['sdks/laminar/browser_agent.py', 'credential-param-captured:18'],
    ['sdks/langchain/tools.py', 'redaction-disabled:17 credential-param-captured:23'],
    ['sdks/logfire/billing.py', 'redos-unsafe-pattern:16 credential-param-captured:23'],
    ['sdks/mlflow/agent.py', 'credential-param-captured:19'],
    ['sdks/openai-agents/support-agent.ts', 'credential-param-captured:17 redaction-disabled:39'],
    ['sdks/openai-agents/support_agent.py', 'credential-param-captured:23 redaction-disabled:47'],
    ['sdks/openinference/retrieval.py', 'redaction-disabled:15 credential-param-captured:21'],
    ['sdks/pydantic-ai/billing_agent.py', 'redaction-disabled:26 credential-param-captured:34'],
    ['sdks/smolagents/research_agent.py', 'credential-param-captured:17'],
    ['sdks/traceloop/research.py', 'credential-param-captured:20'],
    ['sdks/traceloop/tools.ts', 'credential-param-captured:7'],
  ]);
});

test('scan: a plain JSONL trace beside the sources (this thread lints it first, then source files from the front) gives the same report with a worker', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-workers-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'tracelint.json'), '{}\n');
  mkdirSync(join(dir, 'agents'));
  mkdirSync(join(dir, 'traces'));
  for (let i = 0; i < 12; i++) {
    writeFileSync(join(dir, 'agents', `agent_${i}.py`), `import tracecraft\n\n@tracecraft.trace_tool(name="t${i}")\ndef t${i}(query: str, api_key: str) -> str:\n    return query\n`);
    writeFileSync(join(dir, 'agents', `tool_${i}.ts`), `import { traceable } from "langsmith/traceable";\nexport const f${i} = traceable(async (id: string, apiKey: string) => id, { name: "f${i}" });\n`);
  }
  // A coding agent's session: no TraceCraft steps, AgentDbg events or OTLP spans, so nothing to link.
  writeFileSync(join(dir, 'traces', 'session.jsonl'), `${JSON.stringify({ role: 'tool', content: 'export OPENAI_API_KEY=sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq' })}\n`);
  const report = await sameWithWorkers(dir, 1);
  assert.deepEqual(report.files.map((f) => [f.file, f.findings.map((x) => `${x.ruleId}:${x.line}`).join(' ')]).filter(([f]) => /_0\.|session/.test(f)), [
    ['agents/agent_0.py', 'credential-param-captured:4'],
    ['agents/tool_0.ts', 'credential-param-captured:2'],
    ['traces/session.jsonl', 'openai_api_key:1'],
  ]);
  assert.equal(report.files.length, 25);
});

test('sourceWorkerCount: workers besides this thread, by source files, cores, linking traces and --verbose', () => {
  const rows: Array<[number, number, boolean, boolean, number]> = [
    // files, cores, linkedTraces, verbose, workers
    [0, 2, false, false, 0],
    [299, 2, false, false, 0],
    [300, 2, false, false, 1],
    [900, 2, false, false, 1],
    [900, 1, false, false, 0],
    [650, 4, false, false, 2],
    [5000, 4, false, false, 3],
    [900, 2, true, false, 0],
    [900, 2, false, true, 0],
  ];
  for (const [files, cores, linkedTraces, verbose, expected] of rows) {
    assert.equal(sourceWorkerCount(files, cores, { linkedTraces, verbose }), expected, `${files} files, ${cores} cores, linked ${linkedTraces}, verbose ${verbose}`);
  }
});

test('SourcePool: files stay queued until a worker is ready, the caller can claim them; a worker\'s results equal this thread\'s', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-pool-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(join(dir, 'tracelint.json'), '{}\n');
  const files = ['a', 'b', 'c', 'd'].map((n) => join(dir, `${n}.py`));
  for (const f of files) writeFileSync(f, `import tracecraft\n\n@tracecraft.trace_tool(name="x")\ndef x(api_key: str) -> str:\n    return ""\n`);
  const pool = new SourcePool(sourceWorkerScript()!, 1, undefined);
  t.after(() => pool.close());
  const promises = files.map((f) => pool.lint(f, false));
  // The worker is still loading the analysis (it says ready only after): every file is still queued.
  assert.equal(pool.claim(files[0]), true);
  assert.equal(pool.claim(files[0]), false, 'claimed once');
  assert.equal(pool.claim(join(dir, 'other.py')), false, 'never offered');
  const last = await promises[3];
  assert.equal(pool.claim(files[3]), false, 'the worker has it');
  const config = new ConfigResolver(undefined).forPath(files[3]);
  const local = await lintFile(files[3], { config, explicit: false, slow: true });
  assert.deepEqual(last.findings.map((f) => [f.ruleId, f.span, f.fingerprint]), local.findings.map((f) => [f.ruleId, f.span, f.fingerprint]));
  assert.deepEqual(last.findings.map((f) => f.ruleId), ['credential-param-captured']);
});
