// The server side of the redacted preview: lines from the editor's text and from disk (by byte
// offsets, long lines read only as far as shown), split into text and markers per mode.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DiskLines, MAX_LINE_CHARS, PreviewSession, TextLines } from '../../../server/lsp/preview';
import type { Finding } from '../../../shared/types';

function finding(ruleId: string, line: number, column: number, endColumn: number, secret: string): Finding {
  return { ruleId, severity: 'error', message: ruleId, span: { start: 0, end: 0 }, range: { line, column, endLine: line, endColumn }, secret };
}

const TEXT = '{"k": "sk-secret-1"}\r\n{"e": "a@b.co", "x": "<img src=x onerror=alert(1)>"}\nlast';
const FINDINGS = [finding('openai_api_key', 0, 7, 18, 'sk-secret-1'), finding('email', 1, 7, 13, 'a@b.co')];

describe('PreviewSession', () => {
  it('replaces findings by markers in mask mode and keeps everything else as text', async () => {
    const s = new PreviewSession('file:///t.jsonl', 'mask', new TextLines(TEXT), FINDINGS, '[REDACTED]', []);
    assert.deepEqual(s.describe(), {
      uri: 'file:///t.jsonl',
      mode: 'mask',
      lineCount: 3,
      counts: [{ ruleId: 'email', count: 1 }, { ruleId: 'openai_api_key', count: 1 }],
      total: 2,
      // In order, for next/previous finding.
      marks: [{ line: 0, ruleId: 'openai_api_key' }, { line: 1, ruleId: 'email' }],
      problems: [],
      generation: 0,
    });
    assert.deepEqual(await s.lines(0, 3), [
      {
        line: 0,
        truncated: 0,
        segments: [
          { text: '{"k": "' },
          { text: '[REDACTED]', ruleId: 'openai_api_key', line: 0, column: 7, endLine: 0, endColumn: 18 },
          { text: '"}' },
        ],
      },
      {
        line: 1,
        truncated: 0,
        segments: [
          { text: '{"e": "' },
          { text: '[REDACTED]', ruleId: 'email', line: 1, column: 7, endLine: 1, endColumn: 13 },
          { text: '", "x": "<img src=x onerror=alert(1)>"}' },
        ],
      },
      { line: 2, truncated: 0, segments: [{ text: 'last' }] },
    ]);
  });

  it('hashes as [HASH:<16 hex of sha256>] and removes as empty markers', async () => {
    const s = new PreviewSession('file:///t.jsonl', 'hash', new TextLines(TEXT), FINDINGS, '[REDACTED]', []);
    assert.equal((await s.lines(0, 1))[0].segments[1].text, '[HASH:07fd32658335c174]');
    await s.update(new TextLines(TEXT), FINDINGS, 'remove');
    assert.equal(s.generation, 1);
    assert.deepEqual((await s.lines(0, 1))[0].segments.map((x) => x.text), ['{"k": "', '', '"}']);
  });

  it('redacts only findings over secret text: a finding about the file itself (mode, git) is neither a marker nor counted', async () => {
    const mode: Finding = { ruleId: 'trace-file-permissions', severity: 'warning', message: 'mode 644', span: { start: 0, end: 0 }, range: { line: 0, column: 0, endLine: 0, endColumn: 0 } };
    const s = new PreviewSession('file:///t.jsonl', 'mask', new TextLines(TEXT), [mode, ...FINDINGS], '[REDACTED]', []);
    assert.deepEqual(s.describe().counts, [{ ruleId: 'email', count: 1 }, { ruleId: 'openai_api_key', count: 1 }]);
    assert.deepEqual((await s.lines(0, 1))[0].segments.map((x) => x.text), ['{"k": "', '[REDACTED]', '"}']);
  });
});

describe('DiskLines', () => {
  it('reads lines by byte offsets (UTF-8), without the line breaks, and cuts very long lines', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracelint-preview-'));
    const long = 'x'.repeat(2 * 1024 * 1024);
    writeFileSync(join(dir, 't.jsonl'), `{"é": "ü"}\r\n${long}\n{"z": 1}\n`);
    const d = await DiskLines.open(join(dir, 't.jsonl'));
    assert.equal(d.lineCount, 3);
    const lines = await d.lines(0, 3);
    assert.deepEqual(lines[0], { text: '{"é": "ü"}', cut: 0 });
    assert.equal(lines[1].text.length, MAX_LINE_CHARS * 4);
    assert.equal(lines[1].cut, long.length - MAX_LINE_CHARS * 4);
    assert.deepEqual(lines[2], { text: '{"z": 1}', cut: 0 });
    const s = new PreviewSession('file:///t', 'mask', d, [], '[REDACTED]', []);
    const [shown] = await s.lines(1, 2);
    assert.equal(shown.segments[0].text.length, MAX_LINE_CHARS);
    assert.equal(shown.truncated, long.length - MAX_LINE_CHARS);
    await d.close();
  });
});
