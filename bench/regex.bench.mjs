// `npm run bench regex`: ReDoS verdict latency per custom pattern, first check and cached, with
// recheck's native backend (child process) and its worker backend (worker thread), over a table of
// 30 patterns (the real-world shapes of REFERENCE.md, TraceCraft's rules, Python-only syntax); then
// the full judgement (verdict plus timing confirmation) and the guarded matching throughput.
// Built from the project's sources with its esbuild (recheck kept external, as in dist/), into
// node_modules/.cache so that recheck and its native binary resolve as they do for dist/.
import * as esbuild from 'esbuild';
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'node_modules', '.cache', 'tracelint-bench', 'regex.js');
mkdirSync(dirname(outfile), { recursive: true });
await esbuild.build({
  stdin: {
    contents: `export * from './shared/regex/checker'; export * from './shared/regex/judge'; export * from './shared/regex/translate'; export * from './shared/regex/guard';`,
    resolveDir: root,
    loader: 'ts',
  },
  bundle: true, platform: 'node', target: 'node20', format: 'cjs', outfile, logLevel: 'warning',
  external: ['recheck', 'recheck-linux-x64'],
});
const rx = createRequire(import.meta.url)(outfile);

const PATTERNS = [
  // REFERENCE.md's real ReDoS shapes.
  '^(\\w+\\s?)*$', '^([\\s\\[\\{\\(]|#.*)*$', '(.*,)+.+', '.*(?:.*=.*)', '(?:.*,)*[ \\t]*([^ \\t]+)[ \\t]+realm=(["\']?)([^"\']*)\\2',
  // TraceCraft's DEFAULT_RULES.
  '[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?@[a-zA-Z0-9](?:[a-zA-Z0-9.-]{0,61}[a-zA-Z0-9])?\\.[a-zA-Z]{2,}',
  '(?:\\+\\d{1,3}[-.\\s]?)?(?:\\(\\d{3}\\)|\\d{3})[-.\\s]?\\d{3}[-.\\s]?\\d{4}',
  '\\b\\d{4}[-\\s]?\\d{4}[-\\s]?\\d{4}[-\\s]?\\d{4}\\b', '\\b\\d{3}-\\d{2}-\\d{4}\\b', 'sk-[a-zA-Z0-9_-]{10,128}',
  'sk-ant-[a-zA-Z0-9_-]{10,128}', '\\bAKIA[A-Z0-9]{16}\\b', '\\b[A-Za-z0-9/+=]{40}\\b',
  'Bearer\\s+[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+(?:\\.[A-Za-z0-9_-]+)?', 'gh[pousr]_[a-zA-Z0-9]{36,}', 'AIza[a-zA-Z0-9_-]{35}',
  'AccountKey=[A-Za-z0-9+/=]{20,}', 'api_key=[A-Za-z0-9_-]{8,128}', '-----BEGIN\\s+(?:RSA\\s+)?(?:PRIVATE|EC)\\s+KEY-----',
  'xox[bpar]-[0-9]{10,}-[0-9]{10,}-[a-zA-Z0-9]{20,}', '[sp]k_(?:live|test)_[a-zA-Z0-9]{20,}',
  '(?:password|passwd|pwd|secret|token)\\s*[=:]\\s*["\']?[^\\s"\']{4,}["\']?',
  // Python-only syntax and users' own.
  'TCK-\\d{6}', '(?P<key>[a-z]+)=(?P=key)', '(?i)(?:session|sid)=[0-9a-f]{32}', '(?x) ORD - \\d{4,} # order ids',
  'a++b', '(?>x+|y)z', '^(a+)+$', '(\\d+)*x',
];

const ms = (t0) => Number(process.hrtime.bigint() - t0) / 1e6;
const pad = (s, n) => String(s).padEnd(n);
const fmt = (v) => (v === undefined ? '-' : v < 1 ? v.toFixed(3) : v.toFixed(0));

async function latencies(backend) {
  rx.clearVerdictCache();
  const rows = [];
  for (const p of PATTERNS) {
    const t = rx.translatePython(p, '', { analysis: true });
    let t0 = process.hrtime.bigint();
    const v = await rx.checkRegex(t.source, t.flags, { backend, timeoutMs: 30000 });
    const first = ms(t0);
    t0 = process.hrtime.bigint();
    await rx.checkRegex(t.source, t.flags, { backend });
    rows.push({ p, status: v.status === 'vulnerable' ? `${v.complexity.type}${v.complexity.degree ? ` ${v.complexity.degree}` : ''}` : v.status, checker: v.checker ?? '', first, cached: ms(t0) });
  }
  return rows;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
}

const backends = rx.hasNativeBackend() ? ['native', 'worker'] : ['worker'];
if (!rx.hasNativeBackend()) console.log('recheck native backend not installed for this platform: worker backend only');
const results = {};
for (const b of backends) {
  const t0 = process.hrtime.bigint();
  results[b] = await latencies(b);
  console.log(`${b}: ${PATTERNS.length} patterns checked in ${fmt(ms(t0))} ms`);
}

console.log(`\n${pad('pattern', 44)}${pad('verdict', 16)}${pad('checker', 10)}${backends.map((b) => `${pad(`${b} first`, 14)}${pad(`${b} cached`, 15)}`).join('')}`);
PATTERNS.forEach((p, i) => {
  const r0 = results[backends[0]][i];
  const shown = p.length > 42 ? `${p.slice(0, 41)}…` : p;
  console.log(`${pad(shown, 44)}${pad(r0.status, 16)}${pad(r0.checker, 10)}${backends.map((b) => `${pad(fmt(results[b][i].first), 14)}${pad(fmt(results[b][i].cached), 15)}`).join('')}`);
});
for (const b of backends) {
  const rows = results[b];
  console.log(`${b}: median first ${fmt(median(rows.map((r) => r.first)))} ms, max first ${fmt(Math.max(...rows.map((r) => r.first)))} ms, median cached ${fmt(median(rows.map((r) => r.cached)))} ms`);
}

// The whole judgement the rule reports (verdict, and timing confirmation of vulnerable ones).
rx.clearVerdictCache();
let t0 = process.hrtime.bigint();
const judged = [];
for (const p of PATTERNS) judged.push(await rx.judgePattern(p));
const counts = {};
for (const j of judged) {
  const k = j.kind === 'vulnerable' ? `vulnerable/${j.severity}` : j.kind;
  counts[k] = (counts[k] ?? 0) + 1;
}
console.log(`\nfull judgements (native first, timing confirmation included): ${fmt(ms(t0))} ms for ${PATTERNS.length} patterns: ${JSON.stringify(counts)}`);

// Guarded matching: what a custom pattern costs the engine per value.
const text = 'user alice@example.com paid with TCK-123456 and sk-abcdefghijklmnop1234; session=' + 'a'.repeat(32) + ' ';
for (const [p, label] of [['TCK-\\d{6}', 'linear (RE2)'], ['(?P<k>[a-z]+)=(?P=k)', 'backtracking, watchdog'], ['(?<=session=)[0-9a-f]{32}', 'backtracking, watchdog']]) {
  const c = rx.compileCustomPattern(p);
  const n = 20000;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < n; i++) c.pattern.matchAll(text);
  console.log(`guarded matchAll ${pad(p, 28)} ${pad(label, 24)} ${fmt((ms(t0) * 1000) / n)} µs per ${text.length}-char value`);
}
process.exit(0);
