// `tracelint scan` of a repository lints agent source files on worker threads (server/cli/source-pool.ts):
// the report is the same, byte for byte, as when every file is linted in the CLI's own thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, cpSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { runScan } from '../../server/cli/scan';
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

test('scan: source files on two workers give the report the CLI thread gives', async (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-workers-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  cpSync(join(__dirname, '..', '..', 'examples'), dir, { recursive: true });
  tighten(dir);
  const here = await scan(dir, 0);
  const pooled = await scan(dir, 2);
  assert.equal(pooled.code, here.code);
  assert.equal(pooled.out, here.out);
  // What the source files hold, so the comparison is not of two empty reports.
  const report = JSON.parse(here.out) as { files: Array<{ file: string; findings: Array<{ ruleId: string; line: number }> }> };
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
    ['sdks/traceloop/research.py', 'credential-param-captured:20'],
    ['sdks/traceloop/tools.ts', 'credential-param-captured:7'],
  ]);
});
