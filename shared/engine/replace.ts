// What a finding is replaced with, by mode. Hash is TraceCraft's: `[HASH:` + the first 16 hex
// characters of sha256 of the matched secret text + `]`.
import { createHash } from 'node:crypto';
import type { RedactionMode } from '../options';

export function hashMarker(secret: string): string {
  return `[HASH:${createHash('sha256').update(secret, 'utf8').digest('hex').slice(0, 16)}]`;
}

export function replacementFor(secret: string, mode: RedactionMode, placeholder: string): string {
  switch (mode) {
    case 'hash': return hashMarker(secret);
    case 'remove': return '';
    default: return placeholder;
  }
}
