// One redacted preview: a webview panel showing one trace, kept in step with the trace (edits in the
// editor, changes on disk), asking the server for the lines the webview scrolls to.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewClose, PreviewLines, PreviewOpen, type PreviewMode, type PreviewView } from '../../shared/protocol';
import { previewHtml } from './html';
import type { FromWebview, PreviewSnapshot, SnapshotRequest, ToWebview } from './messages';

const MODES: PreviewMode[] = ['mask', 'hash', 'remove'];
/** Quiet time after an edit before the preview follows it. */
const REFRESH_DELAY_MS = 250;

export class PreviewPanel implements vscode.Disposable {
  private readonly subscriptions: vscode.Disposable[] = [];
  private refreshTimer: NodeJS.Timeout | undefined;
  /** The last refresh asked for (refresh). */
  private refreshing: Promise<void> = Promise.resolve();
  private snapshots = new Map<number, (s: PreviewSnapshot) => void>();
  private nextSnapshot = 1;
  private ready = false;
  /** Tracelint's full redaction, or the trace as the project's own configuration would store it. */
  private view: PreviewView = 'full';
  private readonly readyWaiters: Array<() => void> = [];
  readonly disposed = new vscode.EventEmitter<void>();

  constructor(
    readonly uri: vscode.Uri,
    readonly panel: vscode.WebviewPanel,
    private mode: PreviewMode,
    private readonly client: () => LanguageClient | undefined,
    extensionUri: vscode.Uri,
    private readonly onSave: (uri: vscode.Uri, mode: PreviewMode) => void,
  ) {
    panel.webview.html = previewHtml(panel.webview, extensionUri, vscode);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((m: FromWebview) => this.receive(m)),
      panel.onDidDispose(() => this.dispose()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() === uri.toString()) this.scheduleRefresh();
      }),
    );
    if (uri.scheme === 'file') {
      const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.split('/').pop()!));
      this.subscriptions.push(watcher, watcher.onDidChange(() => this.scheduleRefresh()), watcher.onDidCreate(() => this.scheduleRefresh()));
    }
  }

  private post(m: ToWebview): void {
    void this.panel.webview.postMessage(m);
  }

  private async receive(m: FromWebview): Promise<void> {
    if (!m || typeof m !== 'object') return;
    switch (m.type) {
      case 'ready':
        this.ready = true;
        this.readyWaiters.splice(0).forEach((r) => r());
        return this.refresh();
      case 'lines':
        return this.sendLines(Number(m.from) | 0, Number(m.to) | 0);
      case 'mode':
        if (MODES.includes(m.mode)) {
          this.mode = m.mode;
          return this.refresh();
        }
        return;
      case 'view':
        if (m.view === 'full' || m.view === 'configured') {
          this.view = m.view;
          return this.refresh();
        }
        return;
      case 'reveal':
        return this.reveal(m);
      case 'save':
        return this.onSave(this.uri, this.mode);
      case 'snapshot':
        this.snapshots.get(m.id)?.(m.snapshot);
        this.snapshots.delete(m.id);
        return;
    }
  }

  private scheduleRefresh(): void {
    clearTimeout(this.refreshTimer);
    this.refreshTimer = setTimeout(() => void this.refresh(), REFRESH_DELAY_MS);
  }

  /**
   * Asks the server to (re)build the preview of the trace as it stands, then tells the webview. One
   * request at a time, each with the mode and view current when it is sent: two in flight could be
   * answered out of order (the configured view waits for the project's analysis), and the earlier
   * one's mode or view would then stand, in the server's session and in the webview.
   */
  refresh(): Promise<void> {
    this.refreshing = this.refreshing.then(() => this.rebuild());
    return this.refreshing;
  }

  private async rebuild(): Promise<void> {
    const c = this.client();
    if (!c) return;
    try {
      const params: PreviewOpen.Params = { uri: this.uri.toString(), mode: this.mode, view: this.view };
      const info = await c.sendRequest<PreviewOpen.Result>(PreviewOpen.method, params);
      this.post({ type: 'info', fileName: vscode.workspace.asRelativePath(this.uri), info });
    } catch (e) {
      this.post({ type: 'error', message: `tracelint could not build the preview: ${(e as Error).message}` });
    }
  }

  private async sendLines(from: number, to: number): Promise<void> {
    const c = this.client();
    if (!c || to <= from) return;
    try {
      const params: PreviewLines.Params = { uri: this.uri.toString(), from, to };
      const r = await c.sendRequest<PreviewLines.Result>(PreviewLines.method, params);
      this.post({ type: 'lines', generation: r.generation, lines: r.lines });
    } catch (e) {
      this.post({ type: 'error', message: `tracelint could not read lines ${from + 1}-${to}: ${(e as Error).message}` });
    }
  }

  /** A click on a marker: select the secret's place in the trace, beside the preview. */
  private async reveal(m: { line: number; column: number; endLine: number; endColumn: number }): Promise<void> {
    const n = (v: unknown) => Math.max(0, Number(v) | 0);
    const range = new vscode.Range(n(m.line), n(m.column), n(m.endLine), n(m.endColumn));
    const column = this.panel.viewColumn === vscode.ViewColumn.One ? vscode.ViewColumn.Two : vscode.ViewColumn.One;
    try {
      const editor = await vscode.window.showTextDocument(this.uri, { viewColumn: column, selection: range, preserveFocus: false });
      editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
    } catch (e) {
      void vscode.window.showWarningMessage(`tracelint: cannot open ${vscode.workspace.asRelativePath(this.uri)}: ${(e as Error).message}`);
    }
  }

  /** What the webview shows (after scrolling, switching the mode or the view, or waiting for a change, if asked), as it reports it. */
  async snapshot(request: SnapshotRequest = {}): Promise<PreviewSnapshot> {
    if (!this.ready) await new Promise<void>((r) => this.readyWaiters.push(r));
    if (request.mode && MODES.includes(request.mode) && request.mode !== this.mode) {
      this.mode = request.mode;
      await this.refresh();
    }
    if ((request.view === 'full' || request.view === 'configured') && request.view !== this.view) {
      this.view = request.view;
      await this.refresh();
    }
    const id = this.nextSnapshot++;
    return new Promise((resolve) => {
      this.snapshots.set(id, resolve);
      this.post({ type: 'snapshot', id, line: request.line, afterGeneration: request.afterGeneration, layout: request.layout, steps: request.steps, hide: request.hide });
    });
  }

  dispose(): void {
    clearTimeout(this.refreshTimer);
    for (const s of this.subscriptions.splice(0)) s.dispose();
    const c = this.client();
    const params: PreviewClose.Params = { uri: this.uri.toString() };
    if (c?.isRunning()) void c.sendNotification(PreviewClose.method, params);
    this.panel.dispose();
    this.disposed.fire();
    this.disposed.dispose();
  }
}
