// TypeScript's incremental parser, as tsserver uses it on every keystroke: the editor lints the
// same file again and again with one small change, and `ts.updateSourceFile` re-parses only the
// part of the tree the change touches. A cache remembers the last tree of a few files.
import * as ts from 'typescript';

/** How many files' trees a cache keeps (the files being edited; the CLI sees each file once). */
const CACHED_FILES = 4;

/** The one range where two texts differ: common prefix and suffix are left out. */
export function changeRange(before: string, after: string): ts.TextChangeRange {
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let tail = 0;
  while (tail < shorter - start && before.charCodeAt(before.length - 1 - tail) === after.charCodeAt(after.length - 1 - tail)) tail++;
  return ts.createTextChangeRange(ts.createTextSpan(start, before.length - start - tail), after.length - start - tail);
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
    if (last?.kind === kind && last.sf.text === text) sf = last.sf;
    else if (last?.kind === kind) sf = ts.updateSourceFile(last.sf, text, changeRange(last.sf.text, text));
    else {
      sf = ts.createSourceFile(key, text, { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone }, this.setParentNodes, kind);
    }
    this.files.set(key, { sf, kind });
    if (this.files.size > CACHED_FILES) this.files.delete(this.files.keys().next().value!);
    return sf;
  }
}
