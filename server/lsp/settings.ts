// The editor settings under `tracelint.*`, pulled per resource with workspace/configuration
// (scopeUri = the document), cached per document and cleared when the client says they changed.
// Clients that cannot answer workspace/configuration get the defaults merged with whatever
// they sent in workspace/didChangeConfiguration.
import { dirname, isAbsolute, join } from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { URI } from './uri';
import type { RedactionMode } from '../../shared/options';

export interface TracelintSettings {
  /** Lint at all. */
  enable: boolean;
  /** When documents are linted: as you type, or when saved. */
  run: 'onType' | 'onSave';
  /** Scan trace files across the workspace in the background. */
  workspaceScan: boolean;
  /** Globs (relative to a workspace folder) naming trace files. */
  traceGlobs: string[];
  /** Globs never scanned. */
  excludeGlobs: string[];
  /** The configuration file; empty = the nearest `tracelint.json` above the file. Absolute once resolved. */
  configFile: string;
  /** The baseline file (content fingerprints of accepted findings); relative paths are resolved against the workspace folder. */
  baselineFile: string;
  /** Default mode of the redacted preview and of Save Redacted Copy. */
  redactionMode: RedactionMode;
  /** Documents larger than this many MB are read from disk, streamed, instead of from the editor's copy. */
  maxDocumentSizeMB: number;
  /** Keep ReDoS verdicts of custom patterns across sessions (shared with the CLI). */
  verdictCache: boolean;
  /** The verdict cache's folder; empty = $XDG_CACHE_HOME/tracelint, else ~/.cache/tracelint. */
  cacheDir: string;
  /** The workspace folder holding the resource (set when settings are resolved for it): paths in messages are relative to it. */
  workspaceFolder?: string;
}

export const DEFAULT_TRACE_GLOBS = [
  '**/*.jsonl',
  '**/*.ndjson',
  '**/*.jsonl.gz',
  '**/traces/**/*.json',
  '**/*.traj',
  '**/*.traj.json',
  '**/runs/*/events.jsonl',
  '**/runs/*/run.json',
];

export function defaultSettings(): TracelintSettings {
  return {
    enable: true,
    run: 'onType',
    workspaceScan: true,
    traceGlobs: [...DEFAULT_TRACE_GLOBS],
    excludeGlobs: ['**/node_modules/**', '**/.git/**'],
    configFile: '',
    baselineFile: 'tracelint.baseline.json',
    redactionMode: 'mask',
    maxDocumentSizeMB: 20,
    verdictCache: true,
    cacheDir: '',
  };
}

/** Takes what the client sent and keeps only well-typed values over the defaults: a bad setting never crashes. */
export function normalizeSettings(raw: unknown): TracelintSettings {
  const s = defaultSettings();
  if (!raw || typeof raw !== 'object') return s;
  const r = raw as Record<string, unknown>;
  const strings = (v: unknown): string[] | undefined =>
    Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;
  if (typeof r.enable === 'boolean') s.enable = r.enable;
  if (r.run === 'onType' || r.run === 'onSave') s.run = r.run;
  if (typeof r.workspaceScan === 'boolean') s.workspaceScan = r.workspaceScan;
  s.traceGlobs = strings(r.traceGlobs) ?? s.traceGlobs;
  s.excludeGlobs = strings(r.excludeGlobs) ?? s.excludeGlobs;
  if (typeof r.configFile === 'string') s.configFile = r.configFile;
  if (typeof r.baselineFile === 'string' && r.baselineFile) s.baselineFile = r.baselineFile;
  if (r.redactionMode === 'mask' || r.redactionMode === 'hash' || r.redactionMode === 'remove') s.redactionMode = r.redactionMode;
  if (typeof r.maxDocumentSizeMB === 'number' && r.maxDocumentSizeMB > 0) s.maxDocumentSizeMB = r.maxDocumentSizeMB;
  if (typeof r.verdictCache === 'boolean') s.verdictCache = r.verdictCache;
  if (typeof r.cacheDir === 'string' && (r.cacheDir === '' || isAbsolute(r.cacheDir))) s.cacheDir = r.cacheDir;
  return s;
}

export class SettingsCache {
  private readonly byUri = new Map<string, Promise<TracelintSettings>>();
  private pushed: unknown = undefined;

  constructor(
    private readonly connection: Connection,
    private readonly canPull: () => boolean,
    /** The workspace folder (path) holding a resource, to resolve relative paths in settings. */
    private readonly folderOf: (uri: string) => string | undefined,
  ) {}

  /** Settings for a resource: one workspace/configuration request per resource until `clear()`. */
  get(uri: string): Promise<TracelintSettings> {
    let p = this.byUri.get(uri);
    if (!p) {
      p = this.canPull()
        ? this.connection.workspace
            .getConfiguration({ scopeUri: uri, section: 'tracelint' })
            .then(normalizeSettings, () => normalizeSettings(this.pushed))
            .then((st) => this.resolvePaths(uri, st))
        : Promise.resolve(this.resolvePaths(uri, normalizeSettings(this.pushed)));
      this.byUri.set(uri, p);
    }
    return p;
  }

  private resolvePaths(uri: string, s: TracelintSettings): TracelintSettings {
    const path = URI.toPath(uri);
    const folder = this.folderOf(uri);
    const base = folder ?? (path ? dirname(path) : process.cwd());
    if (folder) s.workspaceFolder = folder;
    if (s.configFile && !isAbsolute(s.configFile)) s.configFile = join(base, s.configFile);
    if (!isAbsolute(s.baselineFile)) s.baselineFile = join(base, s.baselineFile);
    return s;
  }

  /** workspace/didChangeConfiguration: forget everything (the next `get` asks again). */
  clear(pushedSettings?: unknown): void {
    this.byUri.clear();
    if (pushedSettings && typeof pushedSettings === 'object' && 'tracelint' in pushedSettings) {
      this.pushed = (pushedSettings as { tracelint: unknown }).tracelint;
    }
  }

  forget(uri: string): void {
    this.byUri.delete(uri);
  }
}
