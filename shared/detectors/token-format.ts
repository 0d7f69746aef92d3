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

let memoText: string | undefined;
let memoPrefixes = new Set<string>();

/**
 * The format prefixes a text holds, found in one pass over its `_` and one over its `-` (plus `SG.`),
 * memoised for the last text: every vendor format asks, and twelve `includes` over a long tool
 * output cost more than the rest of their work.
 */
function prefixesIn(text: string): Set<string> {
  if (text === memoText) return memoPrefixes;
  const found = new Set<string>();
  for (let i = text.indexOf('_', 2); i !== -1; i = text.indexOf('_', i + 1)) {
    for (const p of UNDERSCORE_PREFIXES) if (text.startsWith(p, i + 1 - p.length)) found.add(p);
  }
  for (let i = text.indexOf('-', 2); i !== -1; i = text.indexOf('-', i + 1)) {
    for (const p of DASH_PREFIXES) if (text.startsWith(p, i + 1 - p.length)) found.add(p);
  }
  if (text.includes('SG.')) found.add('SG.');
  memoText = text;
  memoPrefixes = found;
  return found;
}

/** Prefixes ending in `_` or `-` (as `prefix` is written in the specs), searched from that character. */
const UNDERSCORE_PREFIXES = ['whsec_', 'lsv2_', 'hf_', 'gsk_', 'r8_', 'npm_', 'e2b_'];
const DASH_PREFIXES = ['k-lf-', 'sk-or-', 'tvly-', 'pplx-', 'glpat-', 'xai-'];

export function tokenFormat(spec: TokenFormatSpec): Detector {
  const { prefix } = spec;
  if (!UNDERSCORE_PREFIXES.includes(prefix) && !DASH_PREFIXES.includes(prefix) && prefix !== 'SG.') throw new Error(`token-format: no gate for ${prefix}`);
  const detector = regexDetector({
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
  const find = detector.find;
  return {
    ...detector,
    find(text, ctx, out) {
      if (prefixesIn(text).has(prefix)) find(text, ctx, out);
    },
  };
}
