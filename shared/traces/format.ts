// Which trace format a file holds, by its name and a sniff of its first bytes. Shared by the CLI
// (which files to read, and how) and the language server (which documents are traces).
import { basename } from 'node:path';
import type { TraceFormatInfo, TraceFormat } from './types';

/** How many characters of a file's start `detectTraceFormat` looks at. */
export const SNIFF_CHARS = 64 * 1024;

const JSONL_EXT = /\.(jsonl|ndjson|jsonlines)$/;

/** An agent's trajectory by its name: SWE-agent's `.traj`, mini-swe-agent's `.traj.json`. */
const TRAJECTORY_NAME = /\.traj(\.json)?$/;

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
  // SWE-agent writes each run's trajectory as one JSON document named `<instance>.traj`
  // (mini-swe-agent: `<instance>.traj.json`).
  const trajectory = TRAJECTORY_NAME.test(name);
  const byExtJson = name.endsWith('.json') || trajectory;
  if (!byExtJsonl && !byExtJson && !(trimmed.startsWith('{') || trimmed.startsWith('['))) return null;
  if (!byExtJsonl && !byExtJson && name.includes('.') && !/\.(log|txt|trace)$/.test(name)) return null;

  const layout = sniffLayout(trimmed, byExtJsonl);
  const normalisedPath = path.replace(/\\/g, '/').toLowerCase();
  // A file whose content has another known shape is not a trace, wherever it lies and whatever
  // property names it mentions (a schema of AgentDbg's events names event_type and run_id).
  if (notATrace(name, normalisedPath, trimmed, layout)) return { format: layout === 'jsonl' ? 'jsonl' : 'json', layout, gzip, isTrace: false };
  const format = sniffFormat(name, text, layout);
  const isTrace =
    format !== 'json' && format !== 'jsonl'
      ? true
      : byExtJsonl || trajectory || openHandsEvents(trimmed) || /(^|\/)(traces?|runs|trajectories|\.agentdbg|\.maida|\.opentraces)\//.test(normalisedPath);
  return { format, layout, gzip, isTrace };
}

/**
 * OpenHands' events (a saved trajectory is a JSON array of them; its file store keeps one per file):
 * `{"id": 0, "timestamp": …, "source": "agent" | "user" | "environment", "action": … | "observation": …}`.
 */
function openHandsEvents(trimmed: string): boolean {
  const head = trimmed.slice(0, 4096);
  return (
    /"source"\s*:\s*"(?:agent|user|environment)"/.test(head) &&
    /"(?:action|observation)"\s*:\s*"/.test(head) &&
    /"timestamp"\s*:/.test(head)
  );
}

/** Manifests and tool settings known by name: never traces. */
const CONFIG_NAMES = /^(?:package|package-lock|composer|bower|deno|lerna|nx|turbo|vercel|renovate|tslint|eslintrc|\.eslintrc|babel\.config|\.babelrc|\.prettierrc|app|manifest|settings|launch|tasks|extensions|keybindings|devcontainer|components|openapi|swagger)\.json$|^(?:ts|js)config(?:\.[\w.-]+)?\.json$|\.code-workspace$|\.schema\.json$/;

/**
 * The content is a known non-trace shape: a JSON Schema (`$schema`, or `$id`/`definitions`/`$defs`,
 * or `"type": "object"` with `"properties"` at the top), a manifest or tool settings (by name, or a
 * `.vscode/` file), or HTTP replays (a recorded request and response per record: VCR cassettes,
 * nock/polly recordings), which a test keeps even under a folder named `runs` or `traces`.
 */
export function notATrace(name: string, normalisedPath: string, trimmed: string, layout: 'jsonl' | 'document'): boolean {
  if (CONFIG_NAMES.test(name) || /(^|\/)\.vscode\//.test(normalisedPath)) return true;
  const head = trimmed.slice(0, 4096);
  if (layout === 'document') {
    if (/^\{\s*"\$schema"\s*:\s*"[^"]*json-schema/.test(head) || /^\{\s*"(?:\$id|\$defs|definitions)"\s*:/.test(head)) return true;
    if (/"\$schema"\s*:\s*"https?:\/\/json-schema\.org/.test(head) && /"properties"\s*:/.test(head)) return true;
  }
  // HTTP or SDK replays: every one of the first records holds a request and a response, or is a
  // `["client.method.name", response]` pair.
  const records = layout === 'jsonl' ? head.split('\n').filter((l) => l.trim() !== '').slice(0, 3) : [head];
  return records.length > 0 && records.every((r) => (/"request"\s*:\s*\{/.test(r) && /"response"\s*:\s*\{/.test(r) && /"(?:method|url|uri|status|status_code|statusCode)"\s*:/.test(r))
    || (layout === 'jsonl' && /^\[\s*"[A-Za-z_]\w*(?:\.[A-Za-z_]\w*)+"\s*,/.test(r.trimStart())));
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
