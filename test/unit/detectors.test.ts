// Detector tables in the manner of typescript-eslint's RuleTester: per detector, `invalid` texts with
// the exact findings the engine reports ([detector, start, end) over the text, all of them), and
// `valid` texts where that detector reports nothing. Then hard negatives no detector may touch, and
// the registry's own examples. Fixtures: the secrets here are fake, planted in realistic formats.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine, detectorList } from '../../shared/engine/index';
import { defaultEngineOptions } from '../../shared/options';

type Hit = [string, number, number];
interface Table {
  invalid: Array<{ text: string; hits: Hit[] }>;
  valid: string[];
}

const engine = new Engine(defaultEngineOptions());

const TABLES: Record<string, Table> = {
  email: {
    invalid: [
      { text: "mail info@presidio.site now", hits: [['email', 5, 23]] },
      { text: "contact jane.doe+agents@example-mail.co.uk.", hits: [['email', 8, 42]] },
      { text: "user@xn--80ak6aa92e.com", hits: [['email', 0, 23]] },
    ],
    valid: [
      "icon@2x.png",
      "git@github.com:org/repo.git",
      "npm i @types/node",
      "lodash@4.17.21",
      "my email is info@presidio.",
      "[REDACTED]@example.com",
    ],
  },
  phone: {
    invalid: [
      { text: "Call me at (415) 555-0132 tomorrow", hits: [['phone', 11, 25]] },
      { text: "+44 (20) 7123 4567", hits: [['phone', 0, 18]] },
      { text: "tel: 415-555-0132.", hits: [['phone', 5, 17]] },
      { text: "+1 415 555 0132", hits: [['phone', 0, 15]] },
      { text: "JP 090-1234-5678", hits: [['phone', 3, 16]] },
      { text: "CN 13812345678", hits: [['phone', 3, 14]] },
      { text: "+33 1 42 68 53 00", hits: [['phone', 0, 17]] },
      { text: 'UK mobile +44 7700 900123.', hits: [['phone', 10, 25]] },
      { text: 'Berlin +49 30 901820', hits: [['phone', 7, 20]] },
      { text: 'call +91 98765 43210 now', hits: [['phone', 5, 20]] },
      { text: 'sms to +14155550132', hits: [['phone', 7, 19]] },
      { text: '+81 3-1234-5678', hits: [['phone', 0, 15]] },
    ],
    valid: [
      "550e8400-e29b-41d4-a716-446655440000",
      "ts=1700000000123",
      "epoch 1700000000",
      "2024-05-01T12:34:56.789Z",
      "v4.155.550.1320",
      "d41d8cd98f00b204e9800998ecf8427e",
      "order id-4155550132",
      "sha 9fceb02d0ae598e95dc970b74767f19372d61af8",
      "05-12-2024",
      "0.4155550132",
      "1.2.3-4155550132",
      "coords +48.858844, +2.294351",
      "delta +12345678 bytes",
      "id +123456789012",
      "ts=+1700000000123",
      "lat: +40.7128 lon: -74.0060",
      "price +1 299.00 EUR, balance: +1,234,567.89",
      "UTC+05:30 at 2024-05-01",
      "score +0.66439795525",
    ],
  },
  credit_card: {
    invalid: [
      { text: "pay 4111 1111 1111 1111 now", hits: [['credit_card', 4, 23]] },
      { text: "card: 4012-8888-8888-1881", hits: [['credit_card', 6, 25]] },
      { text: "371449635398431", hits: [['credit_card', 0, 15]] },
      { text: "5555555555554444", hits: [['credit_card', 0, 16]] },
      { text: "3782 822463 10005", hits: [['credit_card', 0, 17]] },
    ],
    valid: [
      "4012-8888-8888-1882",
      "1748503543012",
      "4111111111111112",
      "4111-1111 1111-1111",
      "id-4111111111111111",
      "0000000000000000",
      "9111111111111111",
      "4111111111111111a",
    ],
  },
  ssn: {
    invalid: [
      { text: "SSN: 078-05-1123", hits: [['ssn', 5, 16]] },
      { text: "abc 078 05 1123 abc", hits: [['ssn', 4, 15]] },
      { text: "219.09.9999", hits: [['ssn', 0, 11]] },
    ],
    valid: [
      "078-05-0000",
      "078 00 1123",
      "666-12-3456",
      "900-12-3456",
      "693-09.4444",
      "id-078-05-1123",
      "078-05-11234",
    ],
  },
  openai_api_key: {
    invalid: [
      { text: "key sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq", hits: [['openai_api_key', 4, 66]] },
      { text: "OPENAI_API_KEY=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", hits: [['openai_api_key', 15, 66]] },
    ],
    valid: [
      "risk-assessment-for-the-quarterly-planning-cycle",
      "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "sk-learn",
      "task-sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8t",
    ],
  },
  anthropic_api_key: {
    invalid: [
      { text: "sk-ant-api03-Zx8yW6vU4tS2rQ0pOn8mLk6jIh4gFe2dCb0aZy8xWv6uTs4rQp2oNm0lKj8iHg6fEd4cBa2zYx0wVu8tSr6qPo4nMl2kJi0hGf8eDc6bA-AA", hits: [['anthropic_api_key', 0, 121]] },
    ],
    valid: [
      "task-ant-colony-simulation",
      "sk-ant-xxxxxxxxxxxxxxxx",
    ],
  },
  aws_access_key: {
    invalid: [
      { text: "id AKIAVRNKNO4UV3NI2WDV.", hits: [['aws_access_key', 3, 23]] },
      { text: "aws_access_key_id = ASIA77FK7HGGBB2L5JCO", hits: [['aws_access_key', 20, 40]] },
    ],
    valid: [
      "AKIAXXXXXXXXXXXXXXXX",
      "TODAYINASIAASACKOFRICEFELLOVER",
      "AKIAVRNKNO4UV3NI2WDVX",
      "xAKIAVRNKNO4UV3NI2WDV",
    ],
  },
  aws_secret_key: {
    invalid: [
      { text: "AWS_SECRET_ACCESS_KEY = wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETSKEY", hits: [['aws_secret_key', 24, 64]] },
      { text: "AKIAVRNKNO4UV3NI2WDV,Xq3mZ8vT2pL9kR4wN7jB1cF6hD0sG5yA8eU2iO4t", hits: [['aws_access_key', 0, 20], ['aws_secret_key', 21, 61]] },
    ],
    valid: [
      "commit 9fceb02d0ae598e95dc970b74767f19372d61af8",
      "wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETSKEY",
      "aws_secret_access_key = 9fceb02d0ae598e95dc970b74767f19372d61af8",
      "AWS_SECRET_ACCESS_KEY = R6WCNd0erkAuZyD+Fe8C4IwjpYQtniKqnHAzE7Pk5fPrBRpwOnuYxA==",
    ],
  },
  bearer_token: {
    invalid: [
      { text: "Authorization: Bearer eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.4Adcj3UFYzPUVaVF43FmMab6RlaQD8A9V8wFzzht-KQ", hits: [['bearer_token', 22, 130]] },
      { text: "jwt=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.4Adcj3UFYzPUVaVF43FmMab6RlaQD8A9V8wFzzht-KQ&x=1", hits: [['bearer_token', 4, 112]] },
      { text: "-H \"Authorization: Bearer cfcabd11c7ed9a41b1a3e063c32d5114\"", hits: [['bearer_token', 26, 58]] },
    ],
    valid: [
      "Authorization: Bearer XXXXXXXXXXXX",
      "Authorization: Bearer <Openverse API token>",
      "Bearer tokens are sent in the Authorization header",
      "Authorization: Bearer $(gcloud auth print-access-token)",
      "Authorization: Bearer [REDACTED]",
    ],
  },
  github_token: {
    invalid: [
      { text: "ghp_qfl0nkt0jmyxprzh1wnhjmntu6z27jiu7jon", hits: [['github_token', 0, 40]] },
      { text: "GITHUB_TOKEN=github_pat_11ABCDEFG0abcdefghijkl_mnopqrstuvwxyz0123456789ABCDEFGHIJKLMNOPQRSTUVW", hits: [['github_token', 13, 94]] },
    ],
    valid: [
      "ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "ghp_short123",
      "laghp_qfl0nkt0jmyxprzh1wnhjmntu6z27jiu7jon",
    ],
  },
  google_api_key: {
    invalid: [
      { text: "AIzaSyNHxIf32IQ1a1yjl3ZJIqKZqzLAK1XhDk-", hits: [['google_api_key', 0, 39]] },
      { text: "key=AIzaxf6XhMLf3VcTa4w-wUmdBaRKEjKYk4qV3M3&q=x", hits: [['google_api_key', 4, 43]] },
    ],
    valid: [
      "AIzaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
      "AIzaTesb6Tscfcni8vIpWZqNCXFDFslJtVSvFDqabcd123",
    ],
  },
  azure_connection_string: {
    invalid: [
      { text: "DefaultEndpointsProtocol=https;AccountName=tracelintdemo;AccountKey=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A=;EndpointSuffix=core.windows.net", hits: [['azure_connection_string', 68, 120]] },
    ],
    valid: [
      "AccountKey=<your-account-key>",
      "AccountName=tracelintdemo",
    ],
  },
  generic_api_key_param: {
    invalid: [
      { text: "https://api.example.com/v1/search?api_key=9f8e7d6c5b4a3f2e1d0c&q=cats", hits: [['generic_api_key_param', 42, 62]] },
      { text: "\"client_secret\" : \"6da89121079f83b2eb6acccf8219ea982c3d79bccc3e9c6a85856480661f8fde\",", hits: [['generic_api_key_param', 19, 83]] },
      { text: "apiKey: Zf3D0LXCM3EIMbgJpUNnkRtOfOueHznB", hits: [['generic_api_key_param', 8, 40]] },
      { text: "os.getenv(\"API_KEY\", \"dafa7817-e246-48f3-91a7-e87653d587b8\")", hits: [['generic_api_key_param', 22, 58]] },
      { text: "apiKey: string9Zf3D0LXCM3EIMbgJ", hits: [['generic_api_key_param', 8, 31]] },
    ],
    valid: [
      "api_key=YOUR_API_KEY",
      "apiUrl=apigee.corpint.com",
      "api_key=[REDACTED]",
      "keyboard: 12345678",
      "api_version=2024-01-01",
      "api_key=${API_KEY}",
      "constructor(private apiKey: string, baseUrl?: string) {}",
      "def __init__(self, api_key: Optional[str] = None):",
      "api_key = load_api_key(config_path)",
      "const clientSecret = readSecret(process.argv[2]);",
    ],
  },
  private_key: {
    invalid: [
      { text: "key:\n-----BEGIN RSA PRIVATE KEY-----\nMIICWwIBAAKBgQCYdGaf5uYMsilGHfnx/zxXtihdGFr3hCWwebHGhgEAVn0xlsTd\n1QwoKi+rpI1O6hzyVOuoQtboODsONGRlHbNl6yJ936Yhmr8PiNwpA5qIxZAdmFv2\n-----END RSA PRIVATE KEY-----\nend", hits: [['private_key', 5, 196]] },
      { text: "-----BEGIN OPENSSH PRIVATE KEY-----\\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\\n-----END OPENSSH PRIVATE KEY-----\\n", hits: [['private_key', 0, 142]] },
      { text: "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkqhkiG9w0BBQwwHAQIc2FsdHNhbHQCAggA\n-----END ENCRYPTED PRIVATE KEY-----", hits: [['private_key', 0, 138]] },
      { text: "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQWGBGSVV4YBDAClvRnxezIRy2Yv7SFlzC0iFiRF/O/jePSw+XYhvcrTaqSYTGic\n=8xQN\n-----END PGP PRIVATE KEY BLOCK-----", hits: [['private_key', 0, 145]] },
      { text: "-----BEGIN DSA PRIVATE KEY-----\nMIIBuwIBAAKBgQD3bUd5gM3hXQNd6jWf8kEfKYz4Y6w1xQbJgGQ2mF8sYxZzS0Ab\n", hits: [['private_key', 0, 96]] },
      { text: "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,9F3B1C2D4E5F60718293A4B5C6D7E8F9\n\nMIGlAgEBBDEA1yi+kzpV+5nUnRGzTjPPAPoMQlFu2WexPjZ4/uE97iD9024nWmdZ\n-----END EC PRIVATE KEY-----", hits: [['private_key', 0, 203]] },
    ],
    valid: [
      "-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----",
      "-----BEGIN PRIVATE KEY-----\nxxx\n-----END PRIVATE KEY-----",
      "-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\n-----END PUBLIC KEY-----",
      "-----BEGIN OPENSSH PRIVATE KEY----------END OPENSSH PRIVATE KEY-----",
    ],
  },
  logfire_token: {
    invalid: [
      { text: "LOGFIRE_TOKEN=pylf_v1_us_8Hq2mZt7Lw4Rk9Xc3Vb6Nn1Pd5Sf0Gj2Yh7Tq4Ke9Wa", hits: [['logfire_token', 14, 68]] },
      { text: "token pylf_v2_eu_1f0c3a52-7d4e-4b8a-9c61-2e5f8a9b0c3d_Zp4Qm8Rt2Lx6Vn0Kc3Hs7Jd1Wf5By9Ga end", hits: [['logfire_token', 6, 86]] },
    ],
    valid: [
      "pylf_v1_us_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
      "conn = logfire.db_api.connect(read_token='pylf_v1_us_...')",
      "pylf_v1_us_short",
      "apylf_v1_us_8Hq2mZt7Lw4Rk9Xc3Vb6Nn1Pd5Sf0Gj2Yh7Tq4Ke9Wa",
    ],
  },
  slack_token: {
    invalid: [
      { text: "xoxb-2345678901-3456789012-AbCdEfGhIjKlMnOpQrStUvWx", hits: [['slack_token', 0, 51]] },
      { text: "url https://hooks.slack.com/services/T0ABCDEF1/B0ABCDEF2/AbCdEfGhIjKlMnOpQrStUvWx ok", hits: [['slack_token', 4, 81]] },
      { text: "xapp-1-A0123456789-1234576618999-1234010643963577ab7449ef", hits: [['slack_token', 0, 57]] },
    ],
    valid: [
      "xoxb-xxxxxxxxx-xxxxxxxxxx-xxxxxxxxxxxx",
      "xoxb-xxx",
      "xoxb-xoxb-my-bot-token",
      "xoxe.xoxp-1-initial",
      "xoxp-1234567890",
    ],
  },
  stripe_key: {
    invalid: [
      { text: "sk_test_s9s5ayyxcgbtkj3qg5k6f0bpokds5j", hits: [['stripe_key', 0, 38]] },
      { text: "STRIPE_KEY=rk_live_51OuEMLAlTWGaDypquDn9aZigaJOsa9NR1w1BxZXs9JlYsVVkv5X", hits: [['stripe_key', 11, 71]] },
    ],
    valid: [
      "task_test_60xjsp1ud6kp0s0m62xs5ekkf3s199",
      "sk_live_xxxxxxxxxxxxxxxxxxxxxxxx",
      "sk_test_",
    ],
  },
  password_field: {
    invalid: [
      { text: "password=hunter22", hits: [['password_field', 9, 17]] },
      { text: "db_password: \"S3cure!pass\"", hits: [['password_field', 14, 25]] },
      { text: "connect with pwd=Tr0ub4dor&3 now", hits: [['password_field', 17, 28]] },
      { text: "{'secret': 'x9Kq2mZ7vB'}", hits: [['password_field', 12, 22]] },
      { text: "PASSWORD = 'changeme'", hits: [['password_field', 12, 20]] },
      { text: "auth token: ab12cd34ef", hits: [['password_field', 12, 22]] },
      { text: "token: stringent-9Kq2mZ7vB", hits: [['password_field', 7, 26]] },
      { text: "{\"token\": \"string\"}", hits: [['password_field', 11, 17]] },
      { text: "refresh_token = getTokenValue9 (from cache)", hits: [['password_field', 16, 30]] },
    ],
    valid: [
      "password_policy: strict",
      "max_token: 512",
      "password=[REDACTED]",
      "password: ${DB_PASSWORD}",
      "token: None",
      "Password: ****",
      "token: 1024",
      "password reset link sent",
      "input_tokens: 1200",
      "export async function refresh(client: Client, token: string): Promise<Session> {",
      "function login(user: string, password?: string) {}",
      "def connect(secret: str, token: Optional[str] = None):",
      "refresh_token = getToken(session)",
      "const access_token = await oauth.fetchToken(code);",
      "password = self.vault.read_password(name)",
    ],
  },

  langfuse_api_key: {
    invalid: [
      { text: 'LANGFUSE_SECRET_KEY=sk-lf-7848a6e1-f58f-44e6-841c-db1e77e850b5', hits: [['langfuse_api_key', 20, 62]] },
      { text: 'auth=(pk-lf-dd2c5964-13a3-40a7-aeee-b726529e73e1, sk-lf-7848a6e1-f58f-44e6-841c-db1e77e850b5)', hits: [['langfuse_api_key', 6, 48], ['langfuse_api_key', 50, 92]] },
    ],
    valid: [
      'sk-lf-...',
      'sk-lf-your-secret-key-here',
      'task-lf-7848a6e1-f58f-44e6-841c-db1e77e850b5',
    ],
  },
  openrouter_api_key: {
    invalid: [
      { text: 'Bearer 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', hits: [['openrouter_api_key', 7, 80]] },
    ],
    valid: [
      'sk-or-v1-...',
      'sk-or-v1-62479cfb5b7bad30198596637c9e3c3e',
    ],
  },
  gitlab_token: {
    invalid: [
      { text: 'PRIVATE-TOKEN: glpat-amVRQXtc5rJpov9iodZr', hits: [['gitlab_token', 15, 41]] },
      { text: 'glpat-xa1J_5Eg-t6AHzNp-Zd9P2OLPib.01.vepkm2q25 ok', hits: [['gitlab_token', 0, 46]] },
    ],
    valid: [
      'glpat-XXXXXXXXXXX-XXXXXXXX',
      'glpat-short',
    ],
  },
  webhook_signing_secret: {
    invalid: [
      { text: 'whsec_gNSWPH8prVqsUeQCtDR3zzX6hqo35uwZ', hits: [['webhook_signing_secret', 0, 38]] },
      { text: 'secret: whsec_8b4585023a0286cce33b53f68e6f9833288305d32df5ce9fedd38fc7ef24f8e0.', hits: [['webhook_signing_secret', 8, 78]] },
    ],
    valid: [
      'whsec_...',
      'whsec_new_xxx',
      'whsec_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
  huggingface_token: {
    invalid: [
      { text: 'HF_TOKEN=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', hits: [['huggingface_token', 9, 46]] },
    ],
    valid: [
      'hf_hub_download',
      'rhf_yCswUvbqisKZXTtnHLCbPeCvKyYMBqRWAm',
      'hf_yCswUvbqisKZXTtnHLCbPeCvKyYMBqRWAmX',
    ],
  },
  groq_api_key: {
    invalid: [
      { text: 'api_key="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"', hits: [['groq_api_key', 9, 65]] },
    ],
    valid: [
      'gsk_your_key_here',
      'gsk_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
  perplexity_api_key: {
    invalid: [
      { text: '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', hits: [['perplexity_api_key', 0, 53]] },
    ],
    valid: [
      'pplx-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'pplx-api docs',
    ],
  },
  replicate_api_token: {
    invalid: [
      { text: 'export REPLICATE_API_TOKEN=r8_ICuaWdIympIgwGSY77k6rBdlW9eBOvE0mJ484', hits: [['replicate_api_token', 27, 67]] },
    ],
    valid: [
      'r8_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
      'ver8_release_notes_for_the_next_version',
    ],
  },
  npm_token: {
    invalid: [
      { text: '//registry.npmjs.org/:_authToken=npm_S48BjW8JIWSAtTpZsnkS9PhqpGOdnjnzqhoo', hits: [['npm_token', 33, 73]] },
    ],
    valid: [
      'npm_config_registry',
      'npm_package_version',
    ],
  },
  sendgrid_api_key: {
    invalid: [
      { text: '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', hits: [['sendgrid_api_key', 0, 69]] },
    ],
    valid: [
      'SG.1',
      'SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
  langsmith_api_key: {
    invalid: [
      { text: 'x-api-key: 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', hits: [['langsmith_api_key', 11, 62]] },
      { text: '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', hits: [['langsmith_api_key', 0, 51]] },
    ],
    valid: [
      'lsv2_pt_...',
      'lsv2_pt_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx_xxxxxxxxxx',
    ],
  },
  tavily_api_key: {
    invalid: [
      { text: 'TavilyClient(api_key="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")', hits: [['tavily_api_key', 22, 59]] },
      { text: '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', hits: [['tavily_api_key', 0, 41]] },
    ],
    valid: [
      'tvly-YOUR_API_KEY',
      'tvly-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx',
    ],
  },
  e2b_api_key: {
    invalid: [
      { text: 'sbx = Sandbox.create(api_key="e2b_5d1f09a8c4b7e36f2a90d8c1b4e7f3a6d2c9b0e5")', hits: [['e2b_api_key', 30, 74]] },
      { text: '-H "X-API-Key: e2b_9c3e7a1f5b2d8e4a6c0f3b7d1e9a5c2f8b4d6e0a"', hits: [['e2b_api_key', 15, 59]] },
    ],
    valid: [
      'e2b_0000000000000000000000000000000000000000',
      'from e2b_code_interpreter import Sandbox',
      'e2b_5d1f09a8c4b7e36f2a90d8c1b4e7f3a6d2c9b0e5x',
      'E2B_5D1F09A8C4B7E36F2A90D8C1B4E7F3A6D2C9B0E5',
    ],
  },
  xai_api_key: {
    invalid: [
      { text: 'client = OpenAI(api_key="xai-Qm7Vb4nR8tY1wLs2Kp9Xz3Hc6Jd0Fg5Ta8Ue1Wi4Ro7Sy2Nv5Mb9Lq3Gk6Pj0Dh4Cf8Ex1Zu7Aw2Ys5O", base_url="https://api.x.ai/v1")', hits: [['xai_api_key', 25, 109]] },
      { text: 'xai-Qm7Vb4nR8tY1wLs2Kp9Xz3Hc6Jd0Fg5Ta8Ue1Wi4Ro7Sy2Nv5Mb9Lq3Gk6Pj0Dh4Cf8Ex1Zu7Aw2Ys5O', hits: [['xai_api_key', 0, 84]] },
    ],
    valid: [
      'xai-grok-beta',
      'model: xai-grok-4 via the xai-sdk',
    ],
  },
  discord_webhook: {
    invalid: [
      { text: 'requests.post("https://discord.com/api/webhooks/1234567890123456789/Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPqRs2tUv5wXy8zAb1cDe4f", json=payload)', hits: [['discord_webhook', 15, 142]] },
      { text: 'https://canary.discordapp.com/api/v10/webhooks/987654321098765432/f4eDc1bAz8yXw5vUt2sRqPo9nMl6kJi3hGf0eDc7bAz4yXw1vUt8sRq5pOn2mLk9jIh6fEd3bA', hits: [['discord_webhook', 0, 140]] },
    ],
    valid: [
      'https://discord.com/api/webhooks/{webhook.id}/{webhook.token}',
      'https://discord.com/api/webhooks/1234567890123456789/short',
    ],
  },
  url_credentials: {
    invalid: [
      { text: 'DATABASE_URL=postgres://app:p%40ss-W0rd@db.internal:5432/orders', hits: [['url_credentials', 28, 39]] },
      { text: 'redis://:Falcon42x@cache:6379/0', hits: [['url_credentials', 9, 18]] },
      { text: 'https://bob:Fal@con#42:x@host.example.com/path', hits: [['url_credentials', 12, 24]] },
      { text: 'mongodb+srv://svc:S3cr3t:pw/9@cluster0.ab1cd.mongodb.net/?retryWrites=true', hits: [['url_credentials', 18, 29]] },
      { text: 'GET https://api.openweathermap.org/data/2.5/weather?q=London&appid=3f9c2a7b8e1d4c6f9a0b1c2d3e4f5a6b HTTP/1.1', hits: [['url_credentials', 67, 99]] },
      { text: 'https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&ss=b&sig=Abc%2Bdef123GhIjKl456MnOp%3D&se=2026', hits: [['url_credentials', 66, 94]] },
      { text: 'git clone https://x9Kq2mZ7vB4nR8tY1wLsQe3@git.example.com/org/repo.git', hits: [['url_credentials', 18, 41]] },
    ],
    valid: [
      'https://user:password@example.com',
      'postgres://${DB_USER}:${DB_PASSWORD}@db/app',
      'https://example.com/a:b@c',
      'mailto:jane@example.com',
      'https://example.com/search?key=value&sort=asc',
      'amqp://guest:guest@localhost:5672/',
      'postgres://app:<password>@db/app',
      'ssh://git@github.com/org/repo.git',
      'https://docs.example.com/v2/keys?page=2',
    ],
  },
  http_header_credential: {
    invalid: [
      { text: "curl -H 'Authorization: Basic YWxpY2U6RmFsY29uLTQyeA==' https://api.example.com", hits: [['http_header_credential', 30, 54]] },
      { text: 'GET /v1 HTTP/1.1\r\nHost: api\r\nCookie: theme=dark; sessionid=8f7e6d5c4b3a29180706f5e4d3c2b1a0\r\n', hits: [['http_header_credential', 59, 91]] },
      { text: 'Set-Cookie: connect.sid=s%3AkT9x2Qm7.Vb4nR8tY1wLs; Path=/; HttpOnly', hits: [['http_header_credential', 24, 49]] },
      { text: 'proxy-authorization: Basic cHJveHk6UzNjcjN0IXB3', hits: [['http_header_credential', 27, 47]] },
      { text: "{'Authorization': 'Token 22cb987851bc5659229114c62e60c79abd0d2c08'}", hits: [['http_header_credential', 25, 65]] },
      { text: 'Authorization: Bearer abcdefghijklmnopqrstuv', hits: [['http_header_credential', 22, 44]] },
      { text: 'Cookie: __Host-id=Qm7Vb4nR8tY1; PHPSESSID=k3j4h5g6f7d8s9a0', hits: [['http_header_credential', 18, 30], ['http_header_credential', 42, 58]] },
    ],
    valid: [
      'Cookie: theme=dark; lang=en',
      'Authorization: Basic ...',
      'Authorization: Bearer $API_KEY',
      'Authorization: Token **********',
      'the Authorization header carries the credentials',
      'authorization: basic {base64(email:password)}',
      'Set-Cookie: lang=en; sessionid=; Path=/',
      'cookie: sessionid=[REDACTED]',
    ],
  },
  command_line_credential: {
    invalid: [
      { text: "docker login -u deploy -p 'S3cr3t#pw' registry.example.com", hits: [['command_line_credential', 27, 36]] },
      { text: 'mysql -u root -pS3cr3tPw9 -h db.internal orders', hits: [['command_line_credential', 16, 25]] },
      { text: "$ sshpass -p 'Falcon-42x' ssh -p 2222 admin@10.0.0.5", hits: [['command_line_credential', 14, 24]] },
      { text: 'curl -s --user "j.smith:dB2yF6@qL9vZm1P#4J" "https://api.contoso.org/user/me"', hits: [['command_line_credential', 24, 42]] },
      { text: 'PGPASSWORD=Falcon-42x psql -h db -U app -c "select 1"', hits: [['command_line_credential', 11, 21]] },
      { text: 'cd app && ./deploy --api-key 9f8e7d6c5b4a3f2e1d0c --region eu', hits: [['command_line_credential', 29, 49]] },
      { text: 'redis-cli -h cache -a R3d1s!pw ping; mongosh "mongodb://db" -u app -p M0ng0pw', hits: [['command_line_credential', 22, 30], ['command_line_credential', 70, 77]] },
      { text: "podman login quay.io -u bot -p abc123XYZ\nhelm registry login ghcr.io -p 'hunter2x'", hits: [['command_line_credential', 31, 40], ['command_line_credential', 73, 81]] },
      { text: 'smbclient //fs/share -U alice%Sm8pass', hits: [['command_line_credential', 30, 37]] },
      { text: "gh auth login --with-token; tool --token='tok en 42'", hits: [['command_line_credential', 42, 51]] },
    ],
    valid: [
      'ssh -p 2222 admin@host',
      'mkdir -p /tmp/build && cp -p a b',
      'mysql -u root -p orders',
      'docker login --password-stdin -u ci registry',
      'curl -u "$USER:$PASS" https://x',
      'app --token-file /run/secrets/token',
      'curl -i -u test:test',
      'curl -u username:password https://x',
      'tool --password $DB_PASSWORD',
      'pip install -p 3.11 requests',
      'docker run -p 8080:80 nginx',
    ],
  },
};

for (const [name, table] of Object.entries(TABLES)) {
  test(`${name}: exact findings on invalid texts, none on valid ones`, () => {
    for (const { text, hits } of table.invalid) {
      const got = engine.scanText(text).map((m): Hit => [m.detector, m.start, m.end]);
      assert.deepEqual(got, hits, `in ${JSON.stringify(text.slice(0, 40))}`);
      for (const m of engine.scanText(text)) assert.equal(m.text, text.slice(m.start, m.end));
    }
    for (const text of table.valid) {
      const got = engine.scanText(text).filter((m) => m.detector === name);
      assert.deepEqual(got, [], `in ${JSON.stringify(text.slice(0, 40))}`);
    }
  });
}

/** Strings that fill real traces and that no detector may report, whatever its name. */
const HARD_NEGATIVES = [
  '550e8400-e29b-41d4-a716-446655440000',
  'run 123e4567-e89b-12d3-a456-426614174000 step 00000000-0000-0000-0000-000000000001',
  'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
  'sha256 e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
  'md5 d41d8cd98f00b204e9800998ecf8427e',
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'ts 1700000000123 and 1732233445566',
  'created 1700000000 updated 1712345678',
  '2024-05-01T12:34:56.789Z',
  '2024-05-01T12:34:56+02:00 to 2024-12-31 23:59:59',
  'version 4.155.550.1320, node v20.19.43, build 2024.05.01.1234',
  'order 4111111111111112 and 1234567812345678',
  'ids 9876543210987654 5105105105105106',
  '[REDACTED] [HASH:0123456789abcdef] [EXCLUDED] __REDACTED__ ***REDACTED***',
  'span 00f067aa0ba902b7 trace 4bf92f3577b34da6a3ce929d0e0e4736',
  'price $1,234,567.89 and 3.14159265358979',
  'tokens used: 1234, max_tokens: 4096, input_tokens: 512',
  '{"model":"gpt-4o","temperature":0.2,"token_count":1024}',
];

test('hard negatives: ids, hashes, timestamps, versions, blobs and markers are never findings', () => {
  for (const text of HARD_NEGATIVES) {
    assert.deepEqual(engine.scanText(text).map((m) => [m.detector, m.text]), [], `in ${JSON.stringify(text)}`);
  }
});

test('every registry example: positives found by their detector, negatives not', () => {
  // Opt-in detectors (high_entropy) are judged with themselves switched on.
  const optIn = Object.fromEntries(detectorList().filter((d) => !d.defaultEnabled).map((d) => [d.name, { enabled: true }]));
  const all = new Engine({ ...defaultEngineOptions(), detectors: optIn });
  for (const d of detectorList()) {
    const scan = (s: string) =>
      d.exampleKey ? all.scanValue(s, { path: `inputs.${d.exampleKey}`, key: d.exampleKey }) : all.scanText(s);
    for (const p of d.examples.positive) assert.ok(scan(p).some((m) => m.detector === d.name), `${d.name} misses ${JSON.stringify(p.slice(0, 30))}`);
    for (const n of d.examples.negative) assert.ok(!scan(n).some((m) => m.detector === d.name), `${d.name} hits ${JSON.stringify(n.slice(0, 30))}`);
    assert.ok(d.examples.positive.length >= 1 && d.examples.negative.length >= 1);
  }
});

test('registry: the 17 TraceCraft names, the vendor key formats, then sensitive_field, in precedence order', () => {
  assert.deepEqual(detectorList().map((d) => d.name), [
    'private_key', 'anthropic_api_key', 'langfuse_api_key', 'openrouter_api_key', 'openai_api_key', 'github_token', 'gitlab_token',
    'slack_token', 'stripe_key', 'logfire_token', 'webhook_signing_secret', 'huggingface_token', 'groq_api_key', 'perplexity_api_key',
    'replicate_api_token', 'npm_token', 'sendgrid_api_key', 'langsmith_api_key', 'tavily_api_key', 'xai_api_key', 'e2b_api_key', 'discord_webhook', 'google_api_key',
    'aws_access_key', 'aws_secret_key', 'azure_connection_string', 'bearer_token', 'url_credentials', 'credit_card', 'ssn',
    'email', 'phone', 'generic_api_key_param', 'password_field', 'http_header_credential',
    'command_line_credential', 'high_entropy', 'sensitive_field',
  ]);
});
