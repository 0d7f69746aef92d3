// The ReDoS verdicts do not depend on the machine's load: the same table is judged on the machine
// as it is, then again with two busy-looping processes started beside it (both cores of a 2-core
// machine taken), every cache cleared in between, and the verdicts must be equal. Not a timed
// assertion: it compares verdicts (kind, class, severity, hotspots), never durations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { clearJudgements, judgePattern, type Judgement } from '../../shared/regex/judge';
import { clearVerdictCache } from '../../shared/regex/checker';

const TABLE = [
  // Exponential (the issue's order-number rule: CPython needs 1 s at 28 characters).
  '^(?:\\d|\\d\\d|\\d\\d\\d)+!$',
  '^(\\w+\\s?)*$',
  // Cubic, quadratic (a cookie value, a URL with a free path before `?`, trailing blanks).
  '.*(?:.*=.*)',
  'token=([^;]*);',
  'https?://[^\\s]*\\?token=[^&\\s]+',
  '\\s+$',
  // recheck's fuzzer (a backreference): its class comes from the measured growth.
  '(?:.*,)*[ \\t]*([^ \\t]+)[ \\t]+realm=(["\']?)([^"\']*)\\2',
  // TraceCraft's email rule (bounded repeats: linear in practice) and some of its safe rules.
  '[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?@[a-zA-Z0-9](?:[a-zA-Z0-9.-]{0,61}[a-zA-Z0-9])?\\.[a-zA-Z]{2,}',
  'sk-[a-zA-Z0-9_-]{10,128}',
  'xox[bpar]-[0-9]{10,}-[0-9]{10,}-[a-zA-Z0-9]{20,}',
  'AccountKey=[A-Za-z0-9+/=]{20,}',
];

function verdictOf(pattern: string, j: Judgement): unknown {
  if (j.kind !== 'vulnerable') return { pattern, kind: j.kind };
  // recheck's fuzzer (the realm pattern's backreference) finds its attack under wall-clock limits
  // (incubation 250 ms, attack 1 s; without them it does not finish in 30 s), so busy processes
  // beside it can change the attack it reports, and with it whether timing confirms that attack: the
  // finding and its severity stay, its wording ("not confirmed") may not. A documented limit.
  if (j.checker === 'fuzz') return { pattern, kind: j.kind, severity: j.severity, finding: j.severity !== 'none' };
  return {
    pattern,
    kind: j.kind,
    // The degree tracelint stands by (the automaton's, or the measured one); the fuzzer's own degree
    // is a lead that varies with the attack it finds, and no message names it.
    class: j.complexity.type === 'exponential' ? 'exponential' : j.degree !== undefined ? `degree ${j.degree}` : j.checker === 'automaton' ? `degree ${j.complexity.degree}` : 'polynomial',
    severity: j.severity,
    downgrade: j.downgrade?.reason ?? null,
    hotspots: j.hotspots.map((h) => pattern.slice(h.start, h.end)),
  };
}

async function judgeAll(): Promise<unknown[]> {
  clearJudgements();
  clearVerdictCache();
  // All at once, as a scan judges them: side by side on the machine's cores (shared/regex/slots.ts).
  const judged = await Promise.all(TABLE.map((p) => judgePattern(p, { timeoutMs: 60_000 })));
  return judged.map((j, i) => verdictOf(TABLE[i], j));
}

function busyLoop(): ChildProcess {
  return spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
}

test('the same verdicts on the machine as it is and with two busy processes beside it', { timeout: 900_000 }, async () => {
  const idle = await judgeAll();
  const busy = [busyLoop(), busyLoop()];
  try {
    // Both are running (each has been scheduled) before the second pass starts.
    await Promise.all(busy.map((p) => new Promise((resolve) => p.once('spawn', resolve))));
    const loaded = await judgeAll();
    assert.deepEqual(loaded, idle);
  } finally {
    for (const p of busy) p.kill('SIGKILL');
  }
  // The table's verdicts themselves, so that the test cannot pass on two equal wrong answers.
  assert.deepEqual(idle.map((v) => { const x = v as { kind: string; severity?: string }; return `${x.kind}${x.severity ? ` ${x.severity}` : ''}`; }), [
    'vulnerable error', 'vulnerable error', 'vulnerable error', 'vulnerable warning', 'vulnerable warning', 'vulnerable warning',
    'vulnerable warning', 'vulnerable none', 'safe', 'safe', 'safe',
  ]);
});
