// Trace files across the workspace, scanned in the background from disk (streamed by the trace
// readers, so a file too large for the editor to sync is still scanned), with work-done progress,
// and re-scanned when they change. Their diagnostics are pushed; an open document's own
// diagnostics (pull or push) take over while it is open, so nothing shows twice.
import { promises as fs } from 'node:fs';
import { join, relative, sep } from 'node:path';
import picomatch from 'picomatch';
import type { Connection } from 'vscode-languageserver/node';
import type { Finding, InputProblem } from '../../shared/types';
import { ScanStatus } from '../../shared/protocol';
import type { LintBackend } from './backend';
import { toDiagnostics } from './diagnostics';
import type { SettingsCache, TracelintSettings } from './settings';
import { URI } from './uri';

/** A workspace is walked up to this many files; past it the scan says so and stops. */
const MAX_FILES_WALKED = 200_000;

export interface DiskResult {
  path: string;
  findings: Finding[];
  problems: InputProblem[];
}

export class WorkspaceScanner {
  private folders: string[] = [];
  private readonly results = new Map<string, DiskResult>();
  private running: AbortController | undefined;

  constructor(
    private readonly connection: Connection,
    private readonly backend: LintBackend,
    private readonly settings: SettingsCache,
    private readonly isOpen: (uri: string) => boolean,
    private readonly canReportProgress: () => boolean,
  ) {}

  setFolders(paths: string[]): void {
    this.folders = paths;
  }

  result(uri: string): DiskResult | undefined {
    return this.results.get(uri);
  }

  /** Every trace scanned so far, by URI. */
  all(): Array<[string, DiskResult]> {
    return [...this.results];
  }

  /** Walks every workspace folder and scans the trace files found; a newer call cancels an older one. */
  async scanAll(): Promise<void> {
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    const files: string[] = [];
    const batches: Array<{ end(): void }> = [];
    for (const folder of this.folders) {
      const s = await this.settings.get(URI.fromPath(folder));
      if (!s.enable || !s.workspaceScan) continue;
      const found = await this.walk(folder, s, controller.signal);
      files.push(...found);
      const batch = this.backend.prepare?.(found, s);
      if (batch) batches.push(batch);
    }
    const stale = new Set(this.results.keys());
    const progress = this.canReportProgress() && files.length > 0 ? await this.connection.window.createWorkDoneProgress() : undefined;
    progress?.begin('tracelint: scanning trace files', 0, `0/${files.length}`, true);
    progress?.token.onCancellationRequested(() => controller.abort());
    let done = 0;
    try {
      for (const path of files) {
        if (controller.signal.aborted) return;
        stale.delete(URI.fromPath(path));
        await this.scanFile(path, controller.signal);
        done++;
        progress?.report(Math.round((done / files.length) * 100), `${done}/${files.length} ${relativeName(this.folders, path)}`);
        this.status(true, done, files.length);
      }
      for (const uri of stale) this.forget(uri);
    } finally {
      for (const b of batches) b.end();
      progress?.done();
      if (this.running === controller) this.running = undefined;
      this.status(false, done, files.length);
    }
  }

  private status(scanning: boolean, filesDone: number, filesTotal: number): void {
    let findings = 0;
    for (const r of this.results.values()) findings += r.findings.length;
    const params: ScanStatus.Params = { scanning, filesDone, filesTotal, findings };
    void this.connection.sendNotification(ScanStatus.method, params);
  }

  /** Scans one file from disk and pushes its diagnostics unless the editor has it open. */
  async scanFile(path: string, signal: AbortSignal = new AbortController().signal): Promise<void> {
    const uri = URI.fromPath(path);
    const s = await this.settings.get(uri);
    try {
      const outcome = await this.backend.lintFile(path, s, signal);
      if (signal.aborted) return;
      this.results.set(uri, { path, findings: outcome.findings, problems: outcome.problems });
    } catch (e) {
      if (signal.aborted) return;
      this.results.set(uri, { path, findings: [], problems: [{ line: 0, message: `tracelint could not read this file: ${(e as Error).message}` }] });
    }
    this.pushIfClosed(uri);
  }

  private pushIfClosed(uri: string): void {
    const r = this.results.get(uri);
    if (!r || this.isOpen(uri)) return;
    void this.connection.sendDiagnostics({ uri, diagnostics: toDiagnostics(r.findings, r.problems, 'disk') });
  }

  /** The editor opened a document: its own diagnostics replace the scan's. */
  opened(uri: string): void {
    if (this.results.has(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The editor closed a document: the file on disk is what counts again. */
  async closed(uri: string): Promise<void> {
    const path = URI.toPath(uri);
    if (path && (await this.matches(path))) await this.scanFile(path);
    else if (!this.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A watched file was created, changed or deleted on disk. */
  async fileChanged(uri: string, deleted: boolean): Promise<void> {
    const path = URI.toPath(uri);
    if (!path) return;
    if (deleted) return this.forget(uri);
    if (await this.matches(path)) await this.scanFile(path);
  }

  private forget(uri: string): void {
    this.results.delete(uri);
    if (!this.isOpen(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** Whether a path is a trace file by the settings of its workspace folder. */
  async matches(path: string): Promise<boolean> {
    const folder = this.folders.find((f) => path === f || path.startsWith(f.endsWith(sep) ? f : f + sep));
    if (!folder) return false;
    const s = await this.settings.get(URI.fromPath(folder));
    if (!s.enable || !s.workspaceScan) return false;
    const rel = relative(folder, path).split(sep).join('/');
    return picomatch(s.traceGlobs, { dot: true })(rel) && !picomatch(s.excludeGlobs, { dot: true })(rel);
  }

  /** Every file under `root` matching the trace globs; iterative, so deep trees cannot overflow the stack. */
  private async walk(root: string, s: TracelintSettings, signal: AbortSignal): Promise<string[]> {
    const isTrace = picomatch(s.traceGlobs, { dot: true });
    const excluded = picomatch(s.excludeGlobs, { dot: true });
    const found: string[] = [];
    const stack = [root];
    let seen = 0;
    while (stack.length > 0 && !signal.aborted) {
      const dir = stack.pop()!;
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        continue;
      }
      for (const e of entries) {
        if (++seen > MAX_FILES_WALKED) {
          this.connection.console.warn(`workspace scan stopped after ${MAX_FILES_WALKED} entries under ${root}`);
          return found;
        }
        const path = join(dir, e.name);
        const rel = relative(root, path).split(sep).join('/');
        if (e.isDirectory()) {
          if (!excluded(rel) && !excluded(`${rel}/`) && !excluded(`${rel}/x`)) stack.push(path);
        } else if (e.isFile() && isTrace(rel) && !excluded(rel)) {
          found.push(path);
        }
      }
    }
    return found.sort();
  }
}

function relativeName(folders: string[], path: string): string {
  const folder = folders.find((f) => path.startsWith(f));
  return folder ? relative(folder, path) : path;
}
