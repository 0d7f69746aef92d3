// Loads tree-sitter (web-tree-sitter + tree-sitter-python.wasm) once and parses Python text.
// The bundle finds both wasm files next to itself in dist/ (esbuild.mjs copies them); running from
// source under tsx (tests) they are resolved from node_modules. After `initPythonParser` resolves,
// parsing is synchronous. The last tree of each file is kept, so a keystroke re-parses
// incrementally (tree.edit + parse with the old tree), which is what keeps the editor fast.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Tree } from 'web-tree-sitter';
import { textChange, type TextChange } from '../text-change';

// `require`, not `import`: bundlers then take web-tree-sitter's CommonJS build, whose ESM build
// calls createRequire(import.meta.url), which does not exist in our CommonJS bundles.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Edit, Parser, Language }: typeof import('web-tree-sitter') = require('web-tree-sitter');

let parser: InstanceType<typeof Parser> | undefined;
let loading: Promise<void> | undefined;
let loadError: Error | undefined;

function wasmPath(file: string, packageEntry: string): string {
  const beside = join(__dirname, file);
  if (existsSync(beside)) return beside;
  return require.resolve(packageEntry);
}

/** Loads the wasm files once; later calls return the same promise. Rejects when they cannot be found. */
export function initPythonParser(): Promise<void> {
  loading ??= (async () => {
    try {
      const runtime = wasmPath('web-tree-sitter.wasm', 'web-tree-sitter/web-tree-sitter.wasm');
      await Parser.init({ locateFile: () => runtime });
      const language = await Language.load(wasmPath('tree-sitter-python.wasm', 'tree-sitter-python/tree-sitter-python.wasm'));
      const p = new Parser();
      p.setLanguage(language);
      parser = p;
    } catch (e) {
      loadError = e as Error;
      throw e;
    }
  })();
  return loading;
}

export function pythonParserError(): Error | undefined {
  return loadError;
}

/** Previous text and tree per file, for incremental re-parsing. Small: the editor's open files. */
const previous = new Map<string, { text: string; tree: Tree }>();
const MAX_CACHED = 32;

/** Drops the file's last tree (the editor closed it): freed now, not when 32 other files have been parsed. */
export function forgetPythonTree(fileName: string): void {
  previous.get(fileName)?.tree.delete();
  previous.delete(fileName);
}

/** Row/column of an offset as web-tree-sitter's Point wants it (columns in UTF-16 code units, like indices). */
export function pointAt(text: string, offset: number): { row: number; column: number } {
  let row = 0;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    row++;
    lineStart = i + 1;
  }
  return { row, column: offset - lineStart };
}

/** How a parse relates to the file's last one: the edit, and where the syntax tree differs. */
export interface Reparse {
  /** The text of the last parse. */
  previous: string;
  edit: TextChange;
  /** Ranges of the new tree whose syntax differs from the old one (tree-sitter's changed ranges). */
  changed: Array<{ start: number; end: number }>;
}

/**
 * Parses `text`; undefined when the parser is not initialised. The returned tree stays owned by the
 * cache (do not delete it): it is freed when the file's next version is parsed. `reparse` is set
 * when the tree was made from the file's last one.
 */
export function parsePython(fileName: string, text: string): { tree: Tree; reparse?: Reparse } | undefined {
  if (!parser) return undefined;
  const old = previous.get(fileName);
  if (old && old.text === text) return { tree: old.tree, reparse: { previous: text, edit: { start: 0, oldEnd: 0, newEnd: 0 }, changed: [] } };
  let tree: Tree | null;
  let reparse: Reparse | undefined;
  // While a file holds a syntax error (most keystrokes of typing one), the next text is parsed
  // afresh at once rather than incrementally and then again (see below).
  if (old && old.tree.rootNode.hasError) {
    old.tree.delete();
    tree = parser.parse(text);
  } else if (old) {
    const edit = textChange(old.text, text);
    old.tree.edit(new Edit({
      startIndex: edit.start,
      oldEndIndex: edit.oldEnd,
      newEndIndex: edit.newEnd,
      startPosition: pointAt(old.text, edit.start),
      oldEndPosition: pointAt(old.text, edit.oldEnd),
      newEndPosition: pointAt(text, edit.newEnd),
    }));
    tree = parser.parse(text, old.tree);
    if (tree?.rootNode.hasError) {
      // tree-sitter may recover from a syntax error otherwise when it re-parses from an edited tree
      // than when it parses afresh (a `missing identifier` one way, none the other): a text with an
      // error is parsed and analysed afresh, so its model never depends on the edit history.
      tree.delete();
      tree = parser.parse(text);
    } else if (tree) reparse = { previous: old.text, edit, changed: old.tree.getChangedRanges(tree).map((r) => ({ start: r.startIndex, end: r.endIndex })) };
    old.tree.delete();
  } else {
    tree = parser.parse(text);
  }
  previous.delete(fileName);
  if (!tree) return undefined;
  if (previous.size >= MAX_CACHED) {
    const [firstKey, first] = previous.entries().next().value as [string, { tree: Tree }];
    first.tree.delete();
    previous.delete(firstKey);
  }
  previous.set(fileName, { text, tree });
  return { tree, reparse };
}
