// The outline of a Python file: its imports, classes, decorated definitions, string literals and
// comments, in document order. A file is walked whole the first time. After an edit only the
// range tree-sitter says changed (and the edit itself) is walked again; the rest of the last
// outline is kept, moved by the edit's length. Walking a 3,000-line tree in wasm costs several
// milliseconds a keystroke; the edited range costs next to nothing.
import type { Node } from 'web-tree-sitter';
import type { Span } from '../../../shared/types';
import { pointAt, type Reparse } from './parser';

export interface ImportFacts {
  /** Local name -> dotted name it is bound to. */
  bindings: Array<[string, string]>;
  /** The module of `from m import *`. */
  star?: string;
}

export type OutlineItem = Span & (
  | { kind: 'import'; facts: ImportFacts }
  /** `members`: start offsets of the statements directly in the class body. */
  | { kind: 'class'; members: number[] }
  /** `node` when this walk found it; a kept item has none (its tree is gone). */
  | { kind: 'decorated'; node?: Node }
  /** `parts`: the literals a concatenated string is made of, or the literal itself. */
  | { kind: 'string'; parts: Span[] }
  | { kind: 'comment' }
);

const TYPES = ['import_statement', 'import_from_statement', 'class_definition', 'decorated_definition', 'string', 'concatenated_string', 'comment'];

/** A node's place, read without further wasm calls than its end. */
export const span = (n: Node): Span => ({ start: n.startIndex, end: n.endIndex });

function importFacts(n: Node, type: string): ImportFacts {
  const bindings: Array<[string, string]> = [];
  if (type === 'import_statement') {
    for (const c of n.namedChildren) {
      if (!c) continue;
      const t = c.type;
      if (t === 'dotted_name') bindings.push([c.text.split('.')[0], c.text.split('.')[0]]);
      else if (t === 'aliased_import') {
        const name = c.childForFieldName('name');
        const alias = c.childForFieldName('alias');
        if (name && alias) bindings.push([alias.text, name.text.replace(/\s+/g, '')]);
      }
    }
    return { bindings };
  }
  const mod = n.childForFieldName('module_name');
  if (!mod || mod.type === 'relative_import') return { bindings };
  const modText = mod.text.replace(/\s+/g, '');
  for (const c of n.childrenForFieldName('name')) {
    if (!c) continue;
    const t = c.type;
    if (t === 'dotted_name') bindings.push([c.text, `${modText}.${c.text}`]);
    else if (t === 'aliased_import') {
      const name = c.childForFieldName('name');
      const alias = c.childForFieldName('alias');
      if (name && alias) bindings.push([alias.text, `${modText}.${name.text}`]);
    }
  }
  return { bindings, star: n.namedChildren.some((c) => c?.type === 'wildcard_import') ? modText : undefined };
}

/** The outline items of the nodes overlapping [from, to) (the whole tree without a range). */
function walk(root: Node, text: string, from?: number, to?: number): OutlineItem[] {
  const nodes = from === undefined ? root.descendantsOfType(TYPES) : root.descendantsOfType(TYPES, pointAt(text, from), pointAt(text, to!));
  const out: OutlineItem[] = [];
  for (const n of nodes) {
    if (!n) continue;
    // Every `.type` crosses into wasm: read once per node.
    const type = n.type;
    const { start, end } = span(n);
    switch (type) {
      case 'import_statement':
      case 'import_from_statement':
        out.push({ kind: 'import', start, end, facts: importFacts(n, type) });
        break;
      case 'class_definition':
        out.push({ kind: 'class', start, end, members: (n.childForFieldName('body')?.namedChildren ?? []).flatMap((m) => (m ? [m.startIndex] : [])) });
        break;
      case 'decorated_definition':
        out.push({ kind: 'decorated', start, end, node: n });
        break;
      case 'concatenated_string': {
        const parts = n.namedChildren.filter((c): c is Node => c?.type === 'string').map(span);
        out.push({ kind: 'string', start, end, parts: parts.length > 0 ? parts : [{ start, end }] });
        break;
      }
      case 'string':
        out.push({ kind: 'string', start, end, parts: [{ start, end }] });
        break;
      case 'comment':
        out.push({ kind: 'comment', start, end });
        break;
    }
  }
  return out;
}

function moved(item: OutlineItem, delta: number): OutlineItem {
  const m = (s: Span): Span => ({ start: s.start + delta, end: s.end + delta });
  const base = { start: item.start + delta, end: item.end + delta };
  switch (item.kind) {
    case 'class':
      return { ...item, ...base, members: item.members.map((x) => x + delta) };
    case 'string':
      return { ...item, ...base, parts: item.parts.map(m) };
    default:
      return { ...item, ...base };
  }
}

/** Document order: by start, a node before the nodes inside it. */
const byPosition = (a: OutlineItem, b: OutlineItem) => a.start - b.start || b.end - a.end;

/** The last outline of each file being edited (items without their nodes: the tree is replaced). */
const outlines = new Map<string, { text: string; items: OutlineItem[] }>();
const CACHED_FILES = 8;

/** Drops the file's last outline (the editor closed it). */
export function forgetOutline(fileName: string): void {
  outlines.delete(fileName);
}

/** The outline of `text`, whose tree is `root`; `reparse` when the tree was made from the file's last one. */
export function outline(fileName: string, text: string, root: Node, reparse: Reparse | undefined): OutlineItem[] {
  const last = outlines.get(fileName);
  outlines.delete(fileName);
  let items: OutlineItem[];
  if (last && reparse && last.text === reparse.previous) {
    const { start, oldEnd, newEnd } = reparse.edit;
    const delta = newEnd - oldEnd;
    // Walked again: the edit with a character either side (a literal next to it may have grown
    // into it), every range whose syntax changed, and what became of every item that touched the
    // edit, wherever it now ends...
    let from = Math.max(0, start - 1);
    let to = Math.min(text.length, newEnd + 1);
    for (const r of reparse.changed) {
      from = Math.min(from, r.start);
      to = Math.max(to, r.end);
    }
    const outside: OutlineItem[] = [];
    for (const item of last.items) {
      if (item.end >= start && item.start <= oldEnd) {
        from = Math.min(from, item.start);
        to = Math.min(text.length, Math.max(to, item.end > oldEnd ? item.end + delta : newEnd));
      } else outside.push(item.start > oldEnd ? moved(item, delta) : item);
    }
    // ...widened to whole top-level statements. No node spans two of them, so a token or a
    // definition that grew (a comment sign before a docstring, a decorator above a function)
    // cannot reach past the range, and what lies outside it is what it was, moved.
    const first = root.firstChildForIndex(from);
    if (first && first.startIndex < from) from = first.startIndex;
    const lastInRange = to > 0 ? root.firstChildForIndex(to - 1) : null;
    if (lastInRange && lastInRange.startIndex < to) to = Math.max(to, lastInRange.endIndex);
    const kept = outside.filter((item) => item.end <= from || item.start >= to);
    const found = walk(root, text, from, to);
    items = [...kept, ...found].sort(byPosition);
  } else {
    items = walk(root, text);
  }
  // A literal inside a concatenated string is part of it, not a string of its own.
  let concatenatedEnd = -1;
  items = items.filter((item) => {
    if (item.kind !== 'string') return true;
    if (item.start < concatenatedEnd) return false;
    if (item.parts.length > 1 || item.parts[0].start !== item.start || item.parts[0].end !== item.end) concatenatedEnd = item.end;
    return true;
  });
  outlines.set(fileName, { text, items: items.map((i) => (i.kind === 'decorated' ? { kind: i.kind, start: i.start, end: i.end } : i)) });
  if (outlines.size > CACHED_FILES) outlines.delete(outlines.keys().next().value!);
  return items;
}
