// JSON paths as the trace reader writes them (`steps[2].inputs.api_key`, `attributes["http.url"]`)
// and TraceCraft field-path rules (`inputs.api_key` dotted, or a leaf key `api_key`). Array indices
// are ignored when matching: a rule path names fields, not positions.
import type { FieldPathRule } from '../options';

/** The object keys along a JSON path, array indices dropped. */
export function pathKeys(path: string): string[] {
  const keys: string[] = [];
  let i = 0;
  let cur = '';
  while (i < path.length) {
    const ch = path[i];
    if (ch === '.') {
      if (cur) keys.push(cur);
      cur = '';
      i++;
    } else if (ch === '[') {
      if (cur) keys.push(cur);
      cur = '';
      if (path[i + 1] === '"') {
        // A quoted key: a JSON string up to the closing quote.
        let j = i + 2;
        let key = '';
        while (j < path.length && path[j] !== '"') {
          if (path[j] === '\\' && j + 1 < path.length) j++;
          key += path[j];
          j++;
        }
        keys.push(key);
        i = path.indexOf(']', j);
        i = i < 0 ? path.length : i + 1;
      } else {
        const close = path.indexOf(']', i);
        i = close < 0 ? path.length : close + 1;
      }
    } else {
      cur += ch;
      i++;
    }
  }
  if (cur) keys.push(cur);
  return keys;
}

/** Field-path rules compiled for fast lookups: leaf keys in a map, dotted paths as key lists. */
export class FieldPaths {
  private readonly leaves = new Map<string, string>();
  private readonly dotted: Array<{ keys: string[]; rule: string }> = [];

  constructor(rules: readonly FieldPathRule[]) {
    for (const rule of rules) {
      for (const p of rule.paths) {
        const keys = pathKeys(p);
        if (keys.length === 0) continue;
        if (keys.length === 1) {
          if (!this.leaves.has(keys[0])) this.leaves.set(keys[0], rule.name);
        } else this.dotted.push({ keys, rule: rule.name });
      }
    }
  }

  get empty(): boolean {
    return this.leaves.size === 0 && this.dotted.length === 0;
  }

  /** The name of the first rule matching a value at `path` under `key`, or undefined. */
  match(path: string, key: string | undefined): string | undefined {
    const leaf = key ?? lastKey(path);
    if (leaf !== undefined) {
      const hit = this.leaves.get(leaf);
      if (hit !== undefined) return hit;
    }
    if (this.dotted.length === 0) return undefined;
    const keys = pathKeys(path);
    for (const d of this.dotted) {
      if (d.keys.length > keys.length) continue;
      const off = keys.length - d.keys.length;
      let ok = true;
      for (let i = 0; i < d.keys.length && ok; i++) ok = keys[off + i] === d.keys[i];
      if (ok) return d.rule;
    }
    return undefined;
  }
}

/** The last object key of a path (`steps[2].inputs.api_key` -> `api_key`; `tags[0]` -> `tags`). */
export function lastKey(path: string): string | undefined {
  const keys = pathKeys(path);
  return keys.length ? keys[keys.length - 1] : undefined;
}
