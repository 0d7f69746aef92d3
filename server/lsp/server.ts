// Wires the language server together: document sync, settings, diagnostics (pull or push),
// code actions, the hover of pattern literals, the workspace trace scan and the redacted preview. Each part lives in its own file.
import {
  type Connection,
  DidChangeConfigurationNotification,
  type DocumentDiagnosticReport,
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  TextDocuments,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../../shared/types';
import { CheckAgainstConfig, PreviewClose, PreviewLines, PreviewOpen, SaveRedacted } from '../../shared/protocol';
import { LoopService } from '../loop/service';
import { type InitOptions, type LintBackend, lateBackend } from './backend';
import { type ClientSupport, clientSupport, initializeResult } from './capabilities';
import { applyFixCommands, APPLY_FIX_COMMAND, isFixCommand } from '../hygiene/fix';
import { codeActions } from './code-actions';
import { toDiagnostics } from './diagnostics';
import { DocumentLinter } from './document-linter';
import { hoverAt } from './hover';
import { checkTraces, configuredView, withLoop } from './loop';
import { documentPath } from './paths';
import { PreviewService } from './preview-service';
import { SettingsCache } from './settings';
import { appendToJsonArray, diskReader } from './side-edits';
import { SuppressionFiles } from './suppression-files';
import { URI } from './uri';
import { WorkspaceScanner } from './workspace-scan';

/** `backend`: the analysis, or a factory that receives the client's initializationOptions (workspace trust). */
export function startServer(connection: Connection, backendOrFactory: LintBackend | ((init: InitOptions | undefined) => LintBackend)): void {
  const late = typeof backendOrFactory === 'function' ? lateBackend(backendOrFactory) : undefined;
  // Trace findings linked to the code that recorded them (issue 7): server/lsp/loop.ts.
  const loops = new LoopService();
  const backend = withLoop(late ? late.backend : (backendOrFactory as LintBackend), loops);
  const documents = new TextDocuments(TextDocument);
  let support: ClientSupport | undefined;
  const pull = () => !!support?.pullDiagnostics;
  let folders: string[] = [];
  const folderOf = (uri: string) => {
    const path = URI.toPath(uri);
    return path ? folders.find((f) => path === f || path.startsWith(f.endsWith('/') ? f : `${f}/`)) : undefined;
  };
  const settings = new SettingsCache(connection, () => !!support?.configuration, folderOf);
  const refreshPull = () => void connection.languages.diagnostics.refresh().catch(() => undefined);
  const linter = new DocumentLinter(connection, documents, backend, settings, pull, refreshPull);
  const scanner = new WorkspaceScanner(connection, backend, settings, (uri) => !!documents.get(uri), () => !!support?.workDoneProgress);
  const readText = diskReader((uri) => documents.get(uri));
  const suppression = new SuppressionFiles(backend, readText, () => !!support?.createFiles, appendToJsonArray);
  const previews = new PreviewService(documents, linter, scanner, backend, settings);
  previews.configuredView = (path, text, findings, s) => configuredView(loops, path, text, findings, backend.configFileFor(path, s));

  connection.onInitialize((params) => {
    support = clientSupport(params.capabilities);
    late?.init(params.initializationOptions as InitOptions | undefined);
    folders = params.workspaceFolders?.map((f) => URI.toPath(f.uri)).filter((p): p is string => !!p) ?? [];
    if (folders.length === 0 && params.rootUri && URI.toPath(params.rootUri)) folders.push(URI.toPath(params.rootUri)!);
    scanner.setFolders(folders);
    return initializeResult(support);
  });

  connection.onInitialized(() => {
    if (support?.didChangeConfigurationRegistration) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'tracelint' });
    }
    if (support?.workspaceFolders) {
      connection.workspace.onDidChangeWorkspaceFolders((e) => {
        const removed = new Set(e.removed.map((f) => URI.toPath(f.uri)));
        const kept = folders.filter((f) => !removed.has(f));
        folders = kept.concat(e.added.map((f) => URI.toPath(f.uri)).filter((p): p is string => !!p));
        scanner.setFolders(folders);
        void scanner.scanAll();
      });
    }
    void scanner.scanAll();
  });

  connection.onDidChangeConfiguration((change) => {
    settings.clear(change.settings);
    backend.invalidateConfig();
    linter.relintAll(documents.all());
    if (pull()) refreshPull();
    void scanner.scanAll();
  });

  documents.onDidOpen((e) => {
    scanner.opened(e.document.uri);
    linter.changed(e.document, 'open');
  });
  documents.onDidChangeContent((e) => {
    linter.changed(e.document, 'change');
  });
  documents.onDidSave((e) => {
    loops.changed(documentPath(e.document));
    linter.changed(e.document, 'save');
    if (isConfigFile(e.document.uri)) configChanged();
  });
  documents.onDidClose((e) => {
    linter.closed(e.document.uri);
    backend.closed?.(documentPath(e.document));
    settings.forget(e.document.uri);
    if (!pull()) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
    void scanner.closed(e.document.uri);
  });

  const configChanged = () => {
    backend.invalidateConfig();
    linter.relintAll(documents.all());
    if (pull()) refreshPull();
    void scanner.scanAll();
  };

  connection.onDidChangeWatchedFiles((e) => {
    let config = false;
    for (const c of e.changes) {
      const changedPath = URI.toPath(c.uri);
      if (changedPath) loops.changed(changedPath);
      if (isConfigFile(c.uri)) config = true;
      else void scanner.fileChanged(c.uri, c.type === 3);
    }
    if (config) configChanged();
  });

  connection.languages.diagnostics.on(async (params, token): Promise<DocumentDiagnosticReport> => {
    const uri = params.textDocument.uri;
    const doc = documents.get(uri);
    if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const result = await linter.lint(doc, controller.signal);
    if (!result) throw new ResponseError(LSPErrorCodes.ServerCancelled, 'the document changed', { retriggerRequest: true });
    if (params.previousResultId === result.resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId: result.resultId };
    return { kind: DocumentDiagnosticReportKind.Full, resultId: result.resultId, items: toDiagnostics(result.findings, result.problems, result.resultId) };
  });

  connection.onCodeAction(async (params) => {
    const doc = documents.get(params.textDocument.uri);
    if (!doc) return [];
    const result = await linter.lint(doc);
    if (!result || result.version !== doc.version) return [];
    const isTrace = backend.isTrace(result.path);
    const s = await settings.get(doc.uri);
    return codeActions(params, {
      doc,
      result,
      isTrace,
      lineComment: backend.lineComment(result.path),
      side: {
        textOf: readText,
        allowlist: (f) => suppression.allowlist(f, result.path, s, folders),
        baseline: (f) => suppression.baseline(f, s),
      },
    });
  });

  // The ReDoS verdict of a pattern literal, from the lint result the second wave completed
  // (server/lsp/hover.ts): a hover never lints or judges anything itself.
  connection.onHover((params) => {
    const doc = documents.get(params.textDocument.uri);
    const result = doc ? linter.result(doc.uri) : undefined;
    if (!doc || !result || result.version !== doc.version) return null;
    return hoverAt(result, params.position);
  });

  // Fixes that are not text edits (trace-file-permissions, trace-file-tracked): carried out here, then
  // everything is looked at again, since a mode or a .gitignore line can change several files' findings.
  connection.onExecuteCommand((params) => {
    if (params.command !== APPLY_FIX_COMMAND) return;
    const cmd = params.arguments?.[0];
    if (!isFixCommand(cmd)) throw new ResponseError(LSPErrorCodes.RequestFailed, 'tracelint: not a fix this server offers');
    const [outcome] = applyFixCommands([cmd]);
    if (outcome.startsWith('could not')) void connection.window.showErrorMessage(`tracelint: ${outcome}`);
    linter.relintAll(documents.all());
    if (pull()) refreshPull();
    void scanner.scanAll();
  });

  connection.onRequest(PreviewOpen.method, (p: PreviewOpen.Params) => previews.open(p));
  connection.onRequest(PreviewLines.method, (p: PreviewLines.Params) => previews.lines(p));
  connection.onNotification(PreviewClose.method, (p: PreviewClose.Params) => void previews.close(p.uri));
  connection.onRequest(SaveRedacted.method, (p: SaveRedacted.Params) => previews.save(p));
  connection.onRequest(CheckAgainstConfig.method, async (p: CheckAgainstConfig.Params) => {
    // Open traces as the editor holds them, the others as the workspace scan found them.
    const traces = new Map<string, { uri: string; path: string; text?: string; findings: Finding[]; configFile?: string }>();
    for (const [uri, r] of scanner.all()) if (!p.uri || uri === p.uri) traces.set(uri, { uri, path: r.path, findings: r.findings });
    for (const doc of documents.all()) {
      const path = documentPath(doc);
      if ((p.uri && doc.uri !== p.uri) || !backend.isTrace(path)) continue;
      const result = await linter.lint(doc);
      if (result) traces.set(doc.uri, { uri: doc.uri, path, text: doc.getText(), findings: result.findings });
    }
    for (const t of traces.values()) t.configFile = backend.configFileFor(t.path, await settings.get(t.uri));
    return checkTraces(loops, [...traces.values()].sort((a, b) => (a.uri < b.uri ? -1 : 1)));
  });

  documents.listen(connection);
  connection.listen();
}

function isConfigFile(uri: string): boolean {
  return /\/tracelint\.json$/.test(uri) || /\/\.agentdbg\/config\.ya?ml$/.test(uri);
}
