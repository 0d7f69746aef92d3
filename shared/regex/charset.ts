// Character classes for the translators: Python's \d \s \w in Unicode and ASCII modes, escaping of
// code points for JavaScript (u flag) and RE2 syntax, and case folding done by hand where the target
// cannot scope it (Python's `(?i:...)`, or IGNORECASE with ASCII).
import type { Category } from './python-parser';

export type Target = 'js' | 're2';

/** Python's Unicode \s: str.isspace() code points (checked against CPython in the tests). */
const PY_SPACE: Array<[number, number]> = [
  [0x09, 0x0d], [0x1c, 0x20], [0x85, 0x85], [0xa0, 0xa0], [0x1680, 0x1680], [0x2000, 0x200a],
  [0x2028, 0x2029], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000],
];
const ASCII_SPACE: Array<[number, number]> = [[0x09, 0x0d], [0x20, 0x20]];
const ASCII_DIGIT: Array<[number, number]> = [[0x30, 0x39]];
const ASCII_WORD: Array<[number, number]> = [[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]];

export function complement(ranges: Array<[number, number]>): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  let next = 0;
  for (const [lo, hi] of ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= 0x10ffff) out.push([next, 0x10ffff]);
  return out;
}

/** Sorts and merges code point ranges. */
export function normalize(ranges: Array<[number, number]>): Array<[number, number]> {
  const s = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: Array<[number, number]> = [];
  for (const r of s) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push([r[0], r[1]]);
  }
  return out;
}

/**
 * A category as code point ranges (merged with the class's own ranges) and/or class atoms (text usable
 * inside `[...]`); for Unicode \W, which neither target can write as one class atom, `negatedWord`.
 */
export function categoryAtoms(cat: Category, ascii: boolean): { ranges: Array<[number, number]>; atoms: string; negatedWord?: true } {
  const lower = cat.toLowerCase() as 'd' | 's' | 'w';
  const neg = cat !== lower;
  if (ascii) {
    const set = lower === 'd' ? ASCII_DIGIT : lower === 's' ? ASCII_SPACE : ASCII_WORD;
    return { ranges: neg ? complement(set) : set, atoms: '' };
  }
  if (lower === 's') return { ranges: neg ? complement(PY_SPACE) : PY_SPACE, atoms: '' };
  if (lower === 'd') return { ranges: [], atoms: neg ? '\\P{Nd}' : '\\p{Nd}' };
  if (!neg) return { ranges: [], atoms: '\\p{L}\\p{N}_' };
  return { ranges: [], atoms: '', negatedWord: true };
}

/** The class of Python's word characters, for \b and \W. */
export function wordClass(ascii: boolean, target: Target): string {
  return ascii ? `[${rangesAtoms(ASCII_WORD, target)}]` : '[\\p{L}\\p{N}_]';
}

export function rangesAtoms(ranges: Array<[number, number]>, target: Target): string {
  let s = '';
  for (const [lo, hi] of ranges) {
    s += classChar(lo, target);
    if (hi > lo) s += (hi > lo + 1 ? '-' : '') + classChar(hi, target);
  }
  return s;
}

function hexEscape(cp: number, target: Target): string {
  return target === 'js' ? `\\u{${cp.toString(16)}}` : `\\x{${cp.toString(16)}}`;
}

function printable(cp: number): boolean {
  return cp > 0x20 && cp < 0x7f || (cp > 0xa0 && /[\p{L}\p{N}\p{P}\p{S}]/u.test(String.fromCodePoint(cp)));
}

/** A code point as a literal outside a class. */
export function literalChar(cp: number, target: Target): string {
  const ch = String.fromCodePoint(cp);
  if ('^$\\.*+?()[]{}|/'.includes(ch)) return '\\' + ch;
  if (!printable(cp)) return hexEscape(cp, target);
  return ch;
}

/** A code point inside `[...]`. */
export function classChar(cp: number, target: Target): string {
  const ch = String.fromCodePoint(cp);
  if ('\\]['.includes(ch) || ch === '^' || ch === '-') return '\\' + ch;
  if (!printable(cp)) return hexEscape(cp, target);
  return ch;
}

let foldGroups: Map<number, number[]> | null = null;

function simpleCase(cp: number, upper: boolean): number {
  const s = String.fromCodePoint(cp);
  const m = upper ? s.toUpperCase() : s.toLowerCase();
  const c = m.codePointAt(0)!;
  return m.length === String.fromCodePoint(c).length ? c : cp;
}

/** Case-equivalence classes of code points (simple case mappings), built once on first use. */
function foldKey(cp: number): number {
  return simpleCase(simpleCase(cp, true), false);
}

function groupsTable(): Map<number, number[]> {
  if (foldGroups) return foldGroups;
  const byKey = new Map<number, number[]>();
  for (let cp = 0; cp < 0x1f000; cp++) {
    if (cp >= 0xd800 && cp <= 0xdfff) continue;
    const k = foldKey(cp);
    if (k === cp && simpleCase(cp, true) === cp) continue;
    let g = byKey.get(k);
    if (!g) byKey.set(k, (g = [k]));
    if (!g.includes(cp)) g.push(cp);
  }
  foldGroups = new Map();
  for (const g of byKey.values()) if (g.length > 1) for (const cp of g) foldGroups.set(cp, g);
  return foldGroups;
}

/** The code points that match `cp` case-insensitively (itself included). */
export function caseVariants(cp: number, ascii: boolean): number[] {
  if (ascii) {
    if (cp >= 0x41 && cp <= 0x5a) return [cp, cp + 32];
    if (cp >= 0x61 && cp <= 0x7a) return [cp, cp - 32];
    return [cp];
  }
  return groupsTable().get(cp) ?? [cp];
}

/** Adds the case variants of every code point in `ranges` (ranges larger than `limit` are kept as is). */
export function foldRanges(ranges: Array<[number, number]>, ascii: boolean, limit = 0x30000): Array<[number, number]> {
  const out = [...ranges];
  let budget = limit;
  for (const [lo, hi] of ranges) {
    if (hi - lo > budget) continue;
    budget -= hi - lo;
    for (let cp = lo; cp <= hi; cp++) for (const v of caseVariants(cp, ascii)) if (v !== cp) out.push([v, v]);
  }
  return normalize(out);
}
