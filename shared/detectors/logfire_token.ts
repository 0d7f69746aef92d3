// logfire_token: Pydantic Logfire write and read tokens. Their format, from logfire/_internal/auth.py
// (PYDANTIC_LOGFIRE_TOKEN_PATTERN): `pylf_v<version>_<region>_`, an optional organization UUID and
// `_`, then the secret part in [A-Za-z0-9]. Logfire's own scrubbing matches `pylf_v\d+_`.
import { regexDetector } from './regex-detector';
import { isPlaceholderBody } from './util';

export const logfireToken = regexDetector({
  name: 'logfire_token',
  description: 'A Pydantic Logfire write or read token (pylf_v1_us_…).',
  defaultSeverity: 'error',
  examples: {
    positive: [
      'pylf_v1_us_8Hq2mZt7Lw4Rk9Xc3Vb6Nn1Pd5Sf0Gj2Yh7Tq4Ke9Wa',
      'LOGFIRE_TOKEN=pylf_v1_eu_1f0c3a52-7d4e-4b8a-9c61-2e5f8a9b0c3d_Zp4Qm8Rt2Lx6Vn0Kc3Hs7Jd1Wf5By9Ga',
    ],
    negative: ['pylf_v1_us_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'pylf_v1_us_...', 'pylf_v1_', 'apylf_v1_us_8Hq2mZt7Lw4Rk9Xc3Vb6Nn1Pd5Sf0Gj2Yh7'],
  },
  regexes: [/(?<![A-Za-z0-9_])pylf_v\d{1,3}_[a-z]{2,10}_(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}_)?[A-Za-z0-9]{20,255}(?![A-Za-z0-9_])/g],
  gate: ['pylf_v'],
  rawHint: 'pylf_v',
  rawLiterals: ['pylf_v'],
  minLength: 31,
  validate: (text, start, end) => !isPlaceholderBody(text.slice(text.lastIndexOf('_', end - 1) + 1, end)),
});
