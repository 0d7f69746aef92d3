// email: an e-mail address. Found by scanning out from each `@` (no regex scan over long text, so
// the cost is linear in the text whatever it holds). Not reported: `icon@2x.png` (an asset name),
// `git@github.com` (an SSH remote), npm scopes (`@types/node`), versions (`pkg@1.2.3`), a URL's
// password and host (`https://user:pw@host.com`: url_credentials).
import type { Candidate, DetectContext, Detector } from './types';
import { isAlnum } from './util';

const FILE_TLDS = new Set(['png', 'jpg', 'jpeg', 'gif', 'svg', 'webp', 'ico', 'bmp', 'css', 'js', 'ts', 'py', 'json', 'md']);
const SSH_USERS = new Set(['git', 'hg', 'ssh']);

function isLocalChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45; // . _ % + -
}
function isDomainChar(c: number): boolean {
  return isAlnum(c) || c === 46 || c === 45;
}

/** The address around the `@` at `at`, as [start, end), or undefined. */
function addressAt(text: string, at: number): [number, number] | undefined {
  let s = at;
  const minS = Math.max(0, at - 64);
  while (s > minS && isLocalChar(text.charCodeAt(s - 1))) s--;
  // The local part starts and ends with a letter or digit.
  while (s < at && !isAlnum(text.charCodeAt(s))) s++;
  if (s === at || !isAlnum(text.charCodeAt(at - 1)) && text.charCodeAt(at - 1) !== 95) return undefined;
  let e = at + 1;
  const maxE = Math.min(text.length, at + 1 + 255);
  while (e < maxE && isDomainChar(text.charCodeAt(e))) e++;
  while (e > at + 1 && !isAlnum(text.charCodeAt(e - 1))) e--;
  const domain = text.slice(at + 1, e);
  if (!isAlnum(domain.charCodeAt(0))) return undefined;
  const labels = domain.split('.');
  if (labels.length < 2 || labels.some((l) => l.length === 0 || l.length > 63)) return undefined;
  const tld = labels[labels.length - 1];
  // A TLD is letters (or an IDN `xn--…` label).
  if (!/^(?:[A-Za-z]{2,24}|xn--[a-z0-9-]{2,59})$/.test(tld)) return undefined;
  if (FILE_TLDS.has(tld.toLowerCase())) return undefined;
  if (SSH_USERS.has(text.slice(s, at))) return undefined;
  if (s > 0 && text.charCodeAt(s - 1) === 58 && inUrlAuthority(text, s - 1)) return undefined;
  return [s, e];
}

/** Whether the `:` at `colon` separates a URL's user and password (`https://user:pass@host`: no address). */
function inUrlAuthority(text: string, colon: number): boolean {
  const min = Math.max(0, colon - 256);
  for (let i = colon - 1; i >= min; i--) {
    const c = text.charCodeAt(i);
    if (c === 47 /* / */) return i >= 2 && text.charCodeAt(i - 1) === 47 && text.charCodeAt(i - 2) === 58;
    if (c <= 32 || c === 34 || c === 39 || c === 64) return false;
  }
  return false;
}

/**
 * Raw prefilter: an `@` that `addressAt` may accept, judged on the RAW line as it judges the decoded
 * text: a letter, digit or `_` before it, then a domain with a dot and a TLD of letters that is no
 * file extension, and not `git@` (an SSH remote). Domain characters are never JSON-escaped, and an
 * escape before the local part leaves its letter in the raw local part (so it reads longer, never
 * shorter: `git` is only `git` in both). `@dataclass`, `@jane`, `pkg@1.2.3`, `git@github.com` and
 * `\t@app.route` (a decorator after a tab) pass no line; of a malformed line, scanned as raw text,
 * only a one-letter local part that is an escape's letter is lost this way.
 */
export function hasRawEmail(raw: string): boolean {
  for (let at = raw.indexOf('@'); at !== -1; at = raw.indexOf('@', at + 1)) {
    const b = raw.charCodeAt(at - 1);
    if (!(isAlnum(b) || b === 95)) continue;
    // `\t@app.route`: the letter of an escape (an odd run of backslashes before it) is no local part.
    let k = at - 2;
    while (k >= 0 && raw.charCodeAt(k) === 92) k--;
    if ((at - 2 - k) % 2 === 1) continue;
    let e = at + 1;
    const maxE = Math.min(raw.length, at + 1 + 255);
    while (e < maxE && isDomainChar(raw.charCodeAt(e))) e++;
    while (e > at + 1 && !isAlnum(raw.charCodeAt(e - 1))) e--;
    if (e === at + 1 || !isAlnum(raw.charCodeAt(at + 1))) continue;
    const dot = raw.lastIndexOf('.', e - 1);
    if (dot <= at + 1) continue;
    const tld = raw.slice(dot + 1, e);
    if (!/^(?:[A-Za-z]{2,24}|xn--[a-z0-9-]{2,59})$/.test(tld) || FILE_TLDS.has(tld.toLowerCase())) continue;
    let s = at;
    const minS = Math.max(0, at - 64);
    while (s > minS && isLocalChar(raw.charCodeAt(s - 1))) s--;
    while (s < at && !isAlnum(raw.charCodeAt(s))) s++;
    if (SSH_USERS.has(raw.slice(s, at))) continue;
    return true;
  }
  return false;
}

export const email: Detector = {
  name: 'email',
  description: 'An e-mail address (personal data).',
  defaultSeverity: 'warning',
  defaultEnabled: true,
  examples: {
    positive: ['info@presidio.site', 'contact jane.doe+agents@example-mail.co.uk today', 'user@xn--80ak6aa92e.com'],
    negative: ['icon@2x.png', 'git@github.com:org/repo.git', 'npm i @types/node', 'lodash@4.17.21', 'my email is info@presidio.'],
  },
  patterns: [],
  rawHint: '@',
  minLength: 6,
  rawCheck: hasRawEmail,
  find(text: string, _ctx: DetectContext, out: Candidate[]): void {
    let at = text.indexOf('@');
    let after = 0;
    while (at >= 0) {
      if (at >= after) {
        const span = addressAt(text, at);
        if (span && span[0] >= after) {
          out.push({ detector: 'email', start: span[0], end: span[1] });
          after = span[1];
        }
      }
      at = text.indexOf('@', at + 1);
    }
  },
};
