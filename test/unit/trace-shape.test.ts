// A JSON or JSONL file is a trace only by its content's shape: a JSON Schema (even one that names a
// trace's fields), a manifest or tool settings, or a test's HTTP / SDK replays is none, wherever it
// lies (schemas/, runs/, traces/); a trace of an SDK's shape, or an unknown JSONL log, still is.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { detectTraceFormat } from '../../shared/traces/index';
import { ConfigResolver } from '../../shared/config';
import { lintFile } from '../../server/lint-file';

const SCHEMA = '{\n  "$schema": "https://json-schema.org/draft/2020-12/schema",\n  "title": "event",\n  "properties": {"event_type": {}, "spec_version": {}, "run_id": {}}\n}\n';
const REPLAY = '{"request": {"method": "POST", "uri": "https://api.example.com/v1/chat"}, "response": {"status": {"code": 200}, "body": "ok"}}\n';
// A SWE-agent trajectory as SWE-agent writes it (one JSON document per run, pretty-printed).
const TRAJ = JSON.stringify(
  {
    environment: 'swe_main',
    trajectory: [
      { action: 'ls -a\n', observation: 'README.md\nsetup.py\n', response: 'Let us look around.', state: '{"open_file": "n/a"}', thought: 'Let us look around.' },
      { action: "mysql -u root -p'S3cr3t#pw' -h 127.0.0.1 app\n", observation: 'ERROR 2003 (HY000)', response: 'Try the database.', state: '{"open_file": "n/a"}', thought: 'Try the database.' },
    ],
    history: [{ role: 'system', content: 'You are an autonomous programmer.' }],
    info: { exit_status: 'submitted' },
  },
  null,
  2,
);
// An OpenHands trajectory as its save_trajectory_path writes it (events, pretty-printed).
const OPENHANDS = JSON.stringify(
  [
    { id: 0, timestamp: '2025-01-27T22:44:56.900854', source: 'user', message: 'Create a 2048 game.', action: 'message', args: { content: 'Create a 2048 game.' } },
    { id: 3, timestamp: '2025-01-27T22:45:13.764487', source: 'agent', message: 'Running', action: 'run', args: { command: 'ls' } },
  ],
  null,
  2,
);
const SDK_REPLAY = '["client.beta.sessions.create", {"id": "sesn_1", "status": "idle"}]\n["client.beta.sessions.events.list", {"data": []}]\n';

test('trace shape: what is not a trace, wherever it lies', () => {
  const table: Array<[string, string, boolean]> = [
    ['repo/schemas/event.schema.json', SCHEMA, false],
    ['repo/runs/event.json', SCHEMA, false],
    ['repo/traces/package.json', '{\n  "name": "agent",\n  "version": "1.0.0"\n}\n', false],
    ['repo/traces/tsconfig.build.json', '{\n  "compilerOptions": {}\n}\n', false],
    ['repo/runs/.vscode/settings.json', '{\n  "editor.tabSize": 2\n}\n', false],
    ['repo/tests/runs/cassette.jsonl', REPLAY + REPLAY, false],
    ['repo/tests/test_data/replay.jsonl', SDK_REPLAY, false],
    // Traces: an SDK's shape anywhere, an unknown JSONL log, an unknown JSON under runs/.
    ['repo/schemas/events.jsonl', '{"event_type":"RUN_START","spec_version":"0.1","run_id":"r"}\n', true],
    ['repo/logs/agent.jsonl', '{"ts": 1, "msg": "tool call", "args": {"q": "x"}}\n', true],
    ['repo/runs/output.json', '{"answer": "x"}', true],
    // Agents' trajectories by name, wherever they lie: SWE-agent's `.traj`, mini-swe-agent's `.traj.json`.
    ['repo/results/django__django-11099.traj', TRAJ, true],
    ['out/django__django-11099.traj.json', '{"info": {"exit_status": "Submitted"}, "messages": []}', true],
    ['repo/trajectories/me/run/output.json', '{"answer": "x"}', true],
    ['repo/results/output.json', '{"answer": "x"}', false],
    // OpenHands' events by their shape: a saved trajectory (an array), or one event of its file store.
    ['repo/tests/runtime/trajs/basic.json', OPENHANDS, true],
    ['sessions/abc/events/3.json', '{"id": 3, "timestamp": "2025-01-27T22:45:13", "source": "agent", "observation": "run", "content": "ok"}', true],
    ['repo/data/users.json', '[{"id": 1, "timestamp": "2025-01-27", "source": "user", "name": "Ada"}]', false],
  ];
  for (const [path, text, isTrace] of table) assert.equal(detectTraceFormat(path, text)?.isTrace, isTrace, path);
});

test('trace shape: a walked JSONL of replays gets no findings; a real trace still does', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-shape-'));
  mkdirSync(join(dir, 'traces'));
  const replay = join(dir, 'traces', 'cassette.jsonl');
  writeFileSync(replay, '{"request": {"method": "GET", "url": "https://x.io/?api_key=sk-proj-Tq8vXw2LmN4pR7sYz1AbCdEfGh3JkLmNoPqRsTuV"}, "response": {"status": 200}}\n');
  const trace = join(dir, 'traces', 'run.jsonl');
  writeFileSync(trace, '{"steps": [{"inputs": {"key": "sk-proj-Tq8vXw2LmN4pR7sYz1AbCdEfGh3JkLmNoPqRsTuV"}}], "start_time": "2026-01-01"}\n');
  const config = new ConfigResolver().forPath(dir);
  const skipped = await lintFile(replay, { config, workers: 0 });
  assert.deepEqual([skipped.kind, skipped.findings.length], [undefined, 0]);
  const read = await lintFile(trace, { config, workers: 0 });
  assert.deepEqual([read.kind, read.findings.map((f) => f.ruleId)], ['trace', ['openai_api_key']]);
});

test('trace shape: a SWE-agent trajectory found by walking is read as a trace, at the place of each finding', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracelint-traj-'));
  const traj = join(dir, 'django__django-11099.traj');
  writeFileSync(traj, TRAJ);
  const config = new ConfigResolver().forPath(dir);
  const read = await lintFile(traj, { config, workers: 0 });
  const found = read.findings.filter((f) => f.ruleId !== 'trace-file-permissions');
  assert.deepEqual(
    [read.kind, found.map((f) => [f.ruleId, f.range.line, f.range.column, f.range.endLine, f.range.endColumn, f.jsonPath, f.message])],
    ['trace', [['command_line_credential', 11, 34, 11, 43, 'trajectory[1].action', 'command_line_credential: …(9 chars) in trajectory[1].action']]],
  );
});
