// `--format json`: every finding with 1-based positions (end column exclusive), its masked
// secret and fingerprint; input problems; a summary. Never the secret itself.
import type { Finding } from '../../../shared/types';
import { countReport, printableMessage, type ScanReport } from '../report';
import { maskSecret, scrub } from '../../../shared/mask';

function jsonFinding(f: Finding) {
  return {
    ruleId: f.ruleId,
    severity: f.severity,
    message: printableMessage(f),
    line: f.range.line + 1,
    column: f.range.column + 1,
    endLine: f.range.endLine + 1,
    endColumn: f.range.endColumn + 1,
    ...(f.jsonPath !== undefined ? { jsonPath: scrub(f.jsonPath, f.secret) } : {}),
    ...(f.secret !== undefined ? { secret: maskSecret(f.secret) } : {}),
    ...(f.fingerprint !== undefined ? { fingerprint: f.fingerprint } : {}),
    ...(f.store !== undefined ? { store: f.store } : {}),
    ...(f.fix ? { fix: f.fix.title } : {}),
    ...(f.suggest && f.suggest.length > 0 ? { suggestions: f.suggest.map((s) => s.title) } : {}),
    ...(f.related && f.related.length > 0
      ? {
          related: f.related.map((r) => ({
            file: r.file,
            line: r.range.line + 1,
            column: r.range.column + 1,
            endLine: r.range.endLine + 1,
            endColumn: r.range.endColumn + 1,
            message: scrub(r.message, f.secret),
          })),
        }
      : {}),
  };
}

export function formatJson(report: ScanReport): string {
  const n = countReport(report);
  const body = {
    tool: 'tracelint',
    version: report.version,
    files: report.results
      .filter((r) => r.findings.length > 0 || r.problems.length > 0)
      .map((r) => ({
        file: r.display,
        findings: r.findings.map(jsonFinding),
        problems: r.problems.map((p) => ({ line: p.line + 1, column: ((p as { column?: number }).column ?? 0) + 1, message: p.message })),
      })),
    summary: {
      filesScanned: report.filesScanned,
      findings: n.findings,
      errors: n.errors,
      warnings: n.warnings,
      infos: n.infos,
      problems: n.problems,
      suppressedByBaseline: report.suppressed,
    },
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}
