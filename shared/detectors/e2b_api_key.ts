// e2b_api_key: E2B sandbox API keys, `e2b_` then lower-case hex: the E2B SDKs reject any other key
// (`/^e2b_[0-9a-f]+$/`, their example 40 hex digits). Agents run code in E2B sandboxes, and the key
// travels in `Sandbox.create(api_key=…)` calls, `E2B_API_KEY=…` and the `X-API-Key` header.
import { hasRawKeyPrefix } from './raw-prefixes';
import { tokenFormat } from './token-format';

export const e2bApiKey = tokenFormat({
  name: 'e2b_api_key',
  description: 'An E2B sandbox API key (e2b_…).',
  prefix: 'e2b_',
  regex: /(?<![A-Za-z0-9_])e2b_[0-9a-f]{32,64}(?![A-Za-z0-9_])/g,
  minLength: 36,
  needsDigit: true,
  rawCheck: hasRawKeyPrefix,
  examples: {
    positive: ['E2B_API_KEY=e2b_5d1f09a8c4b7e36f2a90d8c1b4e7f3a6d2c9b0e5', 'Sandbox.create(api_key="e2b_9c3e7a1f5b2d8e4a6c0f3b7d1e9a5c2f8b4d6e0a")'],
    negative: ['e2b_0000000000000000000000000000000000000000', 'e2b_api_key', 'e2b_code_interpreter', 'E2B_API_KEY=e2b_***'],
  },
});
