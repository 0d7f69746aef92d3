// The registry of source rules, hand-sorted by id. A rule is listed here or it does not run.
// (unused-suppression is reported by the runner itself: server/analysis/lint.ts.)
import { credentialParamCaptured } from './credential-param-captured';
import { excludeInputsUnknownParam } from './exclude-inputs-unknown-param';
import { hardcodedCredential } from './hardcoded-credential';
import { insecureExporterEndpoint } from './insecure-exporter-endpoint';
import { kwargsCredentialCaptured } from './kwargs-credential-captured';
import { redactionDisabled } from './redaction-disabled';
import type { Rule } from './types';
import { unsafeProcessorOrder } from './unsafe-processor-order';

export const RULES: readonly Rule[] = [
  credentialParamCaptured,
  excludeInputsUnknownParam,
  hardcodedCredential,
  insecureExporterEndpoint,
  kwargsCredentialCaptured,
  redactionDisabled,
  unsafeProcessorOrder,
];
