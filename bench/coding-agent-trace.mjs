// Generator of a coding agent's trace for bench/traces.bench.mjs: JSONL of session events as a
// coding agent writes them (a user's request, the assistant's prose, tool calls with `arguments`
// objects, and their results: shell commands with their output, `ls -l` listings with sizes and
// dates, `git log` with hashes, `git diff`, file reads, test runs, grep hits). Unlike the TraceCraft
// runs of the first file, nearly every line offers the raw prefilter something to look at: digits
// in sizes, dates and line numbers, `@` in diff hunks, npm scopes, decorators and prompts, the words
// "token" and "secret" in prose and code, `key`/`password` in identifiers. Lines average about 4 KB.
// Secrets are planted in every detector category at about one line in 50, each where a coding agent
// meets it (a `.env` read, a curl command, a diff of a config, a credentials file...), recorded with
// its raw position in a manifest. The mix of event kinds and outputs varies with the seed.
import { randomSource, secretMakers, writePlantedTrace, ALNUM, HEX } from './trace-secrets.mjs';

export function generateCodingAgentTrace(path, manifestPath, bytes, seedValue) {
  const r = randomSource(seedValue);
  const { rand, pick, int, chars, uuid } = r;
  // The mix, drawn from the seed: how often each kind of tool runs, and how long outputs get.
  const weights = { ls: 1 + rand() * 3, gitlog: 1 + rand() * 2, diff: 1 + rand() * 3, read: 2 + rand() * 3, test: 0.5 + rand() * 2, grep: 1 + rand() * 2, npm: 0.3 + rand(), prose: 1 + rand() * 2 };
  const outputScale = 1.7 + rand() * 1.2;
  const weighted = () => {
    let total = 0;
    for (const k in weights) total += weights[k];
    let r = rand() * total;
    for (const k in weights) if ((r -= weights[k]) < 0) return k;
    return 'read';
  };

  const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const DIRS = ['src', 'src/agent', 'src/tools', 'src/lib', 'tests', 'scripts', 'packages/core/src', 'packages/cli/src', 'app/api', 'docs'];
  const NAMES = ['index', 'tokenizer', 'session', 'planner', 'secret_store', 'auth', 'token_budget', 'client', 'retry', 'cache', 'router', 'config', 'logger', 'tools', 'memory', 'prompt', 'stream', 'utils'];
  const EXTS = ['.ts', '.py', '.tsx', '.json', '.md', '.py', '.ts', '.yaml'];
  const filePath = () => `${pick(DIRS)}/${pick(NAMES)}${pick(EXTS)}`;
  const WORDS = ('the token budget is checked before each call and the secret manager holds the keys so the agent never sees them ' +
    'refactor the session handler to stream tokens and keep the retry logic in one place while the tests cover the edge cases ' +
    'of expired tokens missing secrets and rate limits returned by the provider with a retry after header in seconds').split(' ');
  const prose = (n) => {
    const w = [];
    for (let i = 0; i < n; i++) w.push(pick(WORDS));
    w[0] = w[0][0].toUpperCase() + w[0].slice(1);
    return w.join(' ') + '.';
  };
  const time = (ms) => new Date(ms).toISOString();
  const lsDate = (ms) => {
    const d = new Date(ms);
    return `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)} ${String(d.getUTCHours()).padStart(2, '0')}:${String(d.getUTCMinutes()).padStart(2, '0')}`;
  };
  const CODE = [
    (n) => `export async function refresh${n}(client: Client, token: string): Promise<Session> {\n  const res = await client.post('/v1/sessions', { headers: { Authorization: \`Bearer \${token}\` } });\n  if (res.status === 401) throw new TokenExpiredError(res.headers.get('x-request-id'));\n  return res.json() as Promise<Session>;\n}\n`,
    (n) => `def load_secret_${n}(name: str) -> str:\n    """Reads a secret from the secret manager; never logs it."""\n    value = os.environ.get(name) or secrets_client.get_secret_value(SecretId=name)["SecretString"]\n    return value\n`,
    (n) => `@dataclass\nclass TokenBudget${n}:\n    max_tokens: int = 4096\n    used: int = 0\n\n    def take(self, n: int) -> bool:\n        if self.used + n > self.max_tokens:\n            return False\n        self.used += n\n        return True\n`,
    (n) => `import { describe, it, expect } from 'vitest';\nimport { redact } from '@acme/secret-utils';\n\ndescribe('redact ${n}', () => {\n  it('keeps the token length', () => {\n    expect(redact('abc').length).toBe(3);\n  });\n});\n`,
    (n) => `const config = {\n  model: 'claude-sonnet-4',\n  maxTokens: ${int(256, 8192)},\n  temperature: 0.${int(0, 9)},\n  timeoutMs: ${int(1000, 60000)},\n  retries: ${int(1, 5)},\n};\n`,
    (n) => `@app.route("/api/v${n % 3 + 1}/tokens", methods=["POST"])\n@require_auth\ndef issue_token():\n    body = request.get_json()\n    ttl = int(body.get("ttl", 3600))\n    return jsonify(token=mint(ttl), expires_in=ttl)\n`,
  ];
  const codeBlock = (lines) => {
    let s = '';
    let n = int(1, 99);
    while (s.split('\n').length < lines) s += pick(CODE)(n++) + '\n';
    return s;
  };
  const scaled = (lo, hi) => Math.max(1, Math.round(int(lo, hi) * outputScale));

  // Each tool's command and output (no secrets: the planters below add them).
  const TOOLS = {
    ls: (t) => {
      const dir = pick(DIRS);
      const rows = [`total ${int(8, 2048)}`];
      for (let i = 0, n = scaled(15, 45); i < n; i++) {
        const isDir = rand() < 0.2;
        rows.push(`${isDir ? 'drwxr-xr-x' : pick(['-rw-r--r--', '-rwxr-xr-x', '-rw-------'])} ${String(int(1, 12)).padStart(2)} ${pick(['dev', 'runner', 'jane'])} ${pick(['staff', 'dev', 'users'])} ${String(int(0, 999999)).padStart(7)} ${lsDate(t - int(0, 9e9))} ${isDir ? pick(NAMES) : pick(NAMES) + pick(EXTS)}`);
      }
      return { command: `ls -la ${dir}`, output: rows.join('\n') };
    },
    gitlog: (t) => {
      const rows = [];
      for (let i = 0, n = scaled(6, 16); i < n; i++) {
        const when = new Date(t - int(0, 9e9));
        rows.push(`commit ${chars(HEX, 40)}\nAuthor: ${pick(['Jane Doe', 'Ravi Patel', 'Mei Chen', 'dependabot[bot]'])}\nDate:   ${when.toUTCString()}\n\n    ${pick(['fix', 'feat', 'chore', 'refactor'])}(${pick(NAMES)}): ${prose(int(5, 12)).toLowerCase()}\n`);
      }
      return { command: `git log -n ${rows.length}`, output: rows.join('\n') };
    },
    diff: () => {
      const f = filePath();
      const parts = [`diff --git a/${f} b/${f}`, `index ${chars(HEX, 7)}..${chars(HEX, 7)} 100644`, `--- a/${f}`, `+++ b/${f}`];
      for (let h = 0, n = scaled(2, 5); h < n; h++) {
        const at = int(1, 900);
        parts.push(`@@ -${at},${int(3, 12)} +${at},${int(3, 14)} @@ ${pick(['export function', 'def', 'class', 'async function'])} ${pick(NAMES)}`);
        for (const l of codeBlock(int(6, 14)).split('\n')) parts.push(`${pick([' ', ' ', ' ', '+', '-'])}${l}`);
      }
      return { command: `git diff ${rand() < 0.5 ? 'HEAD~1' : '--staged'} -- ${f}`, output: parts.join('\n') };
    },
    read: () => {
      const f = filePath();
      const lines = codeBlock(scaled(30, 80)).split('\n').map((l, i) => `${String(i + 1).padStart(6)}\t${l}`);
      return { command: null, file: f, output: lines.join('\n') };
    },
    test: (t) => {
      const rows = [`> ${pick(['vitest run', 'pytest -q', 'jest --ci'])}`, ''];
      for (let i = 0, n = scaled(10, 30); i < n; i++) rows.push(` ${pick(['ok', 'ok', 'ok', 'FAIL'])} ${filePath()} (${int(1, 40)} tests) ${int(3, 2400)}ms`);
      rows.push('', ` Test Files  ${int(1, 30)} passed (${int(1, 30)})`, `      Tests  ${int(10, 400)} passed | ${int(0, 3)} failed`, `   Start at  ${time(t).slice(11, 19)}`, `   Duration  ${int(1, 90)}.${int(10, 99)}s`);
      return { command: pick(['npm test', 'pytest -q tests/', 'npx vitest run']), output: rows.join('\n') };
    },
    grep: () => {
      const word = pick(['token', 'secret', 'api_key', 'getToken', 'SECRET_NAME', 'refresh_token', 'max_tokens']);
      const rows = [];
      for (let i = 0, n = scaled(12, 40); i < n; i++) rows.push(`${filePath()}:${int(1, 2000)}:${pick(['  const ', '    ', '  // ', '# '])}${pick(['let', 'if', 'return', 'self.'])} ${word}${pick([' = getToken(session)', '_count += 1', '.length > 0', ' is None:', ' === undefined) {', '_ttl = 3600'])}`);
      return { command: `rg -n ${word} ${pick(DIRS)}`, output: rows.join('\n') };
    },
    npm: () => {
      const rows = [];
      for (let i = 0, n = scaled(8, 24); i < n; i++) rows.push(`${pick(['+--', '`--', '| +--'])} ${pick(['@types/node', '@acme/secret-utils', 'typescript', '@vitest/coverage-v8', 'zod', '@anthropic-ai/sdk', 'openai'])}@${int(0, 20)}.${int(0, 30)}.${int(0, 40)}`);
      return { command: 'npm ls --depth=1', output: `${pick(NAMES)}@1.${int(0, 9)}.${int(0, 9)} /home/dev/work/${pick(NAMES)}\n${rows.join('\n')}` };
    },
    prose: () => ({ command: null, output: null }),
  };

  // Where each category's secret appears; `line` is the event the secret goes into.
  const SECRETS = secretMakers(r);
  const CATEGORIES = Object.keys(SECRETS);
  /** A tool result (or call) that carries `secret`: [kind, tool name, arguments, output text]. */
  const PLANT = {
    email: (s) => ['Bash', { command: 'git log -n 1 --format=full' }, `commit ${chars(HEX, 40)}\nAuthor: Jane Doe <${s}>\nCommit: Jane Doe <${s}>\n\n    ${prose(8)}`],
    phone: (s) => ['Read', { file_path: 'tests/fixtures/customers.csv' }, `     1\tid,name,phone,city\n     2\t${int(1, 999)},Dana Whitfield,${s},Berlin\n     3\t${int(1, 999)},Ola Berg,,Oslo`],
    credit_card: (s) => ['Read', { file_path: 'tests/fixtures/payment.json' }, `     1\t{\n     2\t  "note": "Customer paid with card ${s} on file.",\n     3\t  "amount": ${int(1, 999)}.${int(10, 99)}\n     4\t}`],
    ssn: (s) => ['Bash', { command: `psql -c "select * from applicants limit 1"` }, ` id | name | ssn_on_file\n----+------+------------\n ${int(1, 999)} | Dana Whitfield | SSN ${s}\n(1 row)`],
    openai_api_key: (s) => ['Bash', { command: 'cat .env' }, `NODE_ENV=development\nLOG_LEVEL=debug\nOPENAI_API_KEY=${s}\nPORT=${int(3000, 9000)}`],
    anthropic_api_key: (s) => ['Bash', { command: `export ANTHROPIC_API_KEY=${s} && npm run dev`, description: 'Start the dev server' }, `> dev\n> tsx watch src/index.ts\n\nlistening on :${int(3000, 9000)}`],
    aws_access_key: (s) => ['Read', { file_path: '/home/dev/.aws/config' }, `     1\t[profile ci]\n     2\tregion = us-east-1\n     3\taccess_key_id = ${s}`],
    aws_secret_key: (s) => ['Read', { file_path: '/home/dev/.aws/credentials' }, `     1\t[default]\n     2\taws_secret_access_key = ${s}\n     3\tregion = eu-west-1`],
    bearer_token: (s) => ['Bash', { command: `curl -s -H "Authorization: Bearer ${s}" https://api.internal.example/v1/me` }, `{"id": ${int(1, 9999)}, "plan": "team"}`],
    github_token: (s) => ['Bash', { command: 'env | grep GIT' }, `GIT_AUTHOR_NAME=Jane Doe\nGITHUB_TOKEN=${s}\nGIT_EDITOR=vim`],
    google_api_key: (s) => ['Read', { file_path: 'app/firebase.json' }, `     1\t{\n     2\t  "projectId": "acme-agents",\n     3\t  "apiKey": "${s}"\n     4\t}`],
    azure_connection_string: (s) => ['Bash', { command: 'git diff appsettings.json' }, `@@ -3,3 +3,3 @@\n-    "Storage": "UseDevelopmentStorage=true"\n+    "Storage": "DefaultEndpointsProtocol=https;AccountName=tracestore;AccountKey=${s};EndpointSuffix=core.windows.net"`],
    generic_api_key_param: (s) => ['WebFetch', { url: `https://api.weather-data.io/v2/forecast?city=Berlin&api_key=${s}`, prompt: 'Summarise the forecast' }, `The forecast for Berlin: ${prose(10)}`],
    private_key: (s) => ['Read', { file_path: '/home/dev/.ssh/deploy_key' }, s],
    slack_token: (s) => ['Bash', { command: `curl -s -X POST -H 'Content-type: application/json' -d '{"channel":"#deploys","token":"${s}"}' https://slack.com/api/chat.postMessage` }, '{"ok":true}'],
    stripe_key: (s) => ['Bash', { command: 'git diff config/billing.py' }, `@@ -1,4 +1,4 @@\n-STRIPE_KEY = os.environ["STRIPE_KEY"]\n+STRIPE_KEY = "${s}"\n STRIPE_WEBHOOK_TTL = 300`],
    password_field: (s) => ['Bash', { command: `mysql -h db-primary -u app --password=${s} -e "show tables"` }, `+-----------------+\n| Tables_in_app   |\n+-----------------+\n| users           |\n| sessions        |\n+-----------------+`],
    sensitive_field: (s) => ['create_db_user', { username: 'app_reader', db_password: s, grants: ['SELECT'] }, 'created user app_reader'],
  };

  const sessionId = uuid();
  const cwd = `/home/dev/work/${pick(NAMES)}-service`;
  let t = Date.UTC(2025, 2, 1, 9);
  let parent = null;
  /** One event of the session (a JSONL line), with the secret when there is one. */
  function event(line, category, secret) {
    t += int(200, 30000);
    const base = { type: null, uuid: uuid(), parentUuid: parent, sessionId, timestamp: time(t), cwd, gitBranch: pick(['main', 'fix/token-refresh', 'feat/secret-rotation']), version: '1.0.' + int(20, 99) };
    parent = base.uuid;
    if (category) {
      const [tool, args, output] = PLANT[category](secret);
      const id = `toolu_${chars(ALNUM, 24)}`;
      // The call and its result in one event, the result carrying the secret (or the arguments).
      return { ...base, type: 'assistant', message: { role: 'assistant', model: 'claude-sonnet-4', content: [{ type: 'text', text: prose(int(20, 60)) }, { type: 'tool_use', id, name: tool, arguments: args }], usage: { input_tokens: int(1000, 90000), output_tokens: int(10, 2000) } }, toolResult: { tool_use_id: id, content: output, is_error: false } };
    }
    const kind = line % 7 === 0 ? 'user' : weighted();
    if (kind === 'user') return { ...base, type: 'user', message: { role: 'user', content: `${prose(int(10, 40))} Please check ${filePath()} and ${filePath()}; also @${pick(['jane', 'ravi', 'mei'])} asked about the token refresh.` } };
    if (kind === 'prose') return { ...base, type: 'assistant', message: { role: 'assistant', model: 'claude-sonnet-4', content: [{ type: 'text', text: Array.from({ length: scaled(4, 10) }, () => prose(int(20, 60))).join('\n\n') }], usage: { input_tokens: int(1000, 90000), output_tokens: int(10, 2000), cache_read_input_tokens: int(0, 80000) } } };
    const r = TOOLS[kind](t);
    const id = `toolu_${chars(ALNUM, 24)}`;
    const args = r.file ? { file_path: `${cwd}/${r.file}`, offset: 1, limit: 2000 } : { command: r.command, description: prose(int(3, 8)), timeout: 120000 };
    return {
      ...base,
      type: 'assistant',
      message: { role: 'assistant', model: 'claude-sonnet-4', content: [{ type: 'text', text: prose(int(8, 30)) }, { type: 'tool_use', id, name: r.file ? 'Read' : 'Bash', arguments: args }], usage: { input_tokens: int(1000, 90000), output_tokens: int(10, 2000) } },
      toolResult: { tool_use_id: id, content: r.output, is_error: kind === 'test' && rand() < 0.2, durationMs: int(5, 40000) },
    };
  }

  writePlantedTrace(path, manifestPath, bytes, CATEGORIES, (line, category) => {
    const secret = category ? SECRETS[category]() : null;
    return { text: JSON.stringify(event(line, category, secret)), secret };
  }, { categories: CATEGORIES.length });
}
