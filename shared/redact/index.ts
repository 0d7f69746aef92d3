// The redaction writer's public face: redact trace text in memory (the editor's preview, small
// files) or a trace file on disk (streamed, atomic, never over the input unless asked).
// Only secret text changes: replacements are JSON-escaped at every string layer, every JSONL line
// stays one valid JSON value, the line count and all other bytes stay as they were.
export { redactTraceText, type TextRedactResult } from '../traces/text';
export { redactTraceFile, RedactError, type RedactFileOptions, type RedactFileResult } from './file';
export { editsForHits, applyEdits, addCounts, type DetectorCounts, type TextReplacement } from './edits';
