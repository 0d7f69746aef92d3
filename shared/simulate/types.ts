// What a redaction simulator reports: for each finding tracelint made in a trace, whether the
// workspace's own redaction configuration, applied with the SDK's semantics, would have kept it
// out of the stored trace, and if not, why.
import type { Finding } from '../types';

/** Which configuration is put to the test. */
export type SimulatorId = 'tracecraft' | 'agentdbg' | 'tracelint' | 'otlp';

/**
 * `redacted`: no character of the secret is left; `partial`: some are (TraceCraft masks only a
 * private key's header line, a phone rule eats the middle of a card number); `survives`: all are.
 */
export type Outcome = 'redacted' | 'partial' | 'survives';

export interface Verdict {
  outcome: Outcome;
  /** The SDK rule that redacted (part of) it: `email`, `redact_keys: token`, `max_field_bytes`. */
  redactedBy?: string;
  /** Why it is (partly) stored: one sentence for the user. */
  reason?: string;
  /** What the SDK writes in its place when it is redacted (`[REDACTED]`, `__REDACTED__`, `[HASH:...]`). */
  marker?: string;
}

export interface FindingVerdict extends Verdict {
  finding: Finding;
}

/** A simulator: the configuration of one SDK, applied to one value of a trace. */
export interface RedactionSimulator {
  id: SimulatorId;
  /** `TraceCraft`, `AgentDbg`, `tracelint`. */
  label: string;
  /** Where the configuration was read from, for the summary. */
  describe: string;
  /** Things the user should know about the configuration (never-applied settings, disabled redaction). */
  notes: string[];
  /**
   * The fate of the secret at decoded [start, end) of the string at `segments` in `doc` (one JSONL
   * line or one JSON document, parsed), and the value as the SDK would store it.
   */
  /** Problems met while judging (a guarded pattern switched off by its time limit). */
  problems?(): string[];
  judge(doc: unknown, segments: ReadonlyArray<string | number>, value: string, start: number, end: number): Verdict & { stored?: string };
}

export interface SimulationReport {
  simulator: SimulatorId;
  label: string;
  describe: string;
  notes: string[];
  verdicts: FindingVerdict[];
  /** Findings that survive (wholly or partly), by tracelint rule id (detector or custom rule). */
  survivors: Record<string, number>;
  /** Findings the configuration redacts, by the SDK rule that did it. */
  redactedBy: Record<string, number>;
  /** "3 emails and 1 AWS access key in this trace survive your TraceCraft configuration." */
  summary: string;
}
