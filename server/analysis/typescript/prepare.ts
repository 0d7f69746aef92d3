// First pass over a TS/JS file with the TypeScript parser (the one typescript-estree is built on):
// it always recovers from syntax errors and is several times faster than a full ESTree
// conversion. This pass collects every string literal and comment, reports syntax errors, and
// decides which top-level statements typescript-estree must convert: imports, constants, and
// statements that mention a tracer, a recorder or a redaction/exporter constructor. The others
// are blanked (same offsets, spaces), so typescript-estree converts a small program and a syntax
// error in one statement does not stop the analysis of the rest (typescript-estree throws on the
// first error it sees).
import * as ts from 'typescript';
import type { CommentSite, ParseProblem, StringValue } from '../model';
import { jsString, templateChunk } from './literals';

export interface Prepared {
  /** The text with irrelevant and broken top-level statements replaced by spaces. */
  kept: string;
  strings: StringValue[];
  comments: CommentSite[];
  problems: ParseProblem[];
  /** Top-level statement ranges, to blank one more if typescript-estree still rejects the text. */
  statements: Array<{ start: number; end: number }>;
}

export function scriptKind(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.(m|c)?ts$/.test(lower)) return ts.ScriptKind.TS;
  return ts.ScriptKind.JSX; // .js/.jsx/.mjs/.cjs: JSX is common in plain .js files
}

/** Replaces [start, end) of `chars` with spaces, keeping line breaks (offsets and lines stay). */
export function blank(chars: string[], start: number, end: number): void {
  for (let i = start; i < end; i++) {
    const c = chars[i];
    if (c !== '\n' && c !== '\r') chars[i] = ' ';
  }
}

function isConstantish(stmt: ts.Statement): boolean {
  if (!ts.isVariableStatement(stmt)) return false;
  return stmt.declarationList.declarations.every((d) => {
    const init = d.initializer;
    return !init || ts.isArrayLiteralExpression(init) || ts.isStringLiteralLike(init) || ts.isObjectLiteralExpression(init)
      || ts.isRegularExpressionLiteral(init) || (ts.isCallExpression(init) && ts.isIdentifier(init.expression) && init.expression.text === 'require');
  });
}

function declaredNames(stmt: ts.Statement): string[] {
  if (ts.isFunctionDeclaration(stmt) && stmt.name) return [stmt.name.text];
  if (ts.isVariableStatement(stmt)) return stmt.declarationList.declarations.flatMap((d) => (ts.isIdentifier(d.name) ? [d.name.text] : []));
  return [];
}

/**
 * @param relevant  matches the text of a statement typescript-estree must see
 * @param wrappers  names of wrapper functions: `traceable(handler)` keeps `handler`'s declaration too
 */
export function prepare(fileName: string, text: string, relevant: RegExp, wrappers: readonly string[]): Prepared {
  const sf = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, scriptKind(fileName));
  const strings: StringValue[] = [];
  const comments: CommentSite[] = [];
  const seenComments = new Set<number>();
  const addComments = (ranges: ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) {
      if (seenComments.has(r.pos)) continue;
      seenComments.add(r.pos);
      const raw = text.slice(r.pos, r.end);
      const body = r.kind === ts.SyntaxKind.SingleLineCommentTrivia ? raw.slice(2) : raw.slice(2, -2);
      const lineStart = text.lastIndexOf('\n', r.pos - 1) + 1;
      comments.push({ span: { start: r.pos, end: r.end }, text: body, trailing: text.slice(lineStart, r.pos).trim() !== '' });
    }
  };
  // Iterative walk: deeply nested input cannot overflow the stack.
  const stack: ts.Node[] = [sf];
  let lastPos = -1;
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.pos !== lastPos) {
      addComments(ts.getLeadingCommentRanges(text, node.pos));
      lastPos = node.pos;
    }
    addComments(ts.getTrailingCommentRanges(text, node.end));
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral: {
        const start = node.getStart(sf);
        strings.push(jsString(text, start, node.end));
        continue;
      }
      case ts.SyntaxKind.TemplateHead:
      case ts.SyntaxKind.TemplateMiddle:
      case ts.SyntaxKind.TemplateTail: {
        const start = node.getStart(sf);
        const closeLen = node.kind === ts.SyntaxKind.TemplateTail ? 1 : 2;
        strings.push(templateChunk(text, start, node.end, start + 1, node.end - closeLen));
        continue;
      }
    }
    const children: ts.Node[] = [];
    ts.forEachChild(node, (c) => {
      children.push(c);
    });
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  addComments(ts.getLeadingCommentRanges(text, sf.endOfFileToken.pos));
  strings.sort((a, b) => a.span.start - b.span.start);
  comments.sort((a, b) => a.span.start - b.span.start);

  const statements = sf.statements.map((s) => ({ start: s.getStart(sf), end: s.end }));
  const diagnostics = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  const broken = new Set<number>();
  const problems: ParseProblem[] = [];
  for (const d of diagnostics) {
    const at = d.start ?? 0;
    const idx = statements.findIndex((s) => s.start <= at && at <= s.end);
    if (idx !== -1) broken.add(idx);
    const message = ts.flattenDiagnosticMessageText(d.messageText, ' ');
    problems.push({ span: { start: at, end: at + (d.length ?? 0) }, message: `Syntax error: ${message} (this statement was skipped, the rest was analysed).` });
  }

  const keep = sf.statements.map((s, i) => {
    if (broken.has(i)) return false;
    if (ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s) || isConstantish(s)) return true;
    return relevant.test(text.slice(statements[i].start, s.end));
  });
  // Functions passed by name to a wrapper (`traceable(handler, ...)`) are needed for their parameters.
  if (wrappers.length > 0) {
    const byRef = new RegExp(`\\b(?:${wrappers.join('|')})\\s*\\(\\s*([A-Za-z_$][\\w$]*)\\s*[,)]`, 'g');
    const wanted = new Set<string>();
    sf.statements.forEach((s, i) => {
      if (!keep[i]) return;
      const body = text.slice(statements[i].start, s.end);
      for (let m = byRef.exec(body); m; m = byRef.exec(body)) wanted.add(m[1]);
    });
    if (wanted.size > 0) {
      sf.statements.forEach((s, i) => {
        if (!keep[i] && !broken.has(i) && declaredNames(s).some((n) => wanted.has(n))) keep[i] = true;
      });
    }
  }
  const chars = text.split('');
  let blanked = false;
  sf.statements.forEach((s, i) => {
    if (!keep[i]) {
      blank(chars, statements[i].start, s.end);
      blanked = true;
    }
  });
  return { kept: blanked ? chars.join('') : text, strings, comments, problems, statements };
}
