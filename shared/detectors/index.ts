// The registry of built-in detectors, HAND-SORTED BY PRECEDENCE: when two detectors report
// overlapping spans, the one listed first wins the span (shared/engine/resolve.ts). The order is
//   1. private_key first: a PEM block swallows whatever its body happens to look like;
//   2. key formats with a distinctive prefix, most specific first (anthropic `sk-ant-`, langfuse
//      `sk-lf-` and openrouter `sk-or-` before openai `sk-`; the AWS secret after the AWS key id it
//      is found next to);
//   3. bearer_token (JWTs and `Bearer …`): after the key formats, so `Bearer sk-…` reports openai;
//      then url_credentials (a URL's password or query key), before email, so the host after a
//      password holding `@` is not taken for an address;
//   4. personal data with a checked format: credit_card (Luhn), ssn, email, phone;
//   5. GENERIC rules, which never swallow a specific match (they keep only what is left of their
//      span): custom patterns and strings (engine), generic_api_key_param, password_field,
//      http_header_credential, command_line_credential, then the key-driven rules (field paths and
//      sensitive_field, engine).
//      Opt-in detectors come last.
import type { Detector, DetectorInfo } from './types';
import { privateKey } from './private_key';
import { anthropicApiKey } from './anthropic_api_key';
import { langfuseApiKey } from './langfuse_api_key';
import { openrouterApiKey } from './openrouter_api_key';
import { openaiApiKey } from './openai_api_key';
import { githubToken } from './github_token';
import { slackToken } from './slack_token';
import { stripeKey } from './stripe_key';
import { logfireToken } from './logfire_token';
import { webhookSigningSecret } from './webhook_signing_secret';
import { gitlabToken } from './gitlab_token';
import { huggingfaceToken } from './huggingface_token';
import { groqApiKey } from './groq_api_key';
import { perplexityApiKey } from './perplexity_api_key';
import { replicateApiToken } from './replicate_api_token';
import { npmToken } from './npm_token';
import { sendgridApiKey } from './sendgrid_api_key';
import { langsmithApiKey } from './langsmith_api_key';
import { tavilyApiKey } from './tavily_api_key';
import { xaiApiKey } from './xai_api_key';
import { e2bApiKey } from './e2b_api_key';
import { discordWebhook } from './discord_webhook';
import { googleApiKey } from './google_api_key';
import { awsAccessKey } from './aws_access_key';
import { awsSecretKey } from './aws_secret_key';
import { azureConnectionString } from './azure_connection_string';
import { bearerToken } from './bearer_token';
import { urlCredentials } from './url_credentials';
import { creditCard } from './credit_card';
import { ssn } from './ssn';
import { email } from './email';
import { phone } from './phone';
import { genericApiKeyParam } from './generic_api_key_param';
import { passwordField } from './password_field';
import { httpHeaderCredential } from './http_header_credential';
import { commandLineCredential } from './command_line_credential';
import { highEntropy } from './high-entropy';

/** Format detectors: each match is atomic and outranks every generic rule. */
export const SPECIFIC_DETECTORS: readonly Detector[] = [
  privateKey,
  anthropicApiKey,
  langfuseApiKey,
  openrouterApiKey,
  openaiApiKey,
  githubToken,
  gitlabToken,
  slackToken,
  stripeKey,
  logfireToken,
  webhookSigningSecret,
  huggingfaceToken,
  groqApiKey,
  perplexityApiKey,
  replicateApiToken,
  npmToken,
  sendgridApiKey,
  langsmithApiKey,
  tavilyApiKey,
  xaiApiKey,
  e2bApiKey,
  discordWebhook,
  googleApiKey,
  awsAccessKey,
  awsSecretKey,
  azureConnectionString,
  bearerToken,
  urlCredentials,
  creditCard,
  ssn,
  email,
  phone,
];

/** Generic detectors: a specific match inside their span wins its part. */
export const GENERIC_DETECTORS: readonly Detector[] = [genericApiKeyParam, passwordField, httpHeaderCredential, commandLineCredential];

/** Opt-in detectors (off unless enabled in the configuration); generic, ranked last. */
export const OPT_IN_DETECTORS: readonly Detector[] = [highEntropy];

export const SENSITIVE_FIELD_INFO: DetectorInfo = {
  name: 'sensitive_field',
  description: 'A string value under a credential-like key (api_key, password, token, secret, authorization, cookie…), whatever it looks like.',
  defaultSeverity: 'error',
  defaultEnabled: true,
  exampleKey: 'api_key',
  examples: { positive: ['hunter2', 'my-internal-service-credential', 'x'], negative: ['', '[REDACTED]', '__REDACTED__'] },
  patterns: [],
};

export const ALL_DETECTORS: readonly Detector[] = [...SPECIFIC_DETECTORS, ...GENERIC_DETECTORS, ...OPT_IN_DETECTORS];

export type { Detector, DetectorInfo, Candidate, DetectContext } from './types';
