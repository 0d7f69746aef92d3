// The hover's pieces without a server: markdown escaping of verdict texts, and which slow finding or
// note a position falls in (multi-line literals, ends exclusive, the narrowest range for the hover).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hoverAt, markdownText } from '../../../server/lsp/hover';
import type { LintResult } from '../../../server/lsp/document-linter';
import type { Finding, Range } from '../../../shared/types';

test('markdownText: code spans kept, markdown characters escaped elsewhere', () => {
  const table: Array<[string, string]> = [
    ['hotspot `\\w+` in "a_b*c"', 'hotspot `\\w+` in "a\\_b\\*c"'],
    ['[x] <y> #1 ~z | \\', '\\[x\\] \\<y\\> \\#1 \\~z \\| \\\\'],
    // An odd number of backticks: no code span, every backtick escaped.
    ['a `b` c`d', 'a \\`b\\` c\\`d'],
    ['plain text (n^2.0), 10 KB.', 'plain text (n^2.0), 10 KB.'],
  ];
  for (const [input, output] of table) assert.equal(markdownText(input), output, input);
});

const r = (line: number, column: number, endLine: number, endColumn: number): Range => ({ line, column, endLine, endColumn });

test('hoverAt: the slow finding or note under the position, the narrowest range', () => {
  const finding: Finding = { ruleId: 'redos-unsafe-pattern', severity: 'warning', message: 'quadratic `[^;]*`', span: { start: 0, end: 0 }, range: r(2, 10, 4, 3) };
  const result: LintResult = {
    uri: 'file:///a.py', version: 1, resultId: '1.1', path: '/a.py', problems: [],
    findings: [finding],
    slow: {
      findings: [finding],
      notes: [
        { range: r(2, 10, 4, 3), message: 'Measured: 1,024 chars 2.0 ms.', finding: true },
        { range: r(6, 4, 6, 20), message: 'bounded repeats: linear' },
      ],
    },
  };
  const table: Array<[number, number, string | null, Range | null]> = [
    [2, 9, null, null],
    [2, 10, '**tracelint: redos-unsafe-pattern** (warning)\n\nquadratic `[^;]*`\n\nMeasured: 1,024 chars 2.0 ms.', r(2, 10, 4, 3)],
    [3, 0, '**tracelint: redos-unsafe-pattern** (warning)\n\nquadratic `[^;]*`\n\nMeasured: 1,024 chars 2.0 ms.', r(2, 10, 4, 3)],
    [4, 2, '**tracelint: redos-unsafe-pattern** (warning)\n\nquadratic `[^;]*`\n\nMeasured: 1,024 chars 2.0 ms.', r(2, 10, 4, 3)],
    [4, 3, null, null],
    [6, 19, '**tracelint: no finding**\n\nBounded repeats: linear', r(6, 4, 6, 20)],
    [6, 20, null, null],
  ];
  for (const [line, character, value, range] of table) {
    const h = hoverAt(result, { line, character });
    assert.deepEqual(
      h,
      value === null ? null : { contents: { kind: 'markdown', value }, range: { start: { line: range!.line, character: range!.column }, end: { line: range!.endLine, character: range!.endColumn } } },
      `${line}:${character}`,
    );
  }
});
