// gitlab_token: GitLab personal access tokens, `glpat-` then 20 token characters, or the routable
// form (a longer payload, then `.01.` and a short suffix).
import { hasRawKeyPrefix } from './raw-prefixes';
import { tokenFormat } from './token-format';

export const gitlabToken = tokenFormat({
  name: 'gitlab_token',
  description: 'A GitLab personal access token (glpat-…).',
  prefix: 'glpat-',
  regex: /(?<![A-Za-z0-9_-])glpat-[A-Za-z0-9_-]{20,64}(?:\.[0-9a-z]{2}\.[0-9a-z]{7,9})?(?![A-Za-z0-9_-])/g,
  minLength: 26,
  rawCheck: hasRawKeyPrefix,
  examples: {
    positive: ['GITLAB_TOKEN=glpat-amVRQXtc5rJpov9iodZr', 'glpat-xa1J_5Eg-t6AHzNp-Zd9P2OLPib.01.vepkm2q25'],
    negative: ['glpat-XXXXXXXXXXX-XXXXXXXX', 'glpat-your-token'],
  },
});
