// Anchors: the literals the prefilter's checks search a raw line for (`cret`, `Bearer`, `AKIA`, the
// engine's literals), found for all of them in one pass over the line's bytes instead of one
// indexOf pass each; and the marks (`:`, `,`, `-`, `_`) and digit-run stretches they step through.
// Each indexOf pass runs memchr for the literal's first character and returns at every occurrence
// of it; forty of them, most finding nothing, and ~85,000 indexOf calls a MB at the marks were half
// of a trace scan's time.
//
// Each string the prefilter reads is scanned first: a trace file's line from its bytes when it is
// ASCII (`scanAnchors`, batch.ts: its UTF-16 offsets are its byte offsets), any other as it is
// encoded (`scanText`, prefilter.ts), a non-ASCII one a byte a code unit. A WebAssembly SIMD scanner (teddy.wat) finds the positions where the
// first eight bytes of some anchor stand, and maps the marks and runs a bit a byte. For the string
// scanned last, `indexOfAnchor(raw, a, from)` and `indexOfMark` answer from the scan; for any other
// text (one over MAX_LINE, a scan with more matches than it keeps) they are `raw.indexOf`: the
// answers are the same either way, only their cost differs.
import { TEDDY_WASM } from './teddy-wasm';

export interface Anchor {
  readonly literal: string;
  /** Its index among the scanner's literals, -1 for none (its answers come from indexOf). */
  slot: number;
}

/**
 * Single characters the checks step through a line by (the colon pass, `,` assignments, `-` flags
 * and `_` key prefixes): thousands a line, each an indexOf call before. The scanner maps where each
 * stands, a bit a byte.
 */
const MARKS = ':,-_';

export interface Mark {
  readonly char: string;
  /** Its index in MARKS. */
  readonly index: number;
}

/** The mark for `char`, one of MARKS. */
export function mark(char: string): Mark {
  const index = MARKS.indexOf(char);
  if (char.length !== 1 || index < 0) throw new Error(`no mark ${char}`);
  return { char, index };
}

/** Anchors by literal: one search serves every check that asks for it. */
const registry = new Map<string, Anchor>();
/** Anchors the scanner looks for, in slot order. More anchors share buckets, and each costs a little on every line. */
const MAX_SCANNED = 96;
const scanned: Anchor[] = [];
/** Whether anchors joined since the scanner's tables were built (or they never were). */
let stale = true;

/** The anchor for `literal` (ASCII, non-empty, to be scanned for), made once. */
export function anchor(literal: string): Anchor {
  let a = registry.get(literal);
  if (a === undefined) {
    a = { literal, slot: -1 };
    registry.set(literal, a);
    if (literal.length > 0 && scanned.length < MAX_SCANNED && isAscii(literal)) {
      a.slot = scanned.length;
      scanned.push(a);
      stale = true;
      line = undefined; // its scan did not look for the new anchor
    }
  }
  return a;
}

/** Every anchor made so far (tests). */
export function registeredAnchors(): Anchor[] {
  return [...registry.values()];
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 127) return false;
  return true;
}

// ---------- the line whose anchors are known ----------

/** The line (or other string) scanned last, when its scan succeeded. */
let line: string | undefined;
/** Per slot, the first hit in the line (-1: none), and the hit its last answer came from (-1: none yet). */
let first: Int32Array = new Int32Array(0);
let cursor: Int32Array = new Int32Array(0);
/** Hits: their offsets in the line, and each slot's next hit (-1: its last). */
let hitAt: Int32Array = new Int32Array(4096);
let hitNext: Int32Array = new Int32Array(4096);

/**
 * The scanner's memory as bytes and as 32-bit words, and where its bitmaps start in it for the line:
 * one per mark, then RUNS: where 8 characters a digit run may hold (digits, blank, `-`, `.`, `(`,
 * `)`, `+`) start in a row.
 */
let bytesView = new Uint8Array(0);
let words: Int32Array = new Int32Array(0);
const RUNS = MARKS.length;
const bitmaps = new Int32Array(MARKS.length + 1);

/** The first set bit at or after `from` of the bitmap at `base` (in `words`) of the line scanned last, or -1. */
function nextBit(base: number, from: number): number {
  if (from < 0) from = 0;
  const last = (line!.length - 1) >> 5; // the bitmap's last word (its bits past the line are 0)
  let w = from >> 5;
  if (w > last) return -1;
  let bits = words[base + w] & (-1 << (from & 31));
  while (bits === 0) {
    if (++w > last) return -1;
    bits = words[base + w];
  }
  return (w << 5) + 31 - Math.clz32(bits & -bits);
}

/** `raw.indexOf(m.char, from)`, from the scan's bitmap when `raw` is the line scanned last. */
export function indexOfMark(raw: string, m: Mark, from = 0): number {
  return raw === line ? nextBit(bitmaps[m.index], from) : raw.indexOf(m.char, from);
}

/**
 * Where the next 8 characters a digit run may hold start in a row, at or after `from`, in the line
 * scanned last (the caller asks `isScanned(raw, [])` first); -1 for none.
 */
export function nextRunStart(from: number): number {
  return nextBit(bitmaps[RUNS], from);
}

/** `raw.indexOf(a.literal, from)`, from the scan when `raw` is the line scanned last. */
export function indexOfAnchor(raw: string, a: Anchor, from = 0): number {
  const slot = a.slot;
  if (raw !== line || slot < 0) return raw.indexOf(a.literal, from);
  let h = cursor[slot];
  // Checks search forwards: an answer at or before `from` is where the search goes on.
  if (h < 0 || hitAt[h] > from) h = first[slot];
  while (h >= 0 && hitAt[h] < from) h = hitNext[h];
  if (h < 0) return -1;
  cursor[slot] = h;
  return hitAt[h];
}

/** Whether `raw` is the line scanned last and its scan answers for all of `anchors`. */
export function isScanned(raw: string, anchors: readonly Anchor[]): boolean {
  if (raw !== line) return false;
  for (let i = 0; i < anchors.length; i++) if (anchors[i].slot < 0) return false;
  return true;
}

/** Whether the line scanned last holds `a` (for `isScanned` lines). */
export function holds(a: Anchor): boolean {
  return first[a.slot] >= 0;
}

// ---------- the scanner ----------

interface Scanner {
  memory: WebAssembly.Memory;
  scan: (input: number, len: number, out: number, slots: number, cap: number, marks: number, stride: number) => number;
}

// Memory: the tables (0-2559, teddy.wat), the matches' offsets and slots, the line, the marks' bitmaps.
const CAP = 16384;
const OUT = 4096;
const SLOTS = OUT + 4 * CAP;
const INPUT = 1 << 17;
/** Lines longer than this are searched with indexOf (the scanner's memory, once grown, stays so). */
const MAX_LINE = 4 << 20;

let scanner: Scanner | undefined | null; // null: WebAssembly SIMD is unavailable here
/** Per slot, whether a match of the scanner (its first eight bytes) is checked in full here. */
let longer = new Uint8Array(0);

function instantiate(): Scanner | null {
  try {
    const instance = new WebAssembly.Instance(new WebAssembly.Module(Uint8Array.from(atob(TEDDY_WASM), (c) => c.charCodeAt(0))));
    return instance.exports as unknown as Scanner;
  } catch {
    return null;
  }
}

/**
 * Characters of trace text, most common first (measured on TraceCraft runs: prose, ids, hex, JSON
 * punctuation). Only speed depends on it: the prefilter searches a literal from its rarest character
 * where it has to search (prefilter.ts), and the scanner's buckets are spread by it.
 */
export const COMMON_CHARS = ' "etaoirnsdu:0lc,12-_45\\b3f8m967ghp.{}vwykq[]()TZ';

/** How often each ASCII character stands in trace text, roughly, by COMMON_CHARS. */
const FREQUENCY = (() => {
  // Each character of the list a little less frequent than the one before; any other (upper-case
  // letters among them) about as frequent as the list's 36th.
  const f = new Float64Array(128).map((_, c) => {
    const rank = COMMON_CHARS.indexOf(String.fromCharCode(c));
    return rank < 0 ? 0.05 : 0.92 ** rank;
  });
  const sum = f.reduce((a, b) => a + b, 0);
  return f.map((x) => x / sum);
})();

/** A bucket's tables: per byte position (0-2), the low and the high nibbles its literals allow there, as bits. */
interface Tables {
  lo: number[];
  hi: number[];
}

/** How often a position passes a bucket's tables, roughly. */
function passRate(t: Tables): number {
  let p = 1;
  for (let j = 0; j < 3; j++) {
    let q = 0;
    for (let c = 0; c < 128; c++) if ((t.lo[j] >> (c & 15)) & (t.hi[j] >> (c >> 4)) & 1) q += FREQUENCY[c];
    p *= q;
  }
  return p;
}

/** The tables with `literal` added (a position past its end allows every byte). */
function withLiteral(t: Tables, literal: string): Tables {
  const c = [0, 1, 2].map((j) => (j < literal.length ? literal.charCodeAt(j) : -1));
  return {
    lo: t.lo.map((m, j) => (c[j] < 0 ? 0xffff : m | (1 << (c[j] & 15)))),
    hi: t.hi.map((m, j) => (c[j] < 0 ? 0xffff : m | (1 << (c[j] >> 4)))),
  };
}

/**
 * Writes the scanner's tables: the anchors spread greedily over its 8 buckets (each, most frequent
 * first, where it adds the fewest passing positions), and each bucket's literals.
 */
function build(s: Scanner): void {
  const tables: Tables[] = Array.from({ length: 8 }, () => ({ lo: [0, 0, 0], hi: [0, 0, 0] }));
  const rates = tables.map(() => 0);
  const buckets: Anchor[][] = tables.map(() => []);
  const order = [...scanned].sort((a, b) => FREQUENCY[b.literal.charCodeAt(0)] - FREQUENCY[a.literal.charCodeAt(0)] || a.slot - b.slot);
  for (const a of order) {
    let best = 0;
    let bestCost = Infinity;
    let bestTables = tables[0];
    for (let b = 0; b < 8; b++) {
      const t = withLiteral(tables[b], a.literal);
      const cost = passRate(t) - rates[b];
      if (cost < bestCost) [best, bestCost, bestTables] = [b, cost, t];
    }
    tables[best] = bestTables;
    rates[best] += bestCost;
    buckets[best].push(a);
  }
  const view = new DataView(s.memory.buffer);
  new Uint8Array(s.memory.buffer).fill(0, 0, 4096);
  let e = 0;
  for (let b = 0; b < 8; b++) {
    for (let j = 0; j < 3; j++) {
      for (let n = 0; n < 16; n++) {
        if ((tables[b].lo[j] >> n) & 1) view.setUint8(32 * j + n, view.getUint8(32 * j + n) | (1 << b));
        if ((tables[b].hi[j] >> n) & 1) view.setUint8(32 * j + 16 + n, view.getUint8(32 * j + 16 + n) | (1 << b));
      }
    }
    view.setUint32(128 + 4 * b, e, true);
    for (const a of buckets[b]) {
      const at = 256 + 24 * e++;
      for (let k = 0; k < Math.min(8, a.literal.length); k++) {
        view.setUint8(at + k, a.literal.charCodeAt(k));
        view.setUint8(at + 8 + k, 0xff);
      }
      view.setUint32(at + 16, a.slot, true);
    }
  }
  view.setUint32(128 + 4 * 8, e, true);
  for (let k = 0; k < MARKS.length; k++) view.setUint8(164 + k, MARKS.charCodeAt(k));
  longer = Uint8Array.from(scanned, (a) => (a.literal.length > 8 ? 1 : 0));
  first = new Int32Array(scanned.length);
  cursor = new Int32Array(scanned.length);
  stale = false;
}

/** The scanner, ready, with room for a line of `len` bytes; undefined when there is none. */
function ready(len: number): Scanner | undefined {
  if (len > MAX_LINE) return undefined;
  if (scanner === undefined) scanner = instantiate();
  if (scanner === null) return undefined;
  if (stale) build(scanner);
  const { memory } = scanner;
  const need = mapsAt(len) + bitmaps.length * strideOf(len);
  if (memory.buffer.byteLength < need) {
    try {
      memory.grow(Math.ceil((need - memory.buffer.byteLength) / 65536));
    } catch {
      return undefined; // no memory to spare: indexOf
    }
  }
  if (bytesView.buffer !== memory.buffer) {
    bytesView = new Uint8Array(memory.buffer);
    words = new Int32Array(memory.buffer);
  }
  return scanner;
}

// The bitmaps: 2 bytes a block of 16, and three blocks more (teddy.wat), each at a multiple of 4 bytes.
function mapsAt(len: number): number {
  return (INPUT + len + 32 + 3) & ~3;
}
function strideOf(len: number): number {
  return (((len >> 4) + 4) * 2 + 3) & ~3;
}

/**
 * Finds every anchor in `text`, the decoded line whose UTF-8 bytes are bytes[start, end), so the
 * prefilter's checks on `text` read them from the scan.
 */
export function scanAnchors(text: string, bytes: Uint8Array, start: number, end: number): void {
  line = undefined;
  const s = ready(text.length);
  if (s === undefined) return;
  if (end - start === text.length) bytesView.set(bytes.subarray(start, end), INPUT);
  else narrow(text);
  run(s, text);
}

const encoder = new TextEncoder();

/**
 * `scanAnchors` for text without its bytes at hand (the prefilter of a decoded value, of a key, of
 * an editor's document). Nothing when `text` is the string scanned last.
 */
export function scanText(text: string): void {
  if (text === line) return;
  line = undefined;
  const len = text.length;
  const s = ready(len);
  if (s === undefined) return;
  // An ASCII string's bytes are its code units; any other needs more bytes than it has code units.
  const { read, written } = encoder.encodeInto(text, bytesView.subarray(INPUT, INPUT + len));
  if (read !== len || written !== len) narrow(text);
  run(s, text);
}

/**
 * Writes `text` at INPUT a byte a code unit, every non-ASCII one as 0x80: the anchors, marks and run
 * characters are all ASCII, so they stand where they stand in `text`, at its UTF-16 offsets.
 */
function narrow(text: string): void {
  const mem = bytesView;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    mem[INPUT + i] = c < 128 ? c : 0x80;
  }
}

/** Scans the `text.length` bytes at INPUT, the bytes of `text`, and keeps what the checks ask of it. */
function run(s: Scanner, text: string): void {
  const len = text.length;
  const mem = bytesView;
  mem.fill(0, INPUT + len, INPUT + len + 32);
  const maps = mapsAt(len);
  const stride = strideOf(len);
  const n = s.scan(INPUT, len, OUT, SLOTS, CAP, maps, stride);
  if (n < 0) return;
  for (let k = 0; k < bitmaps.length; k++) bitmaps[k] = (maps + k * stride) >> 2;
  first.fill(-1);
  const last = cursor; // each slot's last hit while the lists are built; reset after
  if (hitAt.length < n) {
    hitAt = new Int32Array(n);
    hitNext = new Int32Array(n);
  }
  let hits = 0;
  for (let k = 0; k < n; k++) {
    const at = words[(OUT >> 2) + k];
    const slot = mem[SLOTS + k];
    if (longer[slot] !== 0 && !text.startsWith(scanned[slot].literal, at)) continue;
    hitAt[hits] = at;
    hitNext[hits] = -1;
    if (first[slot] < 0) first[slot] = hits;
    else hitNext[last[slot]] = hits;
    last[slot] = hits++;
  }
  cursor.fill(-1);
  line = text;
}
