// Code actions from findings: each fix and suggestion a finding carries becomes a quickfix;
// `source.fixAll.tracelint` applies every safe fix of the file at once; source files get
// "disable for this line"; trace findings (data files hold no comments) get "add to allowlist"
// and "add to baseline", which edit the configuration and baseline files.
import {
  type CodeAction,
  CodeActionKind,
  type CodeActionParams,
  type Diagnostic,
  type TextEdit as LspTextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding, Fix } from '../../shared/types';
import { APPLY_FIX_COMMAND } from '../hygiene/fix';
import type { DiagnosticData } from './diagnostics';
import type { LintResult } from './document-linter';
import { goToActions } from './loop';
import { URI } from './uri';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.tracelint`;

/** Edits in other files (the configuration file, the baseline): computed by the caller, which can read them. */
export interface SideFileEdits {
  allowlist(f: Finding, result: LintResult): WorkspaceEdit | undefined;
  baseline(f: Finding, result: LintResult): WorkspaceEdit | undefined;
  /** Text of another file, to turn a fix's offsets in it into positions. */
  textOf(path: string): TextDocument | undefined;
}

export interface CodeActionContext {
  doc: TextDocument;
  result: LintResult;
  isTrace: boolean;
  lineComment: string | undefined;
  side: SideFileEdits;
}

export function codeActions(params: CodeActionParams, ctx: CodeActionContext): CodeAction[] {
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((k) => kind === k || kind.startsWith(`${k}.`));
  const actions: CodeAction[] = [];
  if (wants(CodeActionKind.QuickFix)) {
    // The same finding can arrive through more than one diagnostic (an editor may hold it in two
    // collections): its actions are offered once.
    const seen = new Set<Finding>();
    for (const d of params.context.diagnostics) {
      const f = findingOf(d, ctx.result);
      if (f && !seen.has(f)) {
        seen.add(f);
        actions.push(...quickFixes(f, d, ctx));
      }
    }
  }
  // Source actions only when asked for by kind (on save, or from the Source Action menu), as eslint does.
  if (only && wants(FIX_ALL_KIND)) {
    const all = fixAll(ctx);
    if (all) actions.push(all);
  }
  return actions;
}

/** The finding a diagnostic was made from, if it belongs to the current result of the document. */
export function findingOf(d: Diagnostic, result: LintResult): Finding | undefined {
  if (d.source !== 'tracelint' || !d.data) return undefined;
  const data = d.data as DiagnosticData;
  if (typeof data.index !== 'number' || String(data.resultId).split('.')[0] !== String(result.version)) return undefined;
  const f = result.findings[data.index];
  if (!f || f.ruleId !== d.code || f.range.line !== d.range.start.line || f.range.column !== d.range.start.character) return undefined;
  return f;
}

function quickFixes(f: Finding, d: Diagnostic, ctx: CodeActionContext): CodeAction[] {
  const out: CodeAction[] = [];
  const fixes: Array<{ fix: Fix; preferred: boolean }> = [];
  if (f.fix) fixes.push({ fix: f.fix, preferred: true });
  // A suggestion that repeats the fix is offered once, as the fix.
  for (const s of f.suggest ?? []) if (s.title !== f.fix?.title) fixes.push({ fix: s, preferred: false });
  for (const { fix, preferred } of fixes) {
    if (fix.command) {
      // Not a text edit (a mode change, a .gitignore line): the server carries it out (server.ts, onExecuteCommand).
      const command = { title: fix.title, command: APPLY_FIX_COMMAND, arguments: [fix.command] };
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: preferred, command });
      continue;
    }
    const edit = toWorkspaceEdit(fix, ctx);
    if (edit) out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: preferred, edit });
  }
  if (ctx.isTrace) {
    out.push(...goToActions(f, d));
    const allow = ctx.side.allowlist(f, ctx.result);
    if (allow) out.push({ title: `Add this ${f.ruleId} value to the tracelint allowlist`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: allow });
    const base = ctx.side.baseline(f, ctx.result);
    if (base) out.push({ title: `Add this ${f.ruleId} finding to the baseline`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: base });
  } else if (ctx.lineComment) {
    out.push({ title: `Disable ${f.ruleId} for this line`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: disableLine(f, ctx) });
  }
  return out;
}

/** Inserts `# tracelint-disable-next-line <rule>` above the finding's line, at the line's indentation. */
function disableLine(f: Finding, ctx: CodeActionContext): WorkspaceEdit {
  const { doc } = ctx;
  const line = f.range.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^[ \t]*/.exec(lineText)![0];
  const eol = doc.getText().includes('\r\n') ? '\r\n' : '\n';
  const text = `${indent}${ctx.lineComment} tracelint-disable-next-line ${f.ruleId}${eol}`;
  return { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: text }] } };
}

/** A fix's offset edits as a WorkspaceEdit; undefined when it names a file we cannot read. */
export function toWorkspaceEdit(fix: Fix, ctx: Pick<CodeActionContext, 'doc' | 'side'>): WorkspaceEdit | undefined {
  const changes: Record<string, LspTextEdit[]> = {};
  for (const e of fix.edits) {
    const target = e.file && e.file !== URI.toPath(ctx.doc.uri) ? ctx.side.textOf(e.file) : ctx.doc;
    if (!target) return undefined;
    (changes[target.uri] ??= []).push({ range: { start: target.positionAt(e.start), end: target.positionAt(e.end) }, newText: e.text });
  }
  return { changes };
}

/** Every safe fix of the document whose edits stay in the document and do not overlap an earlier one. */
function fixAll(ctx: CodeActionContext): CodeAction | undefined {
  const own = URI.toPath(ctx.doc.uri);
  const candidates = ctx.result.findings
    .map((f) => f.fix)
    .filter((fix): fix is Fix => !!fix && fix.edits.length > 0 && fix.edits.every((e) => !e.file || e.file === own));
  const taken: Array<[number, number]> = [];
  const edits: LspTextEdit[] = [];
  for (const fix of candidates) {
    const overlaps = fix.edits.some((e) => taken.some(([s, t]) => e.start < t && s < e.end || (e.start === e.end && e.start === s && s === t)));
    if (overlaps) continue;
    for (const e of fix.edits) {
      taken.push([e.start, e.end]);
      edits.push({ range: { start: ctx.doc.positionAt(e.start), end: ctx.doc.positionAt(e.end) }, newText: e.text });
    }
  }
  if (edits.length === 0) return undefined;
  return { title: 'Fix all tracelint problems', kind: FIX_ALL_KIND, edit: { changes: { [ctx.doc.uri]: edits } } };
}
