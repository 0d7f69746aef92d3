// The shape most vendor key formats share: a literal prefix, a body of token characters of a
// documented length, not glued to other token characters on either side, and not a placeholder
// (`hf_xxxx…`). Built on regexDetector; one call per vendor file.
import { regexDetector } from './regex-detector';
import type { Detector, DetectorInfo } from './types';
import { isDigit, isPlaceholderBody } from './util';

export interface TokenFormatSpec extends Pick<DetectorInfo, 'name' | 'description' | 'examples'> {
  /** The literal the key starts with (`hf_`, `sk-lf-`). */
  prefix: string;
  /** The key (prefix included); a global regex with the boundaries of the format. */
  regex: RegExp;
  /** The shortest key the regex can match. */
  minLength: number;
  rawLiterals?: readonly string[];
  rawCheck?: (raw: string) => boolean;
  /** Also require a digit in the body (formats whose bodies are random alphanumerics of some length). */
  needsDigit?: boolean;
}

export function tokenFormat(spec: TokenFormatSpec): Detector {
  const { prefix } = spec;
  return regexDetector({
    name: spec.name,
    description: spec.description,
    defaultSeverity: 'error',
    examples: spec.examples,
    regexes: [spec.regex],
    gate: [prefix],
    rawHint: prefix.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&'),
    rawLiterals: spec.rawLiterals,
    rawCheck: spec.rawCheck,
    minLength: spec.minLength,
    validate(text, start, end) {
      const body = text.slice(start + prefix.length, end).replace(/[-_.]/g, '');
      if (isPlaceholderBody(body)) return false;
      if (!spec.needsDigit) return true;
      for (let i = 0; i < body.length; i++) if (isDigit(body.charCodeAt(i))) return true;
      return false;
    },
  });
}
