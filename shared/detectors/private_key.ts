// private_key: the WHOLE PEM block, header to footer with the body (RSA, EC, DSA, OPENSSH,
// ENCRYPTED, PGP … PRIVATE KEY [BLOCK]). TraceCraft masked only the header line and leaked the key.
// The body may be split by real newlines or by literal `\n` escapes (a key pasted into a JSON string
// inside a string). A header whose footer is missing (a truncated field) takes the body run after it.
// Placeholder bodies (`...`, `***`, `xxx`, a few characters) are not keys.
import type { Candidate, DetectContext, Detector } from './types';
import { isPlaceholderBody } from './util';

const HEADER = /-----BEGIN[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const FOOTER = /-----END[A-Z0-9 ]{0,40}PRIVATE KEY(?: BLOCK)?-----/g;
const MAX_BLOCK = 65536;
const MIN_BODY = 40;

function isBodyChar(c: number): boolean {
  return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 43 || c === 47 || c === 61 ||
    c === 32 || c === 9 || c === 10 || c === 13 || c === 92 /* \ of a literal \n */ || c === 58 || c === 44 || c === 45 || c === 46;
}

/** The base64 characters of a body, with line breaks, escapes and `Proc-Type:`-style headers dropped. */
function bodyMaterial(body: string): string {
  return body
    .replace(/\\[nr]/g, '\n')
    .split(/\r?\n/)
    .filter((line) => !line.includes(':'))
    .join('')
    .replace(/[^A-Za-z0-9+/=]/g, '');
}

export const privateKey: Detector = {
  name: 'private_key',
  description: 'A PEM or OpenSSH private key block, header to footer.',
  defaultSeverity: 'error',
  defaultEnabled: true,
  examples: {
    positive: [
      '-----BEGIN RSA PRIVATE KEY-----\nMIICWwIBAAKBgQCYdGaf5uYMsilGHfnx/zxXtihdGFr3hCWwebHGhgEAVn0xlsTd\n1QwoKi+rpI1O6hzyVOuoQtboODsONGRlHbNl6yJ936Yhmr8PiNwpA5qIxZAdmFv2\n-----END RSA PRIVATE KEY-----',
      '-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\\nQyNTUxOQAAACAxSChbEXO6DKOLpzlLEaypbXSwfRqlS8UnaSHWR8HaIgAAAKDFNoOuxTaD\\n-----END OPENSSH PRIVATE KEY-----\\n',
    ],
    negative: [
      '-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----',
      '-----BEGIN PRIVATE KEY-----\nxxx\n-----END PRIVATE KEY-----',
      '-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----',
    ],
  },
  patterns: [HEADER, FOOTER],
  rawHint: '-----BEGIN',
  minLength: 60,
  rawLiterals: ['BEGIN'],
  find(text: string, _ctx: DetectContext, out: Candidate[]): void {
    if (!text.includes('-----BEGIN')) return;
    HEADER.lastIndex = 0;
    let h: RegExpExecArray | null;
    while ((h = HEADER.exec(text)) !== null) {
      const start = h.index;
      const bodyStart = start + h[0].length;
      const limit = Math.min(text.length, bodyStart + MAX_BLOCK);
      let end = -1;
      let bodyEnd = -1;
      const endAt = text.indexOf('-----END', bodyStart);
      if (endAt >= 0 && endAt < limit) {
        FOOTER.lastIndex = endAt;
        const f = FOOTER.exec(text);
        if (f && f.index === endAt) {
          bodyEnd = endAt;
          end = endAt + f[0].length;
        }
      }
      if (end < 0) {
        // No footer: a truncated block. Take the run of body characters after the header.
        let i = bodyStart;
        while (i < limit && isBodyChar(text.charCodeAt(i)) && !text.startsWith('-----', i)) i++;
        while (i > bodyStart && /\s/.test(text[i - 1])) i--;
        bodyEnd = i;
        end = i;
      }
      const material = bodyMaterial(text.slice(bodyStart, bodyEnd));
      if (material.length >= MIN_BODY && !isPlaceholderBody(material)) {
        out.push({ detector: 'private_key', start, end });
      }
      HEADER.lastIndex = end;
    }
  },
};
