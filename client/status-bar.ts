// The status bar item: how many tracelint findings the active file has, and whether a workspace
// trace scan is running. A click opens the Problems panel.
import * as vscode from 'vscode';
import type { ScanStatus } from '../shared/protocol';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tracelint.status', vscode.StatusBarAlignment.Right, 100);
  private readonly subscriptions: vscode.Disposable[] = [];
  private scanning: ScanStatus.Params | undefined;

  constructor() {
    this.item.name = 'tracelint';
    this.item.command = 'workbench.actions.view.problems';
    this.subscriptions.push(
      vscode.languages.onDidChangeDiagnostics(() => this.update()),
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
    );
    this.update();
  }

  scan(p: ScanStatus.Params): void {
    this.scanning = p.scanning ? p : undefined;
    this.update();
  }

  private update(): void {
    const editor = vscode.window.activeTextEditor;
    if (this.scanning) {
      this.item.text = `$(sync~spin) tracelint ${this.scanning.filesDone}/${this.scanning.filesTotal}`;
      this.item.tooltip = 'tracelint is scanning the trace files of the workspace';
      this.item.show();
      return;
    }
    if (!editor) return this.item.hide();
    const count = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'tracelint').length;
    this.item.text = count > 0 ? `$(shield) tracelint: ${count}` : '$(shield) tracelint: 0';
    this.item.tooltip = count === 1 ? '1 tracelint finding in this file' : `${count} tracelint findings in this file`;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
