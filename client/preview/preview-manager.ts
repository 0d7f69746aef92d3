// The redacted previews: one per trace, opened in place or to the side like the Markdown preview,
// and "Save Redacted Copy…", which asks where to write and has the server write it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type PreviewMode, SaveRedacted } from '../../shared/protocol';
import type { PreviewSnapshot, SnapshotRequest } from './messages';
import { PreviewPanel } from './preview-panel';

export class PreviewManager implements vscode.Disposable {
  private readonly panels = new Map<string, PreviewPanel>();

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly client: () => LanguageClient | undefined,
  ) {}

  private target(uri?: vscode.Uri): vscode.Uri | undefined {
    const u = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    if (!u) void vscode.window.showInformationMessage('tracelint: open a trace file (JSONL or JSON) first.');
    return u;
  }

  async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const target = this.target(uri);
    if (!target) return;
    const key = target.toString();
    const existing = this.panels.get(key);
    if (existing) return existing.panel.reveal(undefined, true);
    const column = toSide ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(
      'tracelint.preview',
      `Redacted: ${target.path.split('/').pop()}`,
      { viewColumn: column, preserveFocus: toSide },
      { enableScripts: true, localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist')], enableFindWidget: true },
    );
    const mode = vscode.workspace.getConfiguration('tracelint', target).get<PreviewMode>('redactionMode', 'mask');
    const preview = new PreviewPanel(target, panel, mode, this.client, this.context.extensionUri, (u, m) => void this.saveCopy(u, m));
    this.panels.set(key, preview);
    preview.disposed.event(() => this.panels.delete(key));
  }

  async saveCopy(uri?: vscode.Uri, mode?: PreviewMode): Promise<void> {
    const source = this.target(uri);
    const c = this.client();
    if (!source || !c) return;
    const name = source.path.split('/').pop() ?? 'trace.jsonl';
    const dot = name.indexOf('.');
    const suggested = dot > 0 ? `${name.slice(0, dot)}.redacted${name.slice(dot)}` : `${name}.redacted`;
    const target = await vscode.window.showSaveDialog({
      defaultUri: vscode.Uri.joinPath(source, '..', suggested),
      title: 'tracelint: Save Redacted Copy',
      saveLabel: 'Save Redacted Copy',
    });
    if (!target) return;
    const chosen = mode ?? vscode.workspace.getConfiguration('tracelint', source).get<PreviewMode>('redactionMode', 'mask');
    try {
      const params: SaveRedacted.Params = { uri: source.toString(), target: target.toString(), mode: chosen };
      const r = await c.sendRequest<SaveRedacted.Result>(SaveRedacted.method, params);
      void vscode.window.showInformationMessage(`tracelint: wrote ${vscode.workspace.asRelativePath(target)} (${r.redacted} redacted, mode ${chosen}).`);
    } catch (e) {
      void vscode.window.showErrorMessage(`tracelint: could not save the redacted copy: ${(e as Error).message}`);
    }
  }

  async snapshot(uri?: vscode.Uri, request?: SnapshotRequest): Promise<PreviewSnapshot | undefined> {
    const key = (uri ?? vscode.window.activeTextEditor?.document.uri)?.toString();
    const panel = key ? this.panels.get(key) : [...this.panels.values()].pop();
    return (panel ?? [...this.panels.values()].pop())?.snapshot(request);
  }

  dispose(): void {
    for (const p of [...this.panels.values()]) p.dispose();
  }
}
