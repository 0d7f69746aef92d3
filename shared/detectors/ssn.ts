// ssn: a US Social Security number, `123-45-6789` (also with spaces or dots, one separator kind),
// valid per SSA rules: area not 000, 666 or 9xx; group not 00; serial not 0000. Not inside ids.
import type { Candidate, DetectContext, Detector } from './types';
import { digitsGlued, RAW_DIGIT_RUN, hasDigitRun, hasRawDigitRun } from './util';

const SSN = /(?<![0-9])(\d{3})([- .])(\d{2})([- .])(\d{4})(?![0-9])/g;

export const ssn: Detector = {
  name: 'ssn',
  description: 'A US Social Security number (personal data).',
  defaultSeverity: 'error',
  defaultEnabled: true,
  examples: {
    positive: ['SSN: 078-05-1123', 'abc 078 05 1123 abc', '219.09.9999'],
    negative: ['078-05-0000', '078 00 1123', '666-12-3456', '693-09.4444', 'build 2024-05-1234-abc', 'id-078-05-1123'],
  },
  patterns: [SSN],
  rawHint: RAW_DIGIT_RUN,
  rawCheck: hasRawDigitRun,
  minLength: 11,
  find(text: string, _ctx: DetectContext, out: Candidate[]): void {
    if (!hasDigitRun(text)) return;
    SSN.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = SSN.exec(text)) !== null) {
      const [all, area, sep1, group, sep2, serial] = m;
      if (sep1 !== sep2) continue;
      if (area === '000' || area === '666' || area[0] === '9' || group === '00' || serial === '0000') continue;
      const start = m.index;
      const end = start + all.length;
      if (digitsGlued(text, start, end)) continue;
      out.push({ detector: 'ssn', start, end });
    }
  },
};
