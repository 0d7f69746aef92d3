// The path anonymiser (opt-in): home directories in trace text give away who ran the agent, so
// `/Users/alice/src` becomes `/Users/[REDACTED]/src`, as opentraces' path_anonymizer does. Used on
// the redacted copy and the preview, where it runs over the raw file text, so Windows paths are
// matched both as written (`C:\Users\carol\`) and as JSON escapes them (`C:\\Users\\carol\\`).
//
// A user name ends at the next separator; a home path with nothing after the name (`/home/bob` at
// the end of a string) counts too. Service folders that are no person's (`/home/runner`, `Public`,
// `Shared`, `Default`) are kept as they are, and so is an already anonymised path.

/**
 * The anonymiser as a redaction writer applies it: raw JSON trace text, the engine's placeholder,
 * only when the options turn it on (`redaction.anonymizePaths`). Returns `text` itself otherwise.
 */
export function anonymizeForEngine(text: string, options: { anonymizePaths?: boolean; placeholder?: string } | undefined): string {
  if (!options?.anonymizePaths || !mayHoldHomePath(text)) return text;
  return anonymizePaths(text, options.placeholder ?? '[REDACTED]', true);
}

/** Cheap test before the regex: every home path holds one of these. */
export function mayHoldHomePath(text: string): boolean {
  return text.includes('/Users') || text.includes('/home/') || text.includes('Users') || text.includes('Documents and Settings');
}

export interface PathEdit {
  /** [start, end) of the user name in the text. */
  start: number;
  end: number;
  /** The replacement, `[REDACTED]` unless configured. */
  text: string;
}

const NOT_A_PERSON = new Set(['public', 'shared', 'default', 'default user', 'all users', 'runner']);

// Prefix (kept), then the user name (replaced). The name stops at a separator, a quote, whitespace or
// a character that cannot be in a path written in a trace (JSON string ends, markup).
const HOME = new RegExp(
  '(?:' +
  [
    String.raw`(?<![\w.-])(/Users/|/home/)`, // macOS, Linux
    String.raw`(?<![\w])([A-Za-z]:(?:\\\\|\\|/)(?:Users|Documents and Settings)(?:\\\\|\\|/))`, // Windows, raw or JSON-escaped
  ].join('|') + ')' + String.raw`([^\\/\s"'<>|:*?]+?)(?=\\|/|["'\s<>|:*?]|$)`,
  'g',
);

/** Where the user names of home directories stand in `text`, and what replaces each. */
export function findHomePaths(text: string, placeholder = '[REDACTED]'): PathEdit[] {
  const edits: PathEdit[] = [];
  for (const m of text.matchAll(HOME)) {
    const prefix = m[1] ?? m[2];
    const name = m[3];
    if (NOT_A_PERSON.has(name.toLowerCase()) || name === placeholder || name.startsWith('[')) continue;
    const start = m.index! + prefix.length;
    edits.push({ start, end: start + name.length, text: placeholder });
  }
  return edits;
}

/**
 * `text` with every home directory's user name replaced. `json`: the text is raw JSON (a trace
 * file), so the placeholder is written as JSON string content (a `"` in it would end the string).
 */
export function anonymizePaths(text: string, placeholder = '[REDACTED]', json = false): string {
  const written = json ? JSON.stringify(placeholder).slice(1, -1) : placeholder;
  let out = '';
  let at = 0;
  for (const e of findHomePaths(text, written)) {
    out += text.slice(at, e.start) + e.text;
    at = e.end;
  }
  return out + text.slice(at);
}
