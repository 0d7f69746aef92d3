// aws_access_key: AWS access key ids (AKIA long-term, ASIA temporary, and the rarer ABIA/ACCA/A3T*).
import { regexDetector } from './regex-detector';
import { isPlaceholderBody, tokenGlued } from './util';

/** The prefixes of access key ids: the regex's literals, the gate and the raw prefilter's literals. */
export const AWS_KEY_ID_PREFIXES = ['AKIA', 'ASIA', 'ABIA', 'ACCA', 'A3T'];

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
  gate: AWS_KEY_ID_PREFIXES,
  rawHint: AWS_KEY_ID_PREFIXES.join('|'),
  minLength: 20,
  rawLiterals: AWS_KEY_ID_PREFIXES,
  validate(text, start, end) {
    return !tokenGlued(text, start, end) && !isPlaceholderBody(text.slice(start + 4, end));
  },
});
