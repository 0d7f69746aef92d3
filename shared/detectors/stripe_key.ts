// stripe_key: Stripe secret, restricted and publishable keys (sk_/rk_/pk_ + live/test/prod).
import { regexDetector } from './regex-detector';
import { isPlaceholderBody } from './util';
import { anyLiteral } from '../engine/prefilter';

/** Raw prefilter: `k_` followed by `live_`, `test_` or `prod_`. */
const hasStripePrefix = anyLiteral(['k_live_', 'k_test_', 'k_prod_']);

export const stripeKey = regexDetector({
  name: 'stripe_key',
  description: 'A Stripe key (sk_live_, sk_test_, rk_live_, pk_live_, …).',
  defaultSeverity: 'error',
  examples: {
    positive: ['sk_test_s9s5ayyxcgbtkj3qg5k6f0bpokds5j', 'STRIPE_KEY=rk_live_51OuEMLAlTWGaDypquDn9aZigaJOsa9NR1w1BxZXs9JlYsVVkv5X'],
    negative: ['task_test_60xjsp1ud6kp0s0m62xs5ekkf3s199', 'sk_live_xxxxxxxxxxxxxxxxxxxxxxxx', 'sk_test_'],
  },
  regexes: [/(?<![A-Za-z0-9_])[spr]k_(?:live|test|prod)_[A-Za-z0-9]{10,255}(?![A-Za-z0-9_])/g],
  gate: ['k_live_', 'k_test_', 'k_prod_'],
  rawHint: 'k_(?:live|test|prod)_',
  minLength: 18,
  rawCheck: hasStripePrefix,
  validate: (text, start, end) => !isPlaceholderBody(text.slice(text.indexOf('_', start + 3) + 1, end)),
});
