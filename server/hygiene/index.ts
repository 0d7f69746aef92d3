// Storage hygiene of trace files: who may read them (trace-file-permissions) and whether git keeps
// them (trace-file-tracked). Runs on the trace files the scan found by the configured trace globs;
// file-system and git work only, no content. Findings are ordinary Findings with command fixes.
import type { Finding } from '../../shared/types';
import { checkPermissions, type PermissionOptions } from './permissions';
import { checkTracked } from './tracked';

export { HYGIENE_RULES, traceFilePermissions, traceFileTracked } from './rules';
export { applyFixCommand, applyFixCommands } from './fix';

export interface HygieneOptions extends Partial<PermissionOptions> {
  permissions?: boolean;
  tracked?: boolean;
  /** The git executable; default `git` on PATH. */
  git?: string;
}

export interface HygieneResult {
  findings: Finding[];
  /** Checks skipped and why (no POSIX modes, no git): print once, not per file. */
  notes: string[];
}

/** Checks the given trace files (absolute paths). `displayBase` makes message paths relative. */
export async function checkTraceHygiene(files: string[], options: HygieneOptions = {}, displayBase = process.cwd()): Promise<HygieneResult> {
  const findings: Finding[] = [];
  const notes: string[] = [];
  if (options.permissions !== false) {
    const p = checkPermissions(files, options, displayBase);
    findings.push(...p.findings);
    notes.push(...p.notes);
  }
  if (options.tracked !== false) {
    const t = await checkTracked(files, options.git, options.eachFile);
    findings.push(...t.findings);
    notes.push(...t.notes);
  }
  return { findings, notes };
}
