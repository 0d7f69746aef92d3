// generic_api_key_param: a value assigned to an API key, access key, credential or auth identifier
// in text (`api_key=…`, `"client_secret": "…"`, `apiKey: …`, `?api_key=…&`). Only the value is
// reported. Values must look like key material (8+ characters, letters and digits), so
// `api_key=YOUR_API_KEY` and `apiUrl=…` are not reported.
import { API_KEY_NAMES, ASSIGNMENT_PATTERNS, findAssignments, assignmentColonAt, assignmentColonKey } from './assignment';
import { findProse, hasRawAssignmentOrProse } from './prose';
import type { Detector } from './types';
import { caseless, isDigit } from './util';


export const genericApiKeyParam: Detector = {
  name: 'generic_api_key_param',
  description: 'A value assigned to an API key, access key or credential in text (`api_key=…`).',
  defaultSeverity: 'error',
  defaultEnabled: true,
  examples: {
    positive: [
      'https://api.example.com/v1/search?api_key=9f8e7d6c5b4a3f2e1d0c&q=cats',
      '"client_secret" : "6da89121079f83b2eb6acccf8219ea982c3d79bccc3e9c6a85856480661f8fde",',
      'apiKey: Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB',
    ],
    negative: ['api_key=YOUR_API_KEY', 'apiUrl=apigee.corpint.com', 'api_key=[REDACTED]', 'keyboard: 12345678', 'api_version=2024-01-01'],
  },
  patterns: [...ASSIGNMENT_PATTERNS],
  rawHint:
    `(?:${['api', 'key', 'cred', 'auth', 'access', 'secret'].map(caseless).join('|')})` +
    String.raw`[^=:,]{0,300}[=:,][ \t"'\x60\\=>]{0,24}[^\s"'\x60,;<>(){}[\]|]`,
  minLength: 10,
  rawCheck: hasRawAssignmentOrProse,
  rawColon: assignmentColonAt,
  rawColonKey: assignmentColonKey,
  find(text, _ctx, out) {
    findAssignments(text, {
      detector: 'generic_api_key_param',
      names: API_KEY_NAMES,
      acceptValue(value) {
        if (value.length < 8) return false;
        let digits = 0;
        let letters = 0;
        for (let i = 0; i < value.length; i++) {
          const c = value.charCodeAt(i);
          if (isDigit(c)) digits++;
          else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
        }
        // Key material mixes letters and digits; a long enough mixed-case run counts too.
        return (digits > 0 && letters > 0) || (letters >= 20 && /[a-z]/.test(value) && /[A-Z]/.test(value));
      },
    }, out);
    findProse(text, 'api_key', 'generic_api_key_param', out);
  },
};
