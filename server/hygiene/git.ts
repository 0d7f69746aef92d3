// Asks git itself which paths it tracks and which it ignores, rather than re-implementing ignore
// rules (nested .gitignore files, negations, core.excludesFile, info/exclude). One git process per
// question per repository, with every path passed on stdin (NUL-separated, literal pathspecs),
// run without a shell. No git, or no repository: no answer, and so no finding.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface GitAnswer {
  /** git was not found on PATH (or could not start). */
  missing: boolean;
  /** Paths (as given, relative to the repository root) for which git answered yes. */
  paths: Set<string>;
}

/** The nearest folder at or above `dir` holding `.git` (a folder, or a file for worktrees and submodules). */
export function findRepoRoot(dir: string, cache: Map<string, string | null> = new Map()): string | null {
  const seen: string[] = [];
  let d = dir;
  for (;;) {
    const hit = cache.get(d);
    if (hit !== undefined) {
      for (const s of seen) cache.set(s, hit);
      return hit;
    }
    seen.push(d);
    if (existsSync(join(d, '.git'))) {
      for (const s of seen) cache.set(s, d);
      return d;
    }
    const up = dirname(d);
    if (up === d) {
      for (const s of seen) cache.set(s, null);
      return null;
    }
    d = up;
  }
}

function runGit(git: string, cwd: string, args: string[], input: string): Promise<{ code: number | 'missing'; stdout: string }> {
  return new Promise((resolvePromise) => {
    const child = execFile(
      git,
      args,
      { cwd, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, windowsHide: true, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' } },
      (err, stdout) => {
        if (!err) return resolvePromise({ code: 0, stdout });
        const code = (err as NodeJS.ErrnoException & { code?: unknown }).code;
        if (typeof code === 'number') return resolvePromise({ code, stdout });
        resolvePromise({ code: 'missing', stdout: '' });
      },
    );
    child.stdin?.on('error', () => undefined); // git may exit before reading all input (EPIPE)
    child.stdin?.end(input);
  });
}

function splitNul(out: string): Set<string> {
  return new Set(out.split('\0').filter((s) => s.length > 0));
}

/**
 * Which files under `relDirs` (folders relative to `root`, `/`-separated, `.` for the root) git
 * tracks in the index. Asking by folder keeps the command line short however many files there are.
 */
export async function trackedPaths(root: string, relDirs: string[], git = 'git'): Promise<GitAnswer> {
  if (relDirs.length === 0) return { missing: false, paths: new Set() };
  const r = await runGit(git, root, ['--literal-pathspecs', 'ls-files', '-z', '--cached', '--', ...relDirs], '');
  if (r.code === 'missing') return { missing: true, paths: new Set() };
  if (r.code !== 0) return { missing: false, paths: new Set() };
  return { missing: false, paths: splitNul(r.stdout) };
}

/**
 * Which of `relPaths` the ignore rules cover. `--no-index` judges by the rules alone: without it
 * git calls nothing ignored that holds a tracked file, and the question here is whether the rules
 * keep the folder out. Folders are passed with a trailing `/` so directory patterns (`traces/`) apply.
 */
export async function ignoredPaths(root: string, relPaths: string[], git = 'git'): Promise<GitAnswer> {
  if (relPaths.length === 0) return { missing: false, paths: new Set() };
  const r = await runGit(git, root, ['check-ignore', '--no-index', '-z', '--stdin'], relPaths.join('\0') + '\0');
  if (r.code === 'missing') return { missing: true, paths: new Set() };
  // Exit 1 means "none ignored"; 128 is a fatal error (not a repository): both answer nothing.
  if (r.code !== 0) return { missing: false, paths: new Set() };
  return { missing: false, paths: splitNul(r.stdout) };
}
