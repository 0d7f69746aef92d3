// langfuse_api_key: Langfuse project keys, the secret `sk-lf-…` and the public `pk-lf-…` (a UUID
// after the prefix), sent together as HTTP Basic credentials. Not OpenAI keys: ranked before
// openai_api_key in the registry, and openai_api_key refuses `sk-lf-`.
import { tokenFormat } from './token-format';

export const langfuseApiKey = tokenFormat({
  name: 'langfuse_api_key',
  description: 'A Langfuse API key (sk-lf-… secret key, pk-lf-… public key).',
  prefix: 'k-lf-',
  regex: /(?<![A-Za-z0-9_-])[sp]k-lf-[0-9a-fA-F]{8}(?:-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}(?![A-Za-z0-9_-])/g,
  minLength: 42,
  needsDigit: true,
  rawLiterals: ['k-lf-'],
  examples: {
    positive: ['LANGFUSE_SECRET_KEY=sk-lf-7848a6e1-f58f-44e6-841c-db1e77e850b5', 'pk-lf-dd2c5964-13a3-40a7-aeee-b726529e73e1'],
    negative: ['sk-lf-...', 'sk-lf-your-secret-key-here', 'pk-lf-00000000-0000-0000-0000-000000000000'],
  },
});
