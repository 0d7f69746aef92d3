// The hygiene checks as a scan runs them: on the trace files the scan read (by the configuration
// in force for each), with the configured rule levels and modes, and with `--fix` applied when
// asked. The CLI's scan and the language server's workspace scan both call `hygieneForFiles`.
import type { ResolvedConfig } from '../../shared/config/types';
import type { Finding, FixCommand } from '../../shared/types';
import { applyFixCommands } from './fix';
import { checkTraceHygiene } from './index';
import { traceFilePermissions, traceFileTracked } from './rules';

export interface HygieneRun {
  /** Findings left (after fixing, when asked), with the configured severities. */
  findings: Finding[];
  /** Checks skipped and why, each said once. */
  notes: string[];
  /** What `fix` changed, one line each. */
  fixed: string[];
}

/** The fix commands of `findings`, in order. */
export function fixCommandsOf(findings: Finding[]): FixCommand[] {
  return findings.flatMap((f) => (f.fix?.command ? [f.fix.command] : []));
}

async function check(files: string[], config: ResolvedConfig, roots: string[], displayBase: string, git: boolean, eachFile: boolean): Promise<{ findings: Finding[]; notes: string[] }> {
  const level = (id: string) => config.rules[id];
  const permissions = level(traceFilePermissions.id) !== 'off';
  const tracked = git && level(traceFileTracked.id) !== 'off';
  if (!permissions && !tracked) return { findings: [], notes: [] };
  const r = await checkTraceHygiene(files, { permissions, tracked, roots, eachFile, ...config.hygiene }, displayBase);
  for (const f of r.findings) {
    const l = level(f.ruleId);
    if (l !== undefined && l !== 'off') f.severity = l;
  }
  return r;
}

/**
 * Runs the hygiene rules over trace files. `roots` are folders that are never trace folders
 * themselves (the working folder, workspace folders); `fix` applies every command fix, then checks again.
 * `git: false` skips trace-file-tracked: running git in an untrusted workspace runs what its
 * .git/config says (core.fsmonitor), so the editor asks git only in trusted workspaces. A folder's
 * finding sits on the first of its trace files (the CLI's report), or with `eachFile` on each one.
 */
export async function hygieneForFiles(
  traceFiles: { path: string; config: ResolvedConfig }[],
  options: { roots: string[]; displayBase: string; fix?: boolean; git?: boolean; eachFile?: boolean },
): Promise<HygieneRun> {
  const byConfig = new Map<ResolvedConfig, string[]>();
  for (const { path, config } of traceFiles) byConfig.set(config, [...(byConfig.get(config) ?? []), path]);
  const run = async () => {
    const findings: Finding[] = [];
    const notes = new Set<string>();
    for (const [config, files] of byConfig) {
      const r = await check(files, config, options.roots, options.displayBase, options.git !== false, options.eachFile === true);
      findings.push(...r.findings);
      r.notes.forEach((n) => notes.add(n));
    }
    return { findings, notes: [...notes] };
  };
  let r = await run();
  const fixed: string[] = [];
  if (options.fix) {
    const cmds = fixCommandsOf(r.findings);
    if (cmds.length > 0) {
      fixed.push(...applyFixCommands(cmds));
      r = await run();
    }
  }
  return { findings: r.findings, notes: r.notes, fixed };
}
