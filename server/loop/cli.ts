// The CLI's side of closing the loop, called by `tracelint scan` once every file is linted:
// every trace finding gets its link to the code that recorded it (related locations, shown in
// text, json and SARIF), and with `--against-config` the report keeps only the trace findings the
// project's own redaction configuration would let through, each saying why, with a summary per
// trace ("3 emails and 1 AWS access key in this trace survive your TraceCraft configuration").
// The scan then fails (exit 1) exactly when something survives.
import type { ResolvedConfig } from '../../shared/config/index';
import type { Finding } from '../../shared/types';
import type { FileResult } from '../cli/report';
import { LoopService, readTraceText, rereadable } from './service';

export interface LoopCliResult {
  /** One line per trace checked against the configuration, and what the user should know. */
  notes: string[];
}

/**
 * Links the trace findings of `results` (in place) and, with `againstConfig`, keeps only what
 * survives the configured redaction. `traceFiles` are the traces of the scan with the
 * configuration in force for each; display paths in notes come from `results`.
 */
export async function closeTheLoop(results: FileResult[], traceFiles: Array<{ path: string; config: ResolvedConfig }>, options: { againstConfig: boolean }): Promise<LoopCliResult> {
  const notes: string[] = [];
  const loops = new LoopService();
  const byPath = new Map(results.map((r) => [r.path, r]));
  const traces = new Set<FileResult>();
  const seenNotes = new Set<string>();
  for (const { path, config } of traceFiles) {
    const r = byPath.get(path);
    if (!r) continue;
    traces.add(r);
    if (r.findings.length === 0) continue;
    const inTrace = r.findings.some((f) => f.jsonPath !== undefined && f.store === undefined);
    // The trace is read again only for what needs its text: links to code, the configuration check.
    // A trace of a format that cannot link (plain JSONL) does not make the project's source be read.
    const needsText = inTrace && rereadable(path) && (options.againstConfig || ((await loops.mayLink(path)) && (await loops.hasLinkTargets(path, config.configFile))));
    const text = needsText ? readTraceText(path) : undefined;
    if (text !== undefined) r.findings = await loops.link(path, text, r.findings, config.configFile);
    if (!options.againstConfig) continue;
    // Findings about the file rather than its content (permissions, git) are not part of the question.
    r.findings = r.findings.filter((f) => f.secret !== undefined);
    if (r.findings.length === 0) continue;
    const report = text !== undefined ? await loops.check(path, text, r.findings, config.configFile) : undefined;
    if (!report) {
      // No SDK configuration applies (OTLP, generic JSON, a store, a file too big to re-read): all stays.
      r.findings = r.findings.map((f) => ({ ...f, message: `${f.message} (survives: no redaction configuration of this project applies to this trace)` }));
      notes.push(`${r.display}: no TraceCraft or AgentDbg redaction configuration applies to this trace; its ${r.findings.length} finding(s) count as stored`);
      continue;
    }
    const verdictOf = new Map(report.verdicts.map((v) => [v.finding, v]));
    r.findings = r.findings.flatMap((f): Finding[] => {
      const v = verdictOf.get(f);
      if (!v) return [{ ...f, message: `${f.message} (survives: not a value ${report.label} redacts)` }];
      if (v.outcome === 'redacted') return [];
      const how = v.outcome === 'partial' ? 'partly survives' : 'survives';
      return [{ ...f, message: `${f.message} (${how} your ${report.label} configuration: ${v.reason})` }];
    });
    notes.push(`${r.display}: ${report.summary.replace(/\.$/, '')} (${report.describe})`);
    for (const n of report.notes) {
      const line = `${report.label}: ${n}`;
      if (!seenNotes.has(line)) notes.push(line);
      seenNotes.add(line);
    }
  }
  if (options.againstConfig) {
    // The question is what the configuration lets into traces: source and config findings are not part of it.
    for (const r of results) if (!traces.has(r)) r.findings = [];
  }
  return { notes };
}
