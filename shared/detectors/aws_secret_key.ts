// aws_secret_key: a 40-character AWS secret access key, ONLY with AWS context: the value sits under
// an AWS-ish key (`aws_secret_access_key`, `SecretAccessKey`), a label like that stands just before
// it in the text, or an access key id (AKIA…/ASIA…) stands within 200 characters. TraceCraft's rule
// (any 40 characters of [A-Za-z0-9/+=]) fired on every git SHA; a 40-char lower-case hex string is
// never reported here, whatever the context.
import { AWS_KEY_ID, AWS_KEY_ID_PREFIXES } from './aws_access_key';
import { keyTokens } from './keys';
import type { Candidate, DetectContext, Detector } from './types';
import { caseless } from './util';

const CANDIDATE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{38,40}={0,2}(?![A-Za-z0-9/+=])/g;
// Case-sensitive spellings, so the raw prefilter can look for the same literals.
const SECRET = '(?:secret|Secret|SECRET)';
const LABEL = new RegExp(`(?:aws|Aws|AWS).?${SECRET}|${SECRET}.?(?:access|Access|ACCESS).?(?:key|Key|KEY)`, 'g');
const NEAR = 200;

/** Whether a key name says "AWS secret access key" (`aws_secret_access_key`, `SecretAccessKey`, `AWS_SECRET`). */
export function isAwsSecretKeyName(key: string): boolean {
  const t = keyTokens(key);
  const has = (w: string) => t.includes(w);
  const joined = t.join('');
  return (has('aws') && has('secret')) || joined.includes('secretaccesskey');
}

function looksLikeSecret(s: string): boolean {
  if (s.length - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0) !== 40) return false;
  let upper = false;
  let lower = false;
  let digit = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c >= 48 && c <= 57) digit = true;
  }
  // Git SHAs and hex digests are one case only; AWS secrets are base64 with both cases.
  return upper && lower && digit;
}

export const awsSecretKey: Detector = {
  name: 'aws_secret_key',
  description: 'An AWS secret access key (40 characters), found only next to AWS context.',
  defaultSeverity: 'error',
  defaultEnabled: true,
  examples: {
    positive: [
      'AWS_SECRET_ACCESS_KEY = wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETSKEY',
      'AKIAVRNKNO4UV3NI2WDV,Xq3mZ8vT2pL9kR4wN7jB1cF6hD0sG5yA8eU2iO4t',
    ],
    negative: [
      'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETSKEY',
      'AWS_SECRET_ACCESS_KEY = R6WCNd0erkAuZyD+Fe8C4IwjpYQtniKqnHAzE7Pk5fPrBRpwOnuYxA==',
    ],
  },
  patterns: [CANDIDATE, LABEL, AWS_KEY_ID],
  // Every label and AWS-ish key name contains `secret` (as spelt in LABEL; key tokens come from
  // lower, Title or UPPER case spellings); otherwise an access key id.
  rawHint: `${caseless('secret')}|${AWS_KEY_ID_PREFIXES.join('|')}`,
  minLength: 40,
  rawLiterals: ['ecret', 'ECRET', ...AWS_KEY_ID_PREFIXES],
  find(text: string, ctx: DetectContext, out: Candidate[]): void {
    const keyContext = ctx.key !== undefined && isAwsSecretKeyName(ctx.key);
    // Context positions, collected only when the text could hold a candidate at all.
    let contexts: number[] | undefined;
    if (!keyContext) {
      contexts = [];
      LABEL.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = LABEL.exec(text)) !== null) contexts.push(m.index + m[0].length);
      AWS_KEY_ID.lastIndex = 0;
      while ((m = AWS_KEY_ID.exec(text)) !== null) contexts.push(m.index, m.index + m[0].length);
      if (contexts.length === 0) return;
    }
    CANDIDATE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CANDIDATE.exec(text)) !== null) {
      if (!looksLikeSecret(m[0])) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (!keyContext && !contexts!.some((p) => (p <= start && start - p <= NEAR) || (p >= end && p - end <= NEAR))) continue;
      out.push({ detector: 'aws_secret_key', start, end });
    }
  },
};
