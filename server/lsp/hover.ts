// The hover of a custom pattern literal: what the slow rules (the ReDoS check) said about it, from
// the document's lint result as the second wave left it (nothing is judged again for a hover; a
// verdict not in yet gives no hover). A finding: its message, then what the timing measured. A
// pattern judged linear in practice (no finding): the explanation `scan --verbose` prints.
import type { Hover, Position } from 'vscode-languageserver/node';
import { scrub } from '../../shared/mask';
import type { Range } from '../../shared/types';
import type { LintResult } from './document-linter';

function contains(r: Range, p: Position): boolean {
  const afterStart = p.line > r.line || (p.line === r.line && p.character >= r.column);
  const beforeEnd = p.line < r.endLine || (p.line === r.endLine && p.character < r.endColumn);
  return afterStart && beforeEnd;
}

const same = (a: Range, b: Range) => a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;

/** Markdown for plain text: code spans (`...`) kept, the characters markdown would read escaped elsewhere. */
export function markdownText(s: string): string {
  const esc = (t: string) => t.replace(/[\\`*_[\]<>~|#]/g, '\\$&');
  const parts = s.split('`');
  // An odd number of backticks (a pattern holding one) would leave a span open: all text then.
  if (parts.length % 2 === 0) return esc(s);
  return parts.map((p, i) => (i % 2 === 1 ? `\`${p}\`` : esc(p))).join('');
}

export function hoverAt(result: LintResult, position: Position): Hover | null {
  const findings = result.slow.findings.filter((f) => contains(f.range, position));
  const notes = result.slow.notes.filter((n) => contains(n.range, position));
  const sections: string[] = [];
  const ranges: Range[] = [];
  for (const f of findings) {
    const measured = notes.find((n) => n.finding && same(n.range, f.range));
    sections.push(`**tracelint: ${f.ruleId}** (${f.severity})\n\n${markdownText(scrub(f.message, f.secret))}${measured ? `\n\n${markdownText(measured.message)}` : ''}`);
    ranges.push(f.range);
  }
  for (const n of notes) {
    if (n.finding) continue;
    sections.push(`**tracelint: no finding**\n\n${markdownText(n.message.charAt(0).toUpperCase() + n.message.slice(1))}`);
    ranges.push(n.range);
  }
  if (sections.length === 0) return null;
  // The literal: the narrowest range the sections were about.
  const r = ranges.reduce((a, b) => (b.endLine - b.line < a.endLine - a.line || (b.endLine - b.line === a.endLine - a.line && b.endColumn - b.column < a.endColumn - a.column) ? b : a));
  return {
    contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') },
    range: { start: { line: r.line, character: r.column }, end: { line: r.endLine, character: r.endColumn } },
  };
}
