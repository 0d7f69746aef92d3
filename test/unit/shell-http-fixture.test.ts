// A trace written by hand, apart from the detector tables (test/unit/fixtures/traces/
// shell-http-session.jsonl): an agent's shell sessions and HTTP calls in the shapes traces hold them
// (a tool call's arguments as JSON in a string, a shell transcript, an AgentDbg argv, a URL and a
// header object, a raw HTTP response, reasoning prose, a `.env` read back, curl strings, a HAR entry,
// nested configuration, mysql/redis sessions, connection strings with `@` and `#` in passwords).
// Every planted secret is found, with the rule that names it, and redaction leaves none behind
// while the commands and words around them stay as they were. Fixtures: every secret is fake.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Engine } from '../../shared/engine/index';
import { defaultEngineOptions } from '../../shared/options';
import { scanTraceText, redactTraceText } from '../../shared/traces/index';

const engine = new Engine(defaultEngineOptions());
const FILE = join(__dirname, 'fixtures', 'traces', 'shell-http-session.jsonl');
const text = readFileSync(FILE, 'utf8');

/** [1-based line, rule, secret as planted], in file order. */
const PLANTED: Array<[number, string, string]> = [
  [1, 'command_line_credential', 'Qx7!harbor-lamp'],
  [2, 'gitlab_token', 'glpat-Rk2vT9wQm4Lx8NcZp3Hd'],
  [3, 'command_line_credential', 'Wm4#rivet-Sky9'],
  [4, 'url_credentials', 'Gm8Kd03jLq2Zr7Vw5Tn1Xb'],
  [4, 'sensitive_field', 'c2hvcDpUdXJuaXAtQ2xvdWQtMzE='],
  [4, 'http_header_credential', 'Zk3Jq8Lw2Mv7Np4Rt6Yb'],
  [5, 'password_field', 'Br1ght-Otter-77'],
  [6, 'openrouter_api_key', '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'],
  [6, 'langsmith_api_key', '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'],
  [6, 'langfuse_api_key', 'pk-lf-3b9e1c7a-5d2f-4a86-b0e4-9c1d7f3a5e28'],
  [6, 'langfuse_api_key', 'sk-lf-e4a8c2f6-1b9d-4e37-a5c0-7d3f9b1e6a42'],
  [6, 'tavily_api_key', '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'],
  [6, 'huggingface_token', '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'],
  [6, 'groq_api_key', 'gsk_4Tn8Vq2Lx6Rz0Wb3Yd7Hk1Mp5Js9Fc2Gu6Ea8Ni4Qo0Xt3Zl7Cv1B'],
  [6, 'webhook_signing_secret', 'whsec_Nf3Kq8Xt1Wm6Zr4Lv9Bd2Hy7Pc5Js0Ga'],
  [7, 'command_line_credential', 'Pl4ne!Tide-88'],
  [7, 'generic_api_key_param', '7fd2c9e1b84a4f0d9e3c'],
  [7, 'url_credentials', '0b7e4c1d9a2f6e8b3c5d7f9a1e3b5c7d'],
  [8, 'sensitive_field', 'csrftoken=Hk2Lm9Qx4Rt7; lang=en'],
  [8, 'sensitive_field', 'tkn-Jd8Wq3Zm6Vr1'],
  [9, 'sensitive_field', 'Mq3-Lantern-Fox'],
  // Not SendGrid's 22.43 shape (its second part is longer), so found by its key context only.
  [9, 'sensitive_field', 'SG.Vx8Kd2Lq7Zt4Nm1Rw9Yb3H.Qe6Jp0Gs5Uc2Ik8Ao4Tf7Lh1Xv3Nb9Md6Ry0Pw5Zs2Ct8Eg4Ju7Kq1'],
  [9, 'phone', '+44 20 7946 0958'],
  [9, 'phone', '+49 30 901820'],
  [10, 'command_line_credential', 'Oak7tree-Mirror'],
  [10, 'command_line_credential', 'Vy9#copper-Rain'],
  [11, 'url_credentials', 'N8t@pine#Kettle'],
  [11, 'url_credentials', 'Hv5-quartz-Bell'],
];

/** What stays: commands, words and numbers around the secrets that are no secrets. */
const KEPT = [
  "PGPASSWORD='[REDACTED]' pg_dump -h 10.2.0.14", 'https://oauth2:[REDACTED]@gitlab.internal.example', "ssh -p 2222 deploy@10.2.0.14 'df -h /'",
  'mkdir -p /tmp/backup', '"--password","[REDACTED]"', '&key=[REDACTED]', 'shop_session=[REDACTED]; Path=/', 'Set-Cookie: theme=dark',
  'the admin password is [REDACTED] for the staging panel', 'The password reset link is not needed, and the old password is incorrect anyway',
  'OPENROUTER_API_KEY=[REDACTED]', 'DEBUG=false', 'curl -s -u svc-report:[REDACTED] https://reports.example.com', "X-Api-Key: [REDACTED]'",
  '&appid=[REDACTED]', '"name":"Content-Type","value":"application/json"', '"geo":"+51.5034,-0.1276"', 'mysql -h db -u app -p[REDACTED] shop',
  "redis-cli -h cache -a '[REDACTED]' ping", 'docker run -p 8080:80 -e MODE=prod nginx', 'postgresql://shop_rw:[REDACTED]@db.internal.example:5432/shop',
  'rediss://:[REDACTED]@cache.internal.example:6380/1',
];

test('the hand-written shell and HTTP trace: every planted secret found, under the rule that names it', () => {
  const { findings, problems } = scanTraceText(text, 'shell-http-session.jsonl', engine);
  assert.deepEqual(problems, []);
  assert.deepEqual(findings.map((f) => [f.range.line + 1, f.ruleId, f.secret]), PLANTED);
  for (const line of text.split('\n').filter(Boolean)) {
    const holds = PLANTED.some(([n]) => text.split('\n')[n - 1] === line);
    if (holds) assert.equal(engine.mayContainFinding(line), true, line.slice(0, 60));
  }
});

test('the hand-written shell and HTTP trace: redaction leaves nothing behind and keeps the rest', () => {
  const red = redactTraceText(text, engine, 'shell-http-session.jsonl');
  assert.equal(red.text.split('\n').length, text.split('\n').length);
  assert.deepEqual(scanTraceText(red.text, 'shell-http-session.jsonl', engine).findings, []);
  // No secret survives, whether written plain or as JSON inside a string.
  const decoded = red.text.split('\n').filter(Boolean).map((l) => JSON.stringify(JSON.parse(l), (_k, v) => (typeof v === 'string' && v.startsWith('{') ? JSON.parse(v) : v))).join('\n');
  for (const [, , secret] of PLANTED) {
    assert.ok(!red.text.includes(secret) && !decoded.includes(JSON.stringify(secret).slice(1, -1)), `left behind: ${secret.slice(0, 4)}…`);
  }
  const flat = red.text.replace(/\\"/g, '"').replace(/\\n/g, '\n').replace(/\\r/g, '\r');
  for (const k of KEPT) assert.ok(flat.includes(k), `kept: ${k}`);
  // The clean last line is byte for byte the same.
  assert.equal(red.text.split('\n')[11], text.split('\n')[11]);
});
