// Closing the loop in the editor (issue 7): the "Go to" quick fix of a trace finding opens the
// parameter that recorded the value, and "Check Traces Against Your Redaction Configuration"
// puts the workspace's traces to the project's own TraceCraft / AgentDbg configuration and says
// what would still be stored (details in the tracelint output, the total in a notification).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CheckAgainstConfig } from '../shared/protocol';

/** `tracelint.openLocation(uri, line, column, endLine, endColumn)`: the server's "Go to" actions. */
export async function openLocation(uri: unknown, line: unknown, column: unknown, endLine: unknown, endColumn: unknown): Promise<void> {
  if (typeof uri !== 'string') return;
  const n = (v: unknown) => Math.max(0, Number(v) | 0);
  const range = new vscode.Range(n(line), n(column), n(endLine), n(endColumn));
  try {
    const editor = await vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection: range, preview: false });
    editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  } catch (e) {
    void vscode.window.showWarningMessage(`tracelint: cannot open ${uri}: ${(e as Error).message}`);
  }
}

/** Lines of the report written to the output: one block per trace, survivors with their reason. */
export function reportLines(r: CheckAgainstConfig.Result, relative: (uri: string) => string): string[] {
  const lines: string[] = [];
  for (const t of r.traces) {
    const c = t.configured;
    lines.push(typeof c === 'string' ? `${relative(t.uri)}: ${c}` : `${relative(t.uri)}: ${c.summary} (${c.describe})`);
    if (typeof c !== 'string') for (const n of c.notes) lines.push(`  note: ${n}`);
    for (const s of t.survivors) {
      lines.push(`  ${s.line + 1}:${s.column + 1} ${s.outcome === 'partial' ? 'partly stored' : 'stored'}: ${s.message}${s.reason ? ` (${s.reason})` : ''}`);
    }
  }
  lines.push(r.survivors === 0 ? 'Nothing tracelint found survives the configured redaction.' : `${r.survivors} finding(s) survive the configured redaction.`);
  return lines;
}

/** `tracelint.checkAgainstConfig [uri]`: one trace (from the explorer or the editor) or all of them. */
export async function checkAgainstConfig(client: LanguageClient | undefined, output: vscode.LogOutputChannel, uri?: vscode.Uri): Promise<CheckAgainstConfig.Result | undefined> {
  if (!client) {
    void vscode.window.showWarningMessage('tracelint: the language server is not running.');
    return undefined;
  }
  const params: CheckAgainstConfig.Params = uri instanceof vscode.Uri ? { uri: uri.toString() } : {};
  const r = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'tracelint: checking traces against your redaction configuration' },
    () => client.sendRequest<CheckAgainstConfig.Result>(CheckAgainstConfig.method, params),
  );
  for (const line of reportLines(r, (u) => vscode.workspace.asRelativePath(vscode.Uri.parse(u)))) output.info(line);
  const checked = `${r.traces.length} trace${r.traces.length === 1 ? '' : 's'}`;
  if (r.survivors === 0) void vscode.window.showInformationMessage(`tracelint: in ${checked}, nothing survives your redaction configuration.`);
  else {
    const pick = await vscode.window.showWarningMessage(`tracelint: ${r.survivors} finding(s) in ${checked} survive your redaction configuration.`, 'Show Details');
    if (pick) output.show(true);
  }
  return r;
}
