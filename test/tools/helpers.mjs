// Shared by the tools tests: the repository root and a synchronous runner that never throws.
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Runs a command to its end: status, stdout, stderr (text). */
export function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...opts, env: { ...process.env, NO_COLOR: '1', ...opts.env } });
  if (r.error) return { status: -1, stdout: '', stderr: String(r.error) };
  return r;
}
