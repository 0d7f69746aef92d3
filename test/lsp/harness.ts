// A language client for tests: drives the tracelint server the way an editor does, over stdio
// (the built dist/server.js) or in-process streams (with a backend the test controls). It answers
// workspace/configuration from the test, records published diagnostics, applies workspace edits
// to its own copies of the documents, and accepts progress and capability registrations.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PassThrough } from 'node:stream';
import { fileURLToPath } from 'node:url';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';
import type {
  CodeAction,
  Diagnostic,
  Hover,
  InitializeResult,
  PublishDiagnosticsParams,
  Range,
  TextEdit,
  WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';

export interface HarnessOptions {
  /** Declare pull-diagnostics support (textDocument.diagnostic) like VS Code does; push otherwise. */
  pull: boolean;
  /** Workspace folder paths. */
  folders?: string[];
  /** The answer to workspace/configuration for a scope (the `tracelint` section). */
  settings?: (scopeUri: string | undefined) => Record<string, unknown>;
}

type Waiter = { test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void };

export class TestClient {
  readonly published: PublishDiagnosticsParams[] = [];
  readonly docs = new Map<string, TextDocument>();
  readonly configurationRequests: Array<string | undefined> = [];
  refreshRequests = 0;
  readonly progress: unknown[] = [];
  readonly notifications: Array<{ method: string; params: unknown }> = [];
  private waiters: Waiter[] = [];
  stderr = '';

  private constructor(
    readonly connection: MessageConnection,
    private readonly options: HarnessOptions,
    private readonly child?: ChildProcess,
  ) {
    connection.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
      this.published.push(p);
      this.waiters = this.waiters.filter((w) => (w.test(p) ? (w.resolve(p), false) : true));
    });
    connection.onRequest('workspace/configuration', (p: { items: Array<{ scopeUri?: string; section?: string }> }) =>
      p.items.map((i) => {
        this.configurationRequests.push(i.scopeUri);
        return this.options.settings?.(i.scopeUri) ?? {};
      }),
    );
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('client/unregisterCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.onRequest('workspace/diagnostic/refresh', () => {
      this.refreshRequests++;
      return null;
    });
    connection.onNotification('$/progress', (p: unknown) => void this.progress.push(p));
    connection.onNotification((method: string, params: unknown) => void this.notifications.push({ method, params }));
    connection.onRequest('workspace/applyEdit', (p: { edit: WorkspaceEdit }) => {
      this.applyEdit(p.edit);
      return { applied: true };
    });
    connection.listen();
  }

  /** The built server (`node dist/server.js --stdio`), as an editor starts it. */
  static stdio(options: HarnessOptions): TestClient {
    const server = join(__dirname, '../../dist/server.js');
    const child = spawn(process.execPath, [server, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createMessageConnection(new StreamMessageReader(child.stdout!), new StreamMessageWriter(child.stdin!));
    const client = new TestClient(connection, options, child);
    child.stderr!.on('data', (d: Buffer) => (client.stderr += d.toString()));
    return client;
  }

  /** The server in this process, over a pair of streams; `start` receives the server's end. */
  static inProcess(options: HarnessOptions, start: (reader: StreamMessageReader, writer: StreamMessageWriter) => void): TestClient {
    const toServer = new PassThrough();
    const toClient = new PassThrough();
    start(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
    const connection = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
    return new TestClient(connection, options);
  }

  async initialize(): Promise<InitializeResult> {
    const folders = this.options.folders ?? [];
    const result = await this.connection.sendRequest<InitializeResult>('initialize', {
      processId: this.child ? process.pid : null,
      rootUri: folders[0] ? uriOf(folders[0]) : null,
      workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: f.split('/').pop() })),
      capabilities: {
        workspace: {
          configuration: true,
          didChangeConfiguration: { dynamicRegistration: true },
          workspaceFolders: true,
          workspaceEdit: { documentChanges: true, resourceOperations: ['create', 'rename', 'delete'] },
          diagnostics: this.options.pull ? { refreshSupport: true } : undefined,
        },
        textDocument: {
          synchronization: { didSave: true, dynamicRegistration: true },
          publishDiagnostics: { versionSupport: true, relatedInformation: true, codeDescriptionSupport: true, dataSupport: true },
          codeAction: { dataSupport: true, isPreferredSupport: true, codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix', 'source', 'source.fixAll'] } } },
          ...(this.options.pull ? { diagnostic: { dynamicRegistration: false, relatedDocumentSupport: false } } : {}),
        },
        window: { workDoneProgress: true },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  open(uri: string, languageId: string, text: string): TextDocument {
    const doc = TextDocument.create(uri, languageId, 1, text);
    this.docs.set(uri, doc);
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    return doc;
  }

  /** Replaces a document's whole text (a new version). */
  change(uri: string, text: string): TextDocument {
    const old = this.docs.get(uri)!;
    const doc = TextDocument.create(uri, old.languageId, old.version + 1, text);
    this.docs.set(uri, doc);
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: [{ text }] });
    return doc;
  }

  close(uri: string): void {
    this.docs.delete(uri);
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  configurationChanged(): void {
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
  }

  /** The next push for `uri` that satisfies `test` (including one already received, if `past`). */
  waitForPush(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, past = true): Promise<PublishDiagnosticsParams> {
    if (past) {
      for (let i = this.published.length - 1; i >= 0; i--) {
        const p = this.published[i];
        if (p.uri === uri) {
          if (test(p)) return Promise.resolve(p);
          break;
        }
      }
    }
    return new Promise((resolve) => this.waiters.push({ test: (p) => p.uri === uri && test(p), resolve }));
  }

  /** Diagnostics of a document: pulled in pull mode, else the push for its current version. */
  async diagnostics(uri: string): Promise<Diagnostic[]> {
    if (this.options.pull) {
      for (;;) {
        try {
          const r = await this.connection.sendRequest<{ kind: string; items?: Diagnostic[] }>('textDocument/diagnostic', { textDocument: { uri } });
          return r.items ?? [];
        } catch (e) {
          // ServerCancelled with retriggerRequest: the document changed meanwhile; ask again, as VS Code does.
          if ((e as { code?: number }).code !== -32802) throw e;
        }
      }
    }
    const version = this.docs.get(uri)?.version;
    return (await this.waitForPush(uri, (p) => version === undefined || p.version === version)).diagnostics;
  }

  codeActions(uri: string, range: Range, diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    return this.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri },
      range,
      context: { diagnostics, ...(only ? { only } : {}) },
    });
  }

  hover(uri: string, line: number, character: number): Promise<Hover | null> {
    return this.connection.sendRequest<Hover | null>('textDocument/hover', { textDocument: { uri }, position: { line, character } });
  }

  /**
   * Applies a workspace edit as an editor would: open documents change (and the server is told,
   * as a new version), other files are written on disk (created when the edit says so).
   */
  applyEdit(edit: WorkspaceEdit): void {
    const byUri = new Map<string, TextEdit[]>();
    for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, edits);
    for (const change of edit.documentChanges ?? []) {
      if ('kind' in change) {
        if (change.kind === 'create') {
          const path = fileURLToPath(change.uri);
          if (!existsSync(path)) {
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, '');
          }
        }
        continue;
      }
      byUri.set(change.textDocument.uri, (byUri.get(change.textDocument.uri) ?? []).concat(change.edits as TextEdit[]));
    }
    for (const [uri, edits] of byUri) {
      const open = this.docs.get(uri);
      if (open) this.change(uri, TextDocument.applyEdits(open, edits));
      else {
        const path = fileURLToPath(uri);
        const before = existsSync(path) ? readFileSync(path, 'utf8') : '';
        writeFileSync(path, TextDocument.applyEdits(TextDocument.create(uri, 'json', 0, before), edits));
      }
    }
  }

  async shutdown(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      // In-process, `exit` would end the test process itself (the server calls process.exit).
      if (this.child) await this.connection.sendNotification('exit');
    } catch {
      // The server may already be gone; the test that cares checks it.
    }
    this.connection.dispose();
    if (this.child && this.child.exitCode === null) {
      await new Promise<void>((resolve) => {
        const t = setTimeout(() => (this.child!.kill(), resolve()), 2000);
        this.child!.once('exit', () => (clearTimeout(t), resolve()));
      });
    }
  }

  get exited(): boolean {
    return !!this.child && this.child.exitCode !== null;
  }
}

export function uriOf(path: string): string {
  return new URL(`file://${path}`).href;
}
