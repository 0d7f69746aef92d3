// The raw-text promise of the key formats whose prefix ends in `_` or `-` after letters common in
// text (hf_, gsk_, npm_, r8_, whsec_, lsv2_pt_/lsv2_sk_; tvly-, pplx-, glpat-). One function for all
// of them, so the prefilter (which runs a check shared by several detectors once) makes one pass over
// `_` and one over `-` and looks back from each, instead of one indexOf pass per prefix.

/** Whether `raw` has `word` ending right before position `end`. */
function endsAt(raw: string, word: string, end: number): boolean {
  return end >= word.length && raw.startsWith(word, end - word.length);
}

/** A `_` that ends hf, gsk, npm, r8, whsec, or lsv2_pt / lsv2_sk (the `_` after lsv2 is enough). */
function hasUnderscorePrefix(raw: string): boolean {
  for (let i = raw.indexOf('_', 2); i !== -1; i = raw.indexOf('_', i + 1)) {
    switch (raw.charCodeAt(i - 1)) {
      case 102 /* f */: if (raw.charCodeAt(i - 2) === 104 /* h */) return true; break;
      case 107 /* k */: if (endsAt(raw, 'gs', i - 1)) return true; break;
      case 109 /* m */: if (endsAt(raw, 'np', i - 1)) return true; break;
      case 56 /* 8 */: if (raw.charCodeAt(i - 2) === 114 /* r */) return true; break;
      case 99 /* c */: if (endsAt(raw, 'whse', i - 1)) return true; break;
      case 50 /* 2 */: if (endsAt(raw, 'lsv', i - 1)) return true; break;
    }
  }
  return false;
}

/** A `-` that ends tvly, pplx or glpat. */
function hasDashPrefix(raw: string): boolean {
  for (let i = raw.indexOf('-', 4); i !== -1; i = raw.indexOf('-', i + 1)) {
    switch (raw.charCodeAt(i - 1)) {
      case 121 /* y */: if (endsAt(raw, 'tvl', i - 1)) return true; break;
      case 120 /* x */: if (endsAt(raw, 'ppl', i - 1)) return true; break;
      case 116 /* t */: if (endsAt(raw, 'glpa', i - 1)) return true; break;
    }
  }
  return false;
}

/** The shared raw check of the key formats listed above (a superset for each of them). */
export function hasRawKeyPrefix(raw: string): boolean {
  return hasUnderscorePrefix(raw) || hasDashPrefix(raw);
}
