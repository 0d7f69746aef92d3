// The GitHub Action (action.yml), its own shell run here: each `run:` step of the composite, with
// `${{ inputs.* }}`, `${{ steps.*.outputs.* }}` and `${{ github.action_path }}` filled in as the
// runner fills them (inputs over their defaults, outputs from $GITHUB_OUTPUT), `if:` conditions
// aside (the steps run in order, the last one always). The `uses:` steps (setup-node,
// upload-sarif) are GitHub's; what they receive (the SARIF file) is checked instead.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { ROOT, run } from './helpers.mjs';

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8'));
const KEY = ['sk', 'proj', 'Zq4RwX8pLm2NvB7tYc5KdH3sJf9GaE1uWoQi6TzRx0'].join('-');

/** Runs the composite's steps in a workspace with these inputs; what each step saw and left. */
function runAction(workspace, inputs) {
  const given = Object.fromEntries(Object.entries(action.inputs).map(([k, v]) => [k, inputs[k] ?? v.default ?? '']));
  const outputs = {};
  const steps = [];
  for (const step of action.runs.steps) {
    const fill = (text) => String(text).replace(/\$\{\{\s*([^}]+?)\s*\}\}/g, (_, expr) => {
      let m;
      if ((m = /^inputs\.([\w-]+)$/.exec(expr))) return given[m[1]];
      if ((m = /^steps\.([\w-]+)\.outputs\.([\w-]+)$/.exec(expr))) return outputs[m[1]]?.[m[2]] ?? '';
      if (expr === 'github.action_path') return ROOT;
      throw new Error(`action.yml: expression the test does not know: ${expr}`);
    });
    if (step.uses) {
      steps.push({ uses: step.uses, with: Object.fromEntries(Object.entries(step.with ?? {}).map(([k, v]) => [k, fill(v)])) });
      continue;
    }
    assert.equal(step.shell, 'bash');
    const outFile = join(workspace, '..', `output-${steps.length}`);
    writeFileSync(outFile, '');
    const env = { GITHUB_ACTION_PATH: ROOT, GITHUB_OUTPUT: outFile, GITHUB_WORKSPACE: workspace, ...Object.fromEntries(Object.entries(step.env ?? {}).map(([k, v]) => [k, fill(v)])) };
    const r = run('bash', ['-e', '-c', fill(step.run)], { cwd: workspace, env });
    const out = Object.fromEntries(readFileSync(outFile, 'utf8').split('\n').filter(Boolean).map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]));
    if (step.id) outputs[step.id] = out;
    steps.push({ name: step.name, status: r.status, stderr: r.stderr, stdout: r.stdout, out });
  }
  return { steps, outputs, status: steps.at(-1).status };
}

function workspace(t, files) {
  const dir = mkdtempSync(join(tmpdir(), 'tl-action-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const ws = join(dir, 'repo');
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(ws, path)), { recursive: true });
    writeFileSync(join(ws, path), text, { mode: 0o600 });
  }
  return ws;
}

const TRACED_KEY_PY = 'import tracecraft\n\n\n@tracecraft.trace_tool(name="web_search")\ndef web_search(query: str, api_key: str) -> list[dict]:\n    return []\n';
const FILES = {
  'agent/search.py': TRACED_KEY_PY,
  // An error (the key) and a warning (the email) in one trace.
  'traces/run.jsonl': `${JSON.stringify({ name: 'web_search', inputs: { api_key: KEY, customer_email: 'dana.lee@acme-corp.com' } })}\n`,
  'notes/run.jsonl': `${JSON.stringify({ name: 'lookup', inputs: { customer_email: 'li.wei@acme-corp.com' } })}\n`,
};

const cases = [
  { name: 'defaults: the repository, fail on error', inputs: {}, status: 1, count: '2', rules: ['credential-param-captured', 'email', 'email', 'openai_api_key'] },
  { name: 'paths, new-line separated; a warning only does not fail on error', inputs: { paths: 'notes\n' }, status: 0, count: '0', rules: ['email'] },
  { name: 'fail-on warning fails on the warning', inputs: { paths: 'notes', 'fail-on': 'warning' }, status: 1, count: '1', rules: ['email'] },
  { name: 'fail-on none never fails on findings', inputs: { 'fail-on': 'none' }, status: 0, count: '0', rules: ['credential-param-captured', 'email', 'email', 'openai_api_key'] },
  { name: 'config: its detectors turn email off', inputs: { paths: 'agent traces', config: 'ci/tracelint.json', 'fail-on': 'note' }, status: 1, count: '2', rules: ['credential-param-captured', 'openai_api_key'] },
  { name: 'a bad fail-on is a usage error', inputs: { 'fail-on': 'critical' }, status: 2, count: undefined, rules: undefined },
  { name: 'a bad config is a configuration error', inputs: { config: 'ci/missing.json' }, status: 2, count: undefined, rules: undefined },
];

for (const c of cases) {
  test(`action: ${c.name}`, (t) => {
    const ws = workspace(t, { ...FILES, 'ci/tracelint.json': '{ "detectors": { "email": "off" } }\n' });
    const r = runAction(ws, { upload: 'true', ...c.inputs });
    assert.equal(r.status, c.status, r.steps.map((s) => `${s.name}: ${s.stderr}`).join('\n'));
    // The scan step itself succeeds whenever it wrote a report, so that the upload runs before the job fails.
    assert.equal(r.steps[1].status, c.count === undefined ? 2 : 0);
    assert.equal(r.outputs.scan.findings, c.count);
    if (c.rules === undefined) {
      assert.equal(r.outputs.scan['sarif-file'], undefined);
      return;
    }
    assert.equal(r.outputs.scan['sarif-file'], 'tracelint.sarif');
    const sarif = JSON.parse(readFileSync(join(ws, 'tracelint.sarif'), 'utf8'));
    assert.deepEqual(sarif.runs[0].results.map((x) => x.ruleId).filter((id) => !id.startsWith('trace-file-')).sort(), c.rules);
    // upload-sarif is handed that report, under tracelint's category.
    assert.deepEqual(r.steps[2], { uses: 'github/codeql-action/upload-sarif@v3', with: { sarif_file: 'tracelint.sarif', category: 'tracelint' } });
    // The log lists the findings, masked.
    assert.ok(!r.steps[1].stderr.includes(KEY));
    if (c.rules.includes('openai_api_key')) assert.match(r.steps[1].stderr, /^traces\/run\.jsonl:1:\d+ {2}error {2}openai_api_key {2}openai_api_key: sk-p…\(\d+ chars\) in inputs\.api_key$/m);
  });
}

test('action: a baseline accepts what is there', (t) => {
  const ws = workspace(t, FILES);
  const w = run(process.execPath, [join(ROOT, 'dist', 'cli.js'), 'scan', '.', '--write-baseline', '.tracelint-baseline.json'], { cwd: ws });
  assert.equal(w.status, 0, w.stderr);
  const r = runAction(ws, { baseline: '.tracelint-baseline.json', 'sarif-file': 'out/tracelint.sarif', 'fail-on': 'note' });
  assert.equal(r.status, 0, r.steps[1].stderr);
  assert.equal(r.outputs.scan.findings, '0');
  assert.ok(existsSync(join(ws, 'out', 'tracelint.sarif')));
  assert.deepEqual(JSON.parse(readFileSync(join(ws, 'out', 'tracelint.sarif'), 'utf8')).runs[0].results, []);
});
