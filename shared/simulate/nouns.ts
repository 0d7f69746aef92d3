// Plain-English names of what a detector finds, for summaries such as
// "3 emails and 1 AWS access key in this trace survive your TraceCraft configuration".

const NOUNS: Record<string, [string, string]> = {
  email: ['email', 'emails'],
  phone: ['phone number', 'phone numbers'],
  credit_card: ['credit card number', 'credit card numbers'],
  ssn: ['SSN', 'SSNs'],
  openai_api_key: ['OpenAI API key', 'OpenAI API keys'],
  anthropic_api_key: ['Anthropic API key', 'Anthropic API keys'],
  aws_access_key: ['AWS access key', 'AWS access keys'],
  aws_secret_key: ['AWS secret key', 'AWS secret keys'],
  bearer_token: ['bearer token', 'bearer tokens'],
  github_token: ['GitHub token', 'GitHub tokens'],
  google_api_key: ['Google API key', 'Google API keys'],
  azure_connection_string: ['Azure connection string', 'Azure connection strings'],
  generic_api_key_param: ['api_key parameter', 'api_key parameters'],
  private_key: ['private key', 'private keys'],
  slack_token: ['Slack token', 'Slack tokens'],
  stripe_key: ['Stripe key', 'Stripe keys'],
  logfire_token: ['Logfire token', 'Logfire tokens'],
  langfuse_api_key: ['Langfuse API key', 'Langfuse API keys'],
  openrouter_api_key: ['OpenRouter API key', 'OpenRouter API keys'],
  gitlab_token: ['GitLab token', 'GitLab tokens'],
  webhook_signing_secret: ['webhook signing secret', 'webhook signing secrets'],
  huggingface_token: ['Hugging Face token', 'Hugging Face tokens'],
  groq_api_key: ['Groq API key', 'Groq API keys'],
  perplexity_api_key: ['Perplexity API key', 'Perplexity API keys'],
  replicate_api_token: ['Replicate API token', 'Replicate API tokens'],
  npm_token: ['npm token', 'npm tokens'],
  sendgrid_api_key: ['SendGrid API key', 'SendGrid API keys'],
  langsmith_api_key: ['LangSmith API key', 'LangSmith API keys'],
  tavily_api_key: ['Tavily API key', 'Tavily API keys'],
  xai_api_key: ['xAI API key', 'xAI API keys'],
  e2b_api_key: ['E2B API key', 'E2B API keys'],
  discord_webhook: ['Discord webhook URL', 'Discord webhook URLs'],
  url_credentials: ['URL credential', 'URL credentials'],
  http_header_credential: ['HTTP header credential', 'HTTP header credentials'],
  command_line_credential: ['command-line credential', 'command-line credentials'],
  password_field: ['password assignment', 'password assignments'],
  sensitive_field: ['credential-named field', 'credential-named fields'],
  high_entropy: ['high-entropy string', 'high-entropy strings'],
  custom_string: ['configured string', 'configured strings'],
};

/** `3 email addresses`, `1 AWS access key`, `2 "ticket_id" matches` (custom rules by name). */
export function countNoun(ruleId: string, n: number): string {
  const noun = NOUNS[ruleId];
  if (noun) return `${n} ${n === 1 ? noun[0] : noun[1]}`;
  return `${n} "${ruleId}" ${n === 1 ? 'match' : 'matches'}`;
}

/** `a, b and c`. */
export function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
