// TypeScript's incremental parser, as tsserver uses it on every keystroke: the editor lints the
// same file again and again with one small change, and `ts.updateSourceFile` re-parses only the
// part of the tree the change touches. A cache remembers the last tree of a few files.
import * as ts from 'typescript';
import { textChange } from '../text-change';

/** How many files' trees a cache keeps (the files being edited; the CLI sees each file once). */
const CACHED_FILES = 4;
/** Larger texts (bundles, generated code: nobody types in them) are not kept: a tree costs ~45x its text in memory. */
const MAX_CACHED_CHARS = 300_000;

/** The edit from `before` to `after` as TypeScript's incremental parser takes it. */
export function changeRange(before: string, after: string): ts.TextChangeRange {
  const { start, oldEnd, newEnd } = textChange(before, after);
  return ts.createTextChangeRange(ts.createTextSpan(start, oldEnd - start), newEnd - start);
}

/**
 * Whether re-parsing incrementally pays: TypeScript reuses whole statements, and its bookkeeping
 * walks the whole old tree. An edit inside a statement that is a large part of the file (one
 * exported object of handlers) re-parses that statement anyway, and a fresh parse is then faster.
 */
export function worthUpdating(old: ts.SourceFile, change: ts.TextChangeRange): boolean {
  const from = change.span.start;
  const to = from + change.span.length;
  const statements = old.statements;
  let lo = 0;
  let hi = statements.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (statements[mid].end < from) lo = mid + 1;
    else hi = mid;
  }
  let extent = 0;
  for (let i = lo; i < statements.length && statements[i].pos <= to; i++) extent += statements[i].end - statements[i].pos;
  return extent * 8 <= old.text.length;
}

export class SourceFileCache {
  private readonly files = new Map<string, { sf: ts.SourceFile; kind: ts.ScriptKind }>();

  constructor(private readonly setParentNodes: boolean) {}

  /**
   * The tree of `text`, parsed incrementally from the last tree of `key` when there is one of the
   * same kind. The last tree is not usable afterwards (the incremental parser reuses its nodes), so
   * callers keep nothing of a tree but what they read from it.
   */
  parse(key: string, text: string, kind: ts.ScriptKind): ts.SourceFile {
    const last = this.files.get(key);
    this.files.delete(key);
    let sf: ts.SourceFile;
    const change = last?.kind === kind && last.sf.text !== text ? changeRange(last.sf.text, text) : undefined;
    if (last?.kind === kind && last.sf.text === text) sf = last.sf;
    else if (last && change && worthUpdating(last.sf, change)) sf = ts.updateSourceFile(last.sf, text, change);
    else {
      sf = ts.createSourceFile(key, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, this.setParentNodes, kind);
    }
    if (text.length <= MAX_CACHED_CHARS) this.files.set(key, { sf, kind });
    if (this.files.size > CACHED_FILES) this.files.delete(this.files.keys().next().value!);
    return sf;
  }

  /** Drops the last tree of `key` (the editor closed the file). */
  forget(key: string): void {
    this.files.delete(key);
  }
}
