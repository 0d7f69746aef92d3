// xai_api_key: xAI (Grok) API keys, `xai-` then 80 alphanumerics (the keys the xAI console issues;
// the same shape secret scanners look for). Without the prefix, an LLM provider's key is found by
// its key context (`XAI_API_KEY=…`, `"api_key": …`) instead.
import { hasRawKeyPrefix } from './raw-prefixes';
import { tokenFormat } from './token-format';

export const xaiApiKey = tokenFormat({
  name: 'xai_api_key',
  description: 'An xAI (Grok) API key (xai-…).',
  prefix: 'xai-',
  regex: /(?<![A-Za-z0-9_-])xai-[A-Za-z0-9]{70,90}(?![A-Za-z0-9_-])/g,
  minLength: 74,
  needsDigit: true,
  rawCheck: hasRawKeyPrefix,
  examples: {
    positive: ['XAI_API_KEY=xai-Qm7Vb4nR8tY1wLs2Kp9Xz3Hc6Jd0Fg5Ta8Ue1Wi4Ro7Sy2Nv5Mb9Lq3Gk6Pj0Dh4Cf8Ex1Zu7Aw2Ys5O'],
    negative: ['xai-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'xai-grok-beta', 'xai-sdk'],
  },
});
