// npm_token: npm access tokens, `npm_` then 36 alphanumerics (gitleaks' rule `npm-access-token`).
import { hasRawKeyPrefix } from './raw-prefixes';
import { tokenFormat } from './token-format';

export const npmToken = tokenFormat({
  name: 'npm_token',
  description: 'An npm access token (npm_…).',
  prefix: 'npm_',
  regex: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9_])/g,
  minLength: 40,
  needsDigit: true,
  rawCheck: hasRawKeyPrefix,
  examples: {
    positive: ['//registry.npmjs.org/:_authToken=npm_S48BjW8JIWSAtTpZsnkS9PhqpGOdnjnzqhoo'],
    negative: ['npm_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'npm_config_registry', 'npm_package_version'],
  },
});
