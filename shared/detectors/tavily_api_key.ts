// tavily_api_key: Tavily search API keys, `tvly-` then 32 alphanumerics (newer keys name their
// environment first: `tvly-dev-…`, `tvly-prod-…`).
import { hasRawKeyPrefix } from './raw-prefixes';
import { tokenFormat } from './token-format';

export const tavilyApiKey = tokenFormat({
  name: 'tavily_api_key',
  description: 'A Tavily API key (tvly-…).',
  prefix: 'tvly-',
  regex: /(?<![A-Za-z0-9_-])tvly-(?:(?:dev|prod)-)?[A-Za-z0-9]{32}(?![A-Za-z0-9_-])/g,
  minLength: 37,
  needsDigit: true,
  rawCheck: hasRawKeyPrefix,
  examples: {
    positive: ['TAVILY_API_KEY=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', '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'],
    negative: ['tvly-YOUR_API_KEY', 'tvly-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'],
  },
});
