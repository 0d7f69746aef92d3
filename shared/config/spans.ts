// Where each field of a JSON or YAML document stands in its text: a map from a field path
// (`customRules[0].pattern`, the same paths validation messages use) to [start, end) offsets of
// the key and of the value. Built on the `yaml` package's node ranges (JSON is read as YAML 1.2
// flow syntax), so diagnostics, hovers and the regex rules can point at the exact place.
import { isMap, isScalar, isSeq, parseDocument, type Node as YamlNode } from 'yaml';
import type { Span } from '../types';
import { joinPath } from './validate';

export interface FieldSpan {
  /** The key's [start, end); absent for array elements and the root. */
  key?: Span;
  /** The value's [start, end), quotes included for quoted scalars. */
  value: Span;
}

/** Documents deeper than this are not mapped (configuration files are shallow; this bounds the walk). */
const MAX_DEPTH = 64;

export function nodeSpan(node: YamlNode | null | undefined): Span | undefined {
  const r = node?.range;
  return r ? { start: r[0], end: r[1] } : undefined;
}

/** Field spans of a YAML document node (already parsed). Iterative, depth-bounded. */
export function spansOfNode(root: YamlNode | null | undefined): Map<string, FieldSpan> {
  const out = new Map<string, FieldSpan>();
  const rootSpan = nodeSpan(root);
  if (!root || !rootSpan) return out;
  out.set('', { value: rootSpan });
  const work: Array<{ node: YamlNode; path: string; depth: number }> = [{ node: root, path: '', depth: 0 }];
  while (work.length > 0) {
    const { node, path, depth } = work.pop()!;
    if (depth >= MAX_DEPTH) continue;
    if (isMap(node)) {
      for (const pair of node.items) {
        const key = isScalar(pair.key) ? String(pair.key.value) : undefined;
        const value = pair.value as YamlNode | null;
        const valueSpan = nodeSpan(value) ?? nodeSpan(pair.key as YamlNode);
        if (key === undefined || !valueSpan) continue;
        const p = joinPath(path, key);
        out.set(p, { key: nodeSpan(pair.key as YamlNode), value: valueSpan });
        if (value) work.push({ node: value, path: p, depth: depth + 1 });
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, i) => {
        const span = nodeSpan(item as YamlNode);
        if (!span) return;
        const p = joinPath(path, i);
        out.set(p, { value: span });
        work.push({ node: item as YamlNode, path: p, depth: depth + 1 });
      });
    }
  }
  return out;
}

/**
 * Whether `text` nests `{`/`[` deeper than `limit` (quoted strings skipped). The yaml package
 * aborts the whole process (V8 out of memory, not an exception) on flow mappings nested a few
 * thousand deep, so untrusted text is measured first and never handed to it when too deep.
 */
export function flowNestingExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let quote = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === 92 /* \ */ && quote === 34) i++;
      else if (c === quote) quote = 0;
    } else if (c === 34 /* " */ || c === 39 /* ' */) {
      quote = c;
    } else if (c === 123 /* { */ || c === 91 /* [ */) {
      if (++depth > limit) return true;
    } else if (c === 125 || c === 93) {
      depth = Math.max(0, depth - 1);
    }
  }
  return false;
}

/** Flow nesting beyond this is refused before YAML parsing (configuration files are shallow). */
export const MAX_FLOW_NESTING = 100;

/** Field spans of a JSON text; an empty map when the text cannot be mapped (it is then reported elsewhere). */
export function jsonFieldSpans(text: string): Map<string, FieldSpan> {
  if (flowNestingExceeds(text, MAX_FLOW_NESTING)) return new Map();
  try {
    const doc = parseDocument(text, { uniqueKeys: false, keepSourceTokens: false });
    return spansOfNode(doc.contents as YamlNode | null);
  } catch {
    return new Map();
  }
}
