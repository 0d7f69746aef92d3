// Converting [start, end) offsets into 0-based line/column ranges, once per text.
import type { Range } from './types';

/** Line starts of a text, computed once; `rangeOf` is then O(log lines). */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13 && text.charCodeAt(i + 1) !== 10) this.starts.push(i + 1);
    }
  }

  get lineCount(): number {
    return this.starts.length;
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  position(offset: number): { line: number; column: number } {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, column: offset - this.starts[lo] };
  }

  offset(line: number, column: number): number {
    return (this.starts[line] ?? this.starts[this.starts.length - 1]) + column;
  }

  rangeOf(start: number, end: number): Range {
    const s = this.position(start);
    const e = this.position(end);
    return { line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
  }
}
