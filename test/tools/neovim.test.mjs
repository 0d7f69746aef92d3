// Neovim as tracelint's LSP client: Debian's Neovim, headless, configured with the README's own
// Lua block (section "Neovim", taken from the README so that the README is what is tested), opens
// a leaky Python file and a trace, receives tracelint's diagnostics from `node dist/server.js
// --stdio`, and applies the exclude_inputs code action (neovim-driver.lua).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, run } from './helpers.mjs';

const KEY = ['sk', 'proj', 'Zq4RwX8pLm2NvB7tYc5KdH3sJf9GaE1uWoQi6TzRx0'].join('-');
const PY = 'import tracecraft\n\n\n@tracecraft.trace_tool(name="web_search")\ndef web_search(query: str, api_key: str) -> list[dict]:\n    return []\n';
const TRACE = `${JSON.stringify({ name: 'web_search', inputs: { query: 'refund status', api_key: KEY } })}\n`;

function readmeLua() {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const section = readme.slice(readme.indexOf('### Neovim'));
  const m = /```lua\n([\s\S]*?)```/.exec(section);
  assert.ok(m, 'the README has a Lua block under "### Neovim"');
  return m[1];
}

test('neovim: diagnostics on a Python file and a trace, and the exclude_inputs code action', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'tl-nvim-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const ws = join(dir, 'ws');
  mkdirSync(join(ws, 'agent'), { recursive: true });
  mkdirSync(join(ws, 'traces'), { mode: 0o700 });
  writeFileSync(join(ws, 'agent', 'search.py'), PY);
  writeFileSync(join(ws, 'traces', 'run.jsonl'), TRACE, { mode: 0o600 });
  writeFileSync(join(dir, 'init.lua'), readmeLua());
  const out = join(dir, 'out.json');
  const r = run('nvim', ['--headless', '-n', '-i', 'NONE', '-u', join(dir, 'init.lua'), '-c', `luafile ${join(ROOT, 'test', 'tools', 'neovim-driver.lua')}`], {
    cwd: ws,
    env: {
      TRACELINT_SERVER: join(ROOT, 'dist', 'server.js'),
      TL_PY: join(ws, 'agent', 'search.py'),
      TL_TRACE: join(ws, 'traces', 'run.jsonl'),
      TL_OUT: out,
      XDG_CONFIG_HOME: join(dir, 'config'),
      XDG_DATA_HOME: join(dir, 'data'),
      XDG_STATE_HOME: join(dir, 'state'),
    },
    timeout: 180_000,
  });
  assert.equal(r.status, 0, r.stderr);
  const seen = JSON.parse(readFileSync(out, 'utf8'));
  assert.deepEqual(seen.errors, []);
  assert.equal(seen.client, 'tracelint');
  const trace = seen.diagnostics[join(ws, 'traces', 'run.jsonl')];
  assert.deepEqual(trace.map((d) => [d.line, d.col, d.code, d.source]), [[0, 66, 'openai_api_key', 'tracelint']]);
  assert.match(trace[0].message, /^openai_api_key: sk-p…\(\d+ chars\) in inputs\.api_key/);
  assert.ok(!JSON.stringify(seen).includes(KEY), 'the key never reaches the editor whole');
  const py = seen.diagnostics[join(ws, 'agent', 'search.py')];
  assert.deepEqual(py.map((d) => [d.line, d.col, d.code]), [[4, 27, 'credential-param-captured']]);
  assert.ok(seen.actions.includes('Add "api_key" to exclude_inputs'), seen.actions.join(', '));
  assert.equal(seen.text, PY.replace('trace_tool(name="web_search")', 'trace_tool(name="web_search", exclude_inputs=["api_key"])').trimEnd());
});
