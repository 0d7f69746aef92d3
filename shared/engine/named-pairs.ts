// The raw-line promise of name/value pairs (`{"name": "Cookie", "value": …}` in HAR and Playwright
// header lists, `{"key": "X-Api-Key", "value": …}` in Postman's): the trace reader gives the value
// the pair's name as its key (shared/traces/context.ts), so a credential NAME makes the line a
// candidate, as a credential key does (prefilter.ts `hasMatchingKey`). Escaped quotes (JSON inside a
// string) make the line a candidate whatever the name, and so does a name holding a backslash.

/** Whether `raw` has `"name": "<n>"` or `"key": "<n>"` with `keyMatches(n)`. */
export function hasNamedPair(raw: string, keyMatches: (key: string) => boolean): boolean {
  return pairAfter(raw, 'na', 'me"', keyMatches) || pairAfter(raw, '', 'key"', keyMatches);
}

function isBlank(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * The member name `head + tail` is searched from `tail`, which starts at its rarest letter (`m` of
 * `name`, `k` of `key`), then `head` is checked in front, as prefilter.ts's literal search does.
 */
function pairAfter(raw: string, head: string, tail: string, keyMatches: (key: string) => boolean): boolean {
  const member = head + tail;
  for (let t = raw.indexOf(tail, 1 + head.length); t !== -1; t = raw.indexOf(tail, t + 1)) {
    const i = t - head.length;
    if (head.length > 0 && !raw.startsWith(head, i)) continue;
    const q = raw.charCodeAt(i - 1);
    if (q === 92) continue; // `name\"`: not a member name
    if (q !== 34) continue;
    if (raw.charCodeAt(i - 2) === 92) return true; // `\"name\"`: a pair in JSON inside a string
    let j = i + member.length;
    while (j < raw.length && isBlank(raw.charCodeAt(j))) j++;
    if (raw.charCodeAt(j) !== 58) continue;
    j++;
    while (j < raw.length && isBlank(raw.charCodeAt(j))) j++;
    if (raw.charCodeAt(j) !== 34) continue;
    const close = raw.indexOf('"', j + 1);
    if (close < 0) return false;
    const name = raw.slice(j + 1, close);
    if (name.includes('\\') || keyMatches(name)) return true;
    t = close;
  }
  return false;
}
