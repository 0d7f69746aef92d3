// openrouter_api_key: OpenRouter API keys, `sk-or-v1-` then 64 hex. Ranked before openai_api_key,
// so an OpenRouter key is reported under its own name.
import { tokenFormat } from './token-format';

export const openrouterApiKey = tokenFormat({
  name: 'openrouter_api_key',
  description: 'An OpenRouter API key (sk-or-v1-…).',
  prefix: 'sk-or-',
  regex: /(?<![A-Za-z0-9_-])sk-or-v\d+-[0-9a-f]{64}(?![A-Za-z0-9_-])/g,
  minLength: 73,
  needsDigit: true,
  rawLiterals: ['k-or-'],
  examples: {
    positive: ['OPENROUTER_API_KEY=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'],
    negative: ['sk-or-v1-...', 'sk-or-v1-0000000000000000000000000000000000000000000000000000000000000000'],
  },
});
