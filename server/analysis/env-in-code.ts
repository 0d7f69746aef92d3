// Environment variables set from code, as SettingSites of kind `env` (the kind a .env line gives),
// so that the rules read `os.environ["TRACECRAFT_REDACTION_ENABLED"] = "false"` as they read the
// same line in .env. The forms real code and tests use:
//   Python  os.environ["X"] = "v"   os.environ.setdefault("X", "v")   os.putenv("X", "v")
//           os.environ.update({"X": "v"})   patch.dict(os.environ, {"X": "v"})   monkeypatch.setenv("X", "v")
//   TS/JS   process.env.X = "v"   process.env["X"] = "v"   vi.stubEnv("X", "v")
// Read from the text (names and string literals only), and kept only where the form starts in code:
// not inside a string literal or a comment.
import type { SettingSite, SourceModel, StringValue } from './model';

const STR = String.raw`(?:"([^"\\\n]*)"|'([^'\\\n]*)')`;
const PY_FORMS = [
  // os.environ["X"] = "v"
  new RegExp(String.raw`\benviron\s*\[\s*${STR}\s*\]\s*=(?!=)\s*${STR}`, 'g'),
  // os.environ.setdefault("X", "v"), os.putenv("X", "v"), monkeypatch.setenv("X", "v")
  new RegExp(String.raw`\b(?:environ\s*\.\s*setdefault|putenv|setenv)\s*\(\s*${STR}\s*,\s*${STR}`, 'g'),
];
const TS_FORMS = [
  // process.env.X = "v"
  new RegExp(String.raw`\bprocess\s*\.\s*env\s*\.\s*([A-Za-z_]\w*)()\s*=(?!=)\s*${STR}`, 'g'),
  // process.env["X"] = "v"
  new RegExp(String.raw`\bprocess\s*\.\s*env\s*\[\s*${STR}\s*\]\s*=(?!=)\s*${STR}`, 'g'),
  // vi.stubEnv("X", "v")
  new RegExp(String.raw`\bstubEnv\s*\(\s*${STR}\s*,\s*${STR}`, 'g'),
];
/** A dict of variables: `os.environ.update({...})`, `patch.dict(os.environ, {...})`, `patch.dict("os.environ", {...})`. */
const PY_DICT = /\b(?:environ\s*\.\s*update\s*\(\s*|patch\s*\.\s*dict\s*\(\s*(?:os\s*\.\s*environ|["']os\.environ["'])\s*,\s*(?:values\s*=\s*)?)\{/g;
const PAIR = new RegExp(String.raw`${STR}\s*:\s*${STR}`, 'g');

function inside(spans: readonly StringValue[], offset: number): boolean {
  // strings are in document order: binary search for the last start <= offset
  let lo = 0;
  let hi = spans.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid].span.start <= offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && offset < spans[hi].span.end;
}

function commented(text: string, offset: number, python: boolean): boolean {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const before = text.slice(lineStart, offset);
  return python ? before.includes('#') : before.includes('//') || /^\s*\*/.test(before);
}

/** The site of a `key`/`value` pair matched by `m`, whose groups hold the key and the value (double or single quoted). */
function site(text: string, m: RegExpExecArray, at: number, keyGroups: [number, number], valueGroups: [number, number]): SettingSite | undefined {
  const key = m[keyGroups[0]] ?? m[keyGroups[1]];
  const value = m[valueGroups[0]] ?? m[valueGroups[1]];
  if (key === undefined || value === undefined || key === '') return undefined;
  const whole = m[0];
  // The key's and the value's places, found in the match from its end (the value is last).
  const valueEnd = at + whole.length - 1;
  const valueStart = valueEnd - value.length;
  const keyAt = at + whole.indexOf(key);
  return {
    kind: 'env', key, value, keySpan: { start: keyAt, end: keyAt + key.length }, valueSpan: { start: valueStart, end: valueEnd },
    span: { start: at, end: at + whole.length }, context: 'code',
  };
}

/**
 * The Python function (`def` block, by indentation) that holds `offset`, outermost first is not
 * needed: the innermost is where the setting holds (a fixture's setting is not a test's).
 */
function enclosingFunction(text: string, offset: number): { start: number; end: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let indent = /^[ \t]*/.exec(text.slice(lineStart, offset))![0].length;
  let at = lineStart - 1;
  while (at > 0 && indent > 0) {
    const start = text.lastIndexOf('\n', at - 1) + 1;
    const line = text.slice(start, at);
    at = start - 1;
    if (line.trim() === '' || line.trimStart().startsWith('#')) continue;
    const lead = /^[ \t]*/.exec(line)![0].length;
    if (lead >= indent) continue;
    indent = lead;
    if (/^[ \t]*(?:async[ \t]+)?def\b/.test(line)) {
      // The block: every following line indented deeper than the def (or blank).
      let end = text.indexOf('\n', offset);
      if (end < 0) return { start, end: text.length };
      for (;;) {
        const next = text.indexOf('\n', end + 1);
        const body = text.slice(end + 1, next < 0 ? text.length : next);
        if (body.trim() !== '' && /^[ \t]*/.exec(body)![0].length <= lead) break;
        if (next < 0) return { start, end: text.length };
        end = next;
      }
      return { start, end };
    }
  }
  return undefined;
}

/** Every environment variable the file sets from code to a string literal. */
export function envSettingsInCode(model: SourceModel): SettingSite[] {
  const { text } = model;
  const python = model.language === 'python';
  if (!(python ? /environ|setenv|putenv/ : /process\s*\.\s*env|stubEnv/).test(text)) return [];
  const out: SettingSite[] = [];
  const keep = (at: number) => !inside(model.strings, at) && !commented(text, at, python);
  for (const re of python ? PY_FORMS : TS_FORMS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      if (!keep(m.index)) continue;
      const s = site(text, m, m.index, [1, 2], [3, 4]);
      if (s) out.push(s);
    }
  }
  if (python) {
    PY_DICT.lastIndex = 0;
    for (let m = PY_DICT.exec(text); m; m = PY_DICT.exec(text)) {
      if (!keep(m.index)) continue;
      const open = m.index + m[0].length;
      const close = text.indexOf('}', open);
      if (close < 0) continue;
      const body = text.slice(open, close);
      PAIR.lastIndex = 0;
      for (let p = PAIR.exec(body); p; p = PAIR.exec(body)) {
        const s = site(text, p, open + p.index, [1, 2], [3, 4]);
        if (s) out.push(s);
      }
    }
  }
  if (python) for (const s of out) s.scope = enclosingFunction(text, s.span.start);
  return out.sort((a, b) => a.span.start - b.span.start);
}
