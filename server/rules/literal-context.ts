// What a string literal of agent source is, read from the text around it: whether it is prose (a
// docstring, a log, print, help or error text) and the name it is bound to (an assignment target, a
// keyword argument, a dict key or object property). hardcoded-credential uses it so that the
// detectors that find a credential by its name (password_field, generic_api_key_param,
// sensitive_field) judge code, not documentation, and see the binding name as the key, as they do in
// a trace. Read lexically, from the few characters before and after the literal: it works the same
// for both front-ends and for literals the front-ends keep no node of.
import type { SourceModel, StringValue } from '../analysis/model';

export interface LiteralContext {
  /** A docstring or bare string statement, or the text of a log, print, warning, exception or help. */
  prose: boolean;
  /**
   * The literal is only part of the value its name is bound to: an f-string or template literal with
   * substitutions, or one operand of `+` / `%` / `.format(...)`.
   */
  partial: boolean;
  /** The name the literal is bound to: `api_key` of `api_key="..."`, `self.api_key = "..."`, `{"api_key": "..."}`. */
  key?: string;
}

/** Callees (last dotted segment) whose string arguments are messages for people, not values. */
const PROSE_CALLEE = /^(?:debug|info|warning|warn|error|exception|critical|fatal|log|print|echo|secho|fail|skip|xfail|pprint|status|spinner)$|(?:Error|Exception|Warning)$/;
/** Keyword arguments and properties that hold messages for people. */
const PROSE_KEY = /^(?:help|description|desc|doc|docs|docstring|message|msg|error|error_message|errorMessage|detail|details|reason|title|label|summary|epilog|usage|hint|comment|note|notes|explanation|placeholder|example|examples)$/;

const BEFORE = 200;

/** The dotted name of the call whose first argument starts right after `before`, or undefined. */
function calleeOfFirstArgument(before: string, last: string): string | undefined {
  if (last !== '(') return undefined;
  const m = /([A-Za-z_$][\w$]*(?:\s*\.\s*[A-Za-z_$][\w$]*)*)\s*\(\s*$/.exec(before);
  return m ? m[1].replace(/\s+/g, '') : undefined;
}

function lastSegment(dotted: string): string {
  return dotted.slice(dotted.lastIndexOf('.') + 1);
}

/** `raise X(` / `throw new X(` / `assert cond,` right before the literal. */
function isRaiseOrAssert(before: string, last: string): boolean {
  if (last === '(' && /\b(?:raise|throw\s+new|throw)\s+[\w.$]+\s*\(\s*$/.test(before)) return true;
  return /^\s*assert\b[^\n]*,\s*$/m.test(before.slice(before.lastIndexOf('\n') + 1));
}

/** The line holding offset `i` (without its newline). */
function lineAround(text: string, i: number): { start: number; end: number } {
  const start = text.lastIndexOf('\n', i - 1) + 1;
  let end = text.indexOf('\n', i);
  if (end < 0) end = text.length;
  return { start, end };
}

/** A line's code without a trailing `#` comment (lexically: a `#` inside a string on that line is rare in a header). */
function withoutComment(line: string): string {
  const hash = line.indexOf('#');
  return (hash < 0 ? line : line.slice(0, hash)).trimEnd();
}

const BLOCK_HEADER = /^\s*(?:async\s+def|def|class|if|elif|else|try|except|finally|for|async\s+for|while|with|async\s+with|match|case)\b/;

/**
 * Whether a Python literal is a statement of its own (a docstring, or a string left as a note): it
 * is alone on its line(s), and what comes before it ends a statement or opens a block.
 */
function isBareStatement(text: string, start: number, end: number): boolean {
  const first = lineAround(text, start);
  if (text.slice(first.start, start).trim() !== '') return false;
  const last = lineAround(text, Math.max(start, end - 1));
  const rest = text.slice(end, last.end).trim();
  if (rest !== '' && !rest.startsWith('#') && rest !== ';') return false;
  // The previous line with code on it.
  let lineEnd = first.start - 1;
  let steps = 0;
  while (lineEnd >= 0 && steps++ < 50) {
    const line = lineAround(text, lineEnd);
    const code = withoutComment(text.slice(line.start, line.end));
    if (code.trim() !== '') {
      const c = code[code.length - 1];
      if (c === ':') return BLOCK_HEADER.test(code) || /\)\s*(?:->\s*[^:]+)?:$/.test(code);
      return !'([{,=\\+-*/%|&<>@'.includes(c) && !/\b(?:return|yield|in|and|or|not|is|lambda|await|else|if)$/.test(code);
    }
    lineEnd = line.start - 1;
  }
  return true;
}

/**
 * The name a literal starting at `start` is bound to, from the text before it. In Python, `name:`
 * before a literal binds nothing: it is an annotation (`token: "contextvars.Token[Span]"`, a forward
 * reference), a lambda's body or a dict keyed by a variable's value.
 */
function bindingName(before: string, last: string, python: boolean): string | undefined {
  // Each pattern below ends in one character (`:`, `>`, `=` or `,`) and then only white space: the
  // last non-space character of `before` rules most of them out without running them (each scans
  // all 200 characters when it fails, and this runs for every literal on every keystroke).
  if (last !== ':' && last !== '>' && last !== '=' && last !== ',') return undefined;
  let m: RegExpExecArray | null;
  // `{"api_key": "..."}`, `"api_key" => "..."`
  if (last === ':' || last === '>') {
    m = /(["'])([^"'\n]{1,100})\1\s*(?::|=>)\s*$/.exec(before);
    if (m) return m[2];
  }
  // `os.environ["API_KEY"] = "..."`, `headers['Authorization'] = "..."`
  if (last === '=') {
    m = /\[\s*(["'])([^"'\n]{1,100})\1\s*\]\s*=\s*$/.exec(before);
    if (m && !/[=!<>]=\s*$/.test(before)) return m[2];
  }
  // `os.environ.setdefault("API_KEY", "...")`, `monkeypatch.setenv("API_KEY", "...")`, `headers.set("Authorization", "...")`
  if (last !== ',') return last === '=' ? assigned(before) : last === ':' && !python ? property(before) : undefined;
  m = /\.\s*(?:setdefault|setenv|putenv|getenv|get|set|setProperty|setItem|append|add_header|putheader)\s*\(\s*(["'])([^"'\n]{1,100})\1\s*,\s*$/.exec(before);
  return m ? m[2] : undefined;
}

/** `api_key="..."`, `API_KEY = "..."`, `self.api_key = "..."`, `const apiKey: string = "..."` */
function assigned(before: string): string | undefined {
  const m = /([A-Za-z_$][\w$]*)\s*(?::\s*[^=\n:;,(){}]{1,80})?\s*(?<![=!<>+\-*/%&|^])=\s*$/.exec(before);
  return m ? m[1] : undefined;
}

/** `{ apiKey: "..." }`: an object property (JavaScript and TypeScript; see bindingName for Python). */
function property(before: string): string | undefined {
  const m = /(?:^|[{,\s])([A-Za-z_$][\w$]*)\s*:\s*$/.exec(before);
  return m ? m[1] : undefined;
}

/** Where a literal stands, as far as the text around it tells. */
export function literalContext(model: SourceModel, str: StringValue): LiteralContext {
  const text = model.text;
  const start = str.span.start;
  const before = text.slice(Math.max(0, start - BEFORE), start);
  const python = model.language === 'python';
  const partial = isPartial(model, str);
  if (python && isBareStatement(text, start, str.span.end)) return { prose: true, partial };
  const { prose, key } = fromBefore(before, python);
  return prose && key === undefined ? { prose, partial } : { prose, partial, key };
}

/**
 * What the text before a literal says of it: a function of those 200 characters only, so kept by
 * them. The editor lints on every keystroke and nearly every literal's window is the same as in the
 * last version (the regexes below are most of hardcoded-credential's time otherwise).
 */
const beforeCache = new Map<string, { prose: boolean; key?: string }>();
const BEFORE_CACHE_SIZE = 20_000;

function fromBefore(before: string, python: boolean): { prose: boolean; key?: string } {
  const cacheKey = (python ? 'p' : 'j') + before;
  let hit = beforeCache.get(cacheKey);
  if (hit === undefined) {
    hit = readBefore(before, python);
    if (beforeCache.size >= BEFORE_CACHE_SIZE) beforeCache.clear();
    beforeCache.set(cacheKey, hit);
  }
  return hit;
}

function readBefore(before: string, python: boolean): { prose: boolean; key?: string } {
  const last = before.trimEnd().slice(-1);
  const key = bindingName(before, last, python);
  if (key !== undefined && PROSE_KEY.test(key)) return { prose: true, key };
  const callee = calleeOfFirstArgument(before, last);
  if (callee !== undefined && PROSE_CALLEE.test(lastSegment(callee))) return { prose: true };
  if (isRaiseOrAssert(before, last)) return { prose: true };
  return { prose: false, key };
}

/** Whether the literal is only part of its value (see `LiteralContext.partial`). */
function isPartial(model: SourceModel, str: StringValue): boolean {
  const text = model.text;
  const { start, end } = str.span;
  if (model.language === 'python') {
    // An f-string with a substitution (`{{` is a brace).
    const prefix = /^[A-Za-z]*/.exec(text.slice(start, start + 3))![0];
    if (/f/i.test(prefix) && /(?<!\{)\{(?!\{)/.test(str.value)) return true;
  } else {
    // A template literal chunk: `...${ / }...${ / }...`
    if (text[start] === '}' || text.slice(end - 2, end) === '${') return true;
  }
  const after = /^\s*(\S)(\S?)/.exec(text.slice(end, end + 40));
  if (after && (after[1] === '+' || after[1] === '%' || (after[1] === '.' && /^\s*\.\s*(?:format|join|replace)\b/.test(text.slice(end, end + 40))))) return true;
  const before = text.slice(Math.max(0, start - 20), start);
  return /\+\s*$/.test(before);
}
