// JSON paths as the trace readers write them (`steps[2].inputs.api_key`, `attributes["http.url"]`,
// `steps[1].outputs.result#rows[0].email` for JSON encoded inside a string), split into segments
// the simulators and the linker can walk: object keys as strings, array indices as numbers.
// Unlike `pathKeys` (shared/engine/paths.ts), indices are kept: we must find the very value.

export type PathSegment = string | number;

export interface ParsedPath {
  /** Segments of the path to the string value that holds the finding (before any `#`). */
  segments: PathSegment[];
  /** The path inside JSON encoded in that string, when the finding sits there. */
  embedded?: string;
}

/** Splits a trace reader's JSON path. Never throws: a malformed tail is dropped. */
export function parseJsonPath(path: string): ParsedPath {
  const segments: PathSegment[] = [];
  let i = 0;
  let cur = '';
  const flush = () => {
    if (cur) segments.push(cur);
    cur = '';
  };
  while (i < path.length) {
    const ch = path[i];
    if (ch === '#') {
      flush();
      return { segments, embedded: path.slice(i + 1) };
    }
    if (ch === '.') {
      flush();
      i++;
    } else if (ch === '[') {
      flush();
      if (path[i + 1] === '"') {
        // A quoted key is a JSON string: find its closing quote, skipping escapes, and decode it.
        let j = i + 2;
        while (j < path.length && path[j] !== '"') j += path[j] === '\\' ? 2 : 1;
        try {
          segments.push(JSON.parse(path.slice(i + 1, j + 1)) as string);
        } catch {
          return { segments };
        }
        i = j + 2; // past `"]`
      } else {
        const close = path.indexOf(']', i);
        if (close < 0) return { segments };
        const n = Number(path.slice(i + 1, close));
        if (!Number.isInteger(n)) return { segments };
        segments.push(n);
        i = close + 1;
      }
    } else {
      cur += ch;
      i++;
    }
  }
  flush();
  return { segments };
}

/** The value at `segments` in a parsed JSON document, or undefined. Iterative. */
export function valueAt(doc: unknown, segments: readonly PathSegment[]): unknown {
  let cur: unknown = doc;
  for (const s of segments) {
    if (cur === null || typeof cur !== 'object') return undefined;
    if (typeof s === 'number') {
      if (!Array.isArray(cur)) return undefined;
      cur = cur[s];
    } else {
      if (Array.isArray(cur) || !Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
      cur = (cur as Record<string, unknown>)[s];
    }
  }
  return cur;
}

/** Whether a value is a plain JSON object (not an array, not null). */
export function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Segments back to the trace readers' path syntax (`steps[2].inputs.api_key`, `a["b c"]`). */
export function formatJsonPath(segments: readonly PathSegment[]): string {
  let out = '';
  for (const s of segments) {
    if (typeof s === 'number') out += `[${s}]`;
    else if (PLAIN_KEY.test(s)) out += out ? `.${s}` : s;
    else out += `[${JSON.stringify(s)}]`;
  }
  return out;
}
