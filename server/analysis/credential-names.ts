// Decides whether an identifier or key names a credential (`api_key`, `dbPassword`, `X-Api-Key`)
// for the source rules. The decision is the engine's (shared/detectors/keys.ts KeyMatcher: word
// tokens, the name as the head noun, `token_count` / `max_tokens` / `tokenizer` / `secret_santa_list`
// rejected), so a parameter and the trace key it becomes are judged alike. Source code adds two
// things: numerals are dropped (`api_key_2`, `password2`), and names that end like a credential
// but are not one in agent code (pagination cursors, tokenizer special tokens) are ignored; a
// service's key written as one compound (`stripe_key`, `serpapi_key`, `weatherapikey`) matches.
import { KeyMatcher } from '../../shared/detectors/keys';
import { DEFAULT_SENSITIVE_KEYS } from '../../shared/options';

/** Names the source rules add to the engine's defaults: common parameter spellings in agent code. */
export const SOURCE_CREDENTIAL_NAMES = [
  'secrets', 'bearer', 'auth_header', 'auth_headers', 'authorization_header', 'access_key', 'secret_access_key',
  'ssh_key', 'signing_key', 'encryption_key', 'session_token', 'csrf_token', 'cookies', 'card_number', 'cvv',
  'social_security_number', 'connection_string', 'conn_str', 'dsn',
  // A session id passed to a traced function is a web session; in trace data (TraceCraft's
  // AgentRun.session_id) it is a grouping id, so the engine's defaults leave it out.
  'session_id',
];

/**
 * Names that end like a credential but are not one: pagination cursors and tokenizer special tokens.
 * Compared on normalised words, so `pageToken` and `PAD_TOKEN` are covered too.
 */
export const NOT_CREDENTIAL_NAMES = [
  'page_token', 'next_token', 'next_page_token', 'continuation_token', 'pagination_token', 'cancellation_token',
  'stop_token', 'eos_token', 'bos_token', 'pad_token', 'unk_token', 'sep_token', 'mask_token', 'cls_token',
  'start_token', 'end_token', 'special_token',
];

/**
 * Services whose key a parameter is named after (`stripe_key`, `openaiKey`, `tavily_key`): `<vendor>
 * key` names the service's API key. Only vendors, not nouns, so `cache_key`, `sort_key`,
 * `primary_key`, `partition_key`, `space_key` stay what they are: a key of some data.
 */
export const KEY_VENDORS = [
  'openai', 'anthropic', 'claude', 'cohere', 'mistral', 'groq', 'gemini', 'google', 'gcp', 'vertex', 'aws', 'azure',
  'stripe', 'github', 'gitlab', 'slack', 'discord', 'telegram', 'twilio', 'sendgrid', 'mailgun', 'pinecone',
  'weaviate', 'qdrant', 'tavily', 'serper', 'exa', 'brave', 'bing', 'firecrawl', 'hf', 'huggingface', 'replicate',
  'together', 'fireworks', 'perplexity', 'pplx', 'deepseek', 'voyage', 'jina', 'elevenlabs', 'assemblyai', 'deepgram',
  'wandb', 'langsmith', 'langchain', 'langfuse', 'helicone', 'openrouter', 'xai', 'grok', 'notion', 'airtable',
  'hubspot', 'shopify', 'paypal', 'mapbox', 'openweather', 'openweathermap', 'alphavantage', 'polygon', 'finnhub',
  'zapier', 'supabase', 'firebase', 'algolia', 'cloudflare', 'vercel', 'datadog', 'sentry', 'nvidia', 'cerebras',
  'sambanova', 'browserbase', 'composio', 'e2b', 'unstructured', 'llamaparse', 'llamacloud', 'youcom', 'kagi',
];

/** Words before a compound key that make the name a flag or a count (`use_openai_key`, `has_stripe_key`). */
const COMPOUND_DENY_BEFORE = new Set(['use', 'has', 'is', 'no', 'enable', 'enabled', 'require', 'requires', 'need', 'needs', 'max', 'num', 'count']);

/**
 * A service's key written as one compound: a vendor or an `...api` word fused with `key`
 * (`serpapi_key`, `weatherapikey`, `openaiKey`, `stripe_key`, `rapidApiKey`), the name ending there.
 */
export function isCompoundServiceKey(words: readonly string[], vendors: ReadonlySet<string>): boolean {
  const n = words.length;
  if (n === 0) return false;
  const last = words[n - 1];
  const isService = (w: string) => vendors.has(w) || (w.length > 3 && w.endsWith('api'));
  let head: number;
  if ((last === 'key' || last === 'keys') && n >= 2 && isService(words[n - 2])) head = n - 2;
  else if (/^[a-z]+api(?:key|keys)$/.test(last) && last.length > 'apikey'.length + 1) head = n - 1;
  else {
    const stem = last.replace(/keys?$/, '');
    if (stem === last || !vendors.has(stem)) return false;
    head = n - 1;
  }
  for (let i = 0; i < head; i++) if (COMPOUND_DENY_BEFORE.has(words[i])) return false;
  return true;
}

/** Splits a name into lower-case words: `openAIApiKey` -> open, ai, api, key; `X-API-KEY` -> x, api, key. */
export function nameWords(name: string): string[] {
  const spaced = name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([a-zA-Z])([0-9])/g, '$1 $2');
  // Numbers carry no meaning here: `api_key_2` and `password2` end like their credential.
  return spaced.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0 && !/^[0-9]+$/.test(w));
}

export interface CredentialNameOptions {
  /** Replaces the defaults when given. */
  names?: string[];
  extra?: string[];
  ignored?: string[];
}

/** A compiled matcher; build once per settings object, then call `matches` per name. */
export class CredentialNames {
  private readonly keys: KeyMatcher;
  private readonly ignored: string[];
  /** Vendors of compound service keys; none when the configuration replaces the default names. */
  private readonly vendors: ReadonlySet<string>;
  private readonly cache = new Map<string, boolean>();

  constructor(options: CredentialNameOptions = {}) {
    const base = options.names ?? [...DEFAULT_SENSITIVE_KEYS, ...SOURCE_CREDENTIAL_NAMES];
    this.keys = new KeyMatcher([...base, ...(options.extra ?? [])]);
    this.ignored = [...NOT_CREDENTIAL_NAMES, ...(options.ignored ?? [])].map((n) => nameWords(n).join(' '));
    this.vendors = new Set(options.names ? [] : KEY_VENDORS);
  }

  matches(name: string): boolean {
    const hit = this.cache.get(name);
    if (hit !== undefined) return hit;
    const words = nameWords(name);
    const joined = words.join(' ');
    const ignored = this.ignored.some((ig) => joined === ig || joined.endsWith(` ${ig}`));
    const result = !ignored && words.length > 0 && (this.keys.matches(words.join('_')) || isCompoundServiceKey(words, this.vendors));
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(name, result);
    return result;
  }
}
