// A small RuleTester in the manner of typescript-eslint's: a static table of valid and invalid
// cases per rule, exact 1-based positions (endColumn exclusive, as ESLint and SARIF print them),
// the output of applying every safe fix, and the output of each suggestion. Every fix and
// suggestion is checked the same way: the edited code parses and the rule no longer flags it.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Finding, TextEdit } from '../../../shared/types';
import { analyzeSource, initAnalysis } from '../../../server/analysis';
import { lintSource } from '../../../server/rules/run';
import type { SourceSettings } from '../../../server/rules/types';

export interface ExpectedError {
  line: number;
  column: number;
  endLine?: number;
  endColumn: number;
  /** A substring or pattern of the message. */
  message?: string | RegExp;
  /** Outputs of applying each suggestion of this finding, in order. */
  suggestions?: string[];
}

export interface ValidCase {
  code: string;
  name?: string;
  file?: string;
  settings?: SourceSettings;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedError[];
  /** The code after applying every finding's `fix`; null when no finding has one. */
  output?: string | null;
}

export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const e of [...edits].sort((a, b) => b.start - a.start || b.end - a.end)) {
    out = out.slice(0, e.start) + e.text + out.slice(e.end);
  }
  return out;
}

/** Applies non-overlapping fixes in order, as ESLint's one fix pass does; identical fixes apply once. */
export function applyFixes(text: string, findings: readonly Finding[]): string {
  const chosen: TextEdit[] = [];
  const seen = new Set<string>();
  let lastEnd = -1;
  for (const f of [...findings].sort((a, b) => a.span.start - b.span.start)) {
    if (!f.fix) continue;
    const key = JSON.stringify(f.fix.edits);
    if (seen.has(key)) continue;
    const starts = f.fix.edits.map((e) => e.start);
    if (Math.min(...starts) <= lastEnd) continue;
    seen.add(key);
    chosen.push(...f.fix.edits);
    lastEnd = Math.max(...f.fix.edits.map((e) => e.end));
  }
  return applyEdits(text, chosen);
}

function fileOf(c: ValidCase, defaultFile: string): string {
  return c.file ?? defaultFile;
}

/** The edited code parses: no syntax error that the original did not already have. */
function assertParses(file: string, original: string, code: string): void {
  const before = analyzeSource(file, original)?.problems.length ?? 0;
  const model = analyzeSource(file, code);
  if (model) assert.ok(model.problems.length <= before, `fixed code does not parse:\n${code}\n${model.problems.map((p) => p.message).join('\n')}`);
}

export function ruleTester(ruleId: string, table: { valid: Array<string | ValidCase>; invalid: InvalidCase[]; file?: string }): void {
  const defaultFile = table.file ?? 'agent.py';
  const lint = (file: string, code: string, settings?: SourceSettings) => lintSource(file, code, settings).filter((f) => f.ruleId === ruleId);
  describe(ruleId, () => {
    before(() => initAnalysis());
    table.valid.forEach((v, i) => {
      const c: ValidCase = typeof v === 'string' ? { code: v } : v;
      test(`valid ${i}: ${c.name ?? c.code.split('\n').find((l) => l.trim() && !l.startsWith('import') && !l.startsWith('from'))?.trim() ?? ''}`, () => {
        assert.deepEqual(lint(fileOf(c, defaultFile), c.code, c.settings).map((f) => `${f.range.line + 1}:${f.range.column + 1} ${f.message}`), []);
      });
    });
    table.invalid.forEach((c, i) => {
      test(`invalid ${i}: ${c.name ?? ''}`, () => {
        const file = fileOf(c, defaultFile);
        const findings = lint(file, c.code, c.settings);
        const got = findings.map((f) => ({ line: f.range.line + 1, column: f.range.column + 1, endLine: f.range.endLine + 1, endColumn: f.range.endColumn + 1 }));
        const want = c.errors.map((e) => ({ line: e.line, column: e.column, endLine: e.endLine ?? e.line, endColumn: e.endColumn }));
        assert.deepEqual(got, want);
        c.errors.forEach((e, k) => {
          if (e.message !== undefined) {
            if (typeof e.message === 'string') assert.ok(findings[k].message.includes(e.message), findings[k].message);
            else assert.match(findings[k].message, e.message);
          }
          if (e.suggestions) {
            const outs = (findings[k].suggest ?? []).map((s) => applyEdits(c.code, s.edits));
            assert.deepEqual(outs, e.suggestions);
            for (const out of outs) {
              assertParses(file, c.code, out);
              const still = lint(file, out, c.settings).filter((f) => f.message === findings[k].message);
              assert.deepEqual(still.map((f) => f.message), [], `suggestion did not remove the finding:\n${out}`);
            }
          }
        });
        if (c.output !== undefined) {
          const out = applyFixes(c.code, findings);
          if (c.output === null) assert.equal(out, c.code, 'no fix expected');
          else {
            assert.equal(out, c.output);
            assertParses(file, c.code, out);
            assert.deepEqual(lint(file, out, c.settings).map((f) => f.message), [], 'the fixed code is still flagged');
          }
        }
      });
    });
  });
}
