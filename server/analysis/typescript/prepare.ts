// First pass over a TS/JS file with the TypeScript parser (the one typescript-estree is built on):
// it always recovers from syntax errors and is several times faster than a full ESTree
// conversion. This pass collects every string literal and comment, reports syntax errors, and
// decides which top-level statements typescript-estree must convert: imports, constants, and
// statements that mention a tracer, a recorder or a redaction/exporter constructor. The others
// are blanked (same offsets, spaces), so typescript-estree converts a small program and a syntax
// error in one statement does not stop the analysis of the rest (typescript-estree throws on the
// first error it sees). Inside the kept statements, function bodies that mention none of those
// are blanked too (`{ }` stays): the model needs a traced function's parameters, not its body.
import * as ts from 'typescript';
import type { CommentSite, ParseProblem, StringValue } from '../model';
import { SourceFileCache } from './incremental';
import { jsString, templateChunk } from './literals';

export interface Prepared {
  /** The text with irrelevant and broken top-level statements replaced by spaces. */
  kept: string;
  strings: StringValue[];
  comments: CommentSite[];
  problems: ParseProblem[];
  /** Offsets of `EFFICIENCY` in `ProcessorOrder.EFFICIENCY` member accesses (code, not text). */
  efficiencyAt: Set<number>;
  /** Top-level statement ranges, to blank one more if typescript-estree still rejects the text. */
  statements: Array<{ start: number; end: number }>;
  /**
   * The members of each top-level interface and object type alias (`interface Credentials {
   * password: string }`): a traced method's parameter typed by one records them all.
   */
  typeMembers: Map<string, string[]>;
}

/** Property names of the top-level interfaces and object type aliases (read from the tree, which keeps them even when blanked). */
function topLevelTypeMembers(sf: ts.SourceFile): Map<string, string[]> {
  const out = new Map<string, string[]>();
  const names = (members: ts.NodeArray<ts.TypeElement>) => members.flatMap((m) => {
    if (!ts.isPropertySignature(m) && !ts.isMethodSignature(m)) return [];
    const n = m.name;
    return ts.isIdentifier(n) || ts.isStringLiteral(n) ? [n.text] : [];
  });
  for (const s of sf.statements) {
    if (ts.isInterfaceDeclaration(s)) out.set(s.name.text, [...(out.get(s.name.text) ?? []), ...names(s.members)]);
    else if (ts.isTypeAliasDeclaration(s) && ts.isTypeLiteralNode(s.type)) out.set(s.name.text, names(s.type.members));
  }
  return out;
}

/**
 * The top-level statement a syntax error belongs to: the last one starting at or before it (an
 * error at the end of the file belongs to the statement left open there).
 */
export function statementAt(statements: ReadonlyArray<{ start: number; end: number }>, at: number): number {
  let found = -1;
  for (let i = 0; i < statements.length && statements[i].start <= at; i++) found = i;
  return found;
}

export function scriptKind(fileName: string): ts.ScriptKind {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.tsx')) return ts.ScriptKind.TSX;
  if (/\.(m|c)?ts$/.test(lower)) return ts.ScriptKind.TS;
  return ts.ScriptKind.JSX; // .js/.jsx/.mjs/.cjs: JSX is common in plain .js files
}

/** Calls that build a list from lists: `TEAM.concat([...])`, `Array.from(TEAM)`. */
function buildsList(call: ts.CallExpression): boolean {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee)
    && (callee.name.text === 'concat' || (callee.name.text === 'from' && ts.isIdentifier(callee.expression) && callee.expression.text === 'Array'));
}

function isConstantish(stmt: ts.Statement): boolean {
  if (!ts.isVariableStatement(stmt)) return false;
  return stmt.declarationList.declarations.every((d) => {
    let init = d.initializer;
    // `["api_key"] as const`, `(...)`, `satisfies`: the value inside.
    while (init && (ts.isAsExpression(init) || ts.isSatisfiesExpression(init) || ts.isParenthesizedExpression(init))) init = init.expression;
    return !init || ts.isArrayLiteralExpression(init) || ts.isStringLiteralLike(init) || ts.isObjectLiteralExpression(init)
      || ts.isRegularExpressionLiteral(init) || ts.isIdentifier(init)
      || (ts.isCallExpression(init) && ((ts.isIdentifier(init.expression) && init.expression.text === 'require') || buildsList(init)));
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
 * @param refFields options naming a declaration to keep too: `parameters: WeatherArgs` keeps `WeatherArgs`
 */
// Read once: in a bundle every `ts.X` is a getter call, and the walk below runs per node.
const { SyntaxKind, forEachChild, isIdentifier } = ts;
const STRING = SyntaxKind.StringLiteral;
const PLAIN_TEMPLATE = SyntaxKind.NoSubstitutionTemplateLiteral;
const TEMPLATE_HEAD = SyntaxKind.TemplateHead;
const TEMPLATE_MIDDLE = SyntaxKind.TemplateMiddle;
const TEMPLATE_TAIL = SyntaxKind.TemplateTail;
const MEMBER = SyntaxKind.PropertyAccessExpression;
const BLOCK = SyntaxKind.Block;
const FUNCTION_LIKE = new Set([
  SyntaxKind.FunctionDeclaration, SyntaxKind.FunctionExpression, SyntaxKind.ArrowFunction, SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor, SyntaxKind.GetAccessor, SyntaxKind.SetAccessor,
]);

/** Sorted start offsets of every match of `relevant` (a global copy of it runs once over the text). */
function relevantOffsets(text: string, relevant: RegExp): number[] {
  const all = new RegExp(relevant.source, relevant.flags.includes('g') ? relevant.flags : `${relevant.flags}g`);
  const out: number[] = [];
  for (let m = all.exec(text); m; m = all.exec(text)) {
    out.push(m.index);
    if (m[0].length === 0) all.lastIndex++;
  }
  return out;
}

/** Whether a sorted offset list has an entry in [start, end). */
function anyWithin(sorted: readonly number[], start: number, end: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < start) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] < end;
}

const trees = new SourceFileCache(false);

/** Drops the last tree of a file (the editor closed it). */
export function forgetPrepared(fileName: string): void {
  trees.forget(fileName);
}

export function prepare(fileName: string, text: string, relevant: RegExp, wrappers: readonly string[], refFields: readonly string[] = []): Prepared {
  const sf = trees.parse(fileName, text, scriptKind(fileName));
  const relevantAt = relevantOffsets(text, relevant);
  // Inner ranges (between the braces) of function bodies without a relevant word, outermost only.
  const idleBodies: Array<{ start: number; end: number }> = [];
  const strings: StringValue[] = [];
  const efficiencyAt = new Set<number>();
  // Iterative walk: deeply nested input cannot overflow the stack.
  const stack: ts.Node[] = [sf];
  const children: ts.Node[] = [];
  const collect = (c: ts.Node) => {
    children.push(c);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case STRING:
      case PLAIN_TEMPLATE: {
        const start = node.getStart(sf);
        strings.push(jsString(text, start, node.end));
        continue;
      }
      case TEMPLATE_HEAD:
      case TEMPLATE_MIDDLE:
      case TEMPLATE_TAIL: {
        const start = node.getStart(sf);
        const closeLen = node.kind === TEMPLATE_TAIL ? 1 : 2;
        strings.push(templateChunk(text, start, node.end, start + 1, node.end - closeLen));
        continue;
      }
      case MEMBER: {
        const { expression, name } = node as ts.PropertyAccessExpression;
        if (isIdentifier(expression) && expression.text === 'ProcessorOrder' && name.text === 'EFFICIENCY') efficiencyAt.add(name.getStart(sf));
        break;
      }
      default:
        if (FUNCTION_LIKE.has(node.kind)) {
          const body = (node as ts.FunctionLikeDeclaration).body;
          if (body && body.kind === BLOCK && (body as ts.Block).statements.length > 0) {
            // From after `{` to before `}`; a body whose `}` is missing is left as it is. The walk
            // goes on inside: its strings count (hardcoded credentials), its inner bodies are dropped
            // when the ranges are applied.
            const start = body.getStart(sf) + 1;
            const end = body.end - 1;
            if (text.charCodeAt(end) === 0x7d && !anyWithin(relevantAt, start, end)) idleBodies.push({ start, end });
          }
        }
    }
    children.length = 0;
    forEachChild(node, collect);
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
  }
  strings.sort((a, b) => a.span.start - b.span.start);
  const comments = directiveComments(text, strings);

  const statements = sf.statements.map((s) => ({ start: s.getStart(sf), end: s.end }));
  const diagnostics = (sf as unknown as { parseDiagnostics?: ts.Diagnostic[] }).parseDiagnostics ?? [];
  const broken = new Set<number>();
  const problems: ParseProblem[] = [];
  for (const d of diagnostics) {
    const at = d.start ?? 0;
    const idx = statementAt(statements, at);
    if (idx !== -1) broken.add(idx);
    // 2809 is 1128 ("Declaration or statement expected.") with a hint about destructuring, which a
    // fresh parse gives and TypeScript's incremental re-parse of the same text may not: one message,
    // so the model never depends on the edit history.
    const message = d.code === 2809 ? 'Declaration or statement expected.' : ts.flattenDiagnosticMessageText(d.messageText, ' ');
    problems.push({ span: { start: at, end: at + (d.length ?? 0) }, message: `Syntax error: ${message} (this statement was skipped, the rest was analysed).` });
  }

  const keep = sf.statements.map((s, i) => {
    if (broken.has(i)) return false;
    if (ts.isImportDeclaration(s) || ts.isImportEqualsDeclaration(s) || isConstantish(s)) return true;
    return anyWithin(relevantAt, statements[i].start, s.end);
  });
  // Functions passed by name to a wrapper (`traceable(handler, ...)`) are needed for their parameters.
  // So are schemas named in an options object's field (`tool({ parameters: WeatherArgs, ... })`).
  if (wrappers.length > 0) {
    const byRef = [new RegExp(`\\b(?:${wrappers.join('|')})\\s*\\(\\s*([A-Za-z_$][\\w$]*)\\s*[,)]`, 'g')];
    if (refFields.length > 0) byRef.push(new RegExp(`\\b(?:${refFields.join('|')})\\s*:\\s*([A-Za-z_$][\\w$]*)`, 'g'));
    const wanted = new Set<string>();
    sf.statements.forEach((s, i) => {
      if (!keep[i]) return;
      const body = text.slice(statements[i].start, s.end);
      for (const re of byRef) for (let m = re.exec(body); m; m = re.exec(body)) wanted.add(m[1]);
    });
    if (wanted.size > 0) {
      sf.statements.forEach((s, i) => {
        if (!keep[i] && !broken.has(i) && declaredNames(s).some((n) => wanted.has(n))) keep[i] = true;
      });
    }
  }
  // Rebuilt from slices: blanked statements and idle bodies become spaces with their line breaks kept.
  const blanks: Array<{ start: number; end: number }> = [];
  let body = 0;
  sf.statements.forEach((s, i) => {
    const { start, end } = statements[i];
    if (!keep[i]) {
      blanks.push({ start, end });
      return;
    }
    while (body < idleBodies.length && idleBodies[body].start < start) body++;
    for (; body < idleBodies.length && idleBodies[body].start < end; body++) {
      const b = idleBodies[body];
      // Nested bodies come after the body holding them (the walk is in source order).
      if (blanks.length === 0 || b.start >= blanks[blanks.length - 1].end) blanks.push(b);
    }
  });
  const parts: string[] = [];
  let from = 0;
  for (const b of blanks) {
    parts.push(text.slice(from, b.start), blankText(text.slice(b.start, b.end)));
    from = b.end;
  }
  parts.push(text.slice(from));
  return { kept: parts.length > 1 ? parts.join('') : text, strings, comments, problems, efficiencyAt, statements, typeMembers: topLevelTypeMembers(sf) };
}

/** `text` with everything but line breaks replaced by spaces. */
export function blankText(text: string): string {
  return text.replace(/[^\r\n]+/g, (run) => ' '.repeat(run.length));
}

/**
 * The comments that may hold a tracelint directive: every line or block comment containing
 * `tracelint-`, found from the word (suppressions are the only use of comments in TS/JS), and
 * confirmed to lie outside every string literal.
 */
function directiveComments(text: string, strings: readonly StringValue[]): CommentSite[] {
  const out: CommentSite[] = [];
  const inString = (offset: number) => strings.some((s) => s.span.start <= offset && offset < s.span.end);
  for (let at = text.indexOf('tracelint-'); at !== -1; at = text.indexOf('tracelint-', at + 1)) {
    const lineStart = text.lastIndexOf('\n', at) + 1;
    const before = text.slice(lineStart, at);
    const line = before.lastIndexOf('//');
    const block = text.lastIndexOf('/*', at);
    let start: number;
    let end: number;
    let body: string;
    if (line !== -1) {
      start = lineStart + line;
      const nl = text.indexOf('\n', at);
      end = nl === -1 ? text.length : nl;
      if (text[end - 1] === '\r') end--;
      body = text.slice(start + 2, end);
    } else if (block !== -1 && text.indexOf('*/', block) > at) {
      start = block;
      end = text.indexOf('*/', block) + 2;
      body = text.slice(start + 2, end - 2);
    } else continue;
    if (inString(start) || out.some((c) => c.span.start === start)) continue;
    out.push({ span: { start, end }, text: body, trailing: text.slice(text.lastIndexOf('\n', start - 1) + 1, start).trim() !== '' });
  }
  return out;
}
