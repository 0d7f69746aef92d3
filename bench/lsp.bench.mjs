// Language-server benchmark, against the built dist/server.js over stdio, as an editor uses it:
//  1. didChange -> diagnostics latency over 30 edits of a 3,000-line Python agent file (p50, p95);
//  2. time to first diagnostics after opening a 10 MB JSONL trace;
//  3. the server's RSS after a 100 MB trace in the workspace is scanned (VS Code does not sync
//     files that large to extensions, so the server reads it from disk, streamed);
//  4. the background scan of a workspace of 300 AgentDbg runs in a git repository (git is asked
//     about all of a folder's traces at once, not twice per file);
//  5. the server's RSS as an editor opens, one after the other, a 10 MB trace, a 2 MB single-line
//     trace, a file of invalid JSON lines, a 5,000-deep JSON line, binary junk named .jsonl, a
//     Python file with a syntax error and empty files (each kept open), and what each got.
// Prints figures; never fails on a number. Data is generated into bench/.data/ (git-ignored).
// `--part N` (repeatable) runs only those parts (`npm run bench lsp -- --part 5`).
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const rpc = require('vscode-jsonrpc/node');
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const data = join(root, 'bench', '.data', 'lsp');
mkdirSync(data, { recursive: true });
// A project of its own (the defaults), not a part of the tracelint repository.
if (!existsSync(join(data, 'tracelint.json'))) writeFileSync(join(data, 'tracelint.json'), '{}\n');

function pythonFile(lines) {
  const out = ['import os', 'import tracecraft', 'from tracecraft import trace_llm as llm_step', ''];
  for (let i = 0; out.length < lines; i++) {
    out.push(
      `@tracecraft.trace_tool(name="tool_${i}")`,
      `def tool_${i}(query: str, api_key: str, limit: int = 5) -> dict:`,
      `    """Calls service ${i}."""`,
      `    headers = {"X-Request": str(${i})}`,
      `    result = {"q": query, "n": limit, "svc": ${i}}`,
      `    return result`,
      '',
      `@llm_step(name="summarize_${i}", model="gpt-4o")`,
      `def summarize_${i}(text: str) -> str:`,
      `    return text[:${100 + i}]`,
      '',
    );
  }
  return out.slice(0, lines).join('\n') + '\n';
}

const SECRETS = [
  (i) => `sk-proj-${'Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0fGh3iJk6lMn9oPq'.slice(0, 40)}${String(i).padStart(8, '0')}`,
  (i) => `customer${i}@northwind-traders.com`,
  (i) => `AKIA${String(i).padStart(16, '7').replace(/[0-9]/g, (d) => 'QWERTYUIOP'[d])}`,
];

function traceLine(i) {
  const secret = i % 50 === 0 ? SECRETS[(i / 50) % SECRETS.length](i) : undefined;
  return JSON.stringify({
    run_id: `run-${Math.floor(i / 20)}`,
    step: i % 20,
    name: i % 3 === 0 ? 'web_search' : i % 3 === 1 ? 'summarize' : 'lookup_customer',
    type: i % 3 === 0 ? 'tool' : 'llm',
    started_at: 1732233600000 + i * 137,
    inputs: { query: `quarterly revenue for region ${i % 17} and the follow-up questions`, ...(secret ? { api_key: secret } : {}) },
    outputs: { text: 'The assistant summarised the findings in three short paragraphs with numbers and dates.'.repeat(3) },
    usage: { input_tokens: 120 + (i % 50), output_tokens: 80 + (i % 30) },
  });
}

async function traceFile(path, bytes) {
  if (existsSync(path) && statSync(path).size >= bytes) return;
  const out = createWriteStream(path);
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const l = traceLine(i) + '\n';
    size += l.length;
    if (!out.write(l)) await new Promise((r) => out.once('drain', r));
  }
  await new Promise((r) => out.end(r));
}

/** CPU milliseconds the server process has used (user + system): a figure the other load on the machine does not inflate. */
function cpuOf(pid) {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

function rssOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k) => Number(new RegExp(`${k}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
  return { rss: kb('VmRSS') / 1024, peak: kb('VmHWM') / 1024 };
}

function startServer(folder) {
  const child = spawn(process.execPath, [...(process.env.SERVER_FLAGS ? process.env.SERVER_FLAGS.split(' ') : []), join(root, 'dist', 'server.js'), '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const conn = rpc.createMessageConnection(new rpc.StreamMessageReader(child.stdout), new rpc.StreamMessageWriter(child.stdin));
  const waiters = [];
  conn.onNotification('textDocument/publishDiagnostics', (p) => {
    for (const w of waiters.splice(0)) if (!w(p)) waiters.push(w);
  });
  conn.onRequest('workspace/configuration', (p) => p.items.map(() => ({ workspaceScan: !!folder })));
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification(() => undefined);
  conn.listen();
  const next = (test) => new Promise((resolve) => waiters.push((p) => (test(p) ? (resolve(p), true) : false)));
  const init = async () => {
    await conn.sendRequest('initialize', {
      processId: process.pid,
      rootUri: folder ? pathToFileURL(folder).href : null,
      workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'bench' }] : null,
      capabilities: { workspace: { configuration: true, workspaceFolders: true }, window: { workDoneProgress: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
    });
    await conn.sendNotification('initialized', {});
  };
  const stop = async () => {
    await conn.sendRequest('shutdown').catch(() => undefined);
    await conn.sendNotification('exit').catch(() => undefined);
    conn.dispose();
    child.kill();
  };
  return { child, conn, next, init, stop };
}

const parts = process.argv.flatMap((a, i) => (process.argv[i - 1] === '--part' ? [Number(a)] : []));
const wanted = (n) => parts.length === 0 || parts.includes(n);

const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

// 1. Typing in a 3,000-line Python file.
if (wanted(1)) {
  const s = startServer();
  await s.init();
  const uri = pathToFileURL(join(data, 'agent_3000.py')).href;
  let text = pythonFile(3000);
  writeFileSync(join(data, 'agent_3000.py'), text);
  let version = 1;
  let t0 = performance.now();
  let first = s.next((p) => p.uri === uri && p.version === 1);
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version, text } });
  const opened = await first;
  console.log(`python 3,000 lines: first diagnostics ${(performance.now() - t0).toFixed(0)} ms (${opened.diagnostics.length} diagnostics)`);
  const times = [];
  const cpu0 = cpuOf(s.child.pid);
  for (let i = 0; i < 30; i++) {
    // An edit a user makes: a character typed inside a function body, somewhere in the file.
    const line = 200 + i * 90;
    version++;
    const wait = s.next((p) => p.uri === uri && p.version === version);
    t0 = performance.now();
    await s.conn.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ range: { start: { line, character: 4 }, end: { line, character: 4 } }, text: 'x' }],
    });
    await wait;
    times.push(performance.now() - t0);
  }
  console.log(`didChange -> diagnostics over 30 edits: p50 ${pct(times, 50).toFixed(1)} ms, p95 ${pct(times, 95).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (target p95 <= 50 ms)`);
  console.log(`  server CPU per edit: ${((cpuOf(s.child.pid) - cpu0) / 30).toFixed(1)} ms (wall figures above include waiting for a core when the machine is busy)`);
  await s.stop();
}

// 2. Opening a 10 MB JSONL trace in the editor.
if (wanted(2)) {
  const path = join(data, 'trace_10mb.jsonl');
  await traceFile(path, 10 * 1024 * 1024);
  const s = startServer();
  await s.init();
  const uri = pathToFileURL(path).href;
  const text = readFileSync(path, 'utf8');
  const wait = s.next((p) => p.uri === uri);
  const cpu0 = cpuOf(s.child.pid);
  const t0 = performance.now();
  await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'jsonl', version: 1, text } });
  const p = await wait;
  console.log(`10 MB JSONL: first diagnostics after didOpen ${(performance.now() - t0).toFixed(0)} ms (${p.diagnostics.length} diagnostics; target <= 1000 ms), server CPU ${(cpuOf(s.child.pid) - cpu0).toFixed(0)} ms`);
  console.log(`server RSS after the 10 MB trace: ${rssOf(s.child.pid).rss.toFixed(0)} MB`);
  await s.stop();
}

// 3. A 100 MB trace in the workspace.
if (wanted(3)) {
  const folder = join(data, 'ws100');
  mkdirSync(join(folder, 'traces'), { recursive: true });
  const path = join(folder, 'traces', 'big.jsonl');
  await traceFile(path, 100 * 1024 * 1024);
  const s = startServer(folder);
  const uri = pathToFileURL(path).href;
  const wait = s.next((p) => p.uri === uri);
  const t0 = performance.now();
  await s.init();
  const p = await wait;
  const { rss, peak } = rssOf(s.child.pid);
  console.log(`100 MB trace scanned from disk in ${((performance.now() - t0) / 1000).toFixed(1)} s (${p.diagnostics.length} diagnostics)`);
  console.log(`server RSS after the 100 MB trace: ${rss.toFixed(0)} MB now, ${peak.toFixed(0)} MB peak (target <= 200 MB)`);
  await s.stop();
}

// 4. A git repository holding 300 AgentDbg runs, scanned in the background.
if (wanted(4)) {
  const folder = join(data, 'ws-runs');
  const RUNS = 300;
  if (!existsSync(join(folder, '.git'))) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    const git = (...args) => execFileSync('git', args, { cwd: folder, stdio: 'ignore' });
    git('init', '-q');
    writeFileSync(join(folder, 'tracelint.json'), '{}\n');
    for (let i = 0; i < RUNS; i++) {
      mkdirSync(join(folder, 'runs', `run-${i}`), { recursive: true });
      writeFileSync(join(folder, 'runs', `run-${i}`, 'events.jsonl'), `${traceLine(i * 50)}\n${traceLine(i * 50 + 1)}\n`);
    }
    git('add', 'tracelint.json');
    git('-c', 'user.email=bench@example.invalid', '-c', 'user.name=bench', 'commit', '-q', '-m', 'bench');
  }
  const s = startServer(folder);
  const seen = new Set();
  const all = s.next((p) => (seen.add(p.uri), seen.size >= RUNS));
  const t0 = performance.now();
  await s.init();
  await all;
  console.log(`${RUNS} AgentDbg runs in a git repository scanned in the background in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  await s.stop();
}

// 5. Bad and big input, all kept open in one server.
if (wanted(5)) {
  const folder = join(data, 'ws-bad');
  mkdirSync(folder, { recursive: true });
  writeFileSync(join(folder, 'tracelint.json'), '{}\n');
  const trace10 = join(data, 'trace_10mb.jsonl');
  await traceFile(trace10, 10 * 1024 * 1024);
  let seed = 0x5eed;
  const junk = Buffer.alloc(256 * 1024);
  for (let i = 0; i < junk.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff;
    junk[i] = (seed >>> 16) & 255;
  }
  const invalid = Array.from({ length: 20000 }, (_, i) => `{"step": ${i}, "name": "web_search", "inputs": {"query": "refund status`).join('\n');
  const files = [
    ['10 MB trace', trace10, 'jsonl', readFileSync(trace10, 'utf8')],
    ['2 MB single-line trace', join(folder, 'one-line.jsonl'), 'jsonl', JSON.stringify({ name: 'read_file', outputs: { text: 'The assistant read the whole file. '.repeat(60000) } }) + '\n'],
    ['20,000 invalid JSON lines', join(folder, 'invalid.jsonl'), 'jsonl', invalid],
    ['5,000-deep JSON line', join(folder, 'deep.jsonl'), 'jsonl', '{"a":'.repeat(5000) + '"x"' + '}'.repeat(5000) + '\n' + '['.repeat(5000) + ']'.repeat(5000) + '\n'],
    ['256 KB of binary junk (.jsonl)', join(folder, 'junk.jsonl'), 'jsonl', new TextDecoder().decode(junk)],
    ['Python syntax error', join(folder, 'broken.py'), 'python', 'import tracecraft\n\n@tracecraft.trace_tool(name="x"\ndef f(api_key: str:\n    return (\n' + 'x = [1, 2,\n'.repeat(2000)],
    ['empty .jsonl', join(folder, 'empty.jsonl'), 'jsonl', ''],
    ['empty .py', join(folder, 'empty.py'), 'python', ''],
    ['empty .ts', join(folder, 'empty.ts'), 'typescript', ''],
  ];
  // Owner-only files: the figures are about content, not a trace-file-permissions finding each.
  for (const [, path, , text] of files) if (path !== trace10) writeFileSync(path, text, { mode: 0o600 });
  chmodSync(trace10, 0o600);
  const s = startServer();
  await s.init();
  console.log('bad and big input, each document kept open (target: server under 200 MB RSS throughout):');
  console.log(`  ${'(nothing open yet)'.padEnd(32)} ${''.padStart(6)}                            RSS ${rssOf(s.child.pid).rss.toFixed(0)} MB`);
  const open = async ([label, path, languageId, text]) => {
    const uri = pathToFileURL(path).href;
    const wait = s.next((p) => p.uri === uri);
    const t0 = performance.now();
    await s.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: 1, text } });
    const p = await wait;
    const { rss, peak } = rssOf(s.child.pid);
    console.log(`  ${label.padEnd(32)} ${String(p.diagnostics.length).padStart(6)} diagnostics in ${(performance.now() - t0).toFixed(0).padStart(5)} ms, RSS ${rss.toFixed(0)} MB (peak ${peak.toFixed(0)} MB)${p.diagnostics.length <= 2 ? `  ${p.diagnostics.map((d) => `${d.code}: ${d.message.slice(0, 60)}`).join('; ')}` : ''}`);
    return peak;
  };
  let sequencePeak = 0;
  for (const f of files) sequencePeak = Math.max(sequencePeak, await open(f));
  console.log(`  peak RSS over the sequence above: ${sequencePeak.toFixed(0)} MB (target < 200 MB: ${sequencePeak < 200 ? 'met' : 'NOT met'})`);
  // Beyond the issue's sequence: a real TypeScript file loads the TS front-end (the TypeScript compiler).
  const tools = join(folder, 'tools.ts');
  writeFileSync(tools, readFileSync(join(root, 'examples', 'agent', 'tools.ts'), 'utf8'), { mode: 0o600 });
  const tsPeak = await open(['then a TypeScript agent file', tools, 'typescript', readFileSync(tools, 'utf8')]);
  console.log(`  peak RSS with a TypeScript file open too: ${tsPeak.toFixed(0)} MB (no target; figure only)`);
  for (const [, path] of [...files, [, tools]]) await s.conn.sendNotification('textDocument/didClose', { textDocument: { uri: pathToFileURL(path).href } });
  // The closes are notifications: a request answered after them means they have been handled.
  await s.conn.sendRequest('workspace/executeCommand', { command: 'tracelint.noSuchCommand', arguments: [] }).catch(() => undefined);
  await new Promise((r) => setTimeout(r, 500));
  console.log(`  after closing every document: RSS ${rssOf(s.child.pid).rss.toFixed(0)} MB`);
  await s.stop();
}
