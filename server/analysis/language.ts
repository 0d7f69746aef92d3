// Which front-end reads a file, decided by its name alone (no content sniffing: fast and predictable).
import { basename } from 'node:path';
import type { SourceLanguage } from './model';

const BY_EXTENSION: Record<string, SourceLanguage> = {
  '.py': 'python', '.pyi': 'python',
  '.ts': 'typescript', '.tsx': 'typescript', '.mts': 'typescript', '.cts': 'typescript',
  '.js': 'javascript', '.jsx': 'javascript', '.mjs': 'javascript', '.cjs': 'javascript',
};

/** The language of a file, or undefined when tracelint does not lint it as source. */
export function languageOf(fileName: string): SourceLanguage | undefined {
  const normalised = fileName.replace(/\\/g, '/');
  const base = basename(normalised);
  if (base === '.env' || base.startsWith('.env.') || base.endsWith('.env')) return 'dotenv';
  if (/(^|\/)\.(?:agentdbg|maida)\/config\.ya?ml$/.test(normalised)) return 'yaml';
  if (base === 'tracelint.json') return 'json';
  const dot = base.lastIndexOf('.');
  return dot > 0 ? BY_EXTENSION[base.slice(dot).toLowerCase()] : undefined;
}
