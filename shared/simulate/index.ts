// Putting the workspace's own redaction configuration to the test: for each finding tracelint made
// in a trace, would the configured SDK redaction (applied with the SDK's semantics by a simulator)
// have kept it out of the stored trace? The answer per finding, counted per tracelint rule
// (what survives) and per SDK rule (what redacted it), with a one-line summary.
//
// API
//   simulateTrace(text, findings, simulator, layout) -> SimulationReport
//       `findings` are the trace readers' findings on `text` (jsonPath + decoded secret); the
//       document (one JSONL line, or the whole JSON) is parsed to find the value each one sits in.
//   storedValue(...)  the value as the configuration would store it (the preview's second mode).
// Simulators: TraceCraftSimulator (tracecraft.ts), AgentDbgSimulator (agentdbg.ts),
// TracelintSimulator (tracelint.ts).
import type { Finding } from '../types';
import { countNoun, joinAnd } from './nouns';
import { formatJsonPath, parseJsonPath, valueAt, type PathSegment } from './path';
import type { FindingVerdict, RedactionSimulator, SimulationReport, Verdict } from './types';

export * from './types';
export { TraceCraftSimulator, TRACECRAFT_DEFAULT_RULES, runtimeProcessor, traceCraftPlace, type TraceCraftSettings, type TraceCraftProcessor, type TraceCraftRule } from './tracecraft';
export { AgentDbgSimulator, AGENTDBG_REDACTED, AGENTDBG_TRUNCATED, type AgentDbgSettings } from './agentdbg';
export { TracelintSimulator } from './tracelint';
export { OtlpSdkSimulator, type OtlpSdkSettings } from './otlp';
export { parseJsonPath, formatJsonPath, valueAt, type PathSegment } from './path';
export { countNoun, joinAnd } from './nouns';

export type Layout = 'jsonl' | 'document';

/** JSONL by name (`.jsonl`, `.ndjson`, also gzipped); anything else is one JSON document. */
export function layoutOf(fileName: string): Layout {
  return /\.(jsonl|ndjson)(\.gz)?$/i.test(fileName) ? 'jsonl' : 'document';
}

/** Parsed documents of a trace text, parsed lazily and once (V8's JSON.parse is not recursive). */
export class TraceDocuments {
  private readonly lineStarts: number[] = [0];
  private readonly cache = new Map<number, unknown>();
  constructor(private readonly text: string, readonly layout: Layout) {
    if (layout === 'jsonl') {
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
    }
  }

  /** The parsed document holding line `line` (JSONL: that line); undefined when it is not JSON. */
  documentAt(line: number): unknown {
    const key = this.layout === 'jsonl' ? line : -1;
    if (this.cache.has(key)) return this.cache.get(key);
    let doc: unknown;
    try {
      if (this.layout === 'jsonl') {
        const start = this.lineStarts[line];
        const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
        doc = start === undefined ? undefined : JSON.parse(this.text.slice(start, end));
      } else doc = JSON.parse(this.text);
    } catch {
      doc = undefined;
    }
    // Findings come in line order: a few recent lines are enough, and a 64 MB trace never sits parsed in memory.
    if (this.cache.size >= 16) this.cache.delete(this.cache.keys().next().value as number);
    this.cache.set(key, doc);
    return doc;
  }
}

/** Where a finding's secret sits: the document, the string value, and [start, end) in it. */
export interface Located {
  doc: unknown;
  segments: PathSegment[];
  value: string;
  start: number;
  end: number;
}

/**
 * Finds the value holding each finding and the secret's place in it. `nth` counts earlier
 * findings with the same secret in the same value, so repeated secrets map to their own occurrence.
 */
export function locateFindings(docs: TraceDocuments, findings: readonly Finding[]): Array<Located | undefined> {
  const seen = new Map<string, number>();
  const order = findings.map((f, i) => i).sort((a, b) => findings[a].span.start - findings[b].span.start);
  const out: Array<Located | undefined> = new Array(findings.length);
  for (const i of order) {
    const f = findings[i];
    if (f.jsonPath === undefined || f.secret === undefined) continue;
    const doc = docs.documentAt(f.range.line);
    if (doc === undefined) continue;
    const { segments } = parseJsonPath(f.jsonPath);
    const value = valueAt(doc, segments);
    if (typeof value !== 'string') continue;
    const key = `${docs.layout === 'jsonl' ? f.range.line : 0}\u0000${formatJsonPath(segments)}\u0000${f.secret}`;
    const nth = seen.get(key) ?? 0;
    seen.set(key, nth + 1);
    // Inside JSON encoded in the string, the secret may stand JSON-escaped.
    for (const form of [f.secret, JSON.stringify(f.secret).slice(1, -1)]) {
      let at = -1;
      for (let k = 0; k <= nth; k++) {
        at = value.indexOf(form, at + 1);
        if (at < 0) break;
      }
      if (at >= 0) {
        out[i] = { doc, segments, value, start: at, end: at + form.length };
        break;
      }
    }
  }
  return out;
}

/** The summary sentence: counts per rule, most frequent first, then by name. */
export function summarize(survivors: Record<string, number>, label: string, where = 'in this trace'): string {
  const entries = Object.entries(survivors).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (entries.length === 0) return `Nothing tracelint found ${where} survives your ${label} configuration.`;
  const total = entries.reduce((s, [, n]) => s + n, 0);
  return `${joinAnd(entries.map(([id, n]) => countNoun(id, n)))} ${where} ${total === 1 ? 'survives' : 'survive'} your ${label} configuration.`;
}

/** Judges every finding of one trace text against a simulator. */
export function simulateTrace(text: string, findings: readonly Finding[], simulator: RedactionSimulator, layout: Layout): SimulationReport {
  const docs = new TraceDocuments(text, layout);
  const located = locateFindings(docs, findings);
  const verdicts: FindingVerdict[] = [];
  const survivors: Record<string, number> = {};
  const redactedBy: Record<string, number> = {};
  findings.forEach((finding, i) => {
    const loc = located[i];
    let v: Verdict;
    if (!loc) {
      v = { outcome: 'survives', reason: 'tracelint cannot tell where the SDK would store it (not a string value of valid JSON), so it counts as stored' };
    } else {
      const { stored: _stored, ...verdict } = simulator.judge(loc.doc, loc.segments, loc.value, loc.start, loc.end);
      v = verdict;
    }
    verdicts.push({ ...v, finding });
    if (v.outcome === 'redacted') {
      const by = v.redactedBy ?? 'redaction';
      redactedBy[by] = (redactedBy[by] ?? 0) + 1;
    } else survivors[finding.ruleId] = (survivors[finding.ruleId] ?? 0) + 1;
  });
  return {
    simulator: simulator.id,
    label: simulator.label,
    describe: simulator.describe,
    notes: [...simulator.notes, ...(simulator.problems?.() ?? []).map((p) => `incomplete simulation: ${p}`)],
    verdicts,
    survivors,
    redactedBy,
    summary: summarize(survivors, simulator.label),
  };
}
