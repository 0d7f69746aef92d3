// A string being rewritten by an SDK's redaction, remembering where each character came from.
// SDKs rewrite sequentially (TraceCraft runs rule after rule on the result of the previous one),
// so a later rule sees replacement text and earlier survivors alike. To say whether a finding
// survived we need, for every character of the ORIGINAL value, whether it is still in the output
// and which rule took it out: `origin[i]` is the original index of output character i, or -1 for
// text the SDK inserted; `removedBy[j]` names the rule that removed original character j.

export class TrackedText {
  text: string;
  origin: Int32Array;
  readonly original: string;
  private readonly removedBy: Array<string | undefined>;

  constructor(original: string) {
    this.original = original;
    this.text = original;
    this.origin = new Int32Array(original.length);
    for (let i = 0; i < original.length; i++) this.origin[i] = i;
    this.removedBy = new Array(original.length);
  }

  private markRemoved(from: number, to: number, label: string): void {
    for (let i = from; i < to; i++) {
      const o = this.origin[i];
      if (o >= 0 && this.removedBy[o] === undefined) this.removedBy[o] = label;
    }
  }

  /**
   * Replaces each [start, end) of `matches` (sorted, non-overlapping, into the current text) by
   * what `replace` returns for the matched text; `undefined` keeps the match as it is.
   */
  substitute(matches: ReadonlyArray<{ start: number; end: number }>, label: string, replace: (matched: string, index: number) => string | undefined): void {
    if (matches.length === 0) return;
    let out = '';
    const origin: number[] = [];
    let at = 0;
    for (let k = 0; k < matches.length; k++) {
      const m = matches[k];
      if (m.start < at) continue;
      out += this.text.slice(at, m.start);
      for (let i = at; i < m.start; i++) origin.push(this.origin[i]);
      const matched = this.text.slice(m.start, m.end);
      const rep = replace(matched, k);
      if (rep === undefined) {
        out += matched;
        for (let i = m.start; i < m.end; i++) origin.push(this.origin[i]);
      } else {
        this.markRemoved(m.start, m.end, label);
        out += rep;
        for (let i = 0; i < rep.length; i++) origin.push(-1);
      }
      at = m.end;
    }
    out += this.text.slice(at);
    for (let i = at; i < this.text.length; i++) origin.push(this.origin[i]);
    this.text = out;
    this.origin = Int32Array.from(origin);
  }

  /** Replaces the whole current text (a field-path rule, a redacted key). */
  replaceAll(replacement: string, label: string): void {
    this.markRemoved(0, this.text.length, label);
    this.text = replacement;
    this.origin = new Int32Array(replacement.length).fill(-1);
  }

  /** Keeps only the first `n` characters of the current text and appends `marker` (truncation). */
  truncate(n: number, marker: string, label: string): void {
    this.markRemoved(n, this.text.length, label);
    this.text = this.text.slice(0, n) + marker;
    const origin = new Int32Array(n + marker.length).fill(-1);
    origin.set(this.origin.subarray(0, n));
    this.origin = origin;
  }

  /** How many original characters of [start, end) are still in the output. */
  keptIn(start: number, end: number): number {
    const kept = new Uint8Array(this.original.length);
    for (const o of this.origin) if (o >= 0) kept[o] = 1;
    let n = 0;
    for (let i = start; i < end && i < kept.length; i++) n += kept[i];
    return n;
  }

  /** The rules that removed characters of original [start, end), in order of first appearance. */
  removersOf(start: number, end: number): string[] {
    const out: string[] = [];
    for (let i = start; i < end && i < this.removedBy.length; i++) {
      const r = this.removedBy[i];
      if (r !== undefined && !out.includes(r)) out.push(r);
    }
    return out;
  }
}
