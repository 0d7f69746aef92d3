// The contract every built-in detector follows. A detector looks at one decoded string (a JSON
// string value, a source string literal, a line of free text) and reports candidate spans; the
// engine (shared/engine) then applies allowlists, markers and overlap precedence.
import type { Severity } from '../types';
import type { EngineOptions, FieldType } from '../options';

/** What other parts of tracelint may know about a detector (docs, config schema, ReDoS checks). */
export interface DetectorInfo {
  /** The rule id users know (TraceCraft's names, plus `sensitive_field`). */
  name: string;
  /** One sentence: what the detector finds. Shown as help text. */
  description: string;
  defaultSeverity: Severity;
  /** Opt-in detectors are off unless `EngineOptions.detectors[name].enabled` is true. */
  defaultEnabled: boolean;
  /**
   * Positive examples are strings the detector reports (the whole example, or a part of it);
   * negatives are strings it must not report. Other checks reuse them (broad allowlists, prefilter).
   */
  examples: { positive: string[]; negative: string[] };
  /** Set for key-driven detectors: the examples are findings only as values under this key. */
  exampleKey?: string;
  /** Every regex the detector runs, for the project's ReDoS check of built-in patterns. */
  patterns: RegExp[];
}

/** What the engine knows about the string being scanned. */
export interface DetectContext {
  /** The key the value sits under (the nearest object key), when the string is a JSON value. */
  key?: string;
  /** What kind of trace field holds the value (tool input, tool result, ...), when a trace reader knows. */
  fieldType?: FieldType;
  /** For an element of a JSON array read as a command's argv: the string elements before it. */
  argv?: readonly string[];
}

export interface Candidate {
  detector: string;
  start: number;
  end: number;
}

export interface Detector extends DetectorInfo {
  /**
   * A regex source (compiled case-insensitively by the raw-line prefilter) that every RAW JSON line
   * holding a finding of this detector matches, escapes included. Conservative: may over-match.
   */
  rawHint: string;
  /**
   * Faster forms of the same promise, used by the prefilter instead of `rawHint` when present:
   * literals one of which every such raw line contains (checked with indexOf), or a check of its own
   * (detectors sharing a check pass the same function, so it runs once).
   */
  rawLiterals?: readonly string[];
  rawCheck?: (raw: string) => boolean;
  /**
   * A part of the promise checked at each `:` of the raw line (`p` is its index), in the prefilter's
   * one pass over `:` that the key-driven rules make anyway; with `rawCheck`, the whole promise.
   * Not called at a `:` of JSON's own structure, which fill a line: an unescaped `"` before it and a
   * string, object, array or digit right after, or after one blank (`"id":"…"`, `"n": 1`).
   */
  rawColon?: (raw: string, p: number) => boolean;
  /**
   * What `rawColon` answers right after a key of JSON inside a JSON string (`\"KEY\":`, KEY without
   * a backslash), from KEY alone: false promises that rawColon answers false at every `:` right after
   * `\"KEY\"`, whatever follows. The prefilter asks it once per KEY and spares those calls.
   */
  rawColonKey?: (key: string) => boolean;
  /** The shortest text that can hold a finding; the engine skips the detector on shorter strings. */
  minLength: number;
  /** Pushes every candidate span in `text`. Must be linear in `text.length` and allocate little. */
  find(text: string, ctx: DetectContext, out: Candidate[]): void;
  /** For detectors with settings of their own: the detector as the options configure it. */
  configure?(options: EngineOptions): Detector;
}
