// Baselines: accepted findings, remembered by content. A fingerprint is the rule id and the sha256
// of the secret value (`openai_api_key:9f86d0...`), never a line number and never the value, so a
// baseline survives edits that move lines and can be committed without leaking anything.
import { readFileSync } from 'node:fs';
import type { Finding } from '../shared/types';
import { writeFileAtomic } from './write';

export const BASELINE_VERSION = 1;

export interface BaselineFile {
  tool: 'tracelint';
  version: number;
  fingerprints: string[];
}

export class BaselineError extends Error {
  override name = 'BaselineError';
}

const FINGERPRINT = /^[A-Za-z0-9_.-]+:[0-9a-f]{64}$/;

export function readBaseline(file: string): Set<string> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new BaselineError(`cannot read baseline ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new BaselineError(`baseline ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const fps = (data as BaselineFile | null)?.fingerprints;
  if (!Array.isArray(fps)) throw new BaselineError(`baseline ${file} has no "fingerprints" list (write one with --write-baseline)`);
  const bad = fps.findIndex((f) => typeof f !== 'string' || !FINGERPRINT.test(f));
  if (bad >= 0) throw new BaselineError(`baseline ${file}: "fingerprints[${bad}]" is not a tracelint fingerprint (rule:sha256)`);
  return new Set(fps as string[]);
}

export function baselineFingerprints(findings: Finding[]): string[] {
  return [...new Set(findings.map((f) => f.fingerprint).filter((f): f is string => Boolean(f)))].sort();
}

/** Writes the baseline atomically; returns how many fingerprints it holds. */
export function writeBaseline(file: string, findings: Finding[]): number {
  const fingerprints = baselineFingerprints(findings);
  const body: BaselineFile = { tool: 'tracelint', version: BASELINE_VERSION, fingerprints };
  writeFileAtomic(file, `${JSON.stringify(body, null, 2)}\n`);
  return fingerprints.length;
}
