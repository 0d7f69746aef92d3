// github_token: GitHub tokens: classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained (github_pat_).
import { regexDetector } from './regex-detector';
import { isPlaceholderBody } from './util';
import { hasRawKeyPrefix } from './raw-prefixes';

export const githubToken = regexDetector({
  name: 'github_token',
  description: 'A GitHub token (ghp_, gho_, ghu_, ghs_, ghr_, github_pat_).',
  defaultSeverity: 'error',
  examples: {
    positive: ['ghp_qfl0nkt0jmyxprzh1wnhjmntu6z27jiu7jon', 'GITHUB_TOKEN=github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW'],
    negative: ['ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'ghp_short123', 'laghp_qfl0nkt0jmyxprzh1wnhjmntu6z27jiu7jon'],
  },
  regexes: [/(?<![A-Za-z0-9_])(?:gh[pousr]_[A-Za-z0-9]{36,255}|github_pat_[A-Za-z0-9_]{22,255}|ghs_\d{1,12}_ey[A-Za-z0-9_.-]{30,2000})(?![A-Za-z0-9_])/g],
  gate: ['gh', 'github_pat_'],
  rawHint: 'gh[pousr]_|github_pat_',
  minLength: 33,
  // `gh` + p/o/u/s/r + `_`, or `github_pat_`, looked back for from each `_` (one pass shared with other formats).
  rawCheck: hasRawKeyPrefix,
  validate(text, start, end) {
    return !isPlaceholderBody(text.slice(start + (text.startsWith('github_pat_', start) ? 11 : 4), end).replace(/_/g, ''));
  },
});
