// The registry of source rules, hand-sorted by id. A rule is listed here or it does not run.
// (unused-suppression is reported by the runner itself: server/rules/run.ts.)
// Slow rules (redos-unsafe-pattern) have their own registry and runner: ./slow.ts.
import { broadAllowlist } from './broad-allowlist';
import { credentialParamCaptured } from './credential-param-captured';
import { excludeInputsUnknownParam } from './exclude-inputs-unknown-param';
import { hardcodedCredential } from './hardcoded-credential';
import { insecureExporterEndpoint } from './insecure-exporter-endpoint';
import { invalidPattern } from './invalid-pattern';
import { kwargsCredentialCaptured } from './kwargs-credential-captured';
import { redactionDisabled } from './redaction-disabled';
import type { Rule } from './types';
import { unsafeProcessorOrder } from './unsafe-processor-order';
import { unsupportedTracerOption } from './unsupported-tracer-option';

export const RULES: readonly Rule[] = [
  broadAllowlist,
  credentialParamCaptured,
  excludeInputsUnknownParam,
  hardcodedCredential,
  insecureExporterEndpoint,
  invalidPattern,
  kwargsCredentialCaptured,
  redactionDisabled,
  unsafeProcessorOrder,
  unsupportedTracerOption,
];
