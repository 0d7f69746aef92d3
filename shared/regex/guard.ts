// Compiling a user's custom pattern (Python `re` syntax) for use by the engine.
// FIRST CUT, to be replaced by the full translation and guard (issue 4): the signature stays.
export interface GuardedPattern {
  /** Every non-overlapping match in `text`, as [start, end) offsets. */
  matchAll(text: string): Array<{ start: number; end: number }>;
  /** Whether the whole of `text` matches (Python `re.fullmatch`). */
  fullMatch(text: string): boolean;
}

export type CompileResult = { ok: true; pattern: GuardedPattern } | { ok: false; error: string };

export function compileCustomPattern(pythonSource: string): CompileResult {
  let re: RegExp;
  try {
    re = new RegExp(pythonSource.replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>'), 'g');
  } catch (e) {
    return { ok: false, error: (e as Error).message };
  }
  const full = new RegExp(`^(?:${re.source})$`);
  return {
    ok: true,
    pattern: {
      matchAll(text) {
        return [...text.matchAll(re)].filter((m) => m[0].length > 0).map((m) => ({ start: m.index!, end: m.index! + m[0].length }));
      },
      fullMatch: (text) => full.test(text),
    },
  };
}
