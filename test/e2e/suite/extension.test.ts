// End-to-end: the extension in a real VS Code (code-server here, a desktop VS Code through
// @vscode/test-electron elsewhere) on a copy of the example workspace. Every wait is on an event
// (diagnostics changing, the webview answering), never a fixed sleep.
import * as assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'mocha';
import * as vscode from 'vscode';
import { checkpoint, codeOf, waitForDiagnostics } from './helpers';

// Fake secrets in real formats, planted by this test in its own trace.
const OPENAI_KEY = 'sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq';
const EMAIL = 'dana.whitfield@northwind-traders.com';
const LEAKY_TRACE =
  [
    { name: 'research_agent', inputs: { question: 'Why was the invoice charged twice?' } },
    { name: 'web_search', inputs: { api_key: OPENAI_KEY } },
    { name: 'summarize', outputs: { text: `Mail ${EMAIL} now` } },
    { name: 'page', outputs: { html: '<script>document.title="pwned"</script><img src=x onerror=alert(1)>' } },
  ]
    .map((l) => JSON.stringify(l))
    .join('\n') + '\n';

interface Snapshot {
  header: string;
  rows: string[];
  markers: Array<{ text: string; ruleId: string; survives?: boolean }>;
  foreignElements: number;
  mode: string;
  view?: string;
  lineCount: number;
  generation: number;
  firstLine: number;
  record?: string;
  position?: string;
  current?: { text: string; ruleId: string; inView: boolean };
  recordCurrent?: { text: string; ruleId: string; inView: boolean };
}

describe('tracelint in VS Code', () => {
  let root: vscode.Uri;

  before(async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the suite runs in a workspace (a copy of examples/)');
    root = folder.uri;
    const ext = vscode.extensions.all.find((e) => e.packageJSON?.name === 'tracelint');
    assert.ok(ext, 'the tracelint extension is loaded');
    await ext.activate();
  });

  it('reports credential-param-captured on the example agent and fixes it with the quick fix', async () => {
    const uri = vscode.Uri.joinPath(root, 'agent', 'research_agent.py');
    const doc = await vscode.workspace.openTextDocument(uri);
    const editor = await vscode.window.showTextDocument(doc);
    const isWebSearch = (d: vscode.Diagnostic) => codeOf(d) === 'credential-param-captured' && doc.getText(d.range) === 'api_key';
    const diags = await waitForDiagnostics(uri, (ds) => ds.some(isWebSearch), 'credential-param-captured on web_search(api_key)');
    const target = diags.find(isWebSearch)!;
    assert.equal(doc.lineAt(target.range.start.line).text.trim(), 'def web_search(query: str, api_key: str) -> list[dict]:');
    editor.revealRange(target.range, vscode.TextEditorRevealType.InCenter);
    editor.selection = new vscode.Selection(target.range.start, target.range.start);
    // The hover a user gets on the squiggle, shown for the screenshot.
    await vscode.commands.executeCommand('editor.action.showHover');
    await checkpoint('squiggle');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range);
    assert.deepEqual(
      actions.map((a) => [a.title, a.kind?.value, !!a.isPreferred]),
      [
        ['Add "api_key" to exclude_inputs', 'quickfix', true],
        ['Set capture_inputs=False (no inputs are recorded)', 'quickfix', false],
        ['Disable credential-param-captured for this line', 'quickfix', false],
      ],
    );
    const fix = actions[0];
    assert.ok(fix.edit);
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const decoratorLine = doc.lineAt(target.range.start.line - 1).text;
    assert.equal(decoratorLine, '@tracecraft.trace_tool(name="web_search", exclude_inputs=["api_key"])');
    await waitForDiagnostics(uri, (ds) => !ds.some((d) => codeOf(d) === 'credential-param-captured' && doc.getText(d.range) === 'api_key' && d.range.start.line === target.range.start.line), 'the diagnostic to clear');
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('reports a ReDoS-unsafe redaction pattern once recheck has judged it, the hotspot as related information', async () => {
    const uri = vscode.Uri.joinPath(root, 'agent', 'research_agent.py');
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    // The second wave: recheck runs off the main thread, its verdict joins the other findings.
    const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'redos-unsafe-pattern'), 'redos-unsafe-pattern on free_text_tag');
    assert.ok(diags.some((d) => codeOf(d) === 'credential-param-captured'), 'the fast findings stay');
    // One problem; its hotspot is related information, not a second problem.
    const redos = diags.filter((d) => codeOf(d) === 'redos-unsafe-pattern');
    assert.deepEqual(
      redos.map((d) => [d.range.start.line + 1, doc.getText(d.range), d.severity, d.message.slice(0, 52)]),
      [[24, 'r"^(\\w+\\s?)*$"', vscode.DiagnosticSeverity.Error, 'This redaction pattern can backtrack catastrophicall']],
    );
    assert.deepEqual(
      (redos[0].relatedInformation ?? []).map((r) => [r.location.uri.toString(), doc.getText(r.location.range), r.message.slice(0, 52)]),
      [[uri.toString(), '\\w', 'ReDoS hotspot (exponential backtracking): `\\w` is wh']],
    );
    // The hover of the literal: the verdict's message and what the timing measured, over the literal.
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, redos[0].range.start.translate(0, 3));
    const ours = hovers.filter((h) => h.contents.some((c) => (typeof c === 'string' ? c : c.value).startsWith('**tracelint: redos-unsafe-pattern**')));
    assert.equal(ours.length, 1);
    const text = ours[0].contents.map((c) => (typeof c === 'string' ? c : c.value)).join('');
    const [head, message, measured] = text.split('\n\n');
    assert.deepEqual([head, message.slice(0, 52), ours[0].range?.isEqual(redos[0].range)], ['**tracelint: redos-unsafe-pattern** (error)', 'This redaction pattern can backtrack catastrophicall', true]);
    assert.match(measured, /^Measured on the attack string \(CPU time in V8\): .* over the CPU-time limit/);
  });

  it('reports the leaks of a JSONL trace', async () => {
    const path = join(root.fsPath, 'traces', 'e2e-leaky.jsonl');
    writeFileSync(path, LEAKY_TRACE);
    const uri = vscode.Uri.file(path);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'jsonl');
    const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'openai_api_key') && ds.some((d) => codeOf(d) === 'email'), 'openai_api_key and email');
    const key = diags.find((d) => codeOf(d) === 'openai_api_key')!;
    assert.equal(doc.getText(key.range), OPENAI_KEY);
    assert.equal(key.range.start.line, 1);
    assert.ok(!key.message.includes(OPENAI_KEY), 'the message masks the key');
    const email = diags.find((d) => codeOf(d) === 'email')!;
    assert.equal(doc.getText(email.range), EMAIL);

    // The example workspace's own TraceCraft trace: the OpenAI key web_search recorded.
    const example = vscode.Uri.joinPath(root, 'traces', 'tracecraft.jsonl');
    const exampleDoc = await vscode.workspace.openTextDocument(example);
    await vscode.window.showTextDocument(exampleDoc);
    const found = await waitForDiagnostics(example, (ds) => ds.some((d) => codeOf(d) === 'openai_api_key'), 'openai_api_key in examples/traces/tracecraft.jsonl');
    const leak = found.find((d) => codeOf(d) === 'openai_api_key')!;
    assert.match(exampleDoc.getText(leak.range), /^sk-/);
  });

  it('reads a SWE-agent trajectory (.traj) as a JSON trace wherever it lies', async () => {
    const password = 'Falcon-42x';
    const traj = JSON.stringify(
      { environment: 'swe_main', trajectory: [{ action: `sshpass -p '${password}' ssh deploy@10.0.0.5 uptime\n`, observation: 'up 3 days', thought: 'Check the host.' }], info: { exit_status: 'submitted' } },
      null,
      2,
    );
    const uri = vscode.Uri.file(join(root.fsPath, 'e2e-run.traj'));
    writeFileSync(uri.fsPath, traj);
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc);
    assert.equal(doc.languageId, 'json');
    const diags = await waitForDiagnostics(uri, (ds) => ds.some((d) => codeOf(d) === 'command_line_credential'), 'command_line_credential in e2e-run.traj');
    const found = diags.find((d) => codeOf(d) === 'command_line_credential')!;
    assert.equal(doc.getText(found.range), password);
    assert.equal(found.range.start.line, 4);
  });

  it('shows the redacted preview: markers, counts, no planted secret, trace HTML as text', async () => {
    const uri = vscode.Uri.file(join(root.fsPath, 'traces', 'e2e-leaky.jsonl'));
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('tracelint.openPreviewToSide', uri);
    const snap = (await vscode.commands.executeCommand<Snapshot>('tracelint.previewSnapshot', uri))!;
    assert.equal(snap.lineCount, 5);
    assert.equal(snap.mode, 'mask');
    const text = snap.rows.join('\n');
    assert.ok(!text.includes(OPENAI_KEY) && !text.includes(EMAIL), `no planted secret in the preview:\n${text}`);
    assert.ok(!snap.header.includes(OPENAI_KEY) && !snap.header.includes(EMAIL));
    assert.deepEqual(
      snap.markers.filter((m) => m.ruleId === 'openai_api_key' || m.ruleId === 'email'),
      [
        { text: '[REDACTED]', ruleId: 'openai_api_key' },
        { text: '[REDACTED]', ruleId: 'email' },
      ],
    );
    assert.match(snap.header, /openai_api_key 1/);
    assert.match(snap.header, /email 1/);
    assert.ok(text.includes('"api_key":"[REDACTED]"'), text);
    assert.ok(text.includes('<script>document.title=\\"pwned\\"</script><img src=x onerror=alert(1)>'), 'trace HTML shown as characters');
    assert.equal(snap.foreignElements, 0, 'no element was created from trace content');

    // The launcher (when there is one) clicks the first marker after its screenshot: the key is selected in the trace.
    const keyRange = new vscode.Range(1, 42, 1, 42 + OPENAI_KEY.length);
    const revealed = process.env.TRACELINT_E2E_RUN_DIR
      ? new Promise<void>((resolve) => {
          const sub = vscode.window.onDidChangeTextEditorSelection((e) => {
            if (e.textEditor.document.uri.toString() === uri.toString() && e.selections[0].isEqual(keyRange)) {
              sub.dispose();
              resolve();
            }
          });
        })
      : Promise.resolve();
    await checkpoint('preview');
    await revealed;

    // Live: a leak added to the trace shows up in the preview.
    const edit = new vscode.WorkspaceEdit();
    edit.insert(uri, new vscode.Position(4, 0), `${JSON.stringify({ name: 'late', outputs: { text: 'ping ops@northwind-traders.com' } })}\n`);
    assert.ok(await vscode.workspace.applyEdit(edit));
    const live = (await vscode.commands.executeCommand<Snapshot>('tracelint.previewSnapshot', uri, { afterGeneration: snap.generation }))!;
    assert.match(live.header, /email 2/);
    assert.equal(live.lineCount, 6);
    assert.ok(!live.rows.join('\n').includes('ops@northwind-traders.com'));

    // The mode switch: hash markers instead of the placeholder.
    const hashed = (await vscode.commands.executeCommand<Snapshot>('tracelint.previewSnapshot', uri, { mode: 'hash' }))!;
    assert.equal(hashed.mode, 'hash');
    assert.ok(hashed.markers.length >= 3 && hashed.markers.every((m) => /^\[HASH:[0-9a-f]{16}\]$/.test(m.text)), JSON.stringify(hashed.markers));
    await vscode.commands.executeCommand('workbench.action.files.revert');
  });

  it('makes a trace of 3,000-character lines readable: next finding scrolls its marker into view, chips filter, the record pane', async () => {
    // The example TraceCraft trace: whole agent runs on one line, findings far to the right.
    const uri = vscode.Uri.joinPath(root, 'traces', 'tracecraft.jsonl');
    await vscode.commands.executeCommand('tracelint.openPreview', uri);
    const first = (await vscode.commands.executeCommand<Snapshot>('tracelint.previewSnapshot', uri))!;
    const total = Number(/(\d+) findings redacted/.exec(first.header)?.[1]);
    assert.ok(total > 10, first.header);
    assert.equal(first.position, `${total} findings shown`);

    // Next finding, eleven times: the eleventh marker of line 1 sits past column 1,500, off screen
    // in a one-row-per-line view; it is outlined and scrolled into view.
    const far = (await vscode.commands.executeCommand<Snapshot>('tracelint.previewSnapshot', uri, { steps: 11 }))!;
    assert.equal(far.position, `finding 11 of ${total}`);
    assert.ok(far.current, 'a marker is outlined');
    assert.equal(far.current!.inView, true, `the current marker (${far.current!.ruleId}) is in view`);
    assert.equal(far.current!.text, '[REDACTED]');
    await checkpoint('navigate');

    // The record pane: the selected line indented, the tool's JSON result expanded under #.
    const rec = (await vscode.commands.executeCommand<Snapshot>('tracelint.previewSnapshot', uri, { layout: 'record' }))!;
    assert.ok(rec.record, 'the record pane is shown');
    assert.match(rec.record!, /^Line 1 as a record\n/);
    assert.match(rec.record!, /^result: # JSON in this string\n/m);
    assert.match(rec.record!, /^email: "\[REDACTED\]"$/m);
    assert.match(rec.record!, /^api_key: "\[REDACTED\]"$/m);
    assert.ok(!/sk-proj-|@acme|4111/.test(rec.record!), 'no secret in the record pane');
    assert.equal(rec.foreignElements, 0);
    // The current finding, deep in the record, is outlined there too and scrolled into the pane.
    assert.deepEqual(rec.recordCurrent, { ...far.current, inView: true });
    await checkpoint('record');

    // A chip turned off: its findings are dimmed and skipped by next/previous.
    const ticketCount = Number(/ticket_id (\d+)/.exec(first.header)?.[1]);
    assert.ok(ticketCount > 0, first.header);
    const filtered = (await vscode.commands.executeCommand<Snapshot>('tracelint.previewSnapshot', uri, { hide: ['ticket_id'], steps: 1 }))!;
    assert.equal(filtered.position, `finding 1 of ${total - ticketCount}`);
    assert.notEqual(filtered.current?.ruleId, 'ticket_id');
    await checkpoint('filtered');
  });

  it('previews a trace as the project\'s own configuration would store it: survivors shown and counted', async () => {
    // examples/loop is a project of its own: TraceCraft redaction configured in billing_agent.py.
    const uri = vscode.Uri.joinPath(root, 'loop', 'traces', 'billing.jsonl');
    await vscode.commands.executeCommand('tracelint.openPreview', uri);
    const snap = (await vscode.commands.executeCommand<Snapshot>('tracelint.previewSnapshot', uri, { view: 'configured' }))!;
    assert.equal(snap.view, 'configured');
    assert.match(snap.header, /2 lines · 8 findings, 4 of them stored as they are by your configuration/);
    assert.match(snap.header, /1 bearer token, 1 credit card number, 1 email and 1 "ticket_id" match in this trace survive your TraceCraft configuration\./);
    // Only markers in view are drawn: the first line holds all of these.
    assert.deepEqual(snap.markers.slice(0, 8).map((m) => `${m.ruleId} ${m.survives ? 'STORED' : m.text}`), [
      'stripe_key [REDACTED]',
      'email [REDACTED]',
      'stripe_key [REDACTED]',
      'bearer_token STORED',
      'email [REDACTED]',
      'ticket_id STORED',
      'email STORED',
      'credit_card STORED',
    ]);
    await checkpoint('configured');
  });

  it('previews a 50,000-line trace without drawing it all: scrolled to line 25,001 it shows that line, redacted', async () => {
    const path = join(root.fsPath, 'traces', 'e2e-big.jsonl');
    const lines: string[] = [];
    for (let i = 0; i < 50_000; i++) {
      lines.push(JSON.stringify({ step: i, name: 'web_search', inputs: i % 1000 === 0 ? { api_key: `${OPENAI_KEY.slice(0, 40)}${String(i).padStart(8, '0')}` } : { query: `question ${i}` } }));
    }
    writeFileSync(path, `${lines.join('\n')}\n`);
    const uri = vscode.Uri.file(path);
    await vscode.commands.executeCommand('tracelint.openPreview', uri);
    const snap = (await vscode.commands.executeCommand<Snapshot>('tracelint.previewSnapshot', uri, { line: 25_000 }))!;
    assert.equal(snap.lineCount, 50_000);
    assert.equal(snap.firstLine, 25_000);
    assert.ok(snap.rows.length > 5 && snap.rows.length < 200, `only the rows in view are drawn (${snap.rows.length})`);
    assert.equal(snap.rows[0], '25001\t{"step":25000,"name":"web_search","inputs":{"api_key":"[REDACTED]"}}');
    assert.deepEqual(snap.markers[0], { text: '[REDACTED]', ruleId: 'openai_api_key' });
    assert.match(snap.header, /openai_api_key 50/);
  });
});
