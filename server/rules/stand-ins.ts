// Values in source that stand for a credential instead of being one: placeholders (`your-secret`,
// `YOUR_PASSWORD`, `<token>`, `changeme`, `xxx`, `${VAR}`), names (an environment variable, a class,
// a dotted attribute, a snake_case identifier), words, elided examples (`sk-proj-abc…`) and the
// made-up values of tests (`super_secret_key_12345`, `abcdef1234567890`). hardcoded-credential asks
// this of what a name-driven detector (password_field, generic_api_key_param, sensitive_field)
// found; a key-format detector's match stands unless it is elided or a published example.
import { isStandInValue } from '../../shared/detectors/assignment';

/** Words that make up placeholder values; a value of only these (and counting digits) is made up. */
const FILLER = new Set([
  'your', 'my', 'our', 'the', 'a', 'an', 'some', 'this', 'that', 'here', 'goes', 'insert', 'enter', 'replace', 'put', 'add',
  'with', 'me', 'change', 'changeme', 'set', 'new', 'old', 'real', 'actual', 'valid', 'invalid', 'wrong', 'bad', 'good', 'other',
  'secret', 'secrets', 'key', 'keys', 'api', 'apikey', 'token', 'tokens', 'password', 'passwd', 'pass', 'pwd', 'auth', 'access',
  'private', 'public', 'client', 'user', 'username', 'admin', 'root', 'refresh', 'session', 'bearer', 'value', 'string', 'text',
  'test', 'tests', 'testing', 'fake', 'dummy', 'mock', 'mocked', 'example', 'sample', 'demo', 'placeholder', 'default', 'temp',
  'foo', 'bar', 'baz', 'qux', 'abc', 'xyz', 'xxx', 'xxxx', 'todo', 'tbd', 'none', 'null', 'empty', 'super', 'very', 'top',
  'hunter', 'letmein', 'qwerty', 'sk', 'pk', 'lf', 'ls', 'hf', 'ant', 'proj', 'project', 'org', 'local', 'dev', 'prod', 'staging',
  'service', 'server', 'db', 'database', 'do', 'not', 'use', 'only', 'workspace', 'replica', 'tenant', 'app', 'account',
]);

/** Values AWS, GitHub and others publish as examples in their documentation. */
const PUBLISHED_EXAMPLES = new Set(['AKIAIOSFODNN7EXAMPLE', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'ASIAIOSFODNN7EXAMPLE']);

/** Runs of 4+ consecutive ascending characters (`1234`, `abcdef`, `ABCD`): typed, not generated. */
function withoutSequences(s: string): string {
  let out = '';
  let i = 0;
  while (i < s.length) {
    let j = i + 1;
    while (j < s.length && s.charCodeAt(j) === s.charCodeAt(j - 1) + 1 && /[0-9a-zA-Z]/.test(s[j])) j++;
    if (j - i < 4) out += s.slice(i, j);
    i = j;
  }
  return out;
}

/** Whether every word of the value is a filler word or a typed run of digits (`super_secret_key_12345`). */
function onlyFiller(v: string): boolean {
  const parts = v.split(/[-_.\s/:]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Za-z])(?=\d)|(?<=\d)(?=[A-Za-z])/).filter((p) => p.length > 0);
  if (parts.length === 0) return true;
  return parts.every((p) => FILLER.has(p.toLowerCase()) || /^\d{1,3}$/.test(p) || (p.length >= 4 && withoutSequences(p).length <= 2) || /^(.)\1+$/.test(p));
}

/**
 * Letters only, in words: `old-refresh-token`, `X-Service-Token`, `sandboxApiKey`, `DO_NOT_USE`. A
 * name or a phrase; a generated secret mixes digits in, or changes case inside its "words" (`kJhGfD`).
 */
function isWordsName(v: string): boolean {
  if (!/^[A-Za-z]+(?:[-_.][A-Za-z]+)*$/.test(v) || v.length > 60) return false;
  const words = v.split(/[-_.]+|(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])/).filter((w) => w.length > 0);
  return words.every((w) => w.length >= 2 || words.length === 1) && v.replace(/[-_.]/g, '').length / words.length >= 3;
}

/** A value written where a credential goes, which is not one. */
export function isStandIn(value: string): boolean {
  const v = value.trim();
  if (v.length === 0) return true;
  if (isStandInValue(v)) return true;
  if (PUBLISHED_EXAMPLES.has(v)) return true;
  // `<token>`, `[API_KEY]`, `{api_key}`, `${VAR}`, `%API_KEY%`, `$VAR`
  if (/^(?:<[^<>]*>|\[[^[\]]*\]|\{[^{}]*\}|%[^%]*%|\$\{?[\w.]+\}?)$/.test(v)) return true;
  // `...`, `…`, `***`, an elided value `sk-abc...`
  if (/(?:\.\.\.|…)$/.test(v) || /^[.*•…xX#-]+$/.test(v)) return true;
  // A name, not a value: an environment variable, a class, a dotted attribute, a snake/kebab-case word.
  if (/^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$/.test(v)) return true;
  if (/^[A-Z][a-z]+(?:[A-Z][a-z0-9]*)+$/.test(v)) return true;
  if (/^[A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)+(?:\(\))?$/.test(v) && !/\d/.test(v)) return true;
  // A module path (`.types`), an HTTP header's name (`x-api-key`, `X-Service-Token`).
  if (/^\.[\w.]+$/.test(v) || /^x-[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/i.test(v)) return true;
  if (isWordsName(v)) return true;
  // `***MASKED***`, `<hidden>`: a value already hidden.
  if (/^[*#<[({_-]*(?:masked|hidden|removed|omitted|scrubbed|sanitized|filtered)[*#>\])}_-]*$/i.test(v)) return true;
  // Placeholder phrasing anywhere: `your-api-key-here`, `YOUR_PASSWORD`, `replace-me`, `<your key>`.
  if (/(?:^|[^a-z])(?:your|replace|insert|placeholder|changeme|change[-_]?me|dummy|example|redacted)(?:[^a-z]|$)/i.test(v)) return true;
  // Prose: a value with spaces between words is a sentence.
  if (/[A-Za-z]{2,}\s+[A-Za-z]{2,}/.test(v)) return true;
  // A URL or a path is where a credential is sent or stored, not the credential.
  if (/^(?:[a-z][a-z0-9+.-]*:\/\/|\/|\.\/|~\/)/i.test(v) && !/@/.test(v)) return true;
  if (v.length < 6) return true;
  return onlyFiller(v);
}

/** A key-format match that is elided in its literal (`sk-proj-abc123...`) or a published example. */
export function isExampleMatch(literal: string, start: number, end: number, match: string): boolean {
  if (PUBLISHED_EXAMPLES.has(match)) return true;
  const after = literal.slice(end, end + 3);
  return after === '...' || after.startsWith('…');
}
