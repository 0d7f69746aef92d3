// Public entry point of trace reading (and the redaction writer), used by the CLI and the language
// server. Nothing here knows about LSP or VS Code.
//
// Formats
//   detectTraceFormat(path, head?) -> TraceFormatInfo | null
//       By name and a sniff of the first characters: TraceCraft runs (`steps[]`), AgentDbg
//       `events.jsonl` / `run.json`, OTLP/JSON (`resourceSpans`), opentraces TraceRecords, or generic
//       JSON / JSONL; `layout` says whether to read it line by line or as one document; `.gz` is
//       decompressed. null: not a JSON file at all. `detectTraceFileFormat(path)` reads the head itself.
//
// Scanning
//   scanTraceText(text, fileName, engine) -> { findings, problems, format }
//       For editor documents and small files. Finding spans are UTF-16 offsets into `text`,
//       ranges 0-based, byteStart/byteEnd UTF-8 offsets.
//   scanTraceLine(lineText, line, charStart, byteStart, engine, fileName?) -> { findings, problem? }
//       One JSONL line, for editors that rescan only the lines an edit touched.
//   scanTraceFile(path, engine, { onFinding, onProblem, workers?, signal? }) -> Promise<summary>
//       Streams JSONL (and .jsonl.gz) in constant memory, with worker threads for big files;
//       findings and problems are delivered in file order as found. Spans are UTF-16 offsets into
//       the whole (decompressed) file, byteStart/byteEnd byte offsets on disk (of the decompressed
//       stream for .gz). `collectTraceFile` gathers them into arrays (small files, tests).
//   scanAgentDbgRun(dir, engine, opts) scans `run.json` and `events.jsonl` of a run folder.
//   traceStoreScanner(engine) adapts the reader to SQLite stores (`sqlite.ts`: scanSqliteFile,
//   redactSqliteFile), one cell at a time.
//
// Redaction
//   redactTraceText(text, engine, fileName?) -> { text, counts, problems }
//   redactTraceFile(inPath, outPath, engine, { inPlace? }) -> Promise<{ outPath, counts, lines, problems }>
//       Replaces only secret text (JSON-escaped, also inside JSON encoded in a string); every line
//       stays valid JSON, same line count; atomic (temp file + rename); refuses to write over the
//       input unless `inPlace`. `counts` are per detector.
//
// Findings: ruleId = detector, jsonPath like `steps[2].inputs.api_key` (keys that are not plain
// identifiers as `["a b"]`; a value holding JSON text continues after `#`:
// `steps[1].outputs.result#rows[0].email`), `secret` decoded, `fingerprint` = `ruleId:sha256hex(secret)`,
// message `openai_api_key: sk-p…(51 chars) in steps[2].inputs.api_key` (masked by `maskSecret`).
// Problems (InputProblem): malformed lines (reported with line and column, skipped as JSON; their
// raw text is still searched as plain text so no secret is lost), invalid UTF-8 lines, binary
// files, unreadable files. Never an exception for bad input.
//
// The engine is anything with `scanValue`, `scanText`, `mayContainFinding`, `replacement`
// (shared/engine's `Engine`); worker threads rebuild it from `engine.options`.
export type { TraceEngine, TraceFormat, TraceFormatInfo, TraceScanSummary, TraceScanHandlers, TraceFileOptions, ValueContext, ValueMatch, FieldType } from './types';
export { detectTraceFormat, SNIFF_CHARS } from './format';
export { scanTraceText, scanTraceLine, redactTraceText, formatOfText, type TextScanResult, type TextRedactResult } from './text';
export { scanTraceFile, collectTraceFile, scanAgentDbgRun, isAgentDbgRunDir, detectTraceFileFormat, looksBinary, MAX_DOCUMENT_BYTES } from './scan-file';
export { EMBEDDED_JSON_SEPARATOR } from './scan-json';
export { traceStoreScanner } from './store-adapter';
export { fingerprint, findingMessage } from './findings';
export { redactTraceFile, RedactError, type RedactFileOptions, type RedactFileResult } from '../redact/file';
export type { DetectorCounts } from '../redact/edits';
