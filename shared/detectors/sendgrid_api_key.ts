// sendgrid_api_key: SendGrid API keys, `SG.`, 22 characters, `.`, 43 characters (base64url).
import { tokenFormat } from './token-format';

export const sendgridApiKey = tokenFormat({
  name: 'sendgrid_api_key',
  description: 'A SendGrid API key (SG.….…).',
  prefix: 'SG.',
  regex: /(?<![A-Za-z0-9_.-])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_.-])/g,
  minLength: 69,
  rawLiterals: ['SG.'],
  examples: {
    positive: ['SENDGRID_API_KEY=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'],
    negative: ['SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'SG.1'],
  },
});
