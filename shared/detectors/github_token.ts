// github_token: GitHub tokens: classic (ghp_, gho_, ghu_, ghs_, ghr_) and fine-grained (github_pat_).
import { regexDetector } from './regex-detector';
import { isPlaceholderBody } from './util';

/**
 * Raw prefilter: `gh` + one of p/o/u/s/r + `_`, or `github_pat_`. Both have a `_` where `g` and `h`
 * are common in text, so one pass visits each `_` and looks back.
 */
function hasGithubPrefix(raw: string): boolean {
  for (let i = raw.indexOf('_', 3); i !== -1; i = raw.indexOf('_', i + 1)) {
    if (raw.charCodeAt(i - 3) === 103 /* g */ && raw.charCodeAt(i - 2) === 104 /* h */ && 'pousr'.includes(raw[i - 1])) return true;
    if (i >= 6 && raw.charCodeAt(i - 1) === 98 /* b */ && raw.startsWith('github_pat_', i - 6)) return true;
  }
  return false;
}

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
  rawCheck: hasGithubPrefix,
  validate(text, start, end) {
    return !isPlaceholderBody(text.slice(start + (text.startsWith('github_pat_', start) ? 11 : 4), end).replace(/_/g, ''));
  },
});
