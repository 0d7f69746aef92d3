// Messages between the preview webview and the extension (postMessage both ways). The webview is
// untrusted territory: the extension checks every field it receives before acting on it.
import type { PreviewLine, PreviewMode, PreviewOpen, PreviewView } from '../../shared/protocol';

/** extension -> webview */
export type ToWebview =
  | { type: 'info'; fileName: string; info: PreviewOpen.Result }
  | { type: 'lines'; generation: number; lines: PreviewLine[] }
  | { type: 'error'; message: string }
  | { type: 'snapshot'; id: number; line?: number; afterGeneration?: number; layout?: 'lines' | 'record'; steps?: number; hide?: string[] };

/** webview -> extension */
export type FromWebview =
  | { type: 'ready' }
  | { type: 'lines'; from: number; to: number }
  | { type: 'mode'; mode: PreviewMode }
  | { type: 'view'; view: PreviewView }
  | { type: 'reveal'; line: number; column: number; endLine: number; endColumn: number }
  | { type: 'save' }
  | { type: 'snapshot'; id: number; snapshot: PreviewSnapshot };

/** What the webview shows, as text: for tests and for checking that no secret reaches the screen. */
export interface PreviewSnapshot {
  header: string;
  /** The rendered rows, one string per visible line (line number, tab, text). */
  rows: string[];
  /** Texts of the marker elements, with their rule ids. */
  markers: Array<{ text: string; ruleId: string; survives?: boolean }>;
  /** Elements that trace content must never create (img, script without our nonce, iframe, ...). */
  foreignElements: number;
  mode: PreviewMode;
  /** `configured`: as the project's own redaction configuration would store the trace. */
  view?: PreviewView;
  lineCount: number;
  /** The generation of the preview shown (bumped by each change of the trace, mode or view). */
  generation: number;
  /** The first line in view (0-based). */
  firstLine: number;
  /** The record pane's text, when it is shown. */
  record?: string;
  /** Where next/previous stand: "finding 2 of 14". */
  position?: string;
  /** The marker next/previous stand on: its text, rule, and whether it is wholly in view. */
  current?: { text: string; ruleId: string; inView: boolean };
  /** The same finding in the record pane: its text and whether it is wholly in the pane's view. */
  recordCurrent?: { text: string; ruleId: string; inView: boolean };
}

/** What a snapshot request may ask first: scroll to a line, switch the mode or the view, or wait for a newer generation. */
export interface SnapshotRequest {
  line?: number;
  mode?: PreviewMode;
  view?: PreviewView;
  afterGeneration?: number;
  /** The layout to show: lines alone, or with the selected line's record. */
  layout?: 'lines' | 'record';
  /** Press next finding this many times. */
  steps?: number;
  /** Turn these detectors' chips off. */
  hide?: string[];
}
