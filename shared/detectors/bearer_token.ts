// bearer_token: a JWT, with or without `Bearer` in front, and any opaque token after `Bearer`.
// Only the token is reported (not the word Bearer), so a redacted header reads `Bearer [REDACTED]`;
// a key of a known format after Bearer (`Bearer sk-…`) goes to its own detector by precedence.
import { regexDetector } from './regex-detector';
import { isDigit, isPlaceholderBody } from './util';

export const JWT = /(?<![A-Za-z0-9_-])ey[A-Za-z0-9_-]{10,}\.ey[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]*/g;
const BEARER = /(?<![A-Za-z0-9_-])[Bb]earer[ \t]+([A-Za-z0-9._~+/-]{16,}=*)/g;

export const bearerToken = regexDetector({
  name: 'bearer_token',
  description: 'A JSON Web Token, or a token sent as `Authorization: Bearer …`.',
  defaultSeverity: 'error',
  examples: {
    positive: [
      'Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
      'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.4Adcj3UFYzPUVaVF43FmMab6RlaQD8A9V8wFzzht-KQ',
      'curl -H "Authorization: Bearer cfcabd11c7ed9a41b1a3e063c32d5114"',
    ],
    negative: [
      'Authorization: Bearer XXXXXXXXXXXX',
      'Authorization: Bearer <Openverse API token>',
      'Bearer tokens are sent in the Authorization header',
      'Authorization: Bearer $(gcloud auth print-access-token)',
    ],
  },
  regexes: [JWT, BEARER],
  gate: ['.ey', 'earer', 'EARER'],
  // Raw text: `Bearer`, or a JWT's `ey….ey` at a token start (JWT characters are never JSON-escaped;
  // a `\n`-style escape before it is not a glued character).
  rawHint: String.raw`[Bb]earer|(?<!(?<!\\)[A-Za-z0-9_-])ey[A-Za-z0-9_-]{10,}\.ey`,
  minLength: 23,
  rawLiterals: ['Bearer', 'bearer', '.ey'],
  validate(text, start, end) {
    const token = text.slice(start, end);
    if (token.startsWith('ey') && token.includes('.')) return true;
    // An opaque bearer token: a digit somewhere and not a placeholder (`XXXX`, `<token>`).
    if (isPlaceholderBody(token)) return false;
    for (let i = 0; i < token.length; i++) if (isDigit(token.charCodeAt(i))) return true;
    return false;
  },
});
