// `npm run bench redos-scan`: wall time of `tracelint scan` over a repository whose custom patterns
// need ReDoS verdicts, cold (an empty verdict cache) and warm (the cache the cold run filled), with
// dist/cli.js as users run it. The default subject is a TraceCraft-like tree written to a temporary
// folder: TraceCraft's 17 default RedactionRules (src/tracecraft/processors/redaction.py) plus three
// custom ones (an exponential one, a quadratic one, a safe one); `-- --repo PATH` scans a real
// checkout instead (TraceCraft's src/ holds those 17 rules). Figures only, never asserted; the
// machine is shared, so each figure is the median of `--runs` (default 3). Wall and CPU time both:
// the checks run side by side on the machine's cores (shared/regex/slots.ts), so the two differ.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cli = join(root, 'dist', 'cli.js');
const argv = process.argv.slice(2);
const opt = (name, dflt) => { const i = argv.indexOf(`--${name}`); return i >= 0 ? argv[i + 1] : dflt; };
const runs = Number(opt('runs', '3'));

const TRACECRAFT_RULES = [
  ['email', String.raw`[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?@[a-zA-Z0-9](?:[a-zA-Z0-9.-]{0,61}[a-zA-Z0-9])?\.[a-zA-Z]{2,}`],
  ['phone', String.raw`(?:\+\d{1,3}[-.\s]?)?(?:\(\d{3}\)|\d{3})[-.\s]?\d{3}[-.\s]?\d{4}`],
  ['credit_card', String.raw`\b\d{4}[-\s]?\d{4}[-\s]?\d{4}[-\s]?\d{4}\b`],
  ['ssn', String.raw`\b\d{3}-\d{2}-\d{4}\b`],
  ['openai_api_key', String.raw`sk-[a-zA-Z0-9_-]{10,128}`],
  ['anthropic_api_key', String.raw`sk-ant-[a-zA-Z0-9_-]{10,128}`],
  ['aws_access_key', String.raw`\bAKIA[A-Z0-9]{16}\b`],
  ['aws_secret_key', String.raw`\b[A-Za-z0-9/+=]{40}\b`],
  ['bearer_token', String.raw`Bearer\s+[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?`],
  ['github_token', String.raw`gh[pousr]_[a-zA-Z0-9]{36,}`],
  ['google_api_key', String.raw`AIza[a-zA-Z0-9_-]{35}`],
  ['azure_key', String.raw`AccountKey=[A-Za-z0-9+/=]{20,}`],
  ['generic_api_key', String.raw`api_key=[A-Za-z0-9_-]{8,128}`],
  ['private_key', String.raw`-----BEGIN\s+(?:RSA\s+)?(?:PRIVATE|EC)\s+KEY-----`],
  ['slack_token', String.raw`xox[bpar]-[0-9]{10,}-[0-9]{10,}-[a-zA-Z0-9]{20,}`],
  ['stripe_key', String.raw`[sp]k_(?:live|test)_[a-zA-Z0-9]{20,}`],
  ['password_field', String.raw`(?:password|passwd|pwd|secret|token)\s*[=:]\s*["']?[^\s"']{4,}["']?`],
];
const CUSTOM = [
  ['order_no', String.raw`^(?:\d|\d\d|\d\d\d)+!$`],
  ['cookie', String.raw`token=([^;]*);`],
  ['ticket', String.raw`TCK-\d{6}`],
];

function subject() {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-redos-bench-'));
  const py = (rules) => rules.map(([n, p]) => `    RedactionRule(name=${JSON.stringify(n)}, pattern=r${p.includes('"') ? `'${p}'` : `"${p}"`}),`).join('\n');
  mkdirSync(join(dir, 'tracecraft', 'processors'), { recursive: true });
  writeFileSync(join(dir, 'tracecraft', 'processors', 'redaction.py'), `from tracecraft.core.config import RedactionRule\n\nDEFAULT_RULES = [\n${py(TRACECRAFT_RULES)}\n]\n`);
  writeFileSync(join(dir, 'agent.py'), `from tracecraft import RedactionConfig, RedactionRule\n\nconfig = RedactionConfig(custom_patterns=[\n${py(CUSTOM)}\n])\n`);
  return dir;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[s.length >> 1]; };

// CPU time of the scan and of every process under it (recheck's agent, the timing children), read
// from /proc every 20 ms while it runs (Linux; the agent is never waited for, so the scan's own
// rusage would miss it): the last reading of each process, so a process's final 20 ms may be missed.
const TICK_MS = 1000 / 100;
function cpuOfTree(root, seen) {
  let pids;
  try {
    pids = readdirSync('/proc').filter((x) => /^\d+$/.test(x));
  } catch {
    return false;
  }
  const parent = new Map();
  const cpu = new Map();
  for (const pid of pids) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(Number(pid), Number(f[1]));
      cpu.set(Number(pid), (Number(f[11]) + Number(f[12])) * TICK_MS);
    } catch {
      // gone meanwhile
    }
  }
  for (const [pid, ms] of cpu) {
    for (let p = pid, depth = 0; p > 1 && depth < 8; p = parent.get(p) ?? 0, depth++) {
      if (p === root) {
        seen.set(pid, Math.max(seen.get(pid) ?? 0, ms));
        break;
      }
    }
  }
  return true;
}

async function scan(target, cacheArgs) {
  const t0 = process.hrtime.bigint();
  const child = spawn(process.execPath, [cli, 'scan', target, '--format', 'json', ...cacheArgs], { env: { ...process.env, TRACELINT_VERDICT_CACHE: '' }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (d) => { stdout += d; });
  child.stderr.setEncoding('utf8').on('data', (d) => { stderr += d; });
  const seen = new Map();
  let procfs = true;
  const poll = setInterval(() => { procfs = cpuOfTree(child.pid, seen); }, 20);
  const status = await new Promise((resolve) => child.on('close', (code) => resolve(code)));
  clearInterval(poll);
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  const cpuMs = procfs && seen.size > 0 ? [...seen.values()].reduce((a, b) => a + b, 0) : NaN;
  let redos = '?';
  try {
    const out = JSON.parse(stdout);
    const fs = out.files.flatMap((f) => f.findings.filter((x) => x.ruleId === 'redos-unsafe-pattern'));
    redos = `${fs.filter((f) => f.severity === 'error').length} error, ${fs.filter((f) => f.severity === 'warning').length} warning`;
  } catch {
    redos = `exit ${status}: ${stderr.slice(0, 200)}`;
  }
  return { ms, cpuMs, redos };
}

const repo = opt('repo', undefined);
const target = repo ?? subject();
const cold = [];
const warm = [];
let verdicts = '';
for (let i = 0; i < runs; i++) {
  // A fresh, empty cache folder for each cold run; the warm run reads what the cold one stored.
  const cache = mkdtempSync(join(tmpdir(), 'tracelint-redos-cache-'));
  const c = await scan(target, ['--cache-dir', cache]);
  const w = await scan(target, ['--cache-dir', cache]);
  cold.push(c);
  warm.push(w);
  verdicts = `cold: ${c.redos}; warm: ${w.redos}`;
  rmSync(cache, { recursive: true, force: true });
}
const fmt = (xs, key) => `median ${Math.round(median(xs.map((x) => x[key])))} ms over ${runs} runs [${xs.map((x) => Math.round(x[key])).join(', ')}]`;
console.log(`subject: ${repo ?? `TraceCraft's 17 default rules + ${CUSTOM.length} custom ones (generated)`}`);
console.log(`machine: ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)} at the end`);
console.log(`redos-unsafe-pattern findings: ${verdicts}`);
console.log(`cold scan (empty verdict cache): wall ${fmt(cold, 'ms')}`);
console.log(`                                 CPU  ${fmt(cold, 'cpuMs')} (the scan, recheck's agent, the timing children)`);
console.log(`warm scan (cache filled):        wall ${fmt(warm, 'ms')}`);
console.log(`                                 CPU  ${fmt(warm, 'cpuMs')}`);
if (process.argv.includes("--keep")) console.log(`kept: ${target}`);
else if (!repo) rmSync(target, { recursive: true, force: true });
