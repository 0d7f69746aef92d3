// Carries out a fix that is not a text edit (`Fix.command`, see shared/types.ts). Used by the CLI's
// `--fix` and by the language server's quick fixes (through `workspace/executeCommand`).
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { FixCommand } from '../../shared/types';

/** Applies `cmd`; returns a one-line description of what changed (or why nothing did). */
export function applyFixCommand(cmd: FixCommand): string {
  switch (cmd.kind) {
    case 'chmod':
      chmodSync(cmd.path, cmd.mode);
      return `mode of ${cmd.path} set to ${cmd.mode.toString(8).padStart(3, '0')}`;
    case 'gitignore-add': {
      const old = existsSync(cmd.gitignore) ? readFileSync(cmd.gitignore, 'utf8') : '';
      const lines = old.split(/\r?\n/).map((l) => l.trim());
      if (lines.includes(cmd.pattern)) return `${cmd.gitignore} already lists ${cmd.pattern}`;
      const eol = old.includes('\r\n') ? '\r\n' : '\n';
      const sep = old === '' || old.endsWith('\n') ? '' : eol;
      writeFileSync(cmd.gitignore, `${old}${sep}${cmd.pattern}${eol}`);
      return `${cmd.pattern} added to ${cmd.gitignore}`;
    }
  }
}

/** Applies the command fixes of `fixes` once each (several findings can share one fix). */
export function applyFixCommands(cmds: FixCommand[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of cmds) {
    const key = JSON.stringify(c);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(applyFixCommand(c));
  }
  return out;
}
