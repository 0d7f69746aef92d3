// An iterative, validating walk over RAW JSON text that reports every string (keys included),
// every number and every container with its raw offsets and JSON path. Nothing is parsed into
// objects, so positions stay exact, and an explicit stack (no recursion) keeps depth 5,000 or
// 500,000 safe. Malformed input stops the walk with a message and the offset where it went wrong.
import { decodeJsonString } from './strings';

/** What the walker tells its visitor. Offsets are into the text given to `walkJson`. */
export interface JsonVisitor {
  /** A string: `start`/`end` bound its contents (inside the quotes); `escaped` if it holds a backslash. */
  string?(w: JsonWalk, isKey: boolean, start: number, end: number, escaped: boolean): void;
  /** A number token `[start, end)`. */
  number?(w: JsonWalk, start: number, end: number): void;
  /** A container was opened at `start` (its frame is already on the stack). */
  enter?(w: JsonWalk, isObject: boolean, start: number): void;
  /** The container on top of the stack is about to close at `end - 1`. */
  exit?(w: JsonWalk, isObject: boolean, end: number): void;
}

export interface JsonSyntaxError {
  message: string;
  /** Offset of the offending character in the walked text. */
  offset: number;
}

const OBJECT = 1;
const ARRAY = 2;

/** Identifier-like keys print as `.key`; anything else as `["key"]`, so the path is unambiguous. */
const PLAIN_KEY = /^[A-Za-z_$][\w$-]*$/;

/** Formats one path step after `prefix` (`steps` + 2 -> `steps[2]`, `a` + `b` -> `a.b`). */
export function appendPathStep(prefix: string, step: string | number): string {
  if (typeof step === 'number') return `${prefix}[${step}]`;
  if (PLAIN_KEY.test(step)) return prefix === '' || prefix.endsWith('#') ? prefix + step : `${prefix}.${step}`;
  return `${prefix}[${JSON.stringify(step)}]`;
}

/** The walk in progress: the container stack, readable by visitors. */
export class JsonWalk {
  /** OBJECT or ARRAY per open container, outermost first. */
  readonly kinds: number[] = [];
  /** Per open container: the current member key (objects) or null (arrays). */
  readonly keys: Array<string | null> = [];
  /** Per open container: the current element index (arrays) or -1 (objects). */
  readonly indexes: number[] = [];

  constructor(
    readonly text: string,
    /** Path of the walked value itself (`''` at a file's root; `result#` inside JSON in a string). */
    readonly basePath: string,
    /** Key that applies at the root (the outer key of a JSON-in-a-string value), if any. */
    readonly baseKey: string | undefined,
  ) {}

  get depth(): number {
    return this.kinds.length;
  }

  /** JSON path of the value being visited: `steps[2].inputs.api_key`. Computed on demand. */
  path(): string {
    let p = this.basePath;
    for (let i = 0; i < this.kinds.length; i++) {
      if (this.kinds[i] === OBJECT) {
        const k = this.keys[i];
        if (k !== null) p = appendPathStep(p, k);
      } else if (this.indexes[i] >= 0) {
        p = appendPathStep(p, this.indexes[i]);
      }
    }
    return p;
  }

  /** The member key that owns the current value: the innermost object key (array elements inherit it). */
  key(): string | undefined {
    for (let i = this.kinds.length - 1; i >= 0; i--) {
      if (this.kinds[i] === OBJECT) return this.keys[i] ?? undefined;
    }
    return this.baseKey;
  }

  /** Whether the innermost container is an object (so a string there may be a key). */
  inObject(): boolean {
    return this.kinds.length > 0 && this.kinds[this.kinds.length - 1] === OBJECT;
  }
}

/** Characters a JSON string holds as they are: anything but a quote, a backslash or a control character. */
const PLAIN_RUN = /[^"\\\x00-\x1f]*/y;

/**
 * Keys as flat strings of their own. A slice of a line keeps the whole line (and the batch it was
 * cut from) alive for as long as the slice lives, and keys end up in long-lived caches (the key
 * verdicts here and the engine's key matcher): interning copies each distinct key once, so those
 * caches never pin a megabyte batch per entry.
 */
const interned = new Map<string, string>();
export function internKey(key: string): string {
  if (key.length < 13) return key; // V8 copies short slices anyway
  let k = interned.get(key);
  if (k === undefined) {
    if (interned.size >= 10_000) interned.clear();
    k = flatCopy(key);
    interned.set(k, k);
  }
  return k;
}

/**
 * A copy of `s` that shares no memory with the string it was sliced from: V8 flattens a concatenation
 * into a new string before slicing it, so the slice below holds only that string, one longer than `s`.
 */
export function flatCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}

// Parser states: what the next significant character may be.
const S_VALUE = 0; // a value (after `:` or at the root)
const S_VALUE_OR_CLOSE = 1; // right after `[`
const S_KEY_OR_CLOSE = 2; // right after `{`
const S_KEY = 3; // after `,` in an object
const S_COLON = 4; // after a key
const S_AFTER_VALUE = 5; // `,` or the closer, or the end at the root

/**
 * Walks the JSON value in `text[start, end)`. Returns null when it is one well-formed JSON value
 * (surrounding whitespace allowed), else the first syntax error. The visitor sees everything up to
 * the error, so callers that must be all-or-nothing buffer what they collect.
 */
export function walkJson(
  text: string,
  visitor: JsonVisitor,
  start = 0,
  end = text.length,
  basePath = '',
  baseKey?: string,
): JsonSyntaxError | null {
  const w = new JsonWalk(text, basePath, baseKey);
  const { kinds, keys, indexes } = w;
  let state = S_VALUE;
  let i = start;
  if (text.charCodeAt(i) === 0xfeff) i++; // a UTF-8 byte-order mark before the value
  const fail = (message: string, offset: number): JsonSyntaxError => ({ message, offset });

  const describe = (at: number) => (at >= end ? 'end of input' : `'${text[at]}'`);

  while (true) {
    while (i < end && isWs(text.charCodeAt(i))) i++;
    if (i >= end) {
      if (state === S_AFTER_VALUE && kinds.length === 0) return null;
      if (kinds.length === 0 && state === S_VALUE && i === start) return fail('empty input: expected a JSON value', i);
      return fail(kinds.length ? `unexpected end of input: ${openContainers(kinds)} left open` : 'unexpected end of input', i);
    }
    const c = text.charCodeAt(i);

    if (state === S_AFTER_VALUE) {
      if (kinds.length === 0) return fail(`unexpected ${describe(i)} after the end of the JSON value`, i);
      const top = kinds.length - 1;
      if (c === 44 /* , */) {
        if (kinds[top] === OBJECT) state = S_KEY;
        else {
          indexes[top]++;
          state = S_VALUE;
        }
        i++;
        continue;
      }
      if ((c === 125 /* } */ && kinds[top] === OBJECT) || (c === 93 /* ] */ && kinds[top] === ARRAY)) {
        visitor.exit?.(w, kinds[top] === OBJECT, i + 1);
        kinds.pop();
        keys.pop();
        indexes.pop();
        i++;
        continue; // still S_AFTER_VALUE, now for the parent
      }
      return fail(`expected ',' or '${kinds[top] === OBJECT ? '}' : ']'}' but found ${describe(i)}`, i);
    }

    if (state === S_COLON) {
      if (c !== 58 /* : */) return fail(`expected ':' after an object key but found ${describe(i)}`, i);
      state = S_VALUE;
      i++;
      continue;
    }

    if (state === S_KEY_OR_CLOSE || state === S_KEY) {
      if (c === 125 && state === S_KEY_OR_CLOSE) {
        state = S_AFTER_VALUE;
        continue; // S_AFTER_VALUE closes the object
      }
      if (c !== 34) return fail(`expected a string key but found ${describe(i)}`, i);
      const r = scanString(text, i, end);
      if (typeof r === 'object') return r;
      const top = kinds.length - 1;
      const escaped = r < 0;
      const close = escaped ? -r : r;
      const decoded = escaped ? decodeJsonString(text, i + 1, close) : null;
      // Keys are reported with the object's own path (the key is not yet the current step).
      keys[top] = null;
      visitor.string?.(w, true, i + 1, close, escaped);
      keys[top] = decoded ? decoded.value : internKey(text.slice(i + 1, close));
      i = close + 1;
      state = S_COLON;
      continue;
    }

    // S_VALUE or S_VALUE_OR_CLOSE
    if (c === 93 && state === S_VALUE_OR_CLOSE) {
      indexes[indexes.length - 1] = -1;
      state = S_AFTER_VALUE;
      continue;
    }
    if (c === 34) {
      const r = scanString(text, i, end);
      if (typeof r === 'object') return r;
      const escaped = r < 0;
      const close = escaped ? -r : r;
      visitor.string?.(w, false, i + 1, close, escaped);
      i = close + 1;
      state = S_AFTER_VALUE;
      continue;
    }
    if (c === 123 /* { */ || c === 91 /* [ */) {
      const isObject = c === 123;
      kinds.push(isObject ? OBJECT : ARRAY);
      keys.push(null);
      indexes.push(isObject ? -1 : 0);
      visitor.enter?.(w, isObject, i);
      i++;
      state = isObject ? S_KEY_OR_CLOSE : S_VALUE_OR_CLOSE;
      continue;
    }
    if (c === 45 /* - */ || (c >= 48 && c <= 57)) {
      const stop = scanNumber(text, i, end);
      if (stop < 0) return fail(`malformed number at ${describe(-stop - 1)}`, -stop - 1);
      visitor.number?.(w, i, stop);
      i = stop;
      state = S_AFTER_VALUE;
      continue;
    }
    const lit = c === 116 ? 'true' : c === 102 ? 'false' : c === 110 ? 'null' : '';
    if (lit && text.startsWith(lit, i) && i + lit.length <= end) {
      i += lit.length;
      state = S_AFTER_VALUE;
      continue;
    }
    return fail(`expected a JSON value but found ${describe(i)}`, i);
  }
}

/** `2 objects and 1 array` */
function openContainers(kinds: number[]): string {
  let objects = 0;
  for (const k of kinds) if (k === OBJECT) objects++;
  const arrays = kinds.length - objects;
  const part = (n: number, what: string) => `${n} ${what}${n === 1 ? '' : 's'}`;
  if (objects && arrays) return `${part(objects, 'object')} and ${part(arrays, 'array')}`;
  return objects ? part(objects, 'object') : part(arrays, 'array');
}

/**
 * Scans a string whose opening quote is at `q`. Returns the offset of the closing quote, negated
 * when the string holds an escape, or a syntax error.
 */
function scanString(text: string, q: number, end: number): number | JsonSyntaxError {
  // Skip the plain run in one regex step (much faster than a loop in JS), then handle the rest.
  PLAIN_RUN.lastIndex = q + 1;
  PLAIN_RUN.test(text);
  let i = PLAIN_RUN.lastIndex;
  if (i < end && text.charCodeAt(i) === 34) return i;
  let escaped = false;
  while (true) {
    if (i >= end) return { message: 'unterminated string', offset: q };
    const c = text.charCodeAt(i);
    if (c === 34) return escaped ? -i : i;
    if (c === 92) {
      escaped = true;
      const e = text.charCodeAt(i + 1);
      if (e === 117 /* u */) {
        for (let k = 2; k < 6; k++) {
          const h = text.charCodeAt(i + k);
          const hex = (h >= 48 && h <= 57) || (h >= 65 && h <= 70) || (h >= 97 && h <= 102);
          if (!hex || i + k >= end) return { message: 'bad \\u escape in string', offset: i };
        }
        i += 6;
        continue;
      }
      if (e === 34 || e === 92 || e === 47 || e === 98 || e === 102 || e === 110 || e === 114 || e === 116) {
        i += 2;
        continue;
      }
      return { message: `bad escape '\\${i + 1 < end ? text[i + 1] : ''}' in string`, offset: i };
    }
    if (c < 32) return { message: 'control character in string (must be escaped)', offset: i };
    i++;
  }
}

/** Scans a number at `i`; returns the offset after it, or `-(offset + 1)` of the bad character. */
function scanNumber(text: string, i: number, end: number): number {
  const digit = (k: number) => k < end && text.charCodeAt(k) >= 48 && text.charCodeAt(k) <= 57;
  if (text.charCodeAt(i) === 45) i++;
  if (!digit(i)) return -(i + 1);
  if (text.charCodeAt(i) === 48) i++;
  else while (digit(i)) i++;
  if (i < end && text.charCodeAt(i) === 46) {
    i++;
    if (!digit(i)) return -(i + 1);
    while (digit(i)) i++;
  }
  if (i < end && (text.charCodeAt(i) === 101 || text.charCodeAt(i) === 69)) {
    i++;
    if (i < end && (text.charCodeAt(i) === 43 || text.charCodeAt(i) === 45)) i++;
    if (!digit(i)) return -(i + 1);
    while (digit(i)) i++;
  }
  return i;
}
