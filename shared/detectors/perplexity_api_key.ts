// perplexity_api_key: Perplexity API keys, `pplx-` then 48 alphanumerics (gitleaks' rule
// `perplexity-api-key`).
import { hasRawKeyPrefix } from './raw-prefixes';
import { tokenFormat } from './token-format';

export const perplexityApiKey = tokenFormat({
  name: 'perplexity_api_key',
  description: 'A Perplexity API key (pplx-…).',
  prefix: 'pplx-',
  regex: /(?<![A-Za-z0-9_-])pplx-[A-Za-z0-9]{48}(?![A-Za-z0-9_-])/g,
  minLength: 53,
  needsDigit: true,
  rawCheck: hasRawKeyPrefix,
  examples: {
    positive: ['PERPLEXITY_API_KEY=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'],
    negative: ['PERPLEXITY_API_KEY=pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pplx-api'],
  },
});
