// webhook_signing_secret: a webhook signing secret `whsec_…`: Stripe's (Dashboard: 32 alphanumerics;
// `stripe listen`: 64 hex), and the Standard Webhooks / Svix form (base64 of 24 to 64 bytes), which
// OpenAI's webhooks use too. Whoever holds it can forge events the receiver trusts.
import { hasRawKeyPrefix } from './raw-prefixes';
import { tokenFormat } from './token-format';

export const webhookSigningSecret = tokenFormat({
  name: 'webhook_signing_secret',
  description: 'A webhook signing secret (whsec_…: Stripe, Standard Webhooks / Svix, OpenAI).',
  prefix: 'whsec_',
  regex: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/]{32,88}={0,2}(?![A-Za-z0-9_+/=])/g,
  minLength: 38,
  rawCheck: hasRawKeyPrefix,
  examples: {
    positive: ['STRIPE_WEBHOOK_SECRET=whsec_gNSWPH8prVqsUeQCtDR3zzX6hqo35uwZ', 'whsec_8b4585023a0286cce33b53f68e6f9833288305d32df5ce9fedd38fc7ef24f8e0'],
    negative: ['whsec_...', 'whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'whsec_new_xxx'],
  },
});
