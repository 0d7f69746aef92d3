// Tracers applied by a call instead of `@` (Python): `weave.op(fn)`, `traceable(fn)`,
// `observe()(fn)`, `trace_tool(name="x")(fn)`, `fn = tracer(...)(fn)`, `self.run = weave.op(self.run)`,
// on a function defined in the file. `@t` is `t(fn)` and `@t(...)` is `t(...)(fn)`, so every
// decorator an SDK descriptor lists is read in these forms too; `t(fn, option=...)` only for an SDK
// whose function comes first (`functionWithOptions`). Found from the tracers' names in the text and
// confirmed in the tree, like the front-end's other calls: a file has thousands of calls.
import type { Node } from 'web-tree-sitter';
import type { CustomTracer } from '../settings';
import type { ArgList, TracedFunction } from '../model';
import { matchTracer, type TracerMatch } from '../sdks';
import { buildTraced, lineIndent } from '../shared-facts';
import type { PythonReader } from './frontend';
import { span } from './outline';

const NAME_CHARS = /^[A-Za-z_]\w*$/;

/** The body of the function a node is in, or undefined at module level (a few `.parent` steps: called for few nodes). */
function enclosingFunctionBody(n: Node): Node | undefined {
  for (let p = n.parent, i = 0; p && i < 200; p = p.parent, i++) {
    if (p.type === 'function_definition') return p.childForFieldName('body') ?? undefined;
  }
  return undefined;
}

/**
 * Reads `n` with the names assigned before it in its function resolved (`args = {...}` then
 * `f(args=args)`). The function is looked for only when a name is read (`.parent` steps cross into
 * wasm, and most calls pass no name).
 */
export function readInScope<T>(reader: PythonReader, root: Node, n: Node, read: () => T): T {
  let body: Node | undefined | null = null;
  const start = () => {
    if (body === null) body = enclosingFunctionBody(n);
    return body?.startIndex;
  };
  reader.scope = { start, end: n.startIndex, root };
  try {
    return read();
  } finally {
    reader.scope = undefined;
  }
}

/** Appends to `out` every tracer of the file applied by a call. */
export function readWrapped(root: Node, text: string, reader: PythonReader, custom: readonly CustomTracer[], out: TracedFunction[]): void {
  const names = reader.tracerNames(custom).filter((n) => NAME_CHARS.test(n));
  if (names.length === 0) return;
  const pattern = new RegExp(`\\b(${names.join('|')})\\s*\\(`, 'g');
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const nameEnd = m.index + m[1].length;
    const before = text.slice(Math.max(0, m.index - 60), m.index);
    // `def op(` defines; `@weave.op(` is a decorator (readDecorated's): both told from the text,
    // before any question to the tree (a file of decorated ops matches here at every one).
    if (/\b(?:def|class)\s+$/.test(before) || /@\s*(?:[A-Za-z_]\w*\s*\.\s*)*$/.test(before)) continue;
    const inner = root.descendantForIndex(m.index, m.index + m[0].length);
    const calleeNode = inner?.type === 'call' ? inner.childForFieldName('function') : null;
    if (!inner || !calleeNode || calleeNode.endIndex !== nameEnd) continue;
    // `@tracer(...)` is a decorator: the front-end's readDecorated reads it.
    if (/@\s*$/.test(text.slice(Math.max(0, calleeNode.startIndex - 40), calleeNode.startIndex))) continue;
    const calleeText = reader.dotted(calleeNode);
    if (!calleeText) continue;
    const match = matchTracer('python', reader.resolve(calleeText), calleeText, custom);
    if (!match || !match.tracer.forms.includes('decorator')) continue;
    readInScope(reader, root, inner, () => readWrappedCall(root, text, reader, match, inner, calleeNode, out));
  }
}

function readWrappedCall(root: Node, text: string, reader: PythonReader, match: TracerMatch, inner: Node, calleeNode: Node, out: TracedFunction[]): void {
  const argsNode = inner.childForFieldName('arguments');
  if (argsNode?.type !== 'argument_list') return;
  const innerArgs = reader.argList(argsNode, 0);
  // `tracer(...)(fn)`: the call right after the tracer's call applies what it returned.
  const next = /^\s*\(/.exec(text.slice(inner.endIndex, inner.endIndex + 200));
  let outer: Node | undefined;
  let target: Node | undefined;
  let options: ArgList | undefined;
  if (next) {
    const paren = inner.endIndex + next[0].length - 1;
    const call = root.descendantForIndex(inner.startIndex, paren + 1);
    if (call?.type !== 'call' || call.childForFieldName('function')?.endIndex !== inner.endIndex) return;
    outer = call;
    target = firstPositional(call.childForFieldName('arguments'));
    options = innerArgs;
  } else {
    // `tracer(fn)`; `tracer(fn, name=...)` only where the SDK takes the function first.
    target = firstPositional(argsNode);
    if (match.tracer.functionWithOptions) options = innerArgs;
    else if (innerArgs.keywords.length > 0 || innerArgs.positional.length !== 1) return;
  }
  if (!target) return;
  const fn = functionReferenced(root, text, target);
  if (!fn) return;
  const def = fn.node;
  const nameNode = def.type === 'function_definition' ? def.childForFieldName('name') : null;
  const isStatic = fn.decorators !== undefined && /@\s*staticmethod\b/.test(fn.decorators);
  const site = outer ?? inner;
  out.push(buildTraced({
    match,
    form: 'wrapper',
    tracerSpan: span(site),
    calleeSpan: span(calleeNode),
    name: nameNode?.text ?? '',
    nameSpan: nameNode ? span(nameNode) : span(target),
    span: span(def),
    isAsync: def.child(0)?.type === 'async',
    isMethod: fn.isMethod,
    params: reader.params(def, fn.isMethod, isStatic),
    options,
    // Without options, `tracer(fn)` becomes `tracer(option=...)(fn)`.
    optionsInsertAt: calleeNode.endIndex,
    createOptions: 'call',
    indent: lineIndent(text, site.startIndex),
  }));
}

function firstPositional(args: Node | null): Node | undefined {
  if (args?.type !== 'argument_list') return undefined;
  const first = args.namedChildren.find((c) => c && c.type !== 'comment');
  return first && first.type !== 'keyword_argument' && first.type !== 'list_splat' && first.type !== 'dictionary_splat' ? first : undefined;
}

interface Referenced {
  node: Node;
  isMethod: boolean;
  /** The decorators' text, when the definition has some (`@staticmethod`). */
  decorators?: string;
}

/** The module, function body or class body a definition binds its name in. */
function bindingScope(holder: Node | null): Node | null {
  let scope = holder;
  // Blocks of `if`, `try`, `with`, `for` bind in the scope around them.
  for (let i = 0; scope && i < 100; i++) {
    if (scope.type === 'module') return scope;
    if (scope.type === 'block') {
      const owner = scope.parent?.type;
      if (owner === 'function_definition' || owner === 'class_definition') return scope;
    }
    scope = scope.parent;
  }
  return null;
}

/**
 * The function a tracer is applied to: a lambda written there, a function of that name bound where
 * the call can see it (module level, an enclosing function, the class body the call stands in
 * directly), or `self.name` / `cls.name`, a method of the class the call is in. The innermost wins.
 */
function functionReferenced(root: Node, text: string, written: Node): Referenced | undefined {
  let ref = written;
  // `t((fn))`: parentheses change nothing.
  for (let i = 0; ref.type === 'parenthesized_expression' && i < 8; i++) {
    const inner = ref.namedChildren.find((c) => c && c.type !== 'comment');
    if (!inner) return undefined;
    ref = inner;
  }
  const type = ref.type;
  if (type === 'lambda') return { node: ref, isMethod: false };
  let name: string;
  let viaReceiver = false;
  if (type === 'identifier') name = ref.text;
  else if (type === 'attribute') {
    const obj = ref.childForFieldName('object');
    const attr = ref.childForFieldName('attribute');
    if (obj?.type !== 'identifier' || !attr || (obj.text !== 'self' && obj.text !== 'cls')) return undefined;
    name = attr.text;
    viaReceiver = true;
  } else return undefined;
  if (!NAME_CHARS.test(name)) return undefined;
  const at = ref.startIndex;
  const callIndent = lineIndent(text, firstNonSpace(text, text.lastIndexOf('\n', at - 1) + 1));
  let best: (Referenced & { size: number }) | undefined;
  const re = new RegExp(`\\bdef\\s+${name}\\s*\\(`, 'g');
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const def = root.descendantForIndex(m.index, m.index + 3)?.parent;
    if (def?.type !== 'function_definition' || def.childForFieldName('name')?.text !== name) continue;
    let holder = def.parent;
    let decorators: string | undefined;
    if (holder?.type === 'decorated_definition') {
      decorators = text.slice(holder.startIndex, def.startIndex);
      holder = holder.parent;
    }
    const scope = bindingScope(holder);
    if (!scope) continue;
    const isMethod = scope.type === 'block' && scope.parent?.type === 'class_definition';
    if (viaReceiver && !isMethod) continue;
    if (scope.type !== 'module' && !(scope.startIndex <= at && at < scope.endIndex)) continue;
    // A class body's names are seen from the class body itself, not from inside its methods.
    if (isMethod && !viaReceiver && callIndent !== lineIndent(text, def.startIndex)) continue;
    const size = scope.endIndex - scope.startIndex;
    if (!best || size < best.size) best = { node: def, isMethod, decorators, size };
  }
  return best;
}

function firstNonSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t')) i++;
  return i;
}
