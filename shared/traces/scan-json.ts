// The core of trace scanning: walk one JSON value (a JSONL line or a whole document) in raw text,
// hand every string value, key and long number to the engine with its path, key and field type,
// and position each match in the raw text, through escapes and through JSON encoded inside a
// string (walked too, its path continuing after `#`: `steps[1].outputs.result#rows[0].email`).
// Scanning and redaction both start from the hits produced here.
import { walkJson, flatCopy, type JsonSyntaxError, type JsonWalk } from '../json/walker';
import { decodeJsonString, type DecodedString } from '../json/strings';
import { enterContext, childFieldType, memberKey, nextArgvElement, ROOT_CONTEXT, type FieldContext } from './context';
import type { TraceEngine, ValueContext, ValueMatch } from './types';
import { MIN_NUMBER_LENGTH } from '../engine/prefilter';

/** Separates the path of a string from the path inside the JSON it encodes. */
export const EMBEDDED_JSON_SEPARATOR = '#';

/** One engine match, placed in the raw text that was walked. */
export interface ValueHit {
  match: ValueMatch;
  /** [start, end) of the secret as it stands in the raw text (escapes included). */
  start: number;
  end: number;
  /** The raw range a redaction replaces: the secret, or the whole token for a number. */
  editStart: number;
  editEnd: number;
  /** JSON string layers around the edit: 0 for a bare number token, 1 in a string, 2 in JSON in a string... */
  levels: number;
  /** The match covers its whole value (or number token): replacing it cannot expose a new match. */
  whole: boolean;
  /** The edit replaces a number token, so the replacement must become a JSON string literal. */
  quote: boolean;
  path: string;
  key?: string;
}

export interface JsonScanResult {
  hits: ValueHit[];
  error: JsonSyntaxError | null;
}

/** `[A-Za-z_][A-Za-z0-9_.$-]{0,15}`, as a loop (keys are many and short). */
function isPlainShortKey(k: string): boolean {
  if (k.length === 0 || k.length > 16) return false;
  for (let i = 0; i < k.length; i++) {
    const c = k.charCodeAt(i);
    const letter = (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95;
    if (letter) continue;
    if (i > 0 && ((c >= 48 && c <= 57) || c === 46 || c === 36 || c === 45)) continue;
    return false;
  }
  return true;
}


/**
 * Scans the JSON value in `text[start, end)`. On a syntax error, `hits` holds what was found
 * before it; callers treat such text as malformed.
 */
export function scanJson(text: string, engine: TraceEngine, start = 0, end = text.length, basePath = '', baseKey?: string, baseContext: FieldContext = ROOT_CONTEXT): JsonScanResult {
  const hits: ValueHit[] = [];
  const contexts: FieldContext[] = [baseContext];
  // Per container: whether a key on the way down may drive a key rule (sensitive_field, field
  // paths); then every value below is sent to the engine, whatever it looks like.
  const keyCache = verdictsOf(keyVerdicts, engine);
  const valueCache = verdictsOf(valueVerdicts, engine);
  const hot: boolean[] = [baseKey !== undefined && keyMayMatter(engine, keyCache, baseKey)];

  const valueContext = (w: JsonWalk, key: string | undefined, fieldType: ValueContext['fieldType'], argv?: readonly string[]): ValueContext => ({
    // The path is built only if the engine asks for it (field-path rules, messages).
    get path() {
      return w.path();
    },
    key,
    fieldType,
    argv,
  });

  /** Field type of the value being visited (computed only for values that reach the engine). */
  const fieldTypeOf = (w: JsonWalk, top: FieldContext) => (w.inObject() ? childFieldType(top, w.keys[w.depth - 1] ?? undefined) : top.fieldType);

  /** The value-level prefilter: its raw text may hold a match, or its key may drive a key rule. */
  const worthScanning = (raw: string, key: string | undefined) => hot[hot.length - 1] || valueMayHold(engine, valueCache, raw) || (key !== undefined && keyMayMatter(engine, keyCache, key));

  const scanString = (w: JsonWalk, raw: string, value: string, s0: number, d: DecodedString | null): void => {
    const top = contexts[contexts.length - 1];
    const key = top.key ?? memberKey(top, w.key());
    if (looksLikeEmbeddedJson(value)) {
      // JSON inside a string: walk it as JSON so its keys and paths count; fall back to plain text if it is not JSON.
      const rawAt = (i: number) => (d ? d.rawAt(i) : s0 + i);
      const inner = scanJson(value, engine, 0, value.length, w.path() + EMBEDDED_JSON_SEPARATOR, key, { fieldType: fieldTypeOf(w, top) });
      if (!inner.error) {
        for (const h of inner.hits) {
          hits.push({ ...h, start: rawAt(h.start), end: rawAt(h.end), editStart: rawAt(h.editStart), editEnd: rawAt(h.editEnd), levels: h.levels + 1 });
        }
        return;
      }
    }
    // An element of an array read as argv: a flag before it may make it a credential (`-p`, `pw`;
    // `htpasswd -b file user pw`: an operand further on).
    const argv = w.inObject() ? undefined : nextArgvElement(top, value);
    const flagged = argv !== undefined && (value.charCodeAt(0) === 45 || argv.some((a) => a.charCodeAt(0) === 45));
    if (!flagged && !worthScanning(raw, key)) return;
    const matches = engine.scanValue(value, valueContext(w, key, fieldTypeOf(w, top), argv));
    if (matches.length === 0) return;
    const path = w.path();
    for (const m of matches) {
      const s = d ? d.rawAt(m.start) : s0 + m.start;
      const e = d ? d.rawAt(m.end) : s0 + m.end;
      hits.push({ match: m, start: s, end: e, editStart: s, editEnd: e, levels: 1, quote: false, whole: m.start === 0 && m.end === value.length, path, key });
    }
  };

  const scanKey = (w: JsonWalk, raw: string, value: string, s0: number, d: DecodedString | null): void => {
    // Short identifier-like keys (`api_key`, `input_tokens`) cannot hold a secret; most keys are such.
    if (isPlainShortKey(value) || !valueMayHold(engine, valueCache, raw)) return;
    // key '' (not undefined): a key string has no key of its own, so no key rule applies to it.
    const matches = engine.scanValue(value, valueContext(w, '', 'general'));
    if (matches.length === 0) return;
    const path = w.path();
    for (const m of matches) {
      const s = d ? d.rawAt(m.start) : s0 + m.start;
      const e = d ? d.rawAt(m.end) : s0 + m.end;
      hits.push({ match: m, start: s, end: e, editStart: s, editEnd: e, levels: 1, quote: false, whole: m.start === 0 && m.end === value.length, path });
    }
  };

  const error = walkJson(
    text,
    {
      string(w, isKey, s, e, escaped) {
        const raw = text.slice(s, e);
        const d = escaped ? decodeJsonString(text, s, e) : null;
        if (escaped && !d) return;
        const value = d ? d.value : raw;
        if (isKey) scanKey(w, raw, value, s, d);
        else scanString(w, raw, value, s, d);
      },
      number(w, s, e) {
        if (e - s < MIN_NUMBER_LENGTH) return;
        const top = contexts[contexts.length - 1];
        const key = top.key ?? w.key();
        const raw = text.slice(s, e);
        if (!worthScanning(raw, key)) return;
        const matches = engine.scanValue(raw, valueContext(w, key, fieldTypeOf(w, top)));
        if (matches.length === 0) return;
        const path = w.path();
        for (const m of matches) {
          hits.push({ match: m, start: s + m.start, end: s + m.end, editStart: s, editEnd: e, levels: 0, quote: true, whole: true, path, key });
        }
      },
      enter(w, isObject, open) {
        const parent = contexts[contexts.length - 1];
        const d = w.depth; // the new container is frame d-1; its parent is frame d-2
        const isElement = d >= 2 && w.kinds[d - 2] !== 1;
        const key = d >= 2 && !isElement ? (w.keys[d - 2] ?? undefined) : undefined;
        const ctx = enterContext(parent, key, isElement, isObject, text, open);
        contexts.push(ctx);
        const k = ctx.key ?? key;
        hot.push(hot[hot.length - 1] || (k !== undefined && keyMayMatter(engine, keyCache, k)));
      },
      exit() {
        contexts.pop();
        hot.pop();
      },
    },
    start,
    end,
    basePath,
    baseKey,
  );
  return { hits, error };
}

/** An engine's cache of verdicts (key and value verdicts are kept per engine: each has its own options). */
function verdictsOf(verdicts: WeakMap<TraceEngine, Map<string, boolean>>, engine: TraceEngine): Map<string, boolean> {
  let cache = verdicts.get(engine);
  if (!cache) verdicts.set(engine, (cache = new Map()));
  return cache;
}

/**
 * The value-level prefilter, with its verdicts on short raw strings kept: traces repeat their names,
 * models, tags, roles and tool names on every line (4 strings in 10 of a TraceCraft run, 6 in 10 of
 * a coding agent's), and a Map lookup costs a fraction of the prefilter's fixed cost per string.
 */
const valueVerdicts = new WeakMap<TraceEngine, Map<string, boolean>>();
const MAX_CACHED_VALUE = 256;
function valueMayHold(engine: TraceEngine, cache: Map<string, boolean>, raw: string): boolean {
  if (raw.length > MAX_CACHED_VALUE) return engine.mayContainFinding(raw);
  let v = cache.get(raw);
  if (v === undefined) {
    v = engine.mayContainFinding(raw);
    if (cache.size > 10_000) cache.clear();
    cache.set(flatCopy(raw), v); // a slice would keep its whole line alive
  }
  return v;
}

/**
 * Whether a key may drive a key rule (sensitive_field, a field path): asked of the engine's own raw
 * prefilter with the key as it would stand in a line, so tracelint needs no second list of key names.
 * Cached, since the same keys come back on every line.
 */
const keyVerdicts = new WeakMap<TraceEngine, Map<string, boolean>>();
function keyMayMatter(engine: TraceEngine, cache: Map<string, boolean>, key: string): boolean {
  let v = cache.get(key);
  if (v === undefined) {
    // An empty value: only key anchors can match, not the value-shape hints of other detectors.
    v = engine.mayContainFinding(`{${JSON.stringify(key)}: ""}`);
    if (cache.size > 50_000) cache.clear();
    cache.set(flatCopy(key), v);
  }
  return v;
}

/** A string that starts like a JSON object or array and ends like one (cheap check before walking it). */
export function looksLikeEmbeddedJson(value: string): boolean {
  let a = 0;
  let b = value.length - 1;
  while (a < b && isWs(value.charCodeAt(a))) a++;
  while (b > a && isWs(value.charCodeAt(b))) b--;
  if (b - a < 1) return false;
  const first = value.charCodeAt(a);
  const last = value.charCodeAt(b);
  return (first === 123 && last === 125) || (first === 91 && last === 93);
}

function isWs(c: number): boolean {
  return c === 32 || c === 10 || c === 13 || c === 9;
}
