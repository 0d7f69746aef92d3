// phone: a telephone number: North American (NANP: area and exchange start with 2-9), international
// with `+country`, national with a trunk 0 (`090-1234-5678`, `06 678 4343`) and Chinese mobiles.
// Never inside an id, UUID, hex hash, epoch timestamp (seconds start with 1, so they are not NANP;
// milliseconds are 13 digits), ISO timestamp or version string: a digit run glued to letters, digits,
// `_`, or to an alphanumeric through `-`, `.`, `/`, `:` is not a phone number.
import type { Candidate, DetectContext, Detector } from './types';
import { digitsGlued, digitsOf, RAW_DIGIT_RUN, hasDigitRun, hasRawDigitRun } from './util';

const NANP = /(?<![0-9+])(?:\+?1[-. ]?)?(?:\([2-9]\d{2}\)[-. ]?|[2-9]\d{2}[-. ]?)[2-9]\d{2}[-. ]?\d{4}(?![0-9])/g;
const INTERNATIONAL = /(?<![0-9+])\+[1-9][\d .()-]{6,22}\d(?![0-9])/g;
const TRUNK = /(?<![0-9])0\d{1,4}[- ]\d{2,4}(?:[- ]?\d{3,4})?(?![0-9])/g;
const CN_MOBILE = /(?<![0-9])1[3-9]\d{9}(?![0-9])/g;

function separatorsOk(s: string): boolean {
  // No doubled separators (`1  2`, `1--2`), balanced parentheses.
  if (/[ .-]{2}/.test(s.replace(/\) /g, ')').replace(/ \(/g, '('))) return false;
  let depth = 0;
  for (const ch of s) {
    if (ch === '(') depth++;
    else if (ch === ')') depth--;
    if (depth < 0 || depth > 1) return false;
  }
  return depth === 0;
}

/**
 * An international number's own checks, against the `+` before coordinates, deltas, ids and
 * timestamps: not a decimal (`+48.858844`: one `.` and nothing else between digits); written without
 * separators, 10 to 15 digits, and under country code 1 (NANP) or 7 exactly 11 with NANP's area and
 * exchange rules (`+12345678`, `+123456789012`, `+1700000000123` are not numbers).
 */
function internationalOk(s: string): boolean {
  let dots = 0;
  let others = 0;
  for (let i = 1; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46) dots++;
    else if (c < 48 || c > 57) others++;
  }
  if (dots === 1 && others === 0) return false;
  if (dots > 0 || others > 0) return true;
  const n = s.length - 1;
  if (n < 10 || n > 15) return false;
  if (s[1] === '1') return n === 11 && s[2] >= '2' && s[5] >= '2';
  if (s[1] === '7') return n === 11;
  return true;
}

function push(text: string, re: RegExp, min: number, max: number, out: Candidate[], check?: (s: string) => boolean): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    const n = digitsOf(m[0]).length;
    if (n < min || n > max || !separatorsOk(m[0]) || (check && !check(m[0]))) continue;
    if (digitsGlued(text, start, end)) continue;
    out.push({ detector: 'phone', start, end });
  }
}

export const phone: Detector = {
  name: 'phone',
  description: 'A telephone number (personal data).',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  examples: {
    positive: ['Call me at (415) 555-0132 tomorrow', '+44 (20) 7123 4567', 'tel: 415-555-0132', '+1 415 555 0132', 'My Japanese number is 090-1234-5678'],
    negative: [
      '550e8400-e29b-41d4-a716-446655440000',
      '1700000000123',
      '1700000000',
      '2024-05-01T12:34:56.789Z',
      'v4.155.550.1320',
      'd41d8cd98f00b204e9800998ecf8427e',
      'order id-4155550132',
    ],
  },
  patterns: [NANP, INTERNATIONAL, TRUNK, CN_MOBILE],
  rawHint: RAW_DIGIT_RUN,
  rawCheck: hasRawDigitRun,
  minLength: 9,
  find(text: string, _ctx: DetectContext, out: Candidate[]): void {
    if (!hasDigitRun(text)) return;
    push(text, NANP, 10, 11, out);
    if (text.includes('+')) push(text, INTERNATIONAL, 8, 15, out, internationalOk);
    if (text.includes('0')) push(text, TRUNK, 9, 11, out);
    push(text, CN_MOBILE, 11, 11, out);
  },
};
