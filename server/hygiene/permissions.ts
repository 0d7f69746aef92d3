// trace-file-permissions: a trace file must be readable and writable by its owner only (600), and
// the folder holding it must be owner-only too (700), as TraceCraft's production checklist asks.
// A mode is "too wide" when it has any permission bit the expected mode lacks, so a stricter mode
// (400, 500) is fine, and the fix only takes the extra bits away (644 -> 600, 444 -> 400). The
// expected modes are options, for teams that follow AgentDbg's 640/750.
import { statSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { Finding } from '../../shared/types';
import { fileFinding } from './finding';
import { traceFilePermissions } from './rules';

export interface PermissionOptions {
  /** Widest mode a trace file may have; default 0o600. */
  fileMode: number;
  /** Widest mode a trace folder may have; default 0o700. */
  dirMode: number;
  /**
   * Folders whose own mode is not judged: workspace or scan roots and everything above them
   * (a repository root holding a trace file is not a "trace folder" to lock down).
   */
  roots: string[];
  /** For tests; defaults to `process.platform`. */
  platform: NodeJS.Platform;
  /** A folder's finding on every trace file in it, as checking each file alone gives (the editor); default once, on the first. */
  eachFile: boolean;
}

export const DEFAULT_FILE_MODE = 0o600;
export const DEFAULT_DIR_MODE = 0o700;

export const NO_POSIX_MODES_NOTE =
  'trace-file-permissions skipped: this file system has no POSIX file modes (Windows); restrict access to trace folders with ACLs instead.';

const octal = (mode: number): string => (mode & 0o777).toString(8).padStart(3, '0');

/** What the mode grants beyond the expected one, per class: "group can read, others can read". */
function describeExtra(extra: number): string {
  const parts: string[] = [];
  for (const [who, shift] of [['owner', 6], ['group', 3], ['others', 0]] as const) {
    const bits = (extra >> shift) & 7;
    if (!bits) continue;
    const can = [bits & 4 ? 'read' : '', bits & 2 ? 'write' : '', bits & 1 ? (shift === 6 ? 'execute' : 'enter/execute') : '']
      .filter(Boolean)
      .join('/');
    parts.push(`${who} can ${can}`);
  }
  return parts.join(', ');
}

function isDirectory(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** True when `dir` is one of the roots or contains one: such folders are not trace folders. */
function isRootOrAbove(dir: string, roots: string[]): boolean {
  return roots.some((r) => {
    const rel = relative(dir, r);
    return rel === '' || (rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel));
  });
}

/**
 * Judges the modes of the given trace files (absolute paths) and of the folders holding them.
 * Returns the findings and at most one note (when the platform has no POSIX modes).
 * `displayBase` makes paths in messages relative (the repository or scan root).
 */
export function checkPermissions(
  files: string[],
  options: Partial<PermissionOptions> = {},
  displayBase = process.cwd(),
): { findings: Finding[]; notes: string[] } {
  const fileMode = options.fileMode ?? DEFAULT_FILE_MODE;
  const dirMode = options.dirMode ?? DEFAULT_DIR_MODE;
  // A file given as a root (`tracelint scan run.jsonl`) does not exempt its folder: only folders count.
  const roots = [...(options.roots ?? []), homedir()].map((r) => resolve(r)).filter(isDirectory);
  if ((options.platform ?? process.platform) === 'win32') return { findings: [], notes: [NO_POSIX_MODES_NOTE] };

  const findings: Finding[] = [];
  const seenDirs = new Set<string>();
  // Relative to the base when inside it; a path above or beside it is shown whole (`../../../traces/` says little).
  const show = (p: string): string => {
    const rel = relative(displayBase, p);
    return rel === '' ? '.' : rel === '..' || rel.startsWith('..' + sep) || isAbsolute(rel) ? p : rel;
  };
  for (const file of [...files].map((f) => resolve(f)).sort()) {
    let st;
    try {
      st = statSync(file);
    } catch {
      continue; // Gone since the walk found it, or unreadable: the content scan reports that.
    }
    const extra = st.mode & 0o777 & ~fileMode;
    if (st.isFile() && extra) {
      findings.push(
        fileFinding(
          traceFilePermissions,
          file,
          show(file),
          `Trace file has mode ${octal(st.mode)} (${describeExtra(extra)}); expected ${octal(fileMode)} or stricter.`,
          { title: `Set mode ${octal(st.mode & fileMode)} on ${show(file)}`, edits: [], command: { kind: 'chmod', path: file, mode: st.mode & fileMode } },
        ),
      );
    }
    const dir = dirname(file);
    if (seenDirs.has(dir) && !options.eachFile) continue;
    seenDirs.add(dir);
    if (isRootOrAbove(dir, roots) || dir === dirname(dir)) continue;
    let dst;
    try {
      dst = statSync(dir);
    } catch {
      continue;
    }
    const dirExtra = dst.mode & 0o777 & ~dirMode;
    if (dirExtra) {
      // The folder finding sits on the first trace file found in it (files are sorted), so the CLI
      // prints it once and the editor lists it with that file.
      findings.push(
        fileFinding(
          traceFilePermissions,
          file,
          show(dir) + '/',
          `Trace folder ${show(dir)}/ has mode ${octal(dst.mode)} (${describeExtra(dirExtra)}); expected ${octal(dirMode)} or stricter.`,
          { title: `Set mode ${octal(dst.mode & dirMode)} on ${show(dir)}/`, edits: [], command: { kind: 'chmod', path: dir, mode: dst.mode & dirMode } },
        ),
      );
    }
  }
  return { findings, notes: [] };
}
