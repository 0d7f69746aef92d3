// Answers the preview requests of shared/protocol.ts: one PreviewSession per trace URI, fed by the
// editor's copy of the document when it has a reasonable size, else by the file on disk.
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ConfiguredRedaction, PreviewLines, PreviewOpen, SaveRedacted } from '../../shared/protocol';
import type { Finding } from '../../shared/types';
import type { LintBackend } from './backend';
import type { DocumentLinter } from './document-linter';
import { type ConfiguredSegment, DiskLines, type LineSource, PreviewSession, TextLines } from './preview';
import type { SettingsCache, TracelintSettings } from './settings';
import { URI } from './uri';
import type { WorkspaceScanner } from './workspace-scan';
import { documentPath } from './paths';

export class PreviewService {
  private readonly sessions = new Map<string, PreviewSession>();
  /** The `configured` view's verdicts (server/lsp/loop.ts); without it the view is the full redaction. */
  configuredView?: (path: string, text: string | undefined, findings: Finding[], settings: TracelintSettings) => Promise<{ overlay: Map<Finding, ConfiguredSegment>; configured: ConfiguredRedaction | string }>;

  constructor(
    private readonly documents: { get(uri: string): TextDocument | undefined },
    private readonly linter: DocumentLinter,
    private readonly scanner: WorkspaceScanner,
    private readonly backend: LintBackend,
    private readonly settings: SettingsCache,
  ) {}

  /** Prepares the preview of a trace, or refreshes it (the file changed, or the mode). */
  async open(p: PreviewOpen.Params): Promise<PreviewOpen.Result> {
    const s = await this.settings.get(p.uri);
    const doc = this.documents.get(p.uri);
    const path = doc ? documentPath(doc) : URI.toPath(p.uri);
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `cannot preview ${p.uri}: not a file`);
    let source: LineSource;
    let findings;
    let problems: string[];
    if (doc && doc.getText().length <= s.maxDocumentSizeMB * 1024 * 1024) {
      const result = await this.linter.lint(doc);
      if (!result) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'the document changed');
      source = new TextLines(doc.getText());
      findings = result.findings;
      problems = result.problems.map((x) => `line ${x.line + 1}: ${x.message}`);
    } else {
      const known = this.scanner.result(p.uri);
      const outcome = known ?? (await this.backend.lintFile(path, s, new AbortController().signal));
      source = await DiskLines.open(path);
      findings = outcome.findings;
      problems = outcome.problems.map((x) => `line ${x.line + 1}: ${x.message}`);
    }
    let session = this.sessions.get(p.uri);
    if (session) await session.update(source, findings, p.mode);
    else {
      session = new PreviewSession(p.uri, p.mode, source, findings, this.backend.placeholder(path, s), problems);
      this.sessions.set(p.uri, session);
    }
    const view = p.view === 'configured' && this.configuredView ? await this.configuredView(path, doc?.getText(), findings, s) : undefined;
    session.setView(view ? 'configured' : 'full', view?.overlay, view?.configured);
    return session.describe();
  }

  async lines(p: PreviewLines.Params): Promise<PreviewLines.Result> {
    const session = this.sessions.get(p.uri);
    if (!session) throw new ResponseError(ErrorCodes.InvalidParams, `no preview open for ${p.uri}`);
    return { generation: session.generation, lines: await session.lines(p.from, p.to) };
  }

  async close(uri: string): Promise<void> {
    const session = this.sessions.get(uri);
    this.sessions.delete(uri);
    await session?.close();
  }

  /** Writes the redacted copy: from the editor's text when the trace is open, else streamed from disk. */
  async save(p: SaveRedacted.Params): Promise<SaveRedacted.Result> {
    const doc = this.documents.get(p.uri);
    const path = doc ? documentPath(doc) : URI.toPath(p.uri);
    const target = URI.toPath(p.target) ?? p.target;
    if (!path) throw new ResponseError(ErrorCodes.InvalidParams, `cannot redact ${p.uri}: not a file`);
    if (target === path) throw new ResponseError(ErrorCodes.InvalidParams, 'the redacted copy cannot overwrite the trace itself');
    const s = await this.settings.get(p.uri);
    const redacted = await this.backend.writeRedacted(path, doc?.getText(), target, p.mode, s);
    return { redacted, target };
  }
}
