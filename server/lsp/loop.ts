// Closing the loop in the language server (issue 7), kept in one file so the server needs only a
// few lines: trace diagnostics gain a related location (the traced function's parameter that
// recorded the value, or every candidate when the trace cannot tell them apart) and, through the
// finding's `suggest`, that parameter's fix; a "Go to" quick fix opens the parameter; the source
// side is re-read when a source file or a redaction setting changes.
import { type CodeAction, CodeActionKind, type Diagnostic } from 'vscode-languageserver/node';
import type { CheckAgainstConfig, ConfiguredRedaction } from '../../shared/protocol';
import type { Finding } from '../../shared/types';
import { LoopService } from '../loop/service';
import type { LintBackend, LintOutcome } from './backend';
import type { ConfiguredSegment } from './preview';
import type { TracelintSettings } from './settings';
import { URI } from './uri';

/** Client-side command that opens a file at a range: arguments `(uri, line, column, endLine, endColumn)`. */
export const OPEN_LOCATION_COMMAND = 'tracelint.openLocation';

/** The backend, with trace findings linked to the code that recorded them. */
export function withLoop(backend: LintBackend, loops: LoopService): LintBackend {
  const linked = async (path: string, text: string | undefined, settings: TracelintSettings, outcome: LintOutcome): Promise<LintOutcome> => {
    if (!backend.isTrace(path) || outcome.findings.length === 0) return outcome;
    const findings = await loops.link(path, text, outcome.findings, backend.configFileFor(path, settings));
    return { ...outcome, findings };
  };
  return {
    ...backend,
    handles: (p) => backend.handles(p),
    isTrace: (p) => backend.isTrace(p),
    lineComment: (p) => backend.lineComment(p),
    placeholder: (p, s) => backend.placeholder(p, s),
    configFileFor: (p, s) => backend.configFileFor(p, s),
    writeRedacted: (...a) => backend.writeRedacted(...a),
    invalidateConfig: () => backend.invalidateConfig(),
    closed: (p) => backend.closed?.(p),
    lintText: async (path, text, settings, signal) => linked(path, text, settings, await backend.lintText(path, text, settings, signal)),
    lintFile: async (path, settings, signal) => linked(path, undefined, settings, await backend.lintFile(path, settings, signal)),
    prepare: (paths, settings) => backend.prepare?.(paths, settings) ?? { end: () => undefined },
  };
}

/** "Go to ..." quick fixes for a trace finding's related locations (the recording parameter). */
export function goToActions(f: Finding, d: Diagnostic): CodeAction[] {
  return (f.related ?? []).map((r) => {
    const where = `${r.file.slice(r.file.lastIndexOf('/') + 1)}:${r.range.line + 1}`;
    const what = r.message.replace(/^recorded by /, '').replace(/^ambiguous \((\d+) of (\d+) candidates\): could have been recorded by /, 'candidate $1 of $2: ');
    const title = `Go to ${what} (${where})`;
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      command: { title, command: OPEN_LOCATION_COMMAND, arguments: [URI.fromPath(r.file), r.range.line, r.range.column, r.range.endLine, r.range.endColumn] },
    };
  });
}

/** The `configured` preview view of a trace: each finding's fate under the project's configuration. */
export async function configuredView(loops: LoopService, path: string, text: string | undefined, findings: Finding[], configFile: string | undefined): Promise<{ overlay: Map<Finding, ConfiguredSegment>; configured: ConfiguredRedaction | string }> {
  const overlay = new Map<Finding, ConfiguredSegment>();
  const report = await loops.check(path, text, findings, configFile);
  if (!report) {
    for (const f of findings) overlay.set(f, { text: '', survives: true, reason: 'no TraceCraft or AgentDbg redaction configuration applies to this trace' });
    return { overlay, configured: 'No TraceCraft or AgentDbg redaction configuration of this project applies to this trace: everything tracelint found would be stored.' };
  }
  for (const f of findings) overlay.set(f, { text: '', survives: true, reason: `not a value ${report.label} redacts` });
  for (const v of report.verdicts) {
    overlay.set(v.finding, v.outcome === 'redacted'
      ? { text: v.marker ?? '', survives: false, reason: v.redactedBy ? `redacted by ${report.label} ${v.redactedBy}` : undefined }
      : { text: '', survives: true, reason: v.reason });
  }
  const survivors = report.verdicts.filter((v) => v.outcome !== 'redacted').length;
  return { overlay, configured: { label: report.label, summary: report.summary, describe: report.describe, notes: report.notes, survivors } };
}

/** Answers CheckAgainstConfig for the traces given as (path, uri, text when open, findings). */
export async function checkTraces(loops: LoopService, traces: Array<{ uri: string; path: string; text?: string; findings: Finding[]; configFile?: string }>): Promise<CheckAgainstConfig.Result> {
  const out: CheckAgainstConfig.Result = { traces: [], survivors: 0 };
  for (const t of traces) {
    if (t.findings.length === 0) continue;
    const report = await loops.check(t.path, t.text, t.findings, t.configFile);
    const survivors: CheckAgainstConfig.Survivor[] = [];
    if (!report) {
      for (const f of t.findings) survivors.push({ ruleId: f.ruleId, message: f.message, line: f.range.line, column: f.range.column, outcome: 'survives' });
      out.traces.push({ uri: t.uri, configured: 'no TraceCraft or AgentDbg redaction configuration applies to this trace', survivors });
    } else {
      for (const v of report.verdicts) {
        if (v.outcome === 'redacted') continue;
        const f = v.finding;
        survivors.push({ ruleId: f.ruleId, message: f.message, line: f.range.line, column: f.range.column, outcome: v.outcome, ...(v.reason ? { reason: v.reason } : {}) });
      }
      out.traces.push({ uri: t.uri, configured: { label: report.label, summary: report.summary, describe: report.describe, notes: report.notes, survivors: survivors.length }, survivors });
    }
    out.survivors += survivors.length;
  }
  return out;
}
