// aws_access_key: AWS access key ids (AKIA long-term, ASIA temporary, and the rarer ABIA/ACCA/A3T*).
import { regexDetector } from './regex-detector';
import { isPlaceholderBody, tokenGlued } from './util';

/** Raw prefilter: an `A` followed by KIA, SIA, BIA, CCA or 3T (one scan for the five prefixes). */
export function hasAwsKeyIdPrefix(raw: string): boolean {
  let i = raw.indexOf('A');
  while (i >= 0) {
    const c = raw.charCodeAt(i + 1);
    if ((c === 75 && raw.startsWith('IA', i + 2)) || (c === 83 && raw.startsWith('IA', i + 2)) || (c === 66 && raw.startsWith('IA', i + 2)) || (c === 67 && raw.startsWith('CA', i + 2)) || (c === 51 && raw.charCodeAt(i + 2) === 84)) return true;
    i = raw.indexOf('A', i + 1);
  }
  return false;
}

export const AWS_KEY_ID = /(?<![A-Za-z0-9])(?:AKIA|ASIA|ABIA|ACCA|A3T[A-Z0-9])[A-Z0-9]{16}(?![A-Za-z0-9])/g;

export const awsAccessKey = regexDetector({
  name: 'aws_access_key',
  description: 'An AWS access key id (AKIA…, ASIA…).',
  defaultSeverity: 'error',
  examples: {
    positive: ['AKIAVRNKNO4UV3NI2WDV', 'aws_access_key_id = ASIA77FK7HGGBB2L5JCO'],
    negative: ['AKIAXXXXXXXXXXXXXXXX', 'TODAYINASIAASACKOFRICEFELLOVER', 'AKIAVRNKNO4UV3NI2WDVX'],
  },
  regexes: [AWS_KEY_ID],
  gate: ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'],
  rawHint: 'AKIA|ASIA|ABIA|ACCA|A3T',
  minLength: 20,
  rawCheck: hasAwsKeyIdPrefix,
  validate(text, start, end) {
    return !tokenGlued(text, start, end) && !isPlaceholderBody(text.slice(start + 4, end));
  },
});
