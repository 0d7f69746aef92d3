// groq_api_key: Groq API keys, `gsk_` then 52 alphanumerics.
import { hasRawKeyPrefix } from './raw-prefixes';
import { tokenFormat } from './token-format';

export const groqApiKey = tokenFormat({
  name: 'groq_api_key',
  description: 'A Groq API key (gsk_…).',
  prefix: 'gsk_',
  regex: /(?<![A-Za-z0-9_])gsk_[A-Za-z0-9]{48,56}(?![A-Za-z0-9_])/g,
  minLength: 52,
  needsDigit: true,
  rawCheck: hasRawKeyPrefix,
  examples: {
    positive: ['GROQ_API_KEY=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'],
    negative: ['gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'gsk_your_key_here'],
  },
});
