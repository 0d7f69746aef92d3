// aws_secret_key: a 40-character AWS secret access key, ONLY with AWS context: the value sits under
// an AWS-ish key (`aws_secret_access_key`, `SecretAccessKey`), a label like that stands just before
// it in the text, or an access key id (AKIA…/ASIA…) stands within 200 characters. TraceCraft's rule
// (any 40 characters of [A-Za-z0-9/+=]) fired on every git SHA; a 40-char lower-case hex string is
// never reported here, whatever the context.
import { AWS_KEY_ID, AWS_KEY_ID_PREFIXES } from './aws_access_key';
import { keyTokens } from './keys';
import type { Candidate, DetectContext, Detector } from './types';
import { caseless } from './util';
import { anyLiteral } from '../engine/prefilter';
import { anchor, indexOfAnchor } from '../engine/anchors';

const CANDIDATE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{38,40}={0,2}(?![A-Za-z0-9/+=])/g;
// Case-sensitive spellings, so the raw prefilter can look for the same literals.
const SECRET = '(?:secret|Secret|SECRET)';
const LABEL = new RegExp(`(?:aws|Aws|AWS).?${SECRET}|${SECRET}.?(?:access|Access|ACCESS).?(?:key|Key|KEY)`, 'g');
const NEAR = 200;

/** Whether a key name says "AWS secret access key" (`aws_secret_access_key`, `SecretAccessKey`, `AWS_SECRET`). */
export function isAwsSecretKeyName(key: string): boolean {
  const t = keyTokens(key);
  const has = (w: string) => t.includes(w);
  const joined = t.join('');
  return (has('aws') && has('secret')) || joined.includes('secretaccesskey');
}

function looksLikeSecret(s: string): boolean {
  if (s.length - (s.endsWith('==') ? 2 : s.endsWith('=') ? 1 : 0) !== 40) return false;
  let upper = false;
  let lower = false;
  let digit = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c >= 48 && c <= 57) digit = true;
  }
  // Git SHAs and hex digests are one case only; AWS secrets are base64 with both cases.
  return upper && lower && digit;
}

const hasKeyIdPrefix = anyLiteral(AWS_KEY_ID_PREFIXES);
const CRET = anchor('cret');
const ECRET = anchor('ECRET');
const CRET_UPPER = anchor('CRET');
/** `ecret` or `ECRET`. */
function hasSecretWord(raw: string): boolean {
  for (let at = indexOfAnchor(raw, CRET); at !== -1; at = indexOfAnchor(raw, CRET, at + 1)) if (raw.charCodeAt(at - 1) === 101) return true;
  return indexOfAnchor(raw, ECRET) !== -1;
}
/** Besides `secret`, every LABEL spells `aws` or `access` as it does. */
const hasLabelWord = anyLiteral(['aws', 'Aws', 'AWS', 'access', 'Access', 'ACCESS']);

/** Whether code unit `c` is one of a candidate's `[A-Za-z0-9/+=]`. */
function isCandidateChar(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || c === 47 || c === 43 || c === 61;
}

/** Whether raw[i] belongs to a run of candidate characters: one of them, or the backslash of `\/`. */
function inRawRun(raw: string, i: number): boolean {
  const c = raw.charCodeAt(i);
  return isCandidateChar(c) || (c === 92 && raw.charCodeAt(i + 1) === 47);
}

/** Whether the run raw[s, e) (backslashes of `\/` not counted) has a CANDIDATE's length and looksLikeSecret's letter cases. */
function runMayBeSecret(raw: string, s: number, e: number): boolean {
  let n = 0;
  let upper = false;
  let lower = false;
  let digit = false;
  for (let i = s; i < e; i++) {
    const c = raw.charCodeAt(i);
    if (c === 92) continue;
    n++;
    if (c >= 65 && c <= 90) upper = true;
    else if (c >= 97 && c <= 122) lower = true;
    else if (c >= 48 && c <= 57) digit = true;
  }
  return n >= 38 && n <= 42 && upper && lower && digit;
}

/**
 * Whether a RAW JSON line holds a run of `[A-Za-z0-9/+=]` (a `\/` escape counted as its `/`) that
 * CANDIDATE can match whole: 38 to 42 characters, upper and lower case and a digit. The decoded
 * text has the same runs, but for the letter of an escape (`\n`) at a run's start, which is judged
 * both ways (any escape decodes to a character outside the class). A run also counts when split at
 * its backslashes (a malformed line is scanned as raw text). Runs
 * of 38 or more cover one of every 38th position, so only those are looked at.
 */
function hasRawCandidate(raw: string): boolean {
  for (let i = 37; i < raw.length; ) {
    // A run of 38 or more through i also covers i - 19 or i + 19: most words are shorter.
    if (!inRawRun(raw, i) || (!inRawRun(raw, i - 19) && !inRawRun(raw, i + 19))) {
      i += 38;
      continue;
    }
    let s = i;
    let e = i + 1;
    while (s > 0 && inRawRun(raw, s - 1)) s--;
    while (e < raw.length && inRawRun(raw, e)) e++;
    // Every reading of the run below is at most its length: a shorter one holds no candidate.
    if (e - s < 38) {
      i = e + 38;
      continue;
    }
    if (runMayBeSecret(raw, s, e)) return true;
    // `\nAKsl…`: the escape's letter is no character of the decoded run.
    if (s > 0 && raw.charCodeAt(s - 1) === 92 && runMayBeSecret(raw, s + 1, e)) return true;
    const slash = raw.indexOf('\\', s);
    if (slash !== -1 && slash < e) {
      for (let a = s, b = s; b <= e; b++) {
        if (b === e || raw.charCodeAt(b) === 92) {
          if (runMayBeSecret(raw, a, b)) return true;
          a = b + 1;
        }
      }
    }
    i = e + 38;
  }
  return false;
}

/**
 * Whether `secret` (as LABEL and AWS-ish key names spell it) at `at` of a RAW line lies in a JSON key
 * (`"aws_secret_access_key": `, escaped alike when nested): a value under it is judged by its key,
 * wherever its candidate stands. Also how the trace reader asks whether a key alone matters.
 */
function inRawKey(raw: string, at: number): boolean {
  // A key ends at its first quote (`\"` when the key is JSON inside a string); then blanks and `:`.
  let i = raw.indexOf('"', at);
  if (i < 0) return false;
  i++;
  while (i < raw.length && (raw.charCodeAt(i) === 32 || raw.charCodeAt(i) === 9)) i++;
  return raw.charCodeAt(i) === 58;
}

/**
 * Raw prefilter: an access key id's prefix; or `secret` with either a LABEL's words and a candidate
 * on the line, or `secret` in a JSON key. Coding agents' traces say "secret" on nearly every line,
 * but seldom with "aws" or "access" beside it, or beside 40 mixed-case characters.
 */
export function hasRawAwsSecret(raw: string): boolean {
  if (hasKeyIdPrefix(raw)) return true;
  if (!hasSecretWord(raw)) return false;
  if (hasLabelWord(raw) && hasRawCandidate(raw)) return true;
  // `ecret` and `ECRET` found at `cret` and `CRET`, and the `e` or `E` before checked.
  for (const [e, w] of [[101, CRET], [69, CRET_UPPER]] as const) {
    for (let at = indexOfAnchor(raw, w, 1); at !== -1; at = indexOfAnchor(raw, w, at + 1)) if (raw.charCodeAt(at - 1) === e && inRawKey(raw, at + 4)) return true;
  }
  return false;
}

export const awsSecretKey: Detector = {
  name: 'aws_secret_key',
  description: 'An AWS secret access key (40 characters), found only next to AWS context.',
  defaultSeverity: 'error',
  defaultEnabled: true,
  examples: {
    positive: [
      'AWS_SECRET_ACCESS_KEY = wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETSKEY',
      'AKIAVRNKNO4UV3NI2WDV,Xq3mZ8vT2pL9kR4wN7jB1cF6hD0sG5yA8eU2iO4t',
    ],
    negative: [
      'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
      'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETSKEY',
      'AWS_SECRET_ACCESS_KEY = R6WCNd0erkAuZyD+Fe8C4IwjpYQtniKqnHAzE7Pk5fPrBRpwOnuYxA==',
    ],
  },
  patterns: [CANDIDATE, LABEL, AWS_KEY_ID],
  // Every label and AWS-ish key name contains `secret` (as spelt in LABEL; key tokens come from
  // lower, Title or UPPER case spellings); otherwise an access key id.
  rawHint: `${caseless('secret')}|${AWS_KEY_ID_PREFIXES.join('|')}`,
  minLength: 40,
  rawCheck: hasRawAwsSecret,
  find(text: string, ctx: DetectContext, out: Candidate[]): void {
    const keyContext = ctx.key !== undefined && isAwsSecretKeyName(ctx.key);
    // Context positions, collected only when the text could hold a candidate at all.
    let contexts: number[] | undefined;
    if (!keyContext) {
      contexts = [];
      LABEL.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = LABEL.exec(text)) !== null) contexts.push(m.index + m[0].length);
      AWS_KEY_ID.lastIndex = 0;
      while ((m = AWS_KEY_ID.exec(text)) !== null) contexts.push(m.index, m.index + m[0].length);
      if (contexts.length === 0) return;
    }
    CANDIDATE.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CANDIDATE.exec(text)) !== null) {
      if (!looksLikeSecret(m[0])) continue;
      const start = m.index;
      const end = start + m[0].length;
      if (!keyContext && !contexts!.some((p) => (p <= start && start - p <= NEAR) || (p >= end && p - end <= NEAR))) continue;
      out.push({ detector: 'aws_secret_key', start, end });
    }
  },
};
