// replicate_api_token: Replicate API tokens, `r8_` then 37 alphanumerics (40 characters in all).
import { hasRawKeyPrefix } from './raw-prefixes';
import { tokenFormat } from './token-format';

export const replicateApiToken = tokenFormat({
  name: 'replicate_api_token',
  description: 'A Replicate API token (r8_…).',
  prefix: 'r8_',
  regex: /(?<![A-Za-z0-9_])r8_[A-Za-z0-9]{37}(?![A-Za-z0-9_])/g,
  minLength: 40,
  needsDigit: true,
  rawCheck: hasRawKeyPrefix,
  examples: {
    positive: ['REPLICATE_API_TOKEN=r8_ICuaWdIympIgwGSY77k6rBdlW9eBOvE0mJ484'],
    negative: ['r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ver8_release_notes_for_the_next_version'],
  },
});
