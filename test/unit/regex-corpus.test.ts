// A corpus of real-world redaction regexes (TraceCraft's default rules, opentraces' secret rules,
// AgentDbg's, Presidio's recognizers: test/unit/fixtures/redos-corpus.json, each with its source),
// each with the verdict tracelint must reach; and every pattern recheck flagged checked against
// CPython itself: python3 runs the attack at doubling sizes (CPU time, under a CPU-time limit), and
// its growth must agree with the verdict (error: CPython ran out of time or grew as n^2.6 or more;
// warning: n^1.5 to n^2.6; no finding: under n^1.3). Skipped without python3. Growth classes are
// compared, never durations.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { judgePattern, type Judgement } from '../../shared/regex/judge';

const corpus = JSON.parse(readFileSync(join(__dirname, 'fixtures', 'redos-corpus.json'), 'utf8')) as { patterns: Array<{ source: string; name: string | null; pattern: string }> };

// The findings the corpus must give; every other pattern gives none. `-` = no finding although
// recheck flagged it (linear in practice: bounded repeats, or measured linear).
const EXPECTED: Record<string, 'error' | 'warning' | '-'> = {
  // TraceCraft's email rule: bounded repeats at the hotspot.
  '[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?@[a-zA-Z0-9](?:[a-zA-Z0-9.-]{0,61}[a-zA-Z0-9])?\\.[a-zA-Z]{2,}': '-',
  // opentraces: a JWT whose first part runs on through `eyJ...` without a dot, a private-key header
  // with `\s+(?:...)?\s*` (two runs of blanks back to back), an email with a free local part.
  'eyJ[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}\\.[A-Za-z0-9_-]{10,}': 'warning',
  '-----BEGIN\\s+(?:RSA|DSA|EC|OPENSSH|PGP)?\\s*PRIVATE\\s+KEY-----': 'warning',
  '[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}': 'warning',
  // Presidio's email recognizer: `[...]{0,}` before `@`.
  "\\b((([!#$%&'*+\\-/=?^_`{|}~\\w])|([!#$%&'*+\\-/=?^_`{|}~\\w][!#$%&'*+\\-/=?^_`{|}~\\.\\w]{0,}[!#$%&'*+\\-/=?^_`{|}~\\w]))[@]\\w+(?:-+\\w+)*(?:\\.\\w+(?:-+\\w+)*)+)\\b": 'warning',
};

type Vulnerable = Extract<Judgement, { kind: 'vulnerable' }>;

const PYTHON = String.raw`
import json, os, re, resource, sys, time
cases = json.load(sys.stdin)
out = []
for c in cases:
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        resource.setrlimit(resource.RLIMIT_CPU, (5, 6))
        rx = re.compile(c['pattern'])
        size = sum(len(p['prefix']) + len(p['pump']) for p in c['pumps']) or 1
        k = max(1, 16 // size)
        while True:
            s = ''.join(p['prefix'] + p['pump'] * k for p in c['pumps']) + c['suffix']
            t = time.process_time()
            for m in rx.finditer(s):
                pass
            ms = (time.process_time() - t) * 1000
            os.write(w, (json.dumps([len(s), ms]) + '\n').encode())
            if ms > 250 or len(s) * 2 > 200000:
                break
            k *= 2
        os._exit(0)
    os.close(w)
    data = b''
    while True:
        b = os.read(r, 65536)
        if not b:
            break
        data += b
    os.close(r)
    _, status = os.waitpid(pid, 0)
    out.append({'points': [json.loads(l) for l in data.decode().splitlines() if l], 'killed': os.WIFSIGNALED(status)})
print(json.dumps(out))
`;

function python3(): boolean {
  if (process.platform === 'win32') return false;
  const r = spawnSync('python3', ['--version'], { encoding: 'utf8' });
  return r.status === 0;
}

/** CPython's growth on an attack: `timeout`, or the median exponent over the last doublings of 2 ms and more. */
function growth(r: { points: Array<[number, number]>; killed: boolean }): 'timeout' | number | null {
  if (r.killed) return 'timeout';
  const pts = r.points.filter(([, ms]) => ms >= 2).slice(-4);
  const slopes: number[] = [];
  for (let i = 1; i < pts.length; i++) slopes.push(Math.log(pts[i][1] / pts[i - 1][1]) / Math.log(pts[i][0] / pts[i - 1][0]));
  slopes.sort((a, b) => a - b);
  if (slopes.length === 0) return r.points.length > 0 && r.points[r.points.length - 1][0] >= 65536 ? 1 : null;
  return slopes[slopes.length >> 1];
}

function cpythonClass(g: 'timeout' | number | null): 'error' | 'warning' | '-' | 'unclear' {
  if (g === 'timeout') return 'error';
  if (g === null) return 'unclear';
  return g >= 2.6 ? 'error' : g >= 1.5 ? 'warning' : g < 1.3 ? '-' : 'unclear';
}

test('real-world redaction regexes: the verdicts, and CPython agrees with each one recheck flagged', { timeout: 900_000 }, async (t) => {
  // All at once, as a scan judges them: side by side on the machine's cores (shared/regex/slots.ts).
  const judged: Judgement[] = await Promise.all(corpus.patterns.map((c) => judgePattern(c.pattern, { timeoutMs: 60_000 })));
  const got: Record<string, 'error' | 'warning' | '-'> = {};
  corpus.patterns.forEach((c, i) => {
    const j = judged[i];
    assert.ok(j.kind === 'safe' || j.kind === 'vulnerable', `${c.source}: ${j.kind} ${'reason' in j ? j.reason : ''}`);
    // A fuzzer's false alarm that timing measured linear is no finding, like a safe verdict.
    if (j.kind === 'vulnerable') got[c.pattern] = j.severity === 'none' ? '-' : j.severity;
  });
  // Presidio's ISO-8601 datetime recognizer and opentraces' private-IP rule draw a fuzzer alarm on
  // some runs (a busy machine makes its wall-clock limits run out): linear when timed, no finding.
  const stable = Object.fromEntries(Object.entries(got).filter(([p, v]) => !(v === '-' && EXPECTED[p] === undefined)));
  assert.deepEqual(stable, EXPECTED);

  // The shortcut of judge.ts: patterns past recheck's repeat-count limit judged with their bounded
  // one-character repeats unbounded, by the automaton. Each one it decided is judged again as
  // written (recheck's fuzzer, the bounded-repeat downgrade, timing): no finding there either.
  const shortcut = corpus.patterns.filter((c, i) => (judged[i] as { relaxed?: boolean }).relaxed === true).map((c) => c.pattern);
  assert.deepEqual(shortcut.sort(), [
    '(bc1|[13])[a-zA-HJ-NP-Z0-9]{25,59}',
    'AIza[a-zA-Z0-9_-]{35}',
    '[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?@[a-zA-Z0-9](?:[a-zA-Z0-9.-]{0,61}[a-zA-Z0-9])?\\.[a-zA-Z]{2,}',
    '\\b(?:[0-9a-fA-F]{1,4}:){7}[0-9a-fA-F]{1,4}\\b|\\b(?:[0-9a-fA-F]{1,4}:){1,7}:\\b|\\b::(?:[0-9a-fA-F]{1,4}:){0,5}[0-9a-fA-F]{1,4}\\b',
    '\\b[A-Za-z0-9/+=]{40}\\b',
    'api_key=[A-Za-z0-9_-]{8,128}',
    'sk-[a-zA-Z0-9_-]{10,128}',
    'sk-ant-[a-zA-Z0-9_-]{10,128}',
  ].sort());
  const asWritten = await Promise.all(shortcut.map((p) => judgePattern(p, { timeoutMs: 60_000, relaxBounds: false })));
  assert.deepEqual(
    asWritten.map((j, i) => [shortcut[i], j.kind === 'vulnerable' ? `vulnerable ${j.severity}` : j.kind]).filter(([, v]) => v !== 'safe' && v !== 'vulnerable none'),
    [],
  );

  if (!python3()) {
    t.skip('python3 is not installed: CPython timings not compared');
    return;
  }
  const flagged = corpus.patterns.map((c, i) => ({ c, j: judged[i] })).filter((x): x is { c: typeof x.c; j: Vulnerable } => x.j.kind === 'vulnerable' && x.j.downgrade?.reason !== 'bounded');
  const r = spawnSync('python3', ['-c', PYTHON], { input: JSON.stringify(flagged.map(({ c, j }) => ({ pattern: c.pattern, pumps: j.attackParts.pumps, suffix: j.attackParts.suffix }))), encoding: 'utf8', maxBuffer: 1 << 24 });
  assert.equal(r.status, 0, r.stderr);
  const results = JSON.parse(r.stdout) as Array<{ points: Array<[number, number]>; killed: boolean }>;
  const ours = (j: Vulnerable) => (j.severity === 'none' ? '-' : j.severity);
  // CPython's timing is the reference, and a measurement of it can be off on a busy machine (a
  // quadratic attack once read n^2.65 beside the load test's busy loops): a disagreement is measured
  // once more, and only a second disagreement counts.
  const again = flagged.filter(({ j }, i) => cpythonClass(growth(results[i])) !== ours(j));
  const second = again.length === 0 ? [] : JSON.parse(spawnSync('python3', ['-c', PYTHON], { input: JSON.stringify(again.map(({ c, j }) => ({ pattern: c.pattern, pumps: j.attackParts.pumps, suffix: j.attackParts.suffix }))), encoding: 'utf8', maxBuffer: 1 << 24 }).stdout) as typeof results;
  const disagreements = again.flatMap(({ c, j }, i) => {
    const theirs = cpythonClass(growth(second[i]));
    return theirs === ours(j) ? [] : [`${c.source} ${c.pattern}: tracelint ${ours(j)}, CPython ${theirs} (${JSON.stringify(second[i])})`];
  });
  assert.deepEqual(disagreements, []);
});
