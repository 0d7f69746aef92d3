// langsmith_api_key: LangSmith API keys: personal access tokens `lsv2_pt_…` and service keys
// `lsv2_sk_…` (LangChain docs, "LLM Gateway authentication"), issued as 32 hex, `_`, 10 hex.
import { hasRawKeyPrefix } from './raw-prefixes';
import { tokenFormat } from './token-format';

export const langsmithApiKey = tokenFormat({
  name: 'langsmith_api_key',
  description: 'A LangSmith API key (lsv2_pt_… personal access token, lsv2_sk_… service key).',
  prefix: 'lsv2_',
  regex: /(?<![A-Za-z0-9_])lsv2_(?:pt|sk)_[A-Za-z0-9_]{30,90}(?![A-Za-z0-9_])/g,
  minLength: 32,
  rawCheck: hasRawKeyPrefix,
  examples: {
    positive: ['LANGSMITH_API_KEY=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', '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'],
    negative: ['lsv2_pt_...', 'lsv2_pt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxx', 'lsv2_'],
  },
});
