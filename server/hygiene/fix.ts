// Carries out a fix that is not a text edit (`Fix.command`, see shared/types.ts). Used by the CLI's
// `--fix` and by the language server's quick fixes (through `workspace/executeCommand`).
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import type { FixCommand } from '../../shared/types';

/** The LSP command (`workspace/executeCommand`) a quick fix with a `Fix.command` runs; its argument is the FixCommand. */
export const APPLY_FIX_COMMAND = 'tracelint.server.applyFix';

/**
 * Whether a value that came back from the client is a FixCommand this server would have made: an
 * absolute path, a permission mode, a .gitignore and a one-line pattern. Anything else is refused.
 */
export function isFixCommand(x: unknown): x is FixCommand {
  if (!x || typeof x !== 'object') return false;
  const c = x as Record<string, unknown>;
  if (c.kind === 'chmod') {
    return typeof c.path === 'string' && isAbsolute(c.path) && typeof c.mode === 'number' && Number.isInteger(c.mode) && c.mode >= 0 && c.mode <= 0o777;
  }
  if (c.kind === 'gitignore-add') {
    return (
      typeof c.gitignore === 'string' && isAbsolute(c.gitignore) && basename(c.gitignore) === '.gitignore' &&
      typeof c.pattern === 'string' && c.pattern.length > 0 && !/[\r\n]/.test(c.pattern)
    );
  }
  return false;
}

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

/**
 * Applies each command once (several findings can share one fix). A command that fails (a file
 * owned by someone else, a read-only .gitignore) is reported in the returned lines; the rest go on.
 */
export function applyFixCommands(cmds: FixCommand[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of cmds) {
    const key = JSON.stringify(c);
    if (seen.has(key)) continue;
    seen.add(key);
    try {
      out.push(applyFixCommand(c));
    } catch (e) {
      const target = c.kind === 'chmod' ? c.path : c.gitignore;
      out.push(`could not fix ${target}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    }
  }
  return out;
}
