// A backend the LSP mechanics tests control: it finds `SECRET_<WORD>` tokens (each with a fix that
// replaces the token by `env_<word>`), takes as long as a `delay=<ms>` marker in the text says,
// and reports a slow verdict for `SLOW_<WORD>` tokens after `slowMs` (with a note for the hover
// on each, and a note alone for `FINE_<WORD>` tokens). It lets the tests pin down
// ordering, cancellation and slow-verdict behaviour exactly, which real analysis timing cannot.
import { setTimeout as sleep } from 'node:timers/promises';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Finding } from '../../shared/types';
import { LineIndex } from '../../shared/positions';
import type { LintBackend, LintOutcome, SlowNote } from '../../server/lsp/backend';

export interface FakeBackendLog {
  linted: Array<{ path: string; length: number }>;
  aborted: number;
}

export function fakeBackend(slowMs = 50): LintBackend & { log: FakeBackendLog } {
  const log: FakeBackendLog = { linted: [], aborted: 0 };
  const lint = async (path: string, text: string, signal: AbortSignal): Promise<LintOutcome> => {
    log.linted.push({ path, length: text.length });
    const delay = Number(/delay=(\d+)/.exec(text)?.[1] ?? 0);
    if (delay) await sleep(delay);
    if (signal.aborted) log.aborted++;
    const index = new LineIndex(text);
    const find = (re: RegExp, ruleId: string, withFix: boolean): Finding[] =>
      [...text.matchAll(re)].map((m) => {
        const start = m.index!;
        const end = start + m[0].length;
        const secret = m[0];
        return {
          ruleId,
          severity: 'warning' as const,
          message: `${ruleId}: ${m[1].toLowerCase()}`,
          span: { start, end },
          range: index.rangeOf(start, end),
          secret,
          fingerprint: `${ruleId}:${createHash('sha256').update(secret).digest('hex')}`,
          ...(withFix ? { fix: { title: `Use env_${m[1].toLowerCase()}`, edits: [{ start, end, text: `env_${m[1].toLowerCase()}` }] } } : {}),
          suggest: [{ title: `Replace with None`, edits: [{ start, end, text: 'None' }] }],
        };
      });
    const slowOnes = find(/SLOW_([A-Z]+)/g, 'slow-rule', false);
    // The slow rule's notes for the hover: what it measured behind each of its findings, and why a
    // `FINE_<WORD>` token is no finding.
    const notes: SlowNote[] = [
      ...slowOnes.map((f) => ({ range: f.range, message: `measured ${f.secret!.length} chars`, finding: true })),
      ...[...text.matchAll(/FINE_([A-Z]+)/g)].map((m) => ({ range: index.rangeOf(m.index!, m.index! + m[0].length), message: `linear in practice: ${m[1].toLowerCase()}` })),
    ];
    return {
      findings: find(/SECRET_([A-Z]+)/g, 'fake-secret', true),
      problems: /BROKEN/.test(text) ? [{ line: index.position(text.indexOf('BROKEN')).line, message: 'line is broken' }] : [],
      slow: slowOnes.length || notes.length ? sleep(slowMs).then(() => ({ findings: slowOnes, notes })) : undefined,
    };
  };
  return {
    log,
    handles: (path) => /\.(py|ts|jsonl|json)$/.test(path),
    isTrace: (path) => /\.(jsonl|json)$/.test(path),
    lintText: (path, text, _s, signal) => lint(path, text, signal),
    lintFile: (path, _s, signal) => lint(path, readFileSync(path, 'utf8'), signal),
    lineComment: (path) => (path.endsWith('.py') ? '#' : path.endsWith('.ts') ? '//' : undefined),
    placeholder: () => '[REDACTED]',
    configFileFor: () => undefined,
    writeRedacted: async () => 0,
    invalidateConfig: () => undefined,
  };
}
