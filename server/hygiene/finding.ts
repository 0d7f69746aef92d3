// Builds the Finding of a hygiene rule. These findings concern a whole file, so they sit at the
// start of it (an empty span at offset 0): the editor underlines nothing but lists them on the file,
// and the CLI prints `file:1:1`. The fingerprint hashes the path (relative to the repository or
// scan root), so a baseline keeps accepting the file wherever findings move.
import { createHash } from 'node:crypto';
import type { Finding, Fix } from '../../shared/types';
import type { RuleMeta } from '../rules/types';

export function fileFinding(rule: RuleMeta, file: string, relPath: string, message: string, fix?: Fix): Finding {
  const f: Finding = {
    ruleId: rule.id,
    severity: rule.defaultSeverity,
    message,
    file,
    span: { start: 0, end: 0 },
    range: { line: 0, column: 0, endLine: 0, endColumn: 0 },
    fingerprint: `${rule.id}:${createHash('sha256').update(relPath).digest('hex')}`,
  };
  if (fix) f.fix = fix;
  return f;
}
