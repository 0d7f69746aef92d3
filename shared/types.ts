// The finding model shared by every part of tracelint: the engine (trace content), the source
// rules, the CLI and the language server all speak it. Nothing here knows about LSP or VS Code.
//
// Positions: `start`/`end` are [start, end) offsets in UTF-16 code units into the text the
// finding was computed on (the whole file as a JS string). `line`/`column`/`endLine`/`endColumn`
// are 0-based, columns in UTF-16 code units, as LSP counts them; the CLI adds 1 when printing.
// Readers that stream a file (JSONL too large to hold) fill line/column directly and may leave
// `start`/`end` relative to the line; `byteStart`/`byteEnd` then give the place on disk.

export type Severity = 'error' | 'warning' | 'info';

export interface Span {
  start: number;
  end: number;
}

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** A text edit on the file the finding belongs to (or on `file`, when it names another). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
  /** Another file this edit applies to, absolute path; absent = the finding's own file. */
  file?: string;
}

/**
 * A fix that is not a text edit (hygiene rules `trace-file-permissions`, `trace-file-tracked`).
 * Paths are absolute. `server/hygiene/fix.ts` `applyFixCommand` carries one out; the CLI's `--fix`
 * and the language server both call it (LSP: a quick fix whose `command` runs
 * `applyFixCommand` on the server through `workspace/executeCommand`; it is not a WorkspaceEdit
 * because a mode change is no text edit, and `.gitignore` may not exist yet).
 * - `chmod`: set `path`'s mode to `mode` (e.g. 0o600 for a trace file, 0o700 for its folder).
 * - `gitignore-add`: append the line `pattern` to the `.gitignore` at `gitignore` (created if absent),
 *   unless that line is already there.
 */
export type FixCommand =
  | { kind: 'chmod'; path: string; mode: number }
  | { kind: 'gitignore-add'; gitignore: string; pattern: string };

/** A fix or a suggestion: a title and the edits that carry it out. */
export interface Fix {
  /** Message shown for the action, e.g. `Add "api_key" to exclude_inputs`. */
  title: string;
  /** Text edits; empty when the fix is a `command`. */
  edits: TextEdit[];
  /**
   * LSP engineer, note: when present, the fix is this command instead of text edits (`edits` is
   * then empty). Apply it with `applyFixCommand` from `server/hygiene/fix.ts`.
   */
  command?: FixCommand;
}

export interface RelatedLocation {
  file: string;
  range: Range;
  message: string;
}

export interface Finding {
  /** Detector name (`openai_api_key`, `sensitive_field`, ...) or source rule id (`credential-param-captured`). */
  ruleId: string;
  severity: Severity;
  /** The finished human message. Must never contain a whole secret: build it with `maskSecret`. */
  message: string;
  /** Absolute or workspace-relative path; absent for findings on unsaved text. */
  file?: string;
  span: Span;
  range: Range;
  /** Byte offsets on disk, when the reader knows them (streamed files). */
  byteStart?: number;
  byteEnd?: number;
  /** JSON path of the value holding the secret in a trace, e.g. `steps[2].inputs.api_key`. */
  jsonPath?: string;
  /**
   * For a finding in a database trace store (SQLite, `shared/traces/sqlite.ts`): the table, row
   * (SQLite rowid, and the row's `id` column when it has one) and column holding the JSON document;
   * `jsonPath` is then the path inside that document. `span`/`range` are 0: a database has no text
   * positions.
   */
  store?: { table: string; rowid: number; id?: string; column: string };
  /**
   * The secret text as decoded (not as escaped on disk). Never printed: outputs use `maskSecret`.
   * Used for fingerprints, allowlists and redaction.
   */
  secret?: string;
  /** Content fingerprint: `ruleId:sha256(secret)` (hex); stable across line moves. */
  fingerprint?: string;
  /** A safe fix, applied by fix-all. */
  fix?: Fix;
  /** Alternatives the user chooses between. */
  suggest?: Fix[];
  related?: RelatedLocation[];
}

/** A problem with the input itself (malformed JSONL line, unreadable file); reported, never fatal. */
export interface InputProblem {
  file?: string;
  /** 0-based line, like `Range.line`. */
  line: number;
  /** 0-based column (UTF-16 units) where the problem was seen, when known. */
  column?: number;
  message: string;
}
