// The built language server (`node dist/server.js --stdio`) driven as VS Code drives it, with the
// real analysis behind it: diagnostics for every file kind, code actions applied and re-checked,
// the workspace scan, the preview and the redacted copy, and bad input answered without a crash.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, uriOf } from './harness';
import { markdownText } from '../../server/lsp/hover';
import { PreviewLines, PreviewOpen, SaveRedacted } from '../../shared/protocol';

const OPENAI_KEY = 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq';
const EMAIL = 'dana.whitfield@northwind-traders.com';
const TRACE = [
  JSON.stringify({ name: 'web_search', type: 'tool', inputs: { query: 'refund', api_key: OPENAI_KEY } }),
  JSON.stringify({ name: 'summarize', type: 'llm', outputs: { text: `Mail ${EMAIL} <script>alert(1)</script>` } }),
  '',
].join('\n');

const AGENT = `import tracecraft


@tracecraft.trace_tool(name="web_search")
def web_search(query: str, api_key: str) -> list:
    return []
`;

const brief = (ds: Diagnostic[]) => ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]);

describe('tracelint language server over stdio', () => {
  let dir: string;
  let client: TestClient;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'tracelint-server-'));
    mkdirSync(join(dir, 'traces'));
    mkdirSync(join(dir, '.agentdbg'));
    writeFileSync(join(dir, 'traces', 'closed.jsonl'), TRACE);
    // Owner-only, as TraceCraft asks: these tests are about content; hygiene has its own (hygiene-fix.test.ts).
    chmodSync(join(dir, 'traces', 'closed.jsonl'), 0o600);
    chmodSync(join(dir, 'traces'), 0o700);
    chmodSync(dir, 0o700);
    client = TestClient.stdio({ pull: true, folders: [dir], settings: () => ({ traceGlobs: ['**/*.jsonl'] }) });
    await client.initialize();
  });

  after(async () => {
    await client.shutdown();
    assert.equal(client.stderr, '', 'nothing on stderr');
  });

  it('scans the workspace trace files in the background, with progress', async () => {
    const pushed = await client.waitForPush(uriOf(join(dir, 'traces', 'closed.jsonl')), (p) => p.diagnostics.length > 0);
    assert.deepEqual(brief(pushed.diagnostics), [
      ['openai_api_key', 0, 73, 0, 135],
      ['email', 1, 57, 1, 93],
    ]);
    assert.ok(!pushed.diagnostics.some((d) => JSON.stringify(d.message).includes(OPENAI_KEY) || JSON.stringify(d.message).includes(EMAIL)), 'messages are masked');
    const kinds = () => client.progress.map((p) => (p as { value: { kind: string } }).value.kind);
    await waitFor(async () => kinds().at(-1) === 'end');
    assert.equal(kinds()[0], 'begin');
  });

  it('preview: redacted lines, counts, trace HTML as plain text; Save Redacted Copy', async () => {
    const uri = uriOf(join(dir, 'traces', 'closed.jsonl'));
    const info = await client.connection.sendRequest<PreviewOpen.Result>(PreviewOpen.method, { uri, mode: 'mask' });
    assert.deepEqual({ ...info, generation: 0 }, {
      uri,
      mode: 'mask',
      lineCount: 2,
      counts: [{ ruleId: 'email', count: 1 }, { ruleId: 'openai_api_key', count: 1 }],
      total: 2,
      problems: [],
      generation: 0,
      // Each finding's line and detector, in file order: the webview's next/previous and chip filters.
      marks: [{ line: 0, ruleId: 'openai_api_key' }, { line: 1, ruleId: 'email' }],
    });
    const { lines } = await client.connection.sendRequest<PreviewLines.Result>(PreviewLines.method, { uri, from: 0, to: 10 });
    const text = lines.map((l) => l.segments.map((s) => s.text).join('')).join('\n');
    const expected = TRACE.replace(OPENAI_KEY, '[REDACTED]').replace(EMAIL, '[REDACTED]').trimEnd();
    assert.equal(text, expected);
    assert.ok(text.includes('<script>alert(1)</script>'));
    const target = join(dir, 'closed.redacted.jsonl');
    const saved = await client.connection.sendRequest<SaveRedacted.Result>(SaveRedacted.method, { uri, target: uriOf(target), mode: 'mask' });
    assert.equal(saved.redacted, 2);
    assert.equal(readFileSync(target, 'utf8'), `${expected}\n`);
    await assert.rejects(client.connection.sendRequest(SaveRedacted.method, { uri, target: uri, mode: 'mask' }), /cannot overwrite the trace/);
  });

  it('Python: credential-param-captured, fixed by its quick fix, then clean', async () => {
    const uri = uriOf(join(dir, 'agent.py'));
    client.open(uri, 'python', AGENT);
    const ds = await client.diagnostics(uri);
    assert.deepEqual(brief(ds), [['credential-param-captured', 4, 27, 4, 34]]);
    const actions = await client.codeActions(uri, ds[0].range, ds);
    const preferred = actions.find((a) => a.isPreferred)!;
    assert.equal(preferred.title, 'Add "api_key" to exclude_inputs');
    client.applyEdit(preferred.edit!);
    assert.equal(client.docs.get(uri)!.getText(), AGENT.replace('name="web_search")', 'name="web_search", exclude_inputs=["api_key"])'));
    assert.deepEqual(await client.diagnostics(uri), []);
  });

  it('Python: the ReDoS verdict arrives after the fast findings, without holding them back', async () => {
    const uri = uriOf(join(dir, 'patterns.py'));
    const refreshes = client.refreshRequests;
    client.open(uri, 'python', `${AGENT}\nfrom tracecraft import RedactionRule\nRULE = RedactionRule(name="tag", pattern=r"^(\\w+\\s?)*$")\n`);
    const fast = await client.diagnostics(uri);
    assert.deepEqual(fast.map((d) => d.code), ['credential-param-captured']);
    await waitFor(async () => client.refreshRequests > refreshes, 30_000);
    const all = await client.diagnostics(uri);
    // One problem, on the string literal; the hotspot inside it is its related information.
    assert.deepEqual(all.map((d) => [d.code, d.range.start.line]), [
      ['credential-param-captured', 4],
      ['redos-unsafe-pattern', 8],
    ]);
    assert.match(String(all[1].message), /exponential/);
    assert.deepEqual(all[1].relatedInformation?.map((r) => [r.location.uri, r.location.range.start.line, r.location.range.start.character, r.location.range.end.character]), [[uri, 8, 45, 47]]);
  });

  // The hover of a pattern literal: the verdicts the second wave brought (nothing judged again).
  const EMAIL_RULE = '[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?@[a-zA-Z0-9](?:[a-zA-Z0-9.-]{0,61}[a-zA-Z0-9])?\\.[a-zA-Z]{2,}';
  const LINEAR_HOVER = '**tracelint: no finding**\n\nWith its bounded repeats read as unbounded, recheck reports quadratic backtracking in this redaction pattern, but the repeats at its hotspot are bounded as written ({0,62}), which keeps matching linear in practice: not a ReDoS risk.';

  it('Python: hovering a pattern shows its ReDoS verdict: the finding with what was measured, or why it is linear in practice', async () => {
    const uri = uriOf(join(dir, 'hover.py'));
    const text = `from tracecraft import RedactionConfig, RedactionRule\nRULES = [\n    RedactionRule(name="tag", pattern=r"^(\\w+\\s?)*$"),\n    RedactionRule(name="email", pattern=r"${EMAIL_RULE}"),\n]\n`;
    client.open(uri, 'python', text);
    await waitFor(async () => (await client.diagnostics(uri)).length === 1, 30_000);
    await waitFor(async () => (await client.hover(uri, 3, 40)) !== null, 30_000);
    const [finding] = await client.diagnostics(uri);
    assert.deepEqual(brief([finding]), [['redos-unsafe-pattern', 2, 38, 2, 52]]);
    const bad = await client.hover(uri, 2, 40);
    const value = (bad?.contents as { value: string }).value;
    const [head, message, measured, ...rest] = value.split('\n\n');
    assert.deepEqual({ head, message, rest, range: bad?.range }, {
      head: '**tracelint: redos-unsafe-pattern** (error)',
      message: markdownText(String(finding.message)),
      rest: [],
      range: { start: { line: 2, character: 38 }, end: { line: 2, character: 52 } },
    });
    assert.match(measured, /^Measured on the attack string \(CPU time in V8\): (\d[\d,]* chars [\d.]+ ms, )*[\d,]+ chars over the CPU-time limit( \(n\^\d\.\d\))?\.$/);
    assert.deepEqual(await client.hover(uri, 3, 40), {
      contents: { kind: 'markdown', value: LINEAR_HOVER },
      range: { start: { line: 3, character: 40 }, end: { line: 3, character: 40 + EMAIL_RULE.length + 3 } },
    });
    // Outside the literals: no hover.
    assert.equal(await client.hover(uri, 3, 10), null);
  });

  it('tracelint.json: a custom rule\'s pattern gets the same hover', async () => {
    const sub = join(dir, 'hover-config');
    mkdirSync(sub);
    const path = join(sub, 'tracelint.json');
    const value = EMAIL_RULE.replace(/\\/g, '\\\\');
    const text = `{\n  "customRules": [{ "name": "contact", "pattern": "${value}" }]\n}\n`;
    writeFileSync(path, text, { mode: 0o600 });
    const uri = uriOf(path);
    client.open(uri, 'json', text);
    const column = text.split('\n')[1].indexOf('"[');
    // No finding: the pattern is linear in practice (a pull client asks for diagnostics on open).
    assert.deepEqual(await client.diagnostics(uri), []);
    await waitFor(async () => (await client.hover(uri, 1, column + 1)) !== null, 30_000);
    assert.deepEqual(await client.hover(uri, 1, column + 1), {
      contents: { kind: 'markdown', value: LINEAR_HOVER },
      range: { start: { line: 1, character: column }, end: { line: 1, character: column + value.length + 2 } },
    });
  });

  it('Python: a syntax error mid-file does not stop the decorated function above it from being linted', async () => {
    const uri = uriOf(join(dir, 'broken.py'));
    client.open(uri, 'python', `${AGENT}\ndef half(:\n    pass\n\n@tracecraft.trace_tool(name="x")\ndef later(token):\n    pass\n`);
    const ds = await client.diagnostics(uri);
    assert.deepEqual(
      brief(ds.filter((d) => d.code === 'credential-param-captured')),
      [
        ['credential-param-captured', 4, 27, 4, 34],
        ['credential-param-captured', 11, 10, 11, 15],
      ],
    );
  });

  it('Python: "disable for this line" suppresses the finding', async () => {
    const uri = uriOf(join(dir, 'suppress.py'));
    client.open(uri, 'python', AGENT);
    const ds = await client.diagnostics(uri);
    const disable = (await client.codeActions(uri, ds[0].range, ds)).find((a) => a.title === 'Disable credential-param-captured for this line')!;
    client.applyEdit(disable.edit!);
    assert.equal(client.docs.get(uri)!.getText(), AGENT.replace('def web_search', '# tracelint-disable-next-line credential-param-captured\ndef web_search'));
    assert.deepEqual(brief(await client.diagnostics(uri)), []);
  });

  it('TypeScript: a traced function capturing apiKey', async () => {
    const uri = uriOf(join(dir, 'tools.ts'));
    client.open(uri, 'typescript', `import { traceable } from "langsmith/traceable";\nexport const fetchInvoice = traceable(async (id: string, apiKey: string) => id, { name: "fetch_invoice" });\n`);
    assert.deepEqual(brief(await client.diagnostics(uri)), [['credential-param-captured', 1, 57, 1, 63]]);
  });

  it('JSONL: leaks found where they stand; allowlist and baseline actions applied, then re-checked', async () => {
    const uri = uriOf(join(dir, 'traces', 'open.jsonl'));
    client.open(uri, 'jsonl', TRACE);
    const ds = await client.diagnostics(uri);
    assert.deepEqual(brief(ds), [
      ['openai_api_key', 0, 73, 0, 135],
      ['email', 1, 57, 1, 93],
    ]);
    assert.equal(client.docs.get(uri)!.getText(ds[0].range), OPENAI_KEY);
    const keyActions = await client.codeActions(uri, ds[0].range, [ds[0]]);
    const titles = keyActions.map((a) => a.title);
    assert.ok(titles.includes('Add this openai_api_key value to the tracelint allowlist'), titles.join(' | '));
    assert.ok(titles.includes('Add this openai_api_key finding to the baseline'), titles.join(' | '));
    client.applyEdit(keyActions.find((a) => a.title.startsWith('Add this openai_api_key value'))!.edit!);
    const config = JSON.parse(readFileSync(join(dir, 'tracelint.json'), 'utf8'));
    assert.deepEqual(config, { allowlist: [OPENAI_KEY] });
    client.configurationChanged();
    await waitFor(async () => brief(await client.diagnostics(uri)).length === 1);
    const [email] = await client.diagnostics(uri);
    const base = (await client.codeActions(uri, email.range, [email])).find((a) => a.title === 'Add this email finding to the baseline')!;
    client.applyEdit(base.edit!);
    const baseline = JSON.parse(readFileSync(join(dir, 'tracelint.baseline.json'), 'utf8'));
    assert.equal(baseline.tool, 'tracelint');
    assert.match(baseline.fingerprints[0], /^email:[0-9a-f]{64}$/);
    client.configurationChanged();
    await waitFor(async () => (await client.diagnostics(uri)).length === 0);
    client.close(uri);
  });

  it('configuration files: tracelint.json, .agentdbg/config.yaml and .env', async () => {
    const cfg = uriOf(join(dir, 'sub', 'tracelint.json'));
    client.open(cfg, 'json', '{ "detectors": { "email": "loud" } }');
    assert.deepEqual((await client.diagnostics(cfg)).map((d) => d.code), ['invalid-config']);
    const yaml = uriOf(join(dir, '.agentdbg', 'config.yaml'));
    client.open(yaml, 'yaml', 'redact: false\n');
    assert.deepEqual((await client.diagnostics(yaml)).map((d) => d.code), ['redaction-disabled']);
    const env = uriOf(join(dir, '.env'));
    client.open(env, 'plaintext', 'TRACECRAFT_REDACTION_ENABLED=false\n');
    assert.deepEqual(brief(await client.diagnostics(env)), [['redaction-disabled', 0, 0, 0, 34]]);
  });

  it('bad input: answers every time, never crashes', async () => {
    const cases: Array<[string, string, string]> = [
      ['huge-line.jsonl', 'jsonl', `${JSON.stringify({ text: 'x'.repeat(2 * 1024 * 1024), api_key: OPENAI_KEY })}\n`],
      ['invalid.jsonl', 'jsonl', `{"a": 1}\n{"b": \n{"c": "${EMAIL}"}\n`],
      ['deep.json', 'json', `{"traces": ${'['.repeat(5000)}"${EMAIL}"${']'.repeat(5000)}}`],
      ['deep.jsonl', 'jsonl', `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}\n`],
      ['binary.jsonl', 'jsonl', '\u0000\u0001\u0002\u00ff\ufffd PK\u0003\u0004'],
      ['empty.py', 'python', ''],
      ['empty.jsonl', 'jsonl', ''],
    ];
    for (const [name, lang, text] of cases) {
      const uri = uriOf(join(dir, 'traces', name));
      client.open(uri, lang, text);
      const ds = await client.diagnostics(uri);
      assert.ok(Array.isArray(ds), name);
      client.close(uri);
    }
    assert.equal(client.exited, false, 'the server is still running');
  });

  it('a file of malformed lines: the first 1,000 problems, then one diagnostic counting the rest', async () => {
    const uri = uriOf(join(dir, 'traces', 'log.jsonl'));
    client.open(uri, 'jsonl', Array.from({ length: 1005 }, (_, i) => `INFO step ${i} done`).join('\n'));
    const ds = await client.diagnostics(uri);
    const brief = (d: Diagnostic) => [d.code, d.range.start.line, d.message];
    assert.equal(ds.length, 1001);
    assert.deepEqual([ds[0], ds[999], ds[1000]].map(brief), [
      ['input-problem', 0, 'malformed JSON at column 1: expected a JSON value; line skipped'],
      ['input-problem', 999, 'malformed JSON at column 1: expected a JSON value; line skipped'],
      ['input-problem', 999, '5 more input problems in this file after this one (the first 1000 are shown)'],
    ]);
    client.close(uri);
  });

  it('binary files: one diagnostic saying the file is binary, not one per line', async () => {
    // 64 KB of seeded random bytes (about 250 of them `\n`), as an editor decodes them.
    let seed = 0x5eed;
    const bytes = Buffer.alloc(64 * 1024);
    for (let i = 0; i < bytes.length; i++) {
      seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
      bytes[i] = (seed >>> 16) & 255;
    }
    const junk = new TextDecoder().decode(bytes);
    assert.ok(junk.split('\n').length > 200, 'the junk has many lines');
    const cases: Array<[string, string, string, Array<[string, number, number, number, number, string]>]> = [
      ['junk.jsonl', 'jsonl', junk, [['input-problem', 0, 0, 0, 0, 'binary data (NUL bytes), not a JSON trace; not scanned']]],
      // NUL first, then a line that alone would be a malformed-JSON problem: still only the one.
      ['nul-first.jsonl', 'jsonl', `\u0000\n{"a": \n{"b": "${EMAIL}"}\n`, [['input-problem', 0, 0, 0, 0, 'binary data (NUL bytes), not a JSON trace; not scanned']]],
      ['junk.py', 'python', junk, [['parse-error', 0, 0, 0, 0, 'Binary file: not analysed as source.']]],
      ['junk.ts', 'typescript', junk, [['parse-error', 0, 0, 0, 0, 'Binary file: not analysed as source.']]],
    ];
    for (const [name, lang, text, expected] of cases) {
      const uri = uriOf(join(dir, 'traces', name));
      client.open(uri, lang, text);
      const ds = await client.diagnostics(uri);
      assert.deepEqual(ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character, d.message]), expected, name);
      client.close(uri);
    }
  });

});

async function waitFor(test: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await test())) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}
