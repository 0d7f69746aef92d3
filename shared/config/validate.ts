// A validator for the subset of JSON Schema draft-07 that schemas/tracelint.schema.json uses:
// type, properties, additionalProperties: false, required, anyOf (of `required`), enum, items,
// minLength, pattern, $ref to #/definitions. The schema file stays the single source of truth
// for what a configuration may contain; this file only turns it into messages that name the field.
import { closest, distance } from 'fastest-levenshtein';

export interface SchemaNode {
  type?: string;
  properties?: Record<string, SchemaNode>;
  additionalProperties?: boolean;
  required?: string[];
  anyOf?: SchemaNode[];
  enum?: unknown[];
  items?: SchemaNode;
  minLength?: number;
  pattern?: string;
  $ref?: string;
  description?: string;
  definitions?: Record<string, SchemaNode>;
}

export interface SchemaIssue {
  /** The field, as `customRules[0].pattern`; empty for the whole document. */
  path: string;
  message: string;
  /** Whether the issue is about the key itself (an unknown setting) rather than its value. */
  onKey?: boolean;
}

export function joinPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

function typeOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

function describe(v: unknown): string {
  const t = typeOf(v);
  if (t === 'string') return JSON.stringify((v as string).length > 40 ? `${(v as string).slice(0, 40)}...` : v);
  if (t === 'integer' || t === 'number' || t === 'boolean' || t === 'null') return String(v);
  return `an ${t === 'array' ? 'array' : 'object'}`;
}

/** Follows a `$ref` into the root schema's definitions (only local refs are used). */
export function deref(root: SchemaNode, node: SchemaNode): SchemaNode {
  let n = node;
  for (let hops = 0; n.$ref && hops < 16; hops++) {
    const name = n.$ref.replace(/^#\/definitions\//, '');
    const target = root.definitions?.[name];
    if (!target) throw new Error(`schema: unresolved $ref ${n.$ref}`);
    // Local annotations (description) win over the definition's, as draft-07 editors show them.
    n = { ...target, description: n.description ?? target.description };
  }
  return n;
}

/**
 * Checks `value` against `root`. Iterative (an explicit work list), so a deeply nested document
 * cannot overflow the stack; the walk only descends where the schema describes children.
 */
export function validateAgainstSchema(root: SchemaNode, value: unknown): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const work: Array<{ node: SchemaNode; value: unknown; path: string }> = [{ node: root, value, path: '' }];
  while (work.length > 0) {
    const { node: raw, value: v, path } = work.pop()!;
    const node = deref(root, raw);
    const where = path ? `"${path}"` : 'the configuration';
    const t = typeOf(v);
    if (node.type && !(t === node.type || (node.type === 'number' && t === 'integer'))) {
      issues.push({ path, message: `${where} must be ${article(node.type)} (got ${describe(v)})` });
      continue;
    }
    if (node.enum && !node.enum.includes(v)) {
      issues.push({ path, message: `${where} must be one of ${node.enum.map((e) => JSON.stringify(e)).join(', ')} (got ${describe(v)})` });
      continue;
    }
    if (t === 'string') {
      const s = v as string;
      if (node.minLength !== undefined && s.length < node.minLength) issues.push({ path, message: `${where} must not be empty` });
      else if (node.pattern && !new RegExp(node.pattern).test(s)) {
        issues.push({ path, message: `${where} must match ${node.pattern} (got ${describe(s)})` });
      }
    }
    if (t === 'array' && node.items) {
      const arr = v as unknown[];
      for (let i = arr.length - 1; i >= 0; i--) work.push({ node: node.items, value: arr[i], path: joinPath(path, i) });
    }
    if (t === 'object') {
      const obj = v as Record<string, unknown>;
      for (const req of node.required ?? []) {
        if (!(req in obj)) issues.push({ path, message: `${where} is missing the required property "${req}"` });
      }
      if (node.anyOf) {
        const ok = node.anyOf.some((alt) => (alt.required ?? []).every((r) => r in obj));
        if (!ok) {
          const names = node.anyOf.map((alt) => (alt.required ?? []).map((r) => `"${r}"`).join(' and ')).join(' or ');
          issues.push({ path, message: `${where} needs ${names}` });
        }
      }
      const props = node.properties ?? {};
      const keys = Object.keys(obj);
      for (let i = keys.length - 1; i >= 0; i--) {
        const key = keys[i];
        const sub = props[key];
        if (sub) work.push({ node: sub, value: obj[key], path: joinPath(path, key) });
        else if (node.additionalProperties === false) {
          const known = Object.keys(props);
          const guess = known.length > 0 ? closest(key, known) : undefined;
          const hint = guess && similar(key, guess) ? `; did you mean "${guess}"?` : known.length > 0 ? ` (allowed: ${known.join(', ')})` : '';
          issues.push({ path: joinPath(path, key), message: `"${joinPath(path, key)}" is not a known setting${hint}`, onKey: true });
        }
      }
    }
  }
  return issues.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function article(type: string): string {
  return /^[aeiou]/.test(type) ? `an ${type}` : `a ${type}`;
}

/** Close enough to be a typo: an edit distance of at most a third of the name. */
function similar(a: string, b: string): boolean {
  const x = a.toLowerCase().replace(/[-_]/g, '');
  const y = b.toLowerCase().replace(/[-_]/g, '');
  return distance(x, y) <= Math.max(1, Math.ceil(Math.max(x.length, y.length) / 3));
}
