// huggingface_token: Hugging Face user access tokens, `hf_` then 34 letters (gitleaks' rule
// `huggingface-access-token`). A name like `rhf_SponsoredProducts…` is glued and not reported.
import { hasRawKeyPrefix } from './raw-prefixes';
import { tokenFormat } from './token-format';

export const huggingfaceToken = tokenFormat({
  name: 'huggingface_token',
  description: 'A Hugging Face access token (hf_…).',
  prefix: 'hf_',
  regex: /(?<![A-Za-z0-9_])hf_[A-Za-z0-9]{34}(?![A-Za-z0-9_])/g,
  minLength: 37,
  rawCheck: hasRawKeyPrefix,
  examples: {
    positive: ['HF_TOKEN=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', '-H "Authorization: Bearer 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"'],
    negative: ['hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', '_kHMSymptomhf_generatedByHomeAppForDebuggingPurposesKey', 'hf_hub_download'],
  },
});
