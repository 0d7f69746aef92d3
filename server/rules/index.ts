// The registry of source rules, hand-sorted by id. A rule is listed here or it does not run.
import { credentialParamCaptured } from './credential-param-captured';
import type { Rule } from './types';

export const RULES: readonly Rule[] = [
  credentialParamCaptured,
];
