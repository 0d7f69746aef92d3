// hardcoded-credential: a string literal in agent source that one of the engine's credential
// detectors recognises (an OpenAI key, `Bearer <jwt>`, an AWS key id, a PEM private key, ...).
// PII detectors (email, phone, card, SSN) are left out: an address in source is not a credential.
// The suggestion replaces the secret with an environment lookup (os.environ / process.env).
import { createHash } from 'node:crypto';
import type { Fix, TextEdit } from '../../shared/types';
import { maskSecret } from '../../shared/mask';
import { Engine, type ValueMatch } from '../../shared/engine';
import { defaultEngineOptions, type EngineOptions } from '../../shared/options';
import type { SourceModel, StringValue } from '../analysis/model';
import { quoted } from './fixes';
import type { Rule } from './types';

const NOT_CREDENTIALS = new Set(['email', 'phone', 'credit_card', 'ssn', 'sensitive_field', 'high_entropy']);

/** The environment variable a fix reads the secret from, by detector. */
const ENV_NAMES: Record<string, string> = {
  openai_api_key: 'OPENAI_API_KEY', anthropic_api_key: 'ANTHROPIC_API_KEY', aws_access_key: 'AWS_ACCESS_KEY_ID',
  aws_secret_key: 'AWS_SECRET_ACCESS_KEY', github_token: 'GITHUB_TOKEN', google_api_key: 'GOOGLE_API_KEY',
  slack_token: 'SLACK_TOKEN', stripe_key: 'STRIPE_API_KEY', logfire_token: 'LOGFIRE_TOKEN', bearer_token: 'API_TOKEN', private_key: 'PRIVATE_KEY',
  azure_connection_string: 'AZURE_STORAGE_CONNECTION_STRING', generic_api_key_param: 'API_KEY', password_field: 'PASSWORD',
};

// Engines are built once per options object: the settings object lives as long as its configuration.
const DEFAULT_OPTIONS = defaultEngineOptions();
const engines = new WeakMap<EngineOptions, Engine>();
function engineFor(options: EngineOptions = DEFAULT_OPTIONS): Engine {
  let e = engines.get(options);
  if (!e) {
    e = new Engine(options);
    engines.set(options, e);
  }
  return e;
}

/** A literal a fix can rewrite: one plain quoted string (no prefix, no concatenation, no template chunk). */
function rewritable(model: SourceModel, str: StringValue): boolean {
  const first = model.text[str.span.start];
  if (first !== '"' && first !== "'") return false;
  const body = model.text.slice(str.span.start, str.span.end);
  const triple = body.startsWith(first.repeat(3));
  return !triple && str.offsetOf(0) === str.span.start + 1 && str.offsetOf(str.value.length) === str.span.end - 1;
}

function importOsEdit(model: SourceModel): TextEdit[] {
  if (/^[ \t]*import[ \t]+(?:[\w.]+[ \t]*,[ \t]*)*os\b/m.test(model.text)) return [];
  const future = [...model.text.matchAll(/^from[ \t]+__future__[ \t]+import[^\n]*\n/gm)].pop();
  const at = future ? future.index! + future[0].length : 0;
  return [{ start: at, end: at, text: 'import os\n' }];
}

function envFix(model: SourceModel, str: StringValue, m: ValueMatch): Fix | undefined {
  if (!rewritable(model, str)) return undefined;
  const env = ENV_NAMES[m.detector] ?? 'SECRET';
  const python = model.language === 'python';
  const lookup = python ? `os.environ["${env}"]` : `(process.env.${env} ?? "")`;
  const parts = [
    ...(m.start > 0 ? [quoted(str.value.slice(0, m.start), str.quote)] : []),
    lookup,
    ...(m.end < str.value.length ? [quoted(str.value.slice(m.end), str.quote)] : []),
  ];
  const whole = parts.length === 1 ? (python ? lookup : `process.env.${env} ?? ""`) : parts.join(' + ');
  const edits: TextEdit[] = [{ start: str.span.start, end: str.span.end, text: whole }, ...(python ? importOsEdit(model) : [])];
  return { title: `Read it from the environment (${env})`, edits };
}

export const hardcodedCredential: Rule = {
  meta: {
    id: 'hardcoded-credential',
    docs: 'A string literal holds a credential (API key, token, private key, password): it ends up in the repository and, passed to a traced function, in every trace.',
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    const e = engineFor(ctx.settings.engine);
    for (const str of ctx.model.strings) {
      if (str.value.length < 8) continue;
      for (const m of e.scanText(str.value)) {
        if (NOT_CREDENTIALS.has(m.detector)) continue;
        const fix = envFix(ctx.model, str, m);
        ctx.report({
          message: `Hardcoded credential (${m.detector}): ${maskSecret(m.text)}. Read it from the environment or a secret store instead.`,
          span: { start: str.offsetOf(m.start), end: str.offsetOf(m.end) },
          secret: m.text,
          fingerprint: `hardcoded-credential:${createHash('sha256').update(m.text).digest('hex')}`,
          suggest: fix ? [fix] : undefined,
        });
      }
    }
  },
};
