// The credentials agents leak where no telltale prefix gives them away (issue 14): command lines
// (strings and argv arrays), URLs, HTTP headers, key context through nesting, sentences, the vendor
// key formats and international phone numbers. One table per shape: each positive is a trace value
// with the exact [rule, secret] findings it must give; each negative gives none. Every row is run in
// every JSON spelling the engine is tested in (plain, `\/`, a multi-line string, JSON inside a
// string, an array element, `\u` escapes), through the trace reader (scanTraceText), the raw
// prefilter (never false on a line with a finding) and the redaction writer (nothing left behind,
// and the rest of the line untouched). Fixtures: every secret here is fake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Engine } from '../../shared/engine/index';
import { defaultEngineOptions } from '../../shared/options';
import { spellings } from './fixtures/raw-lines';
import { scanTraceText, redactTraceText } from '../../shared/traces/index';

const engine = new Engine(defaultEngineOptions());

type Row = [value: string, findings: Array<[rule: string, secret: string]>];
interface Table {
  /** The key the value stands under in the generated lines (neutral unless the shape is key context). */
  key?: string;
  rows: Row[];
}

const TABLES: Record<string, Table> = {
  'command lines': {
    rows: [
      ["docker login -u deploy -p 'S3cr3t#pw' registry.example.com", [['command_line_credential', 'S3cr3t#pw']]],
      ['mysql -h db.internal -u root -pS3cr3tPw9 orders < dump.sql', [['command_line_credential', 'S3cr3tPw9']]],
      ["sshpass -p 'Falcon-42x' ssh -p 2222 admin@10.0.0.5 uptime", [['command_line_credential', 'Falcon-42x']]],
      ['./sync --password "hunter22x" --user bob', [['command_line_credential', 'hunter22x']]],
      ['./sync --password=hunter22x', [['password_field', 'hunter22x']]],
      ['terraform apply -var region=eu && cli --api-key 9f8e7d6c5b4a3f2e1d0c', [['command_line_credential', '9f8e7d6c5b4a3f2e1d0c']]],
      ['tool --token Zx9qW2er7T --secret Qw3rTy8uIo', [['command_line_credential', 'Zx9qW2er7T'], ['command_line_credential', 'Qw3rTy8uIo']]],
      ['curl -sS -u alice:Falcon-42x https://api.example.com/v1/me', [['command_line_credential', 'Falcon-42x']]],
      ["curl -H 'Authorization: Basic YWxpY2U6RmFsY29uLTQyeA==' https://api.example.com", [['http_header_credential', 'YWxpY2U6RmFsY29uLTQyeA==']]],
      ['PGPASSWORD=Falcon-42x psql -h db -U app -c "select 1"', [['command_line_credential', 'Falcon-42x']]],
      ['export API_KEY=9f8e7d6c5b4a3f2e1d0c\nexport DB_PASSWORD=Falcon-42x', [['generic_api_key_param', '9f8e7d6c5b4a3f2e1d0c'], ['password_field', 'Falcon-42x']]],
      ['export PGPASSWORD=Falcon-42x && psql -h db -U app', [['command_line_credential', 'Falcon-42x']]],
      ["declare -x SSHPASS='Zebra#Cross-77'", [['command_line_credential', 'Zebra#Cross-77']]],
      ['htpasswd -bc /etc/nginx/.htpasswd admin Falcon-42x', [['command_line_credential', 'Falcon-42x']]],
      ['htpasswd -nbB admin Falcon-42x > users', [['command_line_credential', 'Falcon-42x']]],
      ['sudo htpasswd -cB -b /etc/nginx/.htpasswd admin Falcon-42x', [['command_line_credential', 'Falcon-42x']]],
      ['htpasswd -cb users.txt admin Falcon-42x', [['command_line_credential', 'Falcon-42x']]],
      ['openssl enc -aes-256-cbc -salt -k Falcon-42x -in db.tar -out db.enc', [['command_line_credential', 'Falcon-42x']]],
      ['openssl pkcs12 -export -in c.pem -out c.p12 -passout pass:Falcon-42x', [['command_line_credential', 'Falcon-42x']]],
      ['zip -r -P Falcon-42x backup.zip data/ && unzip -P Zebra-Cross-77 old.zip', [['command_line_credential', 'Falcon-42x'], ['command_line_credential', 'Zebra-Cross-77']]],
      ['7z a -pFalcon-42x -mhe=on backup.7z data', [['command_line_credential', 'Falcon-42x']]],
      ["sqlcmd -S db.internal -U sa -P 'Falcon-42x!' -Q 'SELECT 1'", [['command_line_credential', 'Falcon-42x!']]],
      ['bcp dbo.orders out orders.dat -S db -U sa -PFalcon-42x -c', [['command_line_credential', 'Falcon-42x']]],
      ['az login -u ops -p Falcon-42x --tenant contoso', [['command_line_credential', 'Falcon-42x']]],
      ['rsync -avP src/ backup@host:/srv/backup/ && zip -r a.zip d && unzip -P "$ZIP_PASS" b.zip && 7z x -y c.7z', []],
      ['htpasswd -c /etc/nginx/.htpasswd admin && curl -k -o out https://x.example.com', []],
      ['openssl enc -aes-256-cbc -in a -out b -pass env:BACKUP_PASS && export PGHOST=db.internal', []],
      ['ssh -p 2222 deploy@host && mkdir -p /srv/app', []],
      ['mysql -u root -p orders && mysqldump -u root --password orders > o.sql', []],
      ['echo "$REGISTRY_TOKEN" | docker login --password-stdin -u ci registry', []],
      ['curl -u "$USER:$PASS" https://x && curl -i -u test:test https://y', []],
      ['const octokit = new Octokit({ auth: import.meta.env.VITE_GITHUB_TOKEN }); token = Deno.env.get("TOKEN")', []],
      ['docker run -p 8080:80 -e MODE=prod nginx', []],
    ],
  },
  'URLs': {
    rows: [
      ['DATABASE_URL=postgres://app:p%40ss-W0rd@db.internal:5432/orders', [['url_credentials', 'p%40ss-W0rd']]],
      ['connected to redis://:Falcon42x@cache:6379/0', [['url_credentials', 'Falcon42x']]],
      ['GET https://bob:Fal@con#42:x@host.example.com/path', [['url_credentials', 'Fal@con#42:x']]],
      ['https://api.openweathermap.org/data/2.5/weather?q=London&appid=3f9c2a7b8e1d4c6f9a0b1c2d3e4f5a6b', [['url_credentials', '3f9c2a7b8e1d4c6f9a0b1c2d3e4f5a6b']]],
      ['https://acct.blob.core.windows.net/c/b.txt?sv=2022-11-02&sig=Abc%2Bdef123GhIjKl456MnOp%3D', [['url_credentials', 'Abc%2Bdef123GhIjKl456MnOp%3D']]],
      ['https://api.example.com/v1/items?access_token=ya29a0AfH6SMBx9k2&page=2', [['generic_api_key_param', 'ya29a0AfH6SMBx9k2']]],
      ['https://api.example.com/search?api_key=9f8e7d6c5b4a3f2e1d0c&q=cats', [['generic_api_key_param', '9f8e7d6c5b4a3f2e1d0c']]],
      ['notify via https://discord.com/api/webhooks/1234567890123456789/Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPqRs2tUv5wXy8zAb1cDe4f done', [['discord_webhook', 'https://discord.com/api/webhooks/1234567890123456789/Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPqRs2tUv5wXy8zAb1cDe4f']]],
      ['https://example.com/docs?key=value&sort=asc', []],
      ['postgres://${DB_USER}:${DB_PASSWORD}@db/app and https://user:password@example.com', []],
      ['see https://example.com/a:b@c and git@github.com:org/repo.git', []],
    ],
  },
  'HTTP headers in text': {
    rows: [
      ['GET /v1 HTTP/1.1\r\nHost: api\r\nCookie: theme=dark; sessionid=8f7e6d5c4b3a29180706f5e4d3c2b1a0\r\n', [['http_header_credential', '8f7e6d5c4b3a29180706f5e4d3c2b1a0']]],
      ['HTTP/1.1 200 OK\nSet-Cookie: connect.sid=s%3AkT9x2Qm7.Vb4nR8tY1wLs; Path=/; HttpOnly', [['http_header_credential', 's%3AkT9x2Qm7.Vb4nR8tY1wLs']]],
      ['Authorization: Basic YWxpY2U6RmFsY29uLTQyeA==', [['http_header_credential', 'YWxpY2U6RmFsY29uLTQyeA==']]],
      ['Proxy-Authorization: Basic cHJveHk6UzNjcjN0IXB3', [['http_header_credential', 'cHJveHk6UzNjcjN0IXB3']]],
      ['> AUTHORIZATION: Basic YWxpY2U6RmFsY29uLTQyeA==\n> COOKIE: SESSIONID=8f7e6d5c4b3a29180706f5e4d3c2b1a0', [['http_header_credential', 'YWxpY2U6RmFsY29uLTQyeA=='], ['http_header_credential', '8f7e6d5c4b3a29180706f5e4d3c2b1a0']]],
      ['AUTHORIZATION HEADER MISSING; COOKIE: THEME=DARK', []],
      ["headers={'X-Api-Key': '9f8e7d6c5b4a3f2e1d0c'}", [['generic_api_key_param', '9f8e7d6c5b4a3f2e1d0c']]],
      ['X-Auth-Token: 6b3c9d2e-1f4a-4b8c-9d0e-2f3a4b5c6d7e', [['generic_api_key_param', '6b3c9d2e-1f4a-4b8c-9d0e-2f3a4b5c6d7e']]],
      ['Authorization: Bearer $API_KEY\nCookie: theme=dark; lang=en', []],
    ],
  },
  'sentences': {
    rows: [
      ['Your temporary password is Falcon-42x, change it at first login.', [['password_field', 'Falcon-42x']]],
      ['password Falcon-42x', [['password_field', 'Falcon-42x']]],
      ['my pwd: Tr0ub4dor&3 (do not share)', [['password_field', 'Tr0ub4dor&3']]],
      ['The WiFi password is "Fa\\"lc#on42" tonight.', [['password_field', 'Fa\\"lc#on42']]],
      ['Use PIN 4821 at the side door.', [['password_field', '4821']]],
      ['Your one-time passcode is 482913.', [['password_field', '482913']]],
      ['Vault PASSCODE 7730-aqua', [['password_field', '7730-aqua']]],
      ['The passphrase is "correct horse battery staple 9".', [['password_field', 'correct horse battery staple 9']]],
      ['The passcode expired; request a new passcode below. Passphrase strength: strong.', []],
      ['OK, your API key is 9f8e7d6c5b4a3f2e1d0c.', [['generic_api_key_param', '9f8e7d6c5b4a3f2e1d0c']]],
      ['The token was ab12cd34ef56gh78 until midnight.', [['password_field', 'ab12cd34ef56gh78']]],
      ['The password is incorrect.', []],
      ['A password reset link was sent to your inbox.', []],
      ['The password must be at least 12 characters long.', []],
      ['The API key is invalid or expired; the token is 5 minutes old.', []],
      ['Enter your password below. Password hash: bcrypt. The pin 2024 release notes.', []],
    ],
  },
  'vendor key formats': {
    rows: [
      ['whsec_gNSWPH8prVqsUeQCtDR3zzX6hqo35uwZ', [['webhook_signing_secret', 'whsec_gNSWPH8prVqsUeQCtDR3zzX6hqo35uwZ']]],
      ['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', [['langsmith_api_key', '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']]],
      ['auth=(pk-lf-dd2c5964-13a3-40a7-aeee-b726529e73e1)', [['langfuse_api_key', 'pk-lf-dd2c5964-13a3-40a7-aeee-b726529e73e1']]],
      ['LANGFUSE_SECRET_KEY=sk-lf-7848a6e1-f58f-44e6-841c-db1e77e850b5', [['langfuse_api_key', 'sk-lf-7848a6e1-f58f-44e6-841c-db1e77e850b5']]],
      ['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', [['tavily_api_key', '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']]],
      ['xai-Qm7Vb4nR8tY1wLs2Kp9Xz3Hc6Jd0Fg5Ta8Ue1Wi4Ro7Sy2Nv5Mb9Lq3Gk6Pj0Dh4Cf8Ex1Zu7Aw2Ys5O', [['xai_api_key', 'xai-Qm7Vb4nR8tY1wLs2Kp9Xz3Hc6Jd0Fg5Ta8Ue1Wi4Ro7Sy2Nv5Mb9Lq3Gk6Pj0Dh4Cf8Ex1Zu7Aw2Ys5O']]],
      ['E2B_API_KEY=e2b_5d1f09a8c4b7e36f2a90d8c1b4e7f3a6d2c9b0e5', [['e2b_api_key', 'e2b_5d1f09a8c4b7e36f2a90d8c1b4e7f3a6d2c9b0e5']]],
      ['Bearer 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', [['huggingface_token', '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']]],
      ['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', [['groq_api_key', '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']]],
      ['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', [['perplexity_api_key', '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']]],
      ['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', [['openrouter_api_key', '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']]],
      ['r8_ICuaWdIympIgwGSY77k6rBdlW9eBOvE0mJ484', [['replicate_api_token', 'r8_ICuaWdIympIgwGSY77k6rBdlW9eBOvE0mJ484']]],
      ['npm_S48BjW8JIWSAtTpZsnkS9PhqpGOdnjnzqhoo', [['npm_token', 'npm_S48BjW8JIWSAtTpZsnkS9PhqpGOdnjnzqhoo']]],
      ['glpat-amVRQXtc5rJpov9iodZr', [['gitlab_token', 'glpat-amVRQXtc5rJpov9iodZr']]],
      ['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', [['sendgrid_api_key', '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']]],
      ['sk-lf-your-secret-key-here, hf_hub_download, npm_config_registry, whsec_...', []],
    ],
  },
  'international phone numbers': {
    rows: [
      ['UK mobile +44 7700 900123', [['phone', '+44 7700 900123']]],
      ['Berlin office +49 30 901820', [['phone', '+49 30 901820']]],
      ['Paris +33 1 42 68 53 00', [['phone', '+33 1 42 68 53 00']]],
      ['call +91 98765 43210', [['phone', '+91 98765 43210']]],
      ['coords +48.858844, +2.294351; delta +12345678 bytes; id +123456789012; ts=+1700000000123', []],
      ['v4.155.550.1320 at 2024-05-01T12:34:56.789Z costs +1,234.50 USD', []],
    ],
  },
};

function check(name: string, key: string, value: string, expected: Array<[string, string]>, line: string): void {
  const where = `${name}: ${line.slice(0, 80)}`;
  const { findings } = scanTraceText(line, 'trace.jsonl', engine);
  const got = findings.map((f): [string, string] => [f.ruleId, f.secret ?? '']);
  assert.deepEqual(got, expected, where);
  if (expected.length > 0) assert.equal(engine.mayContainFinding(line), true, `prefilter: ${where}`);
  // Redaction: each secret gone, the marker in its place, nothing found again.
  const red = redactTraceText(line, engine);
  const decoded = JSON.stringify(JSON.parse(red.text));
  for (const [, secret] of expected) assert.ok(!decoded.includes(JSON.stringify(secret).slice(1, -1)) && !red.text.includes(secret), `left behind: ${where}`);
  assert.deepEqual(scanTraceText(red.text, 'trace.jsonl', engine).findings.map((f) => f.ruleId), [], `rescan: ${where}`);
  if (expected.length > 0) assert.ok(red.text.includes('[REDACTED]'), where);
  else assert.equal(red.text, line, where);
  void key;
  void value;
}

for (const [name, table] of Object.entries(TABLES)) {
  test(`${name}: exact findings in every JSON spelling, redacted with nothing left behind`, () => {
    const key = table.key ?? 'text';
    for (const [value, expected] of table.rows) {
      for (const line of spellings(value, key, '@')) check(name, key, value, expected, line);
    }
  });
}

test('argv arrays: the value after a credential flag, read with the command before it', () => {
  const rows: Array<[string[], Array<[string, string]>]> = [
    [['docker', 'login', '-u', 'ci', '-p', 'S3cr3t#pw', 'registry.example.com'], [['command_line_credential', 'S3cr3t#pw']]],
    [['sshpass', '-p', 'Falcon-42x', 'ssh', 'admin@10.0.0.5'], [['command_line_credential', 'Falcon-42x']]],
    [['mysql', '-uroot', '-pS3cr3tPw9', 'orders'], [['command_line_credential', 'S3cr3tPw9']]],
    [['curl', '-u', 'alice:Falcon-42x', 'https://api.example.com'], [['command_line_credential', 'Falcon-42x']]],
    [['/usr/local/bin/deploy', '--api-key', '9f8e7d6c5b4a3f2e1d0c', '--region', 'eu'], [['command_line_credential', '9f8e7d6c5b4a3f2e1d0c']]],
    [['redis-cli', '-h', 'cache', '-a', 'R3d1s!pw', 'ping'], [['command_line_credential', 'R3d1s!pw']]],
    [['env', 'PGPASSWORD=Falcon-42x', 'psql', '-h', 'db'], [['command_line_credential', 'Falcon-42x']]],
    [['bash', '-c', "docker login -p 'S3cr3t#pw' ghcr.io"], [['command_line_credential', 'S3cr3t#pw']]],
    [['bash', '-lc', 'PGPASSWORD=Falcon-42x psql -h db -U app'], [['command_line_credential', 'Falcon-42x']]],
    [['htpasswd', '-b', '.htpasswd', 'admin', 'Falcon-42x'], [['command_line_credential', 'Falcon-42x']]],
    [['openssl', 'enc', '-d', '-aes-256-cbc', '-k', 'Falcon-42x', '-in', 'db.enc'], [['command_line_credential', 'Falcon-42x']]],
    [['htpasswd', '-c', '.htpasswd', 'admin'], []],
    [['zip', '-r', '-P', 'Falcon-42x', 'backup.zip', 'data'], [['command_line_credential', 'Falcon-42x']]],
    [['sqlcmd', '-S', 'db', '-U', 'sa', '-P', 'Falcon-42x', '-Q', 'SELECT 1'], [['command_line_credential', 'Falcon-42x']]],
    [['rsync', '-avP', 'src/', 'dst/'], []],
    [['ssh', '-p', '2222', 'admin@host'], []],
    [['mysql', '-u', 'root', '-p', 'orders'], []],
    [['docker', 'login', '--password-stdin', '-u', 'ci'], []],
    [['support', 'billing', '-p', 'S3cr3t#pw'], []],
  ];
  for (const [argv, expected] of rows) {
    for (const line of [
      JSON.stringify({ type: 'tool', inputs: { argv } }),
      JSON.stringify({ outputs: { result: JSON.stringify({ cmd: argv }) } }),
      JSON.stringify({ cmd: argv }).replace(/\//g, '\\/'),
    ]) check('argv', 'argv', argv.join(' '), expected, line);
  }
});

test('key context through nesting: a neutral key under a credential key a few levels up', () => {
  const rows: Array<[unknown, Array<[string, string]>]> = [
    [{ password: { value: 'Falcon-42x' } }, [['sensitive_field', 'Falcon-42x']]],
    [{ credentials: { password: { value: 'Falcon-42x' } } }, [['sensitive_field', 'Falcon-42x']]],
    [{ api_key: { primary: 'key-primary-1', name: 'prod' } }, [['sensitive_field', 'key-primary-1']]],
    [{ secrets: { stripe: { data: 'webhook-signing-value' } } }, [['sensitive_field', 'webhook-signing-value']]],
    [{ password: { current: { value: 'Falcon-42x' } } }, [['sensitive_field', 'Falcon-42x']]],
    [{ token: { v: ['tok-1a', 'tok-2b'] } }, [['sensitive_field', 'tok-1a'], ['sensitive_field', 'tok-2b']]],
    [{ token: { usage: { value: '5' } } }, []],
    [{ auth: { type: 'oauth', scopes: ['read'] } }, []],
    [{ secret: { meta: { a: { value: 'too-deep' } } } }, []],
    [{ password_policy: { value: 'strict' } }, []],
    // An Authorization header's scheme word is no secret: the credentials after it are reported
    [{ headers: { 'proxy-authorization': 'Token 22cb987851bc5659229114c62e60c79abd0d2c08' } }, [['sensitive_field', '22cb987851bc5659229114c62e60c79abd0d2c08']]],
    [{ headers: { Authorization: 'a1b2c3d4e5f6a7b8' } }, [['sensitive_field', 'a1b2c3d4e5f6a7b8']]],
  ];
  for (const [obj, expected] of rows) {
    for (const line of [
      JSON.stringify({ inputs: obj }),
      JSON.stringify({ outputs: { result: JSON.stringify(obj) } }),
      JSON.stringify({ steps: [{ inputs: obj }] }).replace(/\//g, '\\/'),
    ]) check('nesting', 'inputs', '', expected, line);
  }
});

test('header objects: credential header names are key context (the whole value, after an Authorization scheme word)', () => {
  const headers = {
    Cookie: 'sessionid=8f7e6d5c4b3a2918', 'Set-Cookie': 'sid=Qm7Vb4nR8tY1; Path=/', Authorization: 'Basic YWxpY2U6RmFsY29uLTQyeA==',
    'X-Api-Key': 'abcdefghijklmnop', 'X-Auth-Token': 'tok-abcdefgh', 'Proxy-Authorization': 'Basic cHJveHk6UzNjcjN0IXB3',
    Accept: 'application/json', 'User-Agent': 'agent/1.0',
  };
  const line = JSON.stringify({ type: 'tool', inputs: { method: 'GET', headers } });
  check('header objects', 'headers', '', [
    ['sensitive_field', 'sessionid=8f7e6d5c4b3a2918'],
    ['sensitive_field', 'sid=Qm7Vb4nR8tY1; Path=/'],
    ['sensitive_field', 'YWxpY2U6RmFsY29uLTQyeA=='],
    ['sensitive_field', 'abcdefghijklmnop'],
    ['sensitive_field', 'tok-abcdefgh'],
    ['sensitive_field', 'cHJveHk6UzNjcjN0IXB3'],
  ], line);
});

test('name/value header lists (HAR, Playwright, Postman): the value stands under the header name', () => {
  const har = { log: { entries: [{ request: { method: 'GET', headers: [
    { name: 'Accept', value: '*/*' }, { name: 'X-Api-Key', value: 'abcdefghijklmnop' }, { name: 'Cookie', value: 'sid=Qm7Vb4nR8tY1' },
  ] } }] } };
  const postman = { item: [{ request: { header: [{ key: 'Authorization', value: 'Basic YWxpY2U6RmFsY29uLTQyeA==', type: 'text' }, { key: 'Accept', value: 'text/plain' }] } }] };
  const tags = { tags: [{ name: 'env', value: 'prod' }, { key: 'team', value: 'billing' }] };
  const rows: Array<[unknown, Array<[string, string]>]> = [
    [har, [['sensitive_field', 'abcdefghijklmnop'], ['sensitive_field', 'sid=Qm7Vb4nR8tY1']]],
    [postman, [['sensitive_field', 'YWxpY2U6RmFsY29uLTQyeA==']]],
    [tags, []],
  ];
  for (const [obj, expected] of rows) {
    for (const line of [JSON.stringify(obj), JSON.stringify({ outputs: { result: JSON.stringify(obj) } })]) check('pairs', 'pairs', '', expected, line);
  }
  assert.equal(engine.mayContainFinding(JSON.stringify(tags)), false);
});
