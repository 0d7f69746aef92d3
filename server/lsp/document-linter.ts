// Linting the documents open in the editor: debounced as you type, cancelled when a newer version
// arrives, published in order (push), or answered on request (pull), with slow verdicts (ReDoS
// checks) following the fast findings without holding them back.
//
// Ordering: a lint run belongs to one document version. It publishes only if that version is still
// the document's current one and no later version was published; the run for a newer version
// aborts the older one first. So a stale version's diagnostics never replace a newer version's.
import type { Connection, Diagnostic } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, InputProblem } from '../../shared/types';
import type { LintBackend, SlowOutcome } from './backend';
import { toDiagnostics } from './diagnostics';
import type { SettingsCache, TracelintSettings } from './settings';
import { documentPath } from './paths';

export interface LintResult {
  uri: string;
  version: number;
  /** Changes whenever the findings of this version change (slow verdicts arrived). */
  resultId: string;
  path: string;
  findings: Finding[];
  problems: InputProblem[];
  /** The slow rules' findings (also in `findings`) and notes once they arrived, for the hover. */
  slow: SlowOutcome;
}

export interface DocumentSource {
  get(uri: string): TextDocument | undefined;
}

/** Quiet time after a keystroke before linting, when edits come in a burst. */
const BURST_DELAY_MS = 120;

export class DocumentLinter {
  private readonly results = new Map<string, LintResult>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly inflight = new Map<string, AbortController>();
  private readonly lastPublished = new Map<string, number>();
  private generation = 0;

  constructor(
    private readonly connection: Connection,
    private readonly documents: DocumentSource,
    private readonly backend: LintBackend,
    private readonly settings: SettingsCache,
    private readonly pullMode: () => boolean,
    private readonly onSlowResult: (uri: string) => void,
  ) {}

  result(uri: string): LintResult | undefined {
    return this.results.get(uri);
  }

  /** A document opened or changed. Push mode schedules a lint; pull mode waits for the client's request. */
  changed(doc: TextDocument, reason: 'open' | 'change' | 'save'): void {
    // Edits arriving faster than lints finish (one still running, or already waiting) are a burst.
    const burst = this.inflight.has(doc.uri) || this.timers.has(doc.uri);
    this.abort(doc.uri);
    if (this.pullMode()) return;
    void this.settings.get(doc.uri).then((s) => {
      if (!s.enable) return this.publish(doc.uri, doc.version, []);
      if (s.run === 'onSave' && reason === 'change') return;
      this.schedule(doc, burst);
    });
  }

  /**
   * An edit is linted at once when the previous lint has finished (each keystroke gets its answer
   * in the time a lint takes), and after BURST_DELAY_MS of quiet when edits outrun the lints.
   */
  private schedule(doc: TextDocument, burst: boolean): void {
    const uri = doc.uri;
    clearTimeout(this.timers.get(uri));
    const delay = burst ? BURST_DELAY_MS + Math.min(400, doc.getText().length / 50_000) : 0;
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const current = this.documents.get(uri);
        if (current) void this.lintAndPublish(current);
      }, delay),
    );
  }

  private async lintAndPublish(doc: TextDocument): Promise<void> {
    const result = await this.lint(doc);
    if (result) this.publish(doc.uri, result.version, toDiagnostics(result.findings, result.problems, result.resultId));
  }

  /** Sends diagnostics unless the version is stale; versions only ever move forward per document. */
  private publish(uri: string, version: number, diagnostics: Diagnostic[]): void {
    const current = this.documents.get(uri);
    if (!current || current.version !== version) return;
    if ((this.lastPublished.get(uri) ?? -Infinity) > version) return;
    this.lastPublished.set(uri, version);
    void this.connection.sendDiagnostics({ uri, version, diagnostics });
  }

  /**
   * Lints a document's current version (or returns the cached result of that version). Resolves to
   * undefined when a newer version or a close made the work pointless.
   */
  async lint(doc: TextDocument, signal?: AbortSignal): Promise<LintResult | undefined> {
    const cached = this.results.get(doc.uri);
    if (cached && cached.version === doc.version) return cached;
    this.abort(doc.uri);
    const controller = new AbortController();
    this.inflight.set(doc.uri, controller);
    signal?.addEventListener('abort', () => controller.abort(), { once: true });
    const settings = await this.settings.get(doc.uri);
    const path = documentPath(doc);
    const version = doc.version;
    try {
      if (!settings.enable || !this.backend.handles(path)) return this.store(doc.uri, version, path, { findings: [], problems: [] });
      const outcome = await this.run(doc, path, settings, controller.signal);
      if (controller.signal.aborted || this.documents.get(doc.uri)?.version !== version) return undefined;
      const result = this.store(doc.uri, version, path, { findings: outcome.findings, problems: outcome.problems });
      if (outcome.slow) this.awaitSlow(result, outcome.slow, controller.signal);
      return result;
    } catch (e) {
      if (controller.signal.aborted) return undefined;
      const message = `tracelint could not lint this file: ${(e as Error).message}`;
      this.connection.console.error(`${path}: ${(e as Error).stack ?? message}`);
      return this.store(doc.uri, version, path, { findings: [], problems: [{ line: 0, message }] });
    } finally {
      if (this.inflight.get(doc.uri) === controller) this.inflight.delete(doc.uri);
    }
  }

  private run(doc: TextDocument, path: string, s: TracelintSettings, signal: AbortSignal) {
    const text = doc.getText();
    // The editor's copy of a huge trace is not parsed again as one string: the file on disk is streamed.
    if (text.length > s.maxDocumentSizeMB * 1024 * 1024 && this.backend.isTrace(path) && !path.startsWith('/untitled/')) {
      return this.backend.lintFile(path, s, signal);
    }
    return this.backend.lintText(path, text, s, signal);
  }

  private store(uri: string, version: number, path: string, o: { findings: Finding[]; problems: InputProblem[]; slow?: SlowOutcome }): LintResult {
    const result = { uri, version, path, resultId: `${version}.${++this.generation}`, findings: o.findings, problems: o.problems, slow: o.slow ?? { findings: [], notes: [] } };
    this.results.set(uri, result);
    return result;
  }

  private awaitSlow(result: LintResult, slow: Promise<SlowOutcome>, signal: AbortSignal): void {
    slow.then(
      (slowOutcome) => {
        if (signal.aborted || this.results.get(result.uri) !== result) return;
        // Notes alone change no diagnostic: kept for the hover, nothing published.
        if (slowOutcome.findings.length === 0) {
          result.slow = slowOutcome;
          return;
        }
        const merged = this.store(result.uri, result.version, result.path, {
          findings: result.findings.concat(slowOutcome.findings),
          problems: result.problems,
          slow: slowOutcome,
        });
        if (this.pullMode()) this.onSlowResult(result.uri);
        else this.publish(result.uri, merged.version, toDiagnostics(merged.findings, merged.problems, merged.resultId));
      },
      (e: Error) => this.connection.console.warn(`slow checks failed for ${result.path}: ${e.message}`),
    );
  }

  private abort(uri: string): void {
    this.inflight.get(uri)?.abort();
    this.inflight.delete(uri);
  }

  closed(uri: string): void {
    this.abort(uri);
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.results.delete(uri);
    this.lastPublished.delete(uri);
  }

  /** Settings or configuration changed: every result is stale. */
  invalidateAll(): void {
    this.results.clear();
  }

  /** Re-lints every open document in push mode (pull-mode clients are asked to refresh instead). */
  relintAll(all: TextDocument[]): void {
    this.invalidateAll();
    for (const d of all) this.changed(d, 'open');
  }
}
