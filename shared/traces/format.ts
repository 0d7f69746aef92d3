// Which trace format a file holds, by its name and a sniff of its first bytes. Shared by the CLI
// (which files to read, and how) and the language server (which documents are traces).
import { basename } from 'node:path';
import type { TraceFormatInfo, TraceFormat } from './types';

/** How many characters of a file's start `detectTraceFormat` looks at. */
export const SNIFF_CHARS = 64 * 1024;

const JSONL_EXT = /\.(jsonl|ndjson|jsonlines)$/;

/**
 * Detects the format of a trace file from its path and the start of its (decompressed) text.
 * Returns null when the file is not JSON or JSONL at all (by name and content).
 */
export function detectTraceFormat(path: string, head = ''): TraceFormatInfo | null {
  const lower = basename(path).toLowerCase();
  const gzip = lower.endsWith('.gz');
  const name = gzip ? lower.slice(0, -3) : lower;
  const text = head.charCodeAt(0) === 0xfeff ? head.slice(1) : head;
  const trimmed = text.trimStart();
  const byExtJsonl = JSONL_EXT.test(name);
  const byExtJson = name.endsWith('.json');
  if (!byExtJsonl && !byExtJson && !(trimmed.startsWith('{') || trimmed.startsWith('['))) return null;
  if (!byExtJsonl && !byExtJson && name.includes('.') && !/\.(log|txt|trace)$/.test(name)) return null;

  const layout = sniffLayout(trimmed, byExtJsonl);
  const format = sniffFormat(name, text, layout);
  const normalisedPath = path.replace(/\\/g, '/').toLowerCase();
  const isTrace = format !== 'json' && format !== 'jsonl' ? true : byExtJsonl || /(^|\/)(traces?|runs|\.agentdbg|\.opentraces)\//.test(normalisedPath);
  return { format, layout, gzip, isTrace };
}

function sniffLayout(trimmed: string, byExtJsonl: boolean): 'jsonl' | 'document' {
  const firstLineEnd = trimmed.indexOf('\n');
  const firstLine = (firstLineEnd === -1 ? trimmed : trimmed.slice(0, firstLineEnd)).trim();
  if (byExtJsonl) {
    // A pretty-printed document saved as .jsonl opens with a lone bracket.
    return firstLine === '{' || firstLine === '[' ? 'document' : 'jsonl';
  }
  // A .json file holding one object per line is JSON Lines.
  if (firstLineEnd !== -1 && firstLine.startsWith('{') && firstLine.endsWith('}')) {
    const rest = trimmed.slice(firstLineEnd + 1).trimStart();
    if (rest.startsWith('{')) return 'jsonl';
  }
  return 'document';
}

function sniffFormat(name: string, text: string, layout: 'jsonl' | 'document'): TraceFormat {
  const has = (s: string) => text.includes(s);
  if (name === 'events.jsonl' || (has('"event_type"') && has('"spec_version"') && has('"run_id"'))) return 'agentdbg-events';
  if (name === 'run.json' && has('"run_id"') && (has('"started_at"') || has('"counts"'))) return 'agentdbg-run';
  if (has('"resourceSpans"') || has('"scopeSpans"')) return 'otlp';
  // TraceCraft runs time themselves with start_time; opentraces records with timestamp_start and step_index.
  if (has('"steps"') && has('"start_time"')) return 'tracecraft';
  if (has('"schema_version"') && has('"trace_id"') && (has('"step_index"') || has('"session_id"'))) return 'opentraces';
  if (has('"steps"') && has('"trace_id"')) return 'tracecraft';
  return layout === 'jsonl' ? 'jsonl' : 'json';
}
