// password_field: `password=…`, `pwd: …`, `secret = "…"`, `token: …` in free text (logs, prompts,
// tool output, source strings). Only the value is reported. The identifier around the keyword must
// name a credential (`db_password` yes; `password_policy`, `max_token`, `token_count` no).
import { ASSIGNMENT_PATTERNS, PASSWORD_NAMES, findAssignments, assignmentColonAt, assignmentColonKey } from './assignment';
import { findProse, hasRawAssignmentOrProse } from './prose';
import type { Detector } from './types';
import { caseless, isDigit } from './util';


export const passwordField: Detector = {
  name: 'password_field',
  description: 'A value assigned to a password, passphrase, secret or token in text (`password=…`).',
  defaultSeverity: 'error',
  defaultEnabled: true,
  examples: {
    positive: ['password=hunter22', 'db_password: "S3cure!pass"', 'connect with pwd=Tr0ub4dor&3 now', "{'secret': 'x9Kq2mZ7vB'}"],
    negative: ['password_policy: strict', 'max_token: 512', 'password=[REDACTED]', 'password: ${DB_PASSWORD}', 'token: None', 'Password: ****'],
  },
  patterns: [...ASSIGNMENT_PATTERNS],
  // Raw text: a keyword (any case), then (within identifier, type word, quote and blanks) a separator;
  // for secret and token, a value with a non-digit (`"max_tokens": 1024` holds none).
  rawHint:
    `(?:${caseless('pass')}|${caseless('pwd')})[^=:,]{0,300}[=:,]|(?:${caseless('secret')}|${caseless('token')})` +
    String.raw`[^=:,]{0,300}[=:,][ \t"'\x60\\=>]{0,24}[0-9]*[^\s"'\x60,;<>(){}[\]|0-9]`,
  minLength: 8,
  rawCheck: hasRawAssignmentOrProse,
  rawColon: assignmentColonAt,
  rawColonKey: assignmentColonKey,
  find(text, _ctx, out) {
    findAssignments(text, {
      detector: 'password_field',
      names: PASSWORD_NAMES,
      acceptValue(value, identifier) {
        const id = identifier.toLowerCase();
        if (id.includes('pass') || id.includes('pwd')) return value.length >= 4;
        // `token: 1024` is a count and `secret: yes` a flag: a token or secret has some length,
        // and is not all digits.
        if (value.length < 6) return false;
        for (let i = 0; i < value.length; i++) if (!isDigit(value.charCodeAt(i))) return true;
        return false;
      },
    }, out);
    findProse(text, 'password', 'password_field', out);
  },
};
