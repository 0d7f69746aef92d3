// For scripts/action-scan.sh: prints a SARIF report's results to stderr, one line each (file:line:col
// level rule message, as masked as the report is), and on stdout how many are at or above the level
// given (error > warning > note; none counts none).
// Usage: node action-summary.mjs REPORT.sarif error|warning|note|none
import { readFileSync } from 'node:fs';

const [file, failOn] = process.argv.slice(2);
const RANK = { none: 0, note: 1, warning: 2, error: 3 };
const sarif = JSON.parse(readFileSync(file, 'utf8'));
let count = 0;
const byLevel = { error: 0, warning: 0, note: 0 };
for (const run of sarif.runs ?? []) {
  for (const r of run.results ?? []) {
    const level = r.level ?? 'warning';
    byLevel[level] = (byLevel[level] ?? 0) + 1;
    const loc = r.locations?.[0]?.physicalLocation;
    const where = loc ? `${decodeURIComponent(loc.artifactLocation?.uri ?? '')}:${loc.region?.startLine ?? 1}:${loc.region?.startColumn ?? 1}` : '';
    process.stderr.write(`${where}  ${level}  ${r.ruleId}  ${r.message?.text ?? ''}\n`);
    if (failOn !== 'none' && RANK[level] >= RANK[failOn]) count++;
  }
}
process.stderr.write(`tracelint: ${byLevel.error} errors, ${byLevel.warning} warnings, ${byLevel.note} notes; ${count} at or above ${failOn}\n`);
process.stdout.write(`${count}\n`);
