// Metadata of the two storage-hygiene rules. They judge where a trace file lives, not what it holds:
// its POSIX mode and whether git tracks or ignores it (TraceCraft "Storage Backend Security" and
// "Security Checklist for Production"; AgentDbg "Need-to-Know Access").
import type { RuleMeta } from '../rules/types';

export const traceFilePermissions: RuleMeta = {
  id: 'trace-file-permissions',
  docs:
    'A trace file readable or writable by group or others (expected 600), or a trace folder wider than 700: ' +
    'anyone with an account on the machine can read the prompts, tool inputs and credentials it holds.',
  defaultSeverity: 'warning',
  fixable: true,
};

export const traceFileTracked: RuleMeta = {
  id: 'trace-file-tracked',
  docs:
    'A trace file tracked by git, or a trace folder that .gitignore does not cover: every clone and push ' +
    'carries what the traces hold. Ignore the folder (and `git rm --cached` files already committed).',
  defaultSeverity: 'error',
  fixable: true,
};

/** The hygiene rules, for the rule registry, SARIF `rules` and the README's rule table. */
export const HYGIENE_RULES: readonly RuleMeta[] = [traceFilePermissions, traceFileTracked];
