// trace-file-tracked: trace files must stay out of version control (TraceCraft: "Never commit
// JSONL trace files"; ".gitignore includes the trace directory"). Two findings:
// - a trace file git tracks (already committed or staged);
// - a trace folder the ignore rules do not cover, holding a trace file that is neither tracked nor
//   ignored on its own (a `*.jsonl` rule protects the files as well as a folder rule would).
// The fix appends the folder, anchored, to the repository's top .gitignore. AgentDbg keeps one
// folder per run (`<data_dir>/runs/<run_id>/`), so there the folder to ignore is `runs/` itself.
import { basename, dirname, join, relative, sep } from 'node:path';
import type { Finding, Fix } from '../../shared/types';
import { fileFinding } from './finding';
import { findRepoRoot, ignoredPaths, trackedPaths } from './git';
import { traceFileTracked } from './rules';

export const NO_GIT_NOTE = 'trace-file-tracked skipped: git was not found on PATH.';

const toPosix = (p: string): string => p.split(sep).join('/');

/** The folder to ignore for a trace file's folder (relative, `/`-separated; `.` is the root). */
export function ignoreFolderOf(relDir: string): string {
  const parent = relDir.includes('/') ? relDir.slice(0, relDir.lastIndexOf('/')) : '.';
  return basename(parent) === 'runs' ? parent : relDir;
}

/** The command that untracks a file, quoted for a POSIX shell; git reads glob characters literally. */
export function gitRmCached(rel: string): string {
  const quoted = /^[\w./@+-]+$/.test(rel) ? rel : `'${rel.replace(/'/g, `'\\''`)}'`;
  return `git ${/[*?[\]]/.test(rel) ? '--literal-pathspecs ' : ''}rm --cached ${quoted}`;
}

function ignoreFix(root: string, relTarget: string, isDir: boolean): Fix {
  const pattern = `/${relTarget}${isDir ? '/' : ''}`;
  return {
    title: `Add ${pattern} to .gitignore`,
    edits: [],
    command: { kind: 'gitignore-add', gitignore: join(root, '.gitignore'), pattern },
  };
}

/**
 * Judges the given trace files (absolute paths) against git's own view of each repository: two git
 * calls per repository however many files. A folder's finding sits on its first trace file, or with
 * `eachFile` on every one, as judging each file alone gives (the editor's view).
 */
export async function checkTracked(files: string[], git = 'git', eachFile = false): Promise<{ findings: Finding[]; notes: string[] }> {
  const byRoot = new Map<string, string[]>();
  const cache = new Map<string, string | null>();
  for (const f of [...files].sort()) {
    const root = findRepoRoot(dirname(f), cache);
    if (root === null) continue;
    const list = byRoot.get(root) ?? [];
    list.push(f);
    byRoot.set(root, list);
  }

  const findings: Finding[] = [];
  for (const [root, rootFiles] of byRoot) {
    const rel = new Map(rootFiles.map((f) => [f, toPosix(relative(root, f))]));
    const folderOf = new Map(rootFiles.map((f) => [f, ignoreFolderOf(toPosix(relative(root, dirname(f))) || '.')]));
    const folders = [...new Set(folderOf.values())];
    const tracked = await trackedPaths(root, folders, git);
    if (tracked.missing) return { findings: [], notes: [NO_GIT_NOTE] };
    const query = [...folders.filter((d) => d !== '.').map((d) => d + '/'), ...rel.values()];
    const ignored = await ignoredPaths(root, query, git);
    const folderIgnored = (d: string): boolean => d !== '.' && ignored.paths.has(d + '/');

    const reported = new Set<string>();
    for (const f of rootFiles) {
      const r = rel.get(f)!;
      const folder = folderOf.get(f)!;
      // A file at the repository root has no folder of its own to ignore: ignore the file.
      const fix = folderIgnored(folder) ? undefined : folder === '.' ? ignoreFix(root, r, false) : ignoreFix(root, folder, true);
      if (tracked.paths.has(r)) {
        findings.push(
          fileFinding(
            traceFileTracked,
            f,
            r,
            `Trace file is tracked by git: every clone and push carries what it holds. ` +
              `Run \`${gitRmCached(r)}\`${fix ? ` and ignore ${folder === '.' ? 'it' : folder + '/'}` : ''}.`,
            fix,
          ),
        );
      } else if (fix && !ignored.paths.has(r) && (eachFile || !reported.has(folder))) {
        reported.add(folder);
        const what = folder === '.' ? `Trace file ${r} is` : `Trace folder ${folder}/ is`;
        findings.push(
          fileFinding(traceFileTracked, f, folder === '.' ? r : folder + '/', `${what} not covered by .gitignore: \`git add .\` would commit it.`, fix),
        );
      }
    }
  }
  return { findings, notes: [] };
}
