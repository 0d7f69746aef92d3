// The custom messages between the VS Code client and the tracelint language server, in one typed
// file (both sides import it; it imports nothing, so it stays free of vscode and LSP libraries).
// Each namespace is one message: its method name, which way it travels, its params and result.
// Positions are 0-based lines and UTF-16 columns, as LSP counts them.

/** One piece of a redacted preview line: plain trace text, or a redaction marker standing for a finding. */
export interface PreviewSegment {
  text: string;
  /** Set on markers: the detector or rule that found what the marker replaces. */
  ruleId?: string;
  /** Set on markers: where the finding stands in the source file (for click-to-reveal). */
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** In the "as your configuration would store it" view: the finding is (partly) stored as it is. */
  survives?: boolean;
  /** Why it survives (or which SDK rule redacted it), for the marker's tooltip. */
  reason?: string;
}

export interface PreviewLine {
  /** 0-based line number in the source trace. */
  line: number;
  segments: PreviewSegment[];
  /** How many characters were cut off the end of a very long line (0 when none). */
  truncated: number;
}

export type PreviewMode = 'mask' | 'hash' | 'remove';

/**
 * Which redaction the preview shows: tracelint's full redaction (`full`, the default), or the trace
 * as the project's own TraceCraft / AgentDbg configuration would store it (`configured`), with the
 * findings that configuration lets through highlighted.
 */
export type PreviewView = 'full' | 'configured';

/** The project's own redaction configuration, applied to the previewed trace (issue 7). */
export interface ConfiguredRedaction {
  /** `TraceCraft`, `AgentDbg`. */
  label: string;
  /** "1 email and 1 AWS access key in this trace survive your TraceCraft configuration." */
  summary: string;
  /** Where the configuration was read from. */
  describe: string;
  notes: string[];
  survivors: number;
}

/** client -> server request: prepare (or refresh) the redacted view of a trace; returns its shape. */
/** The most finding positions a preview hands the webview for next/previous (a few MB of JSON at most). */
export const MAX_PREVIEW_MARKS = 100_000;

export namespace PreviewOpen {
  export const method = 'tracelint/preview/open';
  export interface Params {
    uri: string;
    mode: PreviewMode;
    /** Absent: `full`. */
    view?: PreviewView;
  }
  export interface Result {
    uri: string;
    mode: PreviewMode;
    view?: PreviewView;
    /** In the `configured` view: the configuration and what survives it; a string when no configuration applies. */
    configured?: ConfiguredRedaction | string;
    lineCount: number;
    /** Findings per detector or rule, sorted by id. */
    counts: Array<{ ruleId: string; count: number }>;
    total: number;
    /**
     * Where the findings are, in order (line, then column), for next/previous finding: the line and
     * the rule of each, at most MAX_PREVIEW_MARKS of them (`total` says whether some were left out).
     */
    marks?: Array<{ line: number; ruleId: string }>;
    /** A problem with the input (malformed lines, unreadable file), already free of secrets. */
    problems: string[];
    /** Bumped each time the source changes; a lines request for an older generation is answered for the newest. */
    generation: number;
  }
}

/** client -> server request: the redacted lines [from, to) of a prepared preview. */
export namespace PreviewLines {
  export const method = 'tracelint/preview/lines';
  export interface Params {
    uri: string;
    from: number;
    to: number;
  }
  export interface Result {
    generation: number;
    lines: PreviewLine[];
  }
}

/** client -> server notification: the preview of `uri` was closed; its memory can go. */
export namespace PreviewClose {
  export const method = 'tracelint/preview/close';
  export interface Params {
    uri: string;
  }
}

/** client -> server request: write a redacted copy of a trace to `target` (never over the source). */
export namespace SaveRedacted {
  export const method = 'tracelint/saveRedacted';
  export interface Params {
    uri: string;
    target: string;
    mode: PreviewMode;
  }
  export interface Result {
    /** Number of findings redacted in the copy. */
    redacted: number;
    target: string;
  }
}

/** server -> client notification: a workspace trace scan started, progressed or ended (for the status bar). */
export namespace ScanStatus {
  export const method = 'tracelint/scanStatus';
  export interface Params {
    scanning: boolean;
    filesDone: number;
    filesTotal: number;
    /** Findings in trace files across the workspace. */
    findings: number;
  }
}

/**
 * client -> server request: put trace files to the project's own redaction configuration (the
 * "Check Traces Against Your Redaction Configuration" command): one trace (`uri`), or every trace
 * the workspace scan knows and every open one.
 */
export namespace CheckAgainstConfig {
  export const method = 'tracelint/checkAgainstConfig';
  export interface Params {
    uri?: string;
  }
  export interface Survivor {
    ruleId: string;
    /** Masked, like every finding message. */
    message: string;
    line: number;
    column: number;
    outcome: 'survives' | 'partial';
    reason?: string;
  }
  export interface Trace {
    uri: string;
    /** The configuration applied, or a sentence saying none applies. */
    configured: ConfiguredRedaction | string;
    survivors: Survivor[];
  }
  export interface Result {
    traces: Trace[];
    /** Findings that survive across all traces checked (none applies: every finding counts). */
    survivors: number;
  }
}
