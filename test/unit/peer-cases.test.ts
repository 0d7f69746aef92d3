// Outside ground truth: example strings from gitleaks', Presidio's and secretlint's own test suites
// (../shared/peer-cases beside the checkout; see its README). Prints recall and false-positive rate
// per tracelint category and fails below floors set from what the detectors reach. Never prints a
// secret: only counts and masked ids of misses.
//
// Peer false positives we DO flag, on purpose, because they are real format matches that only
// entropy, stopwords or an allowlist of published samples separate (a regex detector cannot and
// should not; users allowlist them):
//   - aws_access_key: `AKIAIOSFODNN7EXAMPLE` (AWS's documented sample id);
//   - google_api_key: the Firebase sample keys (`AIzaSyAnLA7N…`, `AIzaSyCkEhVj…`, …) and
//     `AIzaSyabcdefghijklmnopqrstuvwxyz1234567`;
//   - anthropic_api_key: gitleaks' "wrong suffix", "too short" and admin-vs-api cases (all real
//     `sk-ant-` shapes; gitleaks splits one format into two rules);
//   - slack_token: short fakes with digits and letters (`xoxb-12345-abcd234`, `xoxp-1234-1234-…`);
//   - generic_api_key_param: `apiKey:"6fe4476e…"` (a 32-hex value under an API-key name: only
//     entropy or a hash-length stopword tells it from a key);
//   - openai_api_key: an `sk-` key without the `T3BlbkFJ` marker (see FLOORS).
// Placeholders (`ghp_xxxx…`, `AKIAXXXX…`, `AIzaaaaa…`, `-----BEGIN PRIVATE KEY-----\n...\n`) are
// recognised and not reported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Engine } from '../../shared/engine/index';
import { defaultEngineOptions } from '../../shared/options';
import { maskSecret } from '../../shared/mask';

interface PeerCase {
  source: { repo: string; path: string; line?: number };
  rule: string;
  category: string | null;
  kind: 'tp' | 'fp';
  text: string;
  wrapped?: { secret: string };
  expectedMatches?: unknown[];
}

/** `shared/peer-cases` beside the checkout, looked for from the repo root upwards. */
function findPeerCases(): string | undefined {
  let dir = resolve(__dirname, '../..');
  for (let i = 0; i < 4; i++) {
    const candidate = join(dir, '..', 'shared', 'peer-cases');
    if (existsSync(join(candidate, 'gitleaks.json'))) return candidate;
    dir = dirname(dir);
  }
  return undefined;
}

const PII = new Set(['email', 'phone', 'credit_card', 'ssn']);
/** Categories where another secret detector finding the secret counts (the peer's rule is broader). */
const ANY_SECRET = new Set(['bearer_token', 'generic_api_key_param']);
const SECRET_DETECTORS = new Set([
  'private_key', 'anthropic_api_key', 'openai_api_key', 'github_token', 'slack_token', 'stripe_key', 'google_api_key',
  'aws_access_key', 'aws_secret_key', 'azure_connection_string', 'bearer_token', 'generic_api_key_param', 'password_field',
  'langfuse_api_key', 'openrouter_api_key', 'gitlab_token', 'webhook_signing_secret', 'huggingface_token', 'groq_api_key',
  'perplexity_api_key', 'replicate_api_token', 'npm_token', 'sendgrid_api_key', 'langsmith_api_key', 'tavily_api_key',
  'url_credentials', 'http_header_credential', 'command_line_credential',
]);

/** Floors: recall at least, false-positive rate at most. Set from what the detectors reach (see output). */
const FLOORS: Record<string, { recall: number; fpRate: number }> = {
  // secretlint's one openai fp is a key without the `T3BlbkFJ` marker: we report every `sk-` key
  // (DeepSeek's, OpenRouter's `sk-or-…` are secrets too; TraceCraft's rule name covers them).
  openai_api_key: { recall: 1, fpRate: 1 },
  anthropic_api_key: { recall: 1, fpRate: 1 },
  aws_access_key: { recall: 1, fpRate: 0.3 },
  aws_secret_key: { recall: 1, fpRate: 0 },
  github_token: { recall: 1, fpRate: 0 },
  google_api_key: { recall: 1, fpRate: 0.85 },
  // secretlint's stripe fixture is all `AAAA…` bodies, which we treat as placeholders.
  stripe_key: { recall: 0.98, fpRate: 0 },
  slack_token: { recall: 1, fpRate: 0.15 },
  private_key: { recall: 1, fpRate: 0 },
  bearer_token: { recall: 1, fpRate: 0 },
  // Misses: values in XML elements (`<genericToken>…</genericToken>`) and names whose head is not a
  // credential word (`todo_secret_do_not_commit`).
  generic_api_key_param: { recall: 0.95, fpRate: 0.02 },
  email: { recall: 1, fpRate: 0 },
  credit_card: { recall: 1, fpRate: 0 },
  // Misses: Presidio's lenient forms `91-415-555-0132` and `+91 4155 550132` at one leniency level.
  phone: { recall: 0.9, fpRate: 0 },
  // Misses: Presidio's weak forms `078-051121` and a bare `078051121`, which we do not report (a bare
  // 9-digit run is far more often an id than an SSN in a trace).
  ssn: { recall: 0.66, fpRate: 0 },
};

function detected(engine: Engine, c: PeerCase): boolean {
  const found = engine.scanText(c.text);
  const cat = c.category!;
  return found.some((m) => m.detector === cat || (ANY_SECRET.has(cat) && SECRET_DETECTORS.has(m.detector)));
}

function expectedAll(engine: Engine, c: PeerCase): boolean {
  // Presidio rows list every expected match: each must be covered by a finding of the category.
  const found = engine.scanText(c.text).filter((m) => m.detector === c.category);
  const spans = (c as unknown as { expectedSpans?: [number, number][] }).expectedSpans;
  if (!spans || spans.length === 0) return found.length > 0;
  return spans.every(([s, e]) => found.some((m) => m.start <= s && m.end >= e));
}

const dir = findPeerCases();

test('peer cases: recall and false-positive rate per category', { skip: dir ? false : 'shared/peer-cases not found beside the checkout' }, () => {
  const engine = new Engine(defaultEngineOptions());
  const cases: PeerCase[] = ['gitleaks.json', 'presidio.json', 'secretlint.json'].flatMap((f) => JSON.parse(readFileSync(join(dir!, f), 'utf8')));
  const stats = new Map<string, { tp: number; hit: number; fp: number; flagged: number; misses: string[] }>();
  for (const c of cases) {
    if (!c.category) continue;
    const s = stats.get(c.category) ?? { tp: 0, hit: 0, fp: 0, flagged: 0, misses: [] };
    stats.set(c.category, s);
    const ok = PII.has(c.category) && c.kind === 'tp' ? expectedAll(engine, c) : detected(engine, c);
    if (c.kind === 'tp') {
      s.tp++;
      if (ok) s.hit++;
      else s.misses.push(`${c.source.path.split('/').pop()}:${c.source.line ?? '?'} ${maskSecret(c.wrapped?.secret ?? c.text)}`);
    } else {
      s.fp++;
      if (engine.scanText(c.text).some((m) => m.detector === c.category)) s.flagged++;
    }
  }
  const failures: string[] = [];
  const lines = ['category                  tp   recall   fp   fp-rate'];
  for (const [cat, s] of [...stats].sort()) {
    const recall = s.tp ? s.hit / s.tp : 1;
    const fpRate = s.fp ? s.flagged / s.fp : 0;
    lines.push(`${cat.padEnd(24)} ${String(s.tp).padStart(4)}   ${recall.toFixed(3)}  ${String(s.fp).padStart(3)}   ${fpRate.toFixed(3)}`);
    for (const m of s.misses.slice(0, 5)) lines.push(`    miss ${m}`);
    const floor = FLOORS[cat];
    if (!floor) continue;
    if (recall < floor.recall) failures.push(`${cat}: recall ${recall.toFixed(3)} < ${floor.recall}`);
    if (fpRate > floor.fpRate) failures.push(`${cat}: fp rate ${fpRate.toFixed(3)} > ${floor.fpRate}`);
  }
  console.log(lines.join('\n'));
  assert.deepEqual(failures, []);
});
