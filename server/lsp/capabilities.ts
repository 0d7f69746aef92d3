// What the server offers, decided from what the client can do (pull diagnostics, work-done
// progress, configuration requests, file creation in workspace edits).
import { type ClientCapabilities, CodeActionKind, type InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { APPLY_FIX_COMMAND } from '../hygiene/fix';
import { FIX_ALL_KIND } from './code-actions';

export interface ClientSupport {
  pullDiagnostics: boolean;
  configuration: boolean;
  didChangeConfigurationRegistration: boolean;
  workDoneProgress: boolean;
  createFiles: boolean;
  workspaceFolders: boolean;
}

export function clientSupport(c: ClientCapabilities): ClientSupport {
  return {
    pullDiagnostics: !!c.textDocument?.diagnostic,
    configuration: !!c.workspace?.configuration,
    didChangeConfigurationRegistration: !!c.workspace?.didChangeConfiguration?.dynamicRegistration,
    workDoneProgress: !!c.window?.workDoneProgress,
    createFiles: !!c.workspace?.workspaceEdit?.documentChanges && !!c.workspace.workspaceEdit.resourceOperations?.includes('create'),
    workspaceFolders: !!c.workspace?.workspaceFolders,
  };
}

export const SERVER_VERSION = '0.1.0';

export function initializeResult(support: ClientSupport): InitializeResult {
  return {
    serverInfo: { name: 'tracelint', version: SERVER_VERSION },
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: false },
      hoverProvider: true,
      executeCommandProvider: { commands: [APPLY_FIX_COMMAND] },
      ...(support.pullDiagnostics
        ? { diagnosticProvider: { identifier: 'tracelint', interFileDependencies: false, workspaceDiagnostics: false } }
        : {}),
      ...(support.workspaceFolders ? { workspace: { workspaceFolders: { supported: true, changeNotifications: true } } } : {}),
    },
  };
}
