// Turning findings into LSP diagnostics. Ranges are already 0-based line/UTF-16 column (the
// Finding model's convention); the message was masked by whoever built the finding.
import { type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { scrub } from '../../shared/mask';
import { URI } from './uri';
import type { Finding, InputProblem, Severity } from '../../shared/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
};

/** Data carried on each diagnostic so that code actions find their finding again. */
export interface DiagnosticData {
  /** Index of the finding in the cached lint result of the document. */
  index: number;
  /** The version (or generation) of the result that index belongs to. */
  resultId: string;
}

export function toDiagnostic(f: Finding, data: DiagnosticData): Diagnostic {
  const d: Diagnostic = {
    range: {
      start: { line: f.range.line, character: f.range.column },
      end: { line: f.range.endLine, character: f.range.endColumn },
    },
    severity: SEVERITY[f.severity] ?? DiagnosticSeverity.Warning,
    code: f.ruleId,
    source: 'tracelint',
    message: scrub(f.message, f.secret),
    data,
  };
  if (f.related?.length) {
    d.relatedInformation = f.related.map((r) => ({
      location: {
        uri: URI.fromPath(r.file),
        range: { start: { line: r.range.line, character: r.range.column }, end: { line: r.range.endLine, character: r.range.endColumn } },
      },
      message: scrub(r.message, f.secret),
    }));
  }
  return d;
}

/** A malformed line or unreadable file: a warning at its line, so that nothing fails silently. */
export function problemDiagnostic(p: InputProblem): Diagnostic {
  const line = Math.max(0, p.line);
  return {
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    severity: DiagnosticSeverity.Warning,
    code: 'input-problem',
    source: 'tracelint',
    message: p.message,
  };
}

/**
 * Input problems shown per document at most: a file of malformed lines (a log that is not JSONL)
 * would otherwise give one diagnostic per line, 20,000 of them costing the server ~15 MB and the
 * editor's Problems view its use. The rest are counted in one more diagnostic.
 */
export const MAX_PROBLEM_DIAGNOSTICS = 1000;

export function toDiagnostics(findings: Finding[], problems: InputProblem[], resultId: string): Diagnostic[] {
  const shown = problems.length > MAX_PROBLEM_DIAGNOSTICS ? problems.slice(0, MAX_PROBLEM_DIAGNOSTICS) : problems;
  const out = findings.map((f, index) => toDiagnostic(f, { index, resultId })).concat(shown.map(problemDiagnostic));
  if (shown.length < problems.length) {
    const last = shown[shown.length - 1];
    out.push(problemDiagnostic({ line: last.line, message: `${problems.length - shown.length} more input problems in this file after this one (the first ${MAX_PROBLEM_DIAGNOSTICS} are shown)` }));
  }
  return out;
}
