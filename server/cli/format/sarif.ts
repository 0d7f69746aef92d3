// `--format sarif`: SARIF 2.1.0 for code-scanning uploads. Regions are 1-based with an exclusive
// end column, in UTF-16 code units (SARIF's default column kind, and how findings count).
// Rules carry help text from the detector and rule registries; results carry the content
// fingerprint as a partial fingerprint, so code scanning tracks a leak across line moves.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Range, Severity } from '../../../shared/types';
import { printableMessage, type ScanReport } from '../report';
import { scrub } from '../../../shared/mask';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

function region(r: Range) {
  return { startLine: r.line + 1, startColumn: r.column + 1, endLine: r.endLine + 1, endColumn: r.endColumn + 1 };
}

function uri(display: string): string {
  // Relative paths stay relative to %SRCROOT% (the working folder); absolute ones become file URIs.
  return display.startsWith('/') ? pathToFileURL(display).href : display.split('/').map(encodeURIComponent).join('/');
}

/** A relative path is resolved against %SRCROOT%; an absolute one (outside the working folder) stands alone. */
function artifact(display: string) {
  return display.startsWith('/') ? { uri: uri(display) } : { uri: uri(display), uriBaseId: '%SRCROOT%' };
}

function location(display: string, range: Range) {
  return { physicalLocation: { artifactLocation: artifact(display), region: region(range) } };
}

/** The README section on the CLI, SARIF included. */
export const README_SECTION = 'using-the-cli';

/**
 * tracelint has no web site: its documentation is the README shipped with it (the npm package, the
 * .vsix, a checkout), so the tool's `informationUri` is that file, at the CLI's section, found from
 * the running code upwards (dist/cli.js in a package or checkout; the sources under tsx).
 * Undefined when it is not there (a bundle copied away alone): SARIF makes the field optional.
 */
export function readmeUri(from = __dirname): string | undefined {
  for (let dir = from, i = 0; i < 5; i++, dir = dirname(dir)) {
    const readme = join(dir, 'README.md');
    try {
      if (existsSync(readme) && JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).name === 'tracelint') {
        return `${pathToFileURL(readme).href}#${README_SECTION}`;
      }
    } catch {
      // No package.json beside it: keep walking up.
    }
  }
  return undefined;
}

export function formatSarif(report: ScanReport): string {
  const ruleIds = [...report.rules.map((r) => r.id)];
  const rules = report.rules.map((r) => ({
    id: r.id,
    shortDescription: { text: r.description },
    fullDescription: { text: r.description },
    help: { text: r.description },
    defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
    properties: { kind: r.kind },
  }));
  const index = new Map(ruleIds.map((id, i) => [id, i]));
  const results = [];
  const notifications = [];
  for (const r of report.results) {
    for (const f of r.findings) results.push(result(f, r.display, index));
    for (const p of r.problems) {
      const col = (p as { column?: number }).column ?? 0;
      notifications.push({
        level: 'warning',
        message: { text: p.message },
        locations: [{ physicalLocation: { artifactLocation: artifact(r.display), region: { startLine: p.line + 1, startColumn: col + 1 } } }],
      });
    }
  }
  const informationUri = readmeUri();
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'tracelint', version: report.version, ...(informationUri ? { informationUri } : {}), rules } },
        originalUriBaseIds: { '%SRCROOT%': { uri: pathToFileURL(report.cwd.endsWith('/') ? report.cwd : `${report.cwd}/`).href } },
        columnKind: 'utf16CodeUnits',
        results,
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function result(f: Finding, display: string, index: Map<string, number>) {
  const ruleIndex = index.get(f.ruleId);
  return {
    ruleId: f.ruleId,
    ...(ruleIndex !== undefined ? { ruleIndex } : {}),
    level: LEVEL[f.severity],
    message: { text: printableMessage(f) },
    locations: [location(display, f.range)],
    ...(f.fingerprint ? { partialFingerprints: { 'tracelintContent/v1': f.fingerprint } } : {}),
    ...(f.related && f.related.length > 0
      ? {
          relatedLocations: f.related.map((rel, i) => ({
            id: i + 1,
            ...location(rel.file, rel.range),
            message: { text: scrub(rel.message, f.secret) },
          })),
        }
      : {}),
  };
}
