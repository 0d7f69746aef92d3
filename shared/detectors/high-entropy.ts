// high_entropy (opt-in): random-looking tokens that no named detector knows, judged by Shannon
// entropy, as opentraces (>= 4.5 bits/char on `[A-Za-z0-9+/=_-]{20,}`) and gitleaks / detect-secrets
// (separate limits for base64 and hex alphabets) do. Off by default: entropy alone is noisy.
//
// What keeps it quiet where the other rules already are: UUIDs and hex digests of hash lengths (git
// SHAs, sha256, md5) are never reported unless `includeHashes` is set; a token must hold a digit and
// a letter (words, identifiers, paths and numbers do not count); tokens over `maxLength` are data
// (base64 images, embedded files), not credentials.
//
// Field type (opentraces' hints) moves the thresholds: tool inputs (shell commands, API payloads) are
// where keys get pasted, so they are judged more strictly (lower threshold, more findings); tool
// results (command output, fetched pages) carry more random-looking noise, so less strictly.
import type { EngineOptions, FieldType, HighEntropyOptions } from '../options';
import type { Candidate, DetectContext, Detector } from './types';

export type { FieldType } from '../options';
export type HighEntropySettings = HighEntropyOptions & { fieldTypeDelta: Record<FieldType, number> };

export const DEFAULT_HIGH_ENTROPY: HighEntropySettings = {
  base64Threshold: 4.5,
  hexThreshold: 3.0,
  minLength: 20,
  maxLength: 512,
  includeHashes: false,
  fieldTypeDelta: { tool_input: -0.5, tool_result: 0.25, reasoning: 0, general: 0 },
};

/** The defaults with what the configuration sets. */
export function highEntropySettings(o: Partial<HighEntropyOptions> | undefined): HighEntropySettings {
  return { ...DEFAULT_HIGH_ENTROPY, ...o, fieldTypeDelta: { ...DEFAULT_HIGH_ENTROPY.fieldTypeDelta, ...o?.fieldTypeDelta } };
}

const TOKEN = /[A-Za-z0-9+/=_-]+/g;
const HEX = /^[0-9a-fA-F]+$/;
const HEX_PREFIX = /^[A-Za-z]{1,10}[_-](?=[0-9a-fA-F]+$)/;
const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
const HASH_LENGTHS = new Set([32, 40, 64, 96, 128]);

/** Shannon entropy of `s` in bits per character. */
export function shannonEntropy(s: string, start = 0, end = s.length): number {
  const n = end - start;
  if (n <= 0) return 0;
  const counts = new Map<number, number>();
  for (let i = start; i < end; i++) {
    const c = s.charCodeAt(i);
    counts.set(c, (counts.get(c) ?? 0) + 1);
  }
  let h = 0;
  for (const k of counts.values()) {
    const p = k / n;
    h -= p * Math.log2(p);
  }
  return h;
}

function hasDigitAndLetter(s: string): boolean {
  return /[0-9]/.test(s) && /[A-Za-z]/.test(s);
}

/** A UUID, or an id made of one (`run_<uuid>`, `<uuid>-2`): what remains besides it is short. */
function isUuidish(token: string): boolean {
  if (!token.includes('-')) return false;
  const rest = token.replace(UUID, '');
  return rest.length < token.length && rest.length <= 8;
}

/** Calls `each` with the [start, end) of every high-entropy token in `text`. Linear in `text.length`. */
export function findHighEntropy(
  text: string,
  fieldType: FieldType | undefined,
  settings: HighEntropySettings,
  each: (start: number, end: number) => void,
): void {
  const delta = settings.fieldTypeDelta[fieldType ?? 'general'] ?? 0;
  const re = new RegExp(TOKEN.source, 'g');
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    if (m[0].length < settings.minLength) continue;
    // Padding is part of base64 but adds no randomness.
    let token = m[0];
    while (token.endsWith('=')) token = token.slice(0, -1);
    if (token.length < settings.minLength || token.length > settings.maxLength) continue;
    if (!hasDigitAndLetter(token)) continue;
    // A short word prefix (`int_`, `key-`) does not make a hex secret base64: judge the body.
    const prefix = HEX_PREFIX.exec(token);
    const body = prefix && token.length - prefix[0].length >= settings.minLength ? token.slice(prefix[0].length) : token;
    const hex = HEX.test(body);
    if (!settings.includeHashes && ((hex && HASH_LENGTHS.has(body.length)) || isUuidish(token))) continue;
    const threshold = (hex ? settings.hexThreshold : settings.base64Threshold) + delta;
    if (shannonEntropy(hex ? body : token) >= threshold) each(m.index, m.index + token.length);
  }
}

function detector(settings: HighEntropySettings): Detector {
  return {
    name: 'high_entropy',
    description: 'Opt-in: a random-looking base64 or hex token (Shannon entropy over a threshold) that no other detector recognises; stricter in tool inputs than in tool results.',
    defaultSeverity: 'warning',
    defaultEnabled: false,
    examples: {
      positive: ['export DEPLOY_TOKEN=xJW85RKTjrXp3l2pdI4YTHRu3kowQ2hZAPfWq6SB', 'int_9f2c4e7a1b3d5f60718293a4b5c6d7e8f9012a3b4c5d6e7f'],
      negative: [
        'run 550e8400-e29b-41d4-a716-446655440000',
        'commit 3f786850e387550fdab836ed7e6dc881de23001b',
        'thisIsAVeryLongCamelCaseIdentifierName',
        '/usr/lib/python3.12/site-packages/tracecraft/instrumentation/decorators.py',
      ],
    },
    patterns: [TOKEN, HEX, HEX_PREFIX, UUID],
    // A raw JSON line may split a token with escapes (`\/`, `\u0041`): the hint admits backslashes.
    minLength: Math.max(1, settings.minLength),
    rawHint: `[A-Za-z0-9+/=_\\\\-]{${Math.max(1, settings.minLength)},}`,
    find(text: string, ctx: DetectContext, out: Candidate[]): void {
      findHighEntropy(text, ctx.fieldType, settings, (start, end) => out.push({ detector: 'high_entropy', start, end }));
    },
    configure(options: EngineOptions): Detector {
      return detector(highEntropySettings(options.highEntropy));
    },
  };
}

/** The detector with its default settings; the engine configures it from `EngineOptions.highEntropy`. */
export const highEntropy: Detector = detector(DEFAULT_HIGH_ENTROPY);
