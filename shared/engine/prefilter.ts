// The raw-line prefilter: `mayContainFinding(raw)` over a RAW JSONL line, before any JSON decoding,
// so the trace reader can skip JSON.parse for the (vast majority of) lines that hold nothing.
// It must NEVER answer false for a line that holds a finding; it may answer true for many that
// don't. One precompiled case-insensitive regex, an alternation of:
//   - `\u` anywhere: a JSON escape can spell any character, so nothing else can be trusted;
//   - each enabled detector's `rawHint` (its literal prefix, or a raw-text superset of its shape);
//   - for key-driven rules (sensitive_field, field paths), the key name followed by a key end and a
//     string, array or object value (`"api_key": "…"`), so `"max_tokens": 1024` passes no line;
//   - custom strings (their longest fragment JSON never escapes) and custom patterns (a literal
//     every match must contain; a pattern without one makes the prefilter answer true always).

/** After a key-name anchor: the rest of the key (escapes allowed), the key's end, `:`, a value that can hold a string. */
const KEY_END = String.raw`(?:[^"\\]|\\.)*\\{0,7}"\s*:\s*\\{0,7}[\[{"]`;

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** Characters a JSON writer may escape (so their raw spelling differs), besides any `\u` escape. */
function jsonMayEscape(c: number): boolean {
  return c === 34 || c === 92 || c === 47 || c < 32 || c > 126;
}

/** The longest part of `s` that stands verbatim in raw JSON; '' when there is none. */
export function verbatimFragment(s: string): string {
  let best = '';
  let cur = '';
  for (let i = 0; i < s.length; i++) {
    if (jsonMayEscape(s.charCodeAt(i))) {
      if (cur.length > best.length) best = cur;
      cur = '';
    } else cur += s[i];
  }
  return cur.length > best.length ? cur : best;
}

/**
 * A literal every match of a Python regex must contain, or undefined when none is found (then the
 * prefilter cannot exclude any line). Deliberately simple: only literals at the top level, outside
 * groups and classes, not made optional by a quantifier; any top-level `|` or verbose flag gives up.
 */
export function requiredLiteral(src: string): string | undefined {
  if (/\(\?[a-zA-Z]*x/.test(src)) return undefined;
  const runs: string[] = [];
  let cur = '';
  let depth = 0;
  const flush = () => {
    if (cur) runs.push(cur);
    cur = '';
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i];
    if (ch === '\\') {
      const next = src[i + 1] ?? '';
      i++;
      if (depth === 0 && next && !/[A-Za-z0-9]/.test(next) && !jsonMayEscape(next.charCodeAt(0))) {
        if (/[?*{]/.test(src[i + 1] ?? '')) flush();
        else cur += next;
      } else if (depth === 0) flush();
      continue;
    }
    if (ch === '[') {
      // Skip a character class (a `]` first in the class is literal).
      let j = i + 1;
      if (src[j] === '^') j++;
      if (src[j] === ']') j++;
      while (j < src.length && src[j] !== ']') j += src[j] === '\\' ? 2 : 1;
      i = j;
      if (depth === 0) flush();
      continue;
    }
    if (ch === '(') {
      depth++;
      if (depth === 1) flush();
      continue;
    }
    if (ch === ')') {
      depth = Math.max(0, depth - 1);
      continue;
    }
    if (depth > 0) continue;
    if (ch === '|') return undefined;
    if (/[A-Za-z0-9 _-]/.test(ch) || (!/[.^$*+?{}]/.test(ch) && !jsonMayEscape(ch.charCodeAt(0)))) {
      if (/[?*{]/.test(src[i + 1] ?? '')) flush();
      else cur += ch;
      continue;
    }
    flush();
  }
  flush();
  // A `|` inside a group does not matter: group contents were skipped.
  const best = runs.reduce((a, b) => (b.length > a.length ? b : a), '');
  return best.length >= 2 ? best : undefined;
}

/** The anchor of a key name in token mode: its first letters, any separators allowed between them. */
export function tokenKeyAnchor(joinedName: string): string {
  const head = joinedName.slice(0, 4);
  return [...head].map(escapeRegex).join('[^A-Za-z0-9"]*');
}

export interface PrefilterParts {
  hints: string[];
  keyAnchors: string[];
  literals: string[];
  alwaysTrue: boolean;
}

export type Prefilter = (raw: string) => boolean;

export function buildPrefilter(parts: PrefilterParts): Prefilter {
  if (parts.alwaysTrue) return () => true;
  const alts = [String.raw`\\u`, ...parts.hints];
  if (parts.keyAnchors.length) alts.push(`(?:${parts.keyAnchors.join('|')})${KEY_END}`);
  for (const lit of parts.literals) alts.push(escapeRegex(lit));
  const re = new RegExp(alts.join('|'), 'i');
  return (raw) => re.test(raw);
}
