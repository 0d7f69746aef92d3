// Suppression comments: `tracelint-disable-next-line <rule>[, <rule>...]`, `tracelint-disable-line`,
// and `tracelint-disable <rule>` ... `tracelint-enable <rule>` blocks, in `#` or `//` comments.
// No rule named means every rule. A directive that suppresses nothing is itself reported
// (`unused-suppression`), so stale suppressions do not pile up and hide future leaks.
import type { Finding, Span } from '../../shared/types';
import type { LineIndex } from '../../shared/positions';
import type { CommentSite } from './model';

export interface Directive {
  kind: 'next-line' | 'line' | 'disable' | 'enable';
  /** Rule ids; empty = all rules. */
  rules: string[];
  span: Span;
  /** The first line the directive applies to (next-line / line), 0-based. */
  line: number;
  /**
   * The last line it applies to: the same line, or, for a next-line directive above a traced
   * function, the end of its header (decorators through the parameter list).
   */
  lastLine: number;
  trailing: boolean;
  used: boolean;
}

const DIRECTIVE = /^\s*tracelint-(disable-next-line|disable-line|disable|enable)\b([^]*)$/;

export function parseDirectives(comments: CommentSite[], lines: LineIndex): Directive[] {
  const out: Directive[] = [];
  for (const c of comments) {
    const m = DIRECTIVE.exec(c.text.replace(/\*\/\s*$/, ''));
    if (!m) continue;
    // Text after ` -- ` is a reason, as in ESLint.
    const list = m[2].split(/\s--\s/)[0];
    const rules = list.split(/[\s,]+/).filter((r) => r.length > 0);
    const line = lines.position(c.span.start).line;
    const kind = m[1] === 'disable-next-line' ? 'next-line' : m[1] === 'disable-line' ? 'line' : (m[1] as 'disable' | 'enable');
    const target = kind === 'next-line' ? lines.position(c.span.end).line + 1 : line;
    out.push({ kind, rules, span: c.span, line: target, lastLine: target, trailing: c.trailing, used: false });
  }
  return out;
}

function covers(d: Directive, ruleId: string): boolean {
  return d.rules.length === 0 || d.rules.includes(ruleId);
}

/** Drops suppressed findings and marks the directives that suppressed something. */
export function applyDirectives(findings: Finding[], directives: Directive[]): Finding[] {
  if (directives.length === 0) return findings;
  const blocks = directives.filter((d) => d.kind === 'disable' || d.kind === 'enable');
  return findings.filter((f) => {
    let suppressed = false;
    for (const d of directives) {
      if ((d.kind === 'next-line' || d.kind === 'line') && d.line <= f.range.line && f.range.line <= d.lastLine && covers(d, f.ruleId)) {
        d.used = true;
        suppressed = true;
      }
    }
    // The last disable/enable before the finding that names its rule decides.
    let opener: Directive | undefined;
    for (const d of blocks) {
      if (d.span.start > f.span.start) break;
      if (!covers(d, f.ruleId)) continue;
      opener = d.kind === 'disable' ? d : undefined;
    }
    if (opener) {
      opener.used = true;
      suppressed = true;
    }
    return !suppressed;
  });
}

/**
 * A header to extend next-line directives over: a traced function from its first decorator (or
 * wrapper call) line to the line its parameters end on. Findings sit on the parameters, while the
 * natural place for the comment is above the decorators.
 */
export interface Header {
  firstLine: number;
  lastLine: number;
}

export function extendOverHeaders(directives: Directive[], headers: Header[]): void {
  for (const d of directives) {
    if (d.kind !== 'next-line') continue;
    for (const h of headers) if (h.firstLine === d.line) d.lastLine = Math.max(d.lastLine, h.lastLine);
  }
}
