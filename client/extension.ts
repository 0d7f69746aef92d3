// Entry point of the VS Code extension: starts the language server, the status bar item and the
// redacted preview, and registers the commands. Each part lives in its own file.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ScanStatus } from '../shared/protocol';
import { startLanguageClient } from './language-client';
import { checkAgainstConfig, openLocation } from './loop';
import type { SnapshotRequest } from './preview/messages';
import { PreviewManager } from './preview/preview-manager';
import { StatusBar } from './status-bar';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('tracelint', { log: true });
  const status = new StatusBar();
  const previews = new PreviewManager(context, () => client);
  const start = async () => {
    client = startLanguageClient(context, output);
    client.onNotification(ScanStatus.method, (p: ScanStatus.Params) => status.scan(p));
    await client.start();
  };
  context.subscriptions.push(
    output,
    status,
    previews,
    vscode.commands.registerCommand('tracelint.openPreview', (uri?: vscode.Uri) => previews.open(uri, false)),
    vscode.commands.registerCommand('tracelint.openPreviewToSide', (uri?: vscode.Uri) => previews.open(uri, true)),
    vscode.commands.registerCommand('tracelint.saveRedactedCopy', (uri?: vscode.Uri) => previews.saveCopy(uri)),
    vscode.commands.registerCommand('tracelint.showOutput', () => output.show()),
    vscode.commands.registerCommand('tracelint.checkAgainstConfig', (uri?: vscode.Uri) => checkAgainstConfig(client, output, uri)),
    vscode.commands.registerCommand('tracelint.openLocation', openLocation),
    vscode.commands.registerCommand('tracelint.restartServer', async () => {
      await client?.stop();
      await start();
    }),
    // For tests, and for anyone asking what a preview shows: its rendered text, as its webview reports it.
    vscode.commands.registerCommand('tracelint.previewSnapshot', (uri?: vscode.Uri, request?: SnapshotRequest) => previews.snapshot(uri, request)),
    // Trust granted: start again, now reading the workspace's own configuration.
    vscode.workspace.onDidGrantWorkspaceTrust(async () => {
      await client?.stop();
      await start();
    }),
  );
  await start();
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
