// Types of the trace readers: what they need from the engine, what a scan reports.
// The engine is used through this structural interface (`shared/engine`'s `Engine` satisfies it),
// so trace reading can be tested against any engine and knows nothing of detector internals.
import type { Finding, InputProblem } from '../types';
import type { FieldType, ValueContext, ValueMatch } from '../engine/index';
import type { EngineOptions } from '../options';

/** The engine's own value types: the readers pass and receive exactly these. */
export type { FieldType, ValueContext, ValueMatch };

/** The part of `shared/engine`'s `Engine` the trace readers and the redaction writer use. */
export interface TraceEngine {
  scanValue(value: string, ctx: ValueContext): ValueMatch[];
  scanText(text: string): ValueMatch[];
  /** Cheap literal prefilter over raw text: false means no detector can fire anywhere in it. */
  mayContainFinding(raw: string): boolean;
  /** The text that replaces a match under the engine's mode (mask, hash, remove). */
  replacement(match: ValueMatch): string;
  /** Rewrites applied to every redacted line (the opt-in path anonymiser); absent = none. */
  finishRedaction?(rawLine: string): string;
}

/** Trace formats tracelint recognises. `jsonl`/`json` are generic JSON with no known schema. */
export type TraceFormat =
  | 'tracecraft'
  | 'agentdbg-events'
  | 'agentdbg-run'
  | 'otlp'
  | 'opentraces'
  | 'jsonl'
  | 'json';

export interface TraceFormatInfo {
  format: TraceFormat;
  /** How the file is read: one JSON value per line, or one JSON document. */
  layout: 'jsonl' | 'document';
  /** Gzip-compressed (`.gz`); offsets then refer to the decompressed text. */
  gzip: boolean;
  /** True when path or content says this is an agent trace, not just any JSON file. */
  isTrace: boolean;
}

/** What a file scan reports at the end (findings and problems are streamed as they are found). */
export interface TraceScanSummary {
  file: string;
  format: TraceFormatInfo;
  lines: number;
  bytes: number;
  findings: number;
  problems: number;
  /** Lines the literal prefilter let through to the JSON walk. */
  candidateLines: number;
}

export interface TraceScanHandlers {
  onFinding?(finding: Finding): void;
  onProblem?(problem: InputProblem): void;
}

export interface TraceFileOptions extends TraceScanHandlers {
  /**
   * Worker threads for big JSONL files: undefined = automatic (all cores, for files over
   * `parallelThresholdBytes`), 0 = scan in this thread.
   */
  workers?: number;
  /** Files smaller than this are scanned in this thread (default 8 MB). */
  parallelThresholdBytes?: number;
  /** Options to rebuild the engine inside worker threads (without them the scan stays in this thread). */
  engineOptions?: EngineOptions;
  /** Bytes per JSONL batch (default 1 MB); small values exercise batch boundaries in tests. */
  batchBytes?: number;
  /** JSONL lines longer than this are reported and skipped, not held in memory (default 64 MB). */
  maxLineBytes?: number;
  /** Force a layout/format instead of detecting it. */
  format?: TraceFormatInfo;
  signal?: AbortSignal;
}
