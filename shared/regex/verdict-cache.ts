// The persistent verdict cache: a judged custom pattern is judged once per machine, not once per
// process. The CLI and the language server share it. It lives in the user's cache folder
// ($XDG_CACHE_HOME/tracelint, else ~/.cache/tracelint; `--cache-dir` or the editor's
// `tracelint.cacheDir` move it, `--no-cache` or `tracelint.verdictCache: false` skip it; the
// environment variable TRACELINT_VERDICT_CACHE=off does too, for runs that pass no flag).
//
// One file per verdict, `verdicts/<sha256 of the key>.json`, holding the key and the verdict: the
// pattern, its flags, how it is used (search, or fullmatch for allowlist patterns), what kind of
// regex it is (a Python pattern or one of tracelint's own), and the tracelint and recheck versions
// (a new version of either judges again). Nothing else is stored: no file names, no trace text.
// Writes go to a temporary file renamed into place, so two processes writing the same verdict at
// once each leave a whole file; a file that does not parse, or whose key is not the one asked for,
// is ignored (and overwritten by the next verdict). Every failure to read or write is a miss: the
// cache never stops a scan.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { isAbsolute, join } from 'node:path';
import pkg from '../../package.json';

/**
 * Bumped when the stored form of a verdict, or how one is reached, changes (2: patterns past recheck's
 * repeat-count limit judged first with bounded repeats unbounded, `relaxed` in the judgement).
 */
const FORMAT = 2;

export interface VerdictKey {
  pattern: string;
  flags: string;
  usage: 'search' | 'fullmatch';
  /** `python`: a user's pattern in Python syntax; `js`: one of tracelint's own regexes. */
  syntax: 'python' | 'js';
}

export interface VerdictCacheOptions {
  /** false: neither read nor write. */
  enabled: boolean;
  /** The cache folder; empty or absent: the default one. */
  dir?: string;
}

/**
 * The switch, kept in the environment (TRACELINT_VERDICT_CACHE: `off`, `on` for the default folder,
 * or an absolute folder) so that worker threads and child processes started after it inherit it.
 * Unset: off, which is what library users and the unit tests get unless they turn it on.
 */
export const CACHE_ENV = 'TRACELINT_VERDICT_CACHE';

/** The default cache folder: $XDG_CACHE_HOME/tracelint (when absolute), else ~/.cache/tracelint. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'tracelint');
  return join(homedir(), '.cache', 'tracelint');
}

/** Turns the cache on or off and sets its folder (the CLI from its flags, the server from its settings). */
export function configureVerdictCache(options: VerdictCacheOptions): void {
  process.env[CACHE_ENV] = !options.enabled ? 'off' : options.dir && isAbsolute(options.dir) ? options.dir : 'on';
}

/** The folder in use, or undefined when the cache is off. */
export function verdictCacheDir(): string | undefined {
  const v = process.env[CACHE_ENV];
  if (!v || v === 'off') return undefined;
  return v === 'on' ? defaultCacheDir() : isAbsolute(v) ? v : undefined;
}

let recheckVersion: string | undefined;

function versions(): { tracelint: string; recheck: string } {
  if (recheckVersion === undefined) {
    try {
      recheckVersion = (createRequire(__filename)('recheck/package.json') as { version: string }).version;
    } catch {
      recheckVersion = 'unknown';
    }
  }
  return { tracelint: pkg.version, recheck: recheckVersion };
}

function fullKey(key: VerdictKey) {
  return { format: FORMAT, ...versions(), syntax: key.syntax, usage: key.usage, flags: key.flags, pattern: key.pattern };
}

function fileOf(dir: string, k: ReturnType<typeof fullKey>): string {
  return join(dir, 'verdicts', `${createHash('sha256').update(JSON.stringify(k)).digest('hex')}.json`);
}

function sameKey(a: unknown, b: ReturnType<typeof fullKey>): boolean {
  if (!a || typeof a !== 'object') return false;
  const x = a as Record<string, unknown>;
  return (Object.keys(b) as Array<keyof typeof b>).every((k) => x[k] === b[k]) && Object.keys(x).length === Object.keys(b).length;
}

/** The stored verdict for `key`, or undefined (disabled, absent, unreadable, corrupt or another key's). */
export function readVerdict<T extends { kind: string }>(key: VerdictKey): T | undefined {
  const dir = verdictCacheDir();
  if (!dir) return undefined;
  const k = fullKey(key);
  try {
    const stored = JSON.parse(readFileSync(fileOf(dir, k), 'utf8')) as { key?: unknown; verdict?: unknown };
    if (!sameKey(stored.key, k)) return undefined;
    const v = stored.verdict as T | undefined;
    return v && typeof v === 'object' && typeof v.kind === 'string' ? v : undefined;
  } catch {
    return undefined;
  }
}

/** Stores a verdict; never throws. */
export function writeVerdict(key: VerdictKey, verdict: { kind: string }): void {
  const dir = verdictCacheDir();
  if (!dir) return;
  const k = fullKey(key);
  const file = fileOf(dir, k);
  const tmp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    mkdirSync(join(dir, 'verdicts'), { recursive: true, mode: 0o700 });
    writeFileSync(tmp, JSON.stringify({ key: k, verdict }), { mode: 0o600 });
    renameSync(tmp, file);
  } catch {
    try {
      unlinkSync(tmp);
    } catch {
      // Nothing was written.
    }
  }
}
