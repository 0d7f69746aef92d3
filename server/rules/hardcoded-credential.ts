// hardcoded-credential: a string literal in agent source that one of the engine's built-in
// credential detectors recognises (an OpenAI key, `Bearer <jwt>`, an AWS key id, a PEM private key,
// a password bound to `password=`). PII detectors (email, phone, card, SSN) are left out: an address
// in source is not a credential; so are the project's own redaction rules (custom patterns, strings,
// field paths): they say what to redact in traces, not what is a credential in code, and the
// literals of RedactionRule / RedactionConfig calls (rule names, patterns, allowlists) are never read.
// The detectors that find a credential by its name (password_field, generic_api_key_param,
// sensitive_field) read code only: not prose (docstrings, log, help and error texts:
// literal-context.ts), and not stand-ins (`your-secret`, `YOUR_PASSWORD`, env-variable names:
// stand-ins.ts). The name a literal is bound to is its key, as in a trace (`AWS_SECRET_ACCESS_KEY =
// "..."`, `password="..."`). A key-format match counts wherever it stands, unless it is elided
// (`sk-abc...`), a published documentation example, or a bearer token of filler words.
// The suggestion replaces the secret with an environment lookup (os.environ / process.env).
import { createHash } from 'node:crypto';
import type { Fix, TextEdit } from '../../shared/types';
import { maskSecret } from '../../shared/mask';
import { Engine, type ValueMatch } from '../../shared/engine';
import { GENERIC_DETECTORS, SPECIFIC_DETECTORS } from '../../shared/detectors/index';
import { defaultEngineOptions, type EngineOptions } from '../../shared/options';
import type { SourceModel, StringValue } from '../analysis/model';
import { quoted } from './fixes';
import { literalContext } from './literal-context';
import { isExampleMatch, isStandIn } from './stand-ins';
import type { Rule } from './types';

const PII = new Set(['email', 'phone', 'credit_card', 'ssn']);
/** Built-in detectors that find credentials by their format: they count wherever the literal stands. */
const KEY_FORMAT = new Set(SPECIFIC_DETECTORS.map((d) => d.name).filter((n) => !PII.has(n) && n !== 'url_credentials'));
/**
 * Built-in detectors that find a credential by the name in front of it (in the text, or the
 * binding's), or by where it stands rather than by its form (a URL's password, `user:p@ss@host`):
 * what they find is any value, so prose, stand-ins and tests' fixtures are left out.
 */
const NAME_DRIVEN = new Set([...GENERIC_DETECTORS.map((d) => d.name), 'sensitive_field', 'url_credentials']);

/** The environment variable a fix reads the secret from, by detector. */
const ENV_NAMES: Record<string, string> = {
  openai_api_key: 'OPENAI_API_KEY', anthropic_api_key: 'ANTHROPIC_API_KEY', aws_access_key: 'AWS_ACCESS_KEY_ID',
  aws_secret_key: 'AWS_SECRET_ACCESS_KEY', github_token: 'GITHUB_TOKEN', google_api_key: 'GOOGLE_API_KEY',
  slack_token: 'SLACK_TOKEN', stripe_key: 'STRIPE_API_KEY', logfire_token: 'LOGFIRE_TOKEN', bearer_token: 'API_TOKEN', private_key: 'PRIVATE_KEY',
  azure_connection_string: 'AZURE_STORAGE_CONNECTION_STRING', generic_api_key_param: 'API_KEY', password_field: 'PASSWORD',
  // The variables each vendor's own SDK reads (their documentation's names).
  langsmith_api_key: 'LANGSMITH_API_KEY', tavily_api_key: 'TAVILY_API_KEY', huggingface_token: 'HF_TOKEN',
  groq_api_key: 'GROQ_API_KEY', perplexity_api_key: 'PERPLEXITY_API_KEY', openrouter_api_key: 'OPENROUTER_API_KEY',
  replicate_api_token: 'REPLICATE_API_TOKEN', npm_token: 'NPM_TOKEN', gitlab_token: 'GITLAB_TOKEN',
  sendgrid_api_key: 'SENDGRID_API_KEY', webhook_signing_secret: 'WEBHOOK_SECRET', xai_api_key: 'XAI_API_KEY', e2b_api_key: 'E2B_API_KEY', discord_webhook: 'DISCORD_WEBHOOK_URL',
};

/** The environment variable a fix reads the value from: Langfuse's public and secret keys have one each. */
function envNameOf(detector: string, value: string): string {
  if (detector === 'langfuse_api_key') return value.startsWith('pk-') ? 'LANGFUSE_PUBLIC_KEY' : 'LANGFUSE_SECRET_KEY';
  return ENV_NAMES[detector] ?? 'SECRET';
}

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

/**
 * An engine's findings in a literal, by the literal's value and binding name: the scan is a function
 * of those, and on a keystroke nearly every literal is one the last version had (scanning all of them
 * again was most of this rule's time). At most 20,000 values of up to 10,000 characters kept per engine.
 */
interface Scans { count: number; text: Map<string, ValueMatch[]>; keyed: Map<string, Map<string, ValueMatch[]>> }
const scans = new WeakMap<Engine, Scans>();
const SCANS_KEPT = 20_000;
const SCANS_LONGEST = 10_000;
function scanned(e: Engine, value: string, key: string | undefined): ValueMatch[] {
  const scan = () => (key === undefined ? e.scanText(value) : e.scanValue(value, { path: '', key }));
  if (value.length > SCANS_LONGEST) return scan();
  let kept = scans.get(e);
  if (!kept || kept.count >= SCANS_KEPT) scans.set(e, (kept = { count: 0, text: new Map(), keyed: new Map() }));
  let byValue = key === undefined ? kept.text : kept.keyed.get(key);
  if (!byValue) kept.keyed.set(key!, (byValue = new Map()));
  let matches = byValue.get(value);
  if (matches === undefined) {
    matches = scan();
    byValue.set(value, matches);
    kept.count++;
  }
  return matches;
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
  const env = envNameOf(m.detector, str.value.slice(m.start, m.end));
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

/** Test files by the conventions of pytest, unittest, Jest, Vitest and Mocha. */
export function isTestFile(fileName: string): boolean {
  const path = fileName.replace(/\\/g, '/');
  const base = path.slice(path.lastIndexOf('/') + 1);
  return /(?:^|\/)(?:tests?|__tests__|testing|fixtures|__mocks__)\//.test(path)
    || /^(?:test_.*\.py|.*_test\.py|conftest\.py|.*\.(?:test|spec)\.[cm]?[jt]sx?)$/.test(base);
}

/** Advice in words that do not hold the secret: outputs mask every occurrence of it, template words included. */
const ADVICE = [
  'Read it from the environment or a secret store instead.',
  'Read it from the environment instead.',
  'Load it at run time instead.',
];

/** The message: the value masked, the rest worded so that masking the value leaves it readable. */
export function messageFor(m: ValueMatch): string {
  const head = `Hardcoded credential (${m.detector}): `;
  const masked = maskSecret(m.text);
  const advice = ADVICE.find((a) => !a.includes(m.text) && !head.includes(m.text));
  if (advice !== undefined) return `${head}${masked}. ${advice}`;
  return `Hardcoded credential: ${masked}.`;
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
    const { model } = ctx;
    // The project's own redaction rules (RedactionRule / RedactionConfig calls) are never read as credentials.
    const ruleCalls = model.patterns.map((p) => p.callSpan);
    const inRuleCall = (s: StringValue) => ruleCalls.some((c) => c.start <= s.span.start && s.span.end <= c.end);
    // A test's values under credential names are fixtures; a key-format match still counts there.
    const fixtures = isTestFile(model.fileName);
    for (const str of model.strings) {
      if (str.value.length < 6 || inRuleCall(str)) continue;
      const where = literalContext(model, str);
      const key = where.key?.slice(where.key.lastIndexOf('.') + 1);
      const keyed = key !== undefined && !where.prose && !where.partial;
      const matches = scanned(e, str.value, keyed ? key : undefined);
      for (const m of matches) {
        if (KEY_FORMAT.has(m.detector)) {
          if (isExampleMatch(str.value, m.start, m.end, m.text)) continue;
          // A bearer token's format is the word before it: one made of filler words (`Bearer
          // test-api-key-123`, a test's fixture) is made up, as a name-driven detector's value would be.
          if (m.detector === 'bearer_token' && isStandIn(m.text)) continue;
        } else if (NAME_DRIVEN.has(m.detector)) {
          if (where.prose || fixtures || isStandIn(m.text)) continue;
        } else continue;
        const fix = envFix(model, str, m);
        ctx.report({
          message: messageFor(m),
          span: { start: str.offsetOf(m.start), end: str.offsetOf(m.end) },
          secret: m.text,
          fingerprint: `hardcoded-credential:${createHash('sha256').update(m.text).digest('hex')}`,
          suggest: fix ? [fix] : undefined,
        });
      }
    }
  },
};
