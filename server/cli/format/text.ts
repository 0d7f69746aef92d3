// Text output in the manner of eslint's "stylish": a header per file, one aligned row per
// finding (`line:col  severity  message  ruleId`, 1-based), and a summary line.
import { countReport, plural, printableMessage, type ScanReport } from '../report';
import { scrub } from '../../../shared/mask';

export interface TextStyle {
  color: boolean;
}

const paint = (on: boolean, code: string, s: string) => (on ? `\u001b[${code}m${s}\u001b[0m` : s);

function table(rows: string[][]): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  return rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
}

export function formatText(report: ScanReport, style: TextStyle = { color: false }): string {
  const c = style.color;
  const out: string[] = [];
  for (const r of report.results) {
    if (r.findings.length === 0 && r.problems.length === 0) continue;
    const rows: Array<{ line: number; col: number; cells: string[]; related?: string[] }> = [];
    for (const f of r.findings) {
      // A trace finding's link to the code that recorded it (server/loop), one line each under the row.
      const related = f.related?.map((rel) => `↳ ${rel.file}:${rel.range.line + 1}:${rel.range.column + 1} ${scrub(rel.message, f.secret)}`);
      rows.push({ line: f.range.line, col: f.range.column, cells: [`${f.range.line + 1}:${f.range.column + 1}`, f.severity, printableMessage(f), f.ruleId], related });
    }
    for (const p of r.problems) {
      const col = (p as { column?: number }).column ?? 0;
      rows.push({ line: p.line, col, cells: [`${p.line + 1}:${col + 1}`, 'warning', p.message, 'input-problem'] });
    }
    rows.sort((a, b) => a.line - b.line || a.col - b.col);
    out.push(paint(c, '4', r.display));
    const lines = table(rows.map((row) => ['', ...row.cells]));
    lines.forEach((l, i) => {
      const sev = rows[i].cells[1];
      out.push(c ? l.replace(sev, paint(c, sev === 'error' ? '31' : sev === 'warning' ? '33' : '36', sev)) : l);
      for (const rel of rows[i].related ?? []) out.push(`    ${paint(c, '2', rel)}`);
    });
    out.push('');
  }
  const n = countReport(report);
  const parts = [plural(n.errors, 'error'), plural(n.warnings, 'warning')];
  if (n.infos > 0) parts.push(`${n.infos} info`);
  const suppressed = report.suppressed > 0 ? `, ${report.suppressed} suppressed by the baseline` : '';
  if (n.findings > 0) {
    out.push(paint(c, '31;1', `✖ ${plural(n.findings, 'finding')} (${parts.join(', ')}) in ${plural(n.filesWithFindings, 'file')}; ${plural(report.filesScanned, 'file')} scanned${suppressed}`));
  } else {
    out.push(paint(c, '32;1', `✔ no findings; ${plural(report.filesScanned, 'file')} scanned${suppressed}`));
  }
  if (n.problems > 0) out.push(paint(c, '33', `⚠ ${plural(n.problems, 'input problem')} (unreadable or malformed input, skipped)`));
  return `${out.join('\n')}\n`;
}
