// credit_card: a payment card number, 13-19 digits, grouped 4-4-4-4 / 4-6-5 with one separator kind
// or ungrouped, with a card-network prefix and a valid Luhn checksum. Luhn-failing 16-digit ids,
// epoch milliseconds (13 digits starting with 1) and digit runs inside ids are not cards.
import type { Candidate, DetectContext, Detector } from './types';
import { digitsGlued, digitsOf, luhnValid, RAW_DIGIT_RUN, hasDigitRun, hasRawDigitRun } from './util';

const CARD = /(?<![0-9])(?:\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{1,4}|\d{4}[ -]\d{6}[ -]\d{4,5}|\d{13,19})(?![0-9])/g;

/** Whether the digits start like a card of some network and have a length it issues. */
function networkOk(d: string): boolean {
  switch (d[0]) {
    case '1': return d.length === 15; // UATP
    case '2': case '3': case '4': case '5': case '6': return true;
    default: return false;
  }
}

export const creditCard: Detector = {
  name: 'credit_card',
  description: 'A payment card number (Luhn-checked).',
  defaultSeverity: 'error',
  defaultEnabled: true,
  examples: {
    positive: ['4111 1111 1111 1111', 'card: 4012-8888-8888-1881', '371449635398431', '5555555555554444'],
    negative: ['4012-8888-8888-1882', '1748503543012', '4111111111111112', '4111-1111 1111-1111', 'id-4111111111111111', '0000000000000000'],
  },
  patterns: [CARD],
  rawHint: RAW_DIGIT_RUN,
  rawCheck: hasRawDigitRun,
  minLength: 13,
  find(text: string, _ctx: DetectContext, out: Candidate[]): void {
    if (!hasDigitRun(text)) return;
    CARD.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CARD.exec(text)) !== null) {
      const s = m[0];
      const digits = digitsOf(s);
      if (digits.length < 13 || digits.length > 19) continue;
      const seps = s.replace(/\d/g, '');
      if (seps.length > 0 && seps !== seps[0].repeat(seps.length)) continue;
      if (!networkOk(digits) || /^(\d)\1*$/.test(digits) || !luhnValid(digits)) continue;
      const start = m.index;
      const end = start + s.length;
      if (digitsGlued(text, start, end)) continue;
      out.push({ detector: 'credit_card', start, end });
    }
  },
};
