// The language client: which documents go to the tracelint server, which files it watches, and how
// the server is started (the bundled dist/server.js on Node, over stdio).
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';

export function startLanguageClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/server.js');
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.stdio },
    debug: { module, transport: TransportKind.stdio, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  const watcher = vscode.workspace.createFileSystemWatcher(
    '**/{*.jsonl,*.ndjson,*.jsonl.gz,*.json,*.db,*.sqlite,*.sqlite3,.env,.env.*,config.yaml,config.yml}',
  );
  context.subscriptions.push(watcher);
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      { scheme: 'file', language: 'typescript' },
      { scheme: 'file', language: 'typescriptreact' },
      { scheme: 'file', language: 'javascript' },
      { scheme: 'file', language: 'javascriptreact' },
      { scheme: 'file', language: 'jsonl' },
      { scheme: 'untitled', language: 'jsonl' },
      { scheme: 'file', language: 'json' },
      { scheme: 'file', language: 'jsonc', pattern: '**/tracelint.json' },
      { scheme: 'file', pattern: '**/.agentdbg/config.{yaml,yml}' },
      { scheme: 'file', pattern: '**/.env' },
      { scheme: 'file', pattern: '**/.env.*' },
    ],
    synchronize: { fileEvents: watcher },
    outputChannel: output,
    // Settings are pulled by the server per resource (workspace/configuration); it is told when they change.
    // In an untrusted workspace the server reads none of the workspace's configuration files.
    initializationOptions: { trusted: vscode.workspace.isTrusted },
  };
  return new LanguageClient('tracelint', 'tracelint', serverOptions, clientOptions);
}
