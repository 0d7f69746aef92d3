// Walking the folders given to `tracelint scan`: iterative (no recursion, however deep the tree),
// sorted (stable output), symlinked folders not followed (no cycles).
// Two kinds of ignore: hard ones (node_modules, .git, dist, and the configuration's `ignore`
// globs) are never entered; .gitignore'd paths are skipped too, except files matching the
// configuration's `traces` globs: trace folders are usually git-ignored, and that is exactly
// where leaks sit.
import { lstatSync, readdirSync, readFileSync, statSync, type Dirent } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ignore, { type Ignore } from 'ignore';

export const DEFAULT_IGNORES = ['node_modules/', '.git/', 'dist/', '__pycache__/', '.venv/'];

export interface WalkOptions {
  /** Folder the `ignore` and `traces` globs are relative to (the configuration's folder). */
  baseDir: string;
  ignore: string[];
  traceGlobs: string[];
  /** Called for folders that cannot be read; the walk goes on. */
  onProblem(path: string, message: string): void;
}

interface Scope {
  dir: string;
  rules: Ignore;
}

function toPosix(p: string): string {
  return sep === '/' ? p : p.split(sep).join('/');
}

/** Tests `path` against globs rooted at `base`; paths outside `base` never match. */
function matches(rules: Ignore, base: string, path: string, isDir: boolean): boolean {
  const rel = toPosix(relative(base, path));
  if (rel === '' || rel.startsWith('../') || rel === '..') return false;
  return rules.ignores(isDir ? `${rel}/` : rel);
}

/** Every file under `root` (or `root` itself when it is a file) that is not ignored. */
export function* walkFiles(root: string, opts: WalkOptions): Generator<string> {
  const hard = ignore().add(opts.ignore);
  const defaults = ignore().add(DEFAULT_IGNORES);
  const traces = ignore().add(opts.traceGlobs);
  const hasTraceGlobs = opts.traceGlobs.length > 0;
  let rootStat;
  try {
    rootStat = statSync(root);
  } catch (e) {
    opts.onProblem(root, `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
    return;
  }
  if (!rootStat.isDirectory()) {
    yield root;
    return;
  }
  // Each stack entry carries the .gitignore scopes in force and whether we are below an ignored folder.
  const stack: Array<{ dir: string; scopes: Scope[]; gitIgnored: boolean }> = [{ dir: root, scopes: [], gitIgnored: false }];
  while (stack.length > 0) {
    const { dir, scopes: parentScopes, gitIgnored } = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (e) {
      opts.onProblem(dir, `cannot read folder: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
      continue;
    }
    let scopes = parentScopes;
    if (entries.some((e) => e.name === '.gitignore' && e.isFile())) {
      try {
        scopes = [...parentScopes, { dir, rules: ignore().add(readFileSync(join(dir, '.gitignore'), 'utf8')) }];
      } catch {
        // An unreadable .gitignore ignores nothing.
      }
    }
    const isGitIgnored = (path: string, isDir: boolean) => gitIgnored || scopes.some((s) => matches(s.rules, s.dir, path, isDir));
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: Array<{ dir: string; scopes: Scope[]; gitIgnored: boolean }> = [];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let isDir = entry.isDirectory();
      let isFile = entry.isFile();
      if (entry.isSymbolicLink()) {
        // Follow links to files; never links to folders (cycles, and trees outside the project).
        try {
          const st = statSync(path);
          isFile = st.isFile();
          isDir = false;
        } catch {
          continue;
        }
      }
      if (!isDir && !isFile) continue;
      const relToRoot = toPosix(relative(root, path));
      if (defaults.ignores(isDir ? `${relToRoot}/` : relToRoot) || matches(hard, opts.baseDir, path, isDir)) continue;
      const ignoredByGit = isGitIgnored(path, isDir);
      if (isDir) {
        if (!ignoredByGit || hasTraceGlobs) subdirs.push({ dir: path, scopes, gitIgnored: ignoredByGit });
      } else if (!ignoredByGit || matches(traces, opts.baseDir, path, false)) {
        yield path;
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
}

/** Whether `path` matches one of the configuration's `traces` globs. */
export function matchesGlobs(globs: string[], baseDir: string, path: string): boolean {
  return globs.length > 0 && matches(ignore().add(globs), baseDir, path, false);
}

/** lstat that never throws. */
export function isDirectory(path: string): boolean {
  try {
    return lstatSync(path).isDirectory() || statSync(path).isDirectory();
  } catch {
    return false;
  }
}
