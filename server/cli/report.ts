// The result of a scan as the output formats see it, and the one step that makes findings
// printable: every occurrence of a finding's secret in any text is replaced by `maskSecret`.
import { scrub } from '../../shared/mask';
import type { Finding, InputProblem, Severity } from '../../shared/types';

export interface FileResult {
  /** Absolute path. */
  path: string;
  /** As printed: relative to the working folder when inside it, POSIX separators. */
  display: string;
  findings: Finding[];
  problems: InputProblem[];
}

/** Help for one rule or detector, for SARIF's `tool.driver.rules` and for `--format json`. */
export interface RuleHelp {
  id: string;
  description: string;
  defaultSeverity: Severity;
  /** `detector` (trace content), `rule` (source and config), `custom` (from tracelint.json). */
  kind: 'detector' | 'rule' | 'custom';
}

export interface ScanReport {
  version: string;
  cwd: string;
  results: FileResult[];
  filesScanned: number;
  /** Findings dropped because their fingerprint is in the baseline. */
  suppressed: number;
  rules: RuleHelp[];
}

export interface Counts {
  findings: number;
  errors: number;
  warnings: number;
  infos: number;
  problems: number;
  filesWithFindings: number;
}

export function countReport(report: ScanReport): Counts {
  const c: Counts = { findings: 0, errors: 0, warnings: 0, infos: 0, problems: 0, filesWithFindings: 0 };
  for (const r of report.results) {
    c.findings += r.findings.length;
    c.problems += r.problems.length;
    if (r.findings.length > 0) c.filesWithFindings++;
    for (const f of r.findings) {
      if (f.severity === 'error') c.errors++;
      else if (f.severity === 'warning') c.warnings++;
      else c.infos++;
    }
  }
  return c;
}

export function printableMessage(f: Finding): string {
  return scrub(f.message, f.secret);
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
