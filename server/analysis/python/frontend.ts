// The Python front-end: turns a tree-sitter-python tree into the SourceModel. It resolves imports
// (so only a decorator that really comes from an SDK counts), reads decorator arguments, parameters,
// module-level constants, calls the rules care about, string literals and comments. tree-sitter
// recovers from syntax errors, so a broken function does not hide the rest of the file.
import type { Node, Tree } from 'web-tree-sitter';
import type { Span } from '../../../shared/types';
import { LineIndex } from '../../../shared/positions';
import type { CustomTracer } from '../settings';
import type {
  ArgList, CallSite, CommentSite, DictEntry, OptionArg, Param, ParseProblem, SourceModel, StringValue, TracedFunction, ValueNode,
} from '../model';
import { SDKS, matchTracer, pythonRootModules, type Resolved } from '../sdks';
import { buildTraced, collectCallFacts, INTERESTING_CALLEES, lineIndent, processorOrderSettings } from '../shared-facts';
import { Shift } from '../shift';
import { pythonString } from './literals';
import { forgetOutline, outline, span, type ImportFacts } from './outline';
import type { Reparse } from './parser';
import { readInScope, readWrapped } from './wrapped';

/** Nesting beyond this is read as `other`: no recursion can overflow on deep input. */
const MAX_VALUE_DEPTH = 40;


export class PythonReader {
  private readonly bindings = new Map<string, string>();
  private readonly constants = new Map<string, Node>();
  private readonly resolving = new Set<string>();
  private readonly roots = new Set(pythonRootModules());
  private readonly places = new Map<string, string | undefined>();
  /** Names of the module constants values were read through (the caller empties it). */
  readonly used = new Set<string>();
  /**
   * While a call inside a function is read: the function body, up to the call. A name assigned
   * there (`args = {...}` before `record_tool_call(args=args)`) is read from its last assignment.
   */
  scope?: { start: () => number | undefined; end: number; root: Node };

  constructor(private readonly text: string) {}

  /** The last `name = value` in the scope before its end (found in the text, confirmed in the tree). */
  private localAssignment(name: string): { start: number; right: Node } | undefined {
    const scope = this.scope!;
    const start = scope.start();
    if (start === undefined || !/^[A-Za-z_]\w*$/.test(name)) return undefined;
    const re = new RegExp(`(?:^|\\n)[ \\t]*(${name})[ \\t]*(?::[^\\n=]*)?=(?!=)`, 'g');
    const body = this.text.slice(start, scope.end);
    const found: number[] = [];
    for (let m = re.exec(body); m; m = re.exec(body)) found.push(start + m.index + m[0].length - 1);
    for (let i = found.length - 1; i >= 0; i--) {
      const eq = found[i];
      const a = scope.root.descendantForIndex(eq, eq + 1)?.parent;
      const left = a?.type === 'assignment' ? a.childForFieldName('left') : null;
      const right = a?.childForFieldName('right');
      if (left?.type === 'identifier' && left.text === name && right && right.startIndex > eq) return { start: a!.startIndex, right };
    }
    return undefined;
  }

  /**
   * What reading any definition depends on besides its own text: the imports, which names are
   * module constants, the declared tracing decorators. (The constants a definition read through are
   * checked one by one: `constantPlace`.)
   */
  context(custom: readonly CustomTracer[]): string {
    return JSON.stringify([[...this.bindings], this.starModules, [...this.constants.keys()], custom]);
  }

  /** Where a module constant's value stands and what it says, or undefined for no such constant. */
  constantPlace(name: string): string | undefined {
    if (!this.places.has(name)) {
      const node = this.constants.get(name);
      this.places.set(name, node && `${node.startIndex}:${this.text.slice(node.startIndex, node.endIndex)}`);
    }
    return this.places.get(name);
  }

  addImport(facts: ImportFacts): void {
    for (const [local, bound] of facts.bindings) this.bindings.set(local, bound);
    if (facts.star !== undefined) this.starModules.push(facts.star);
  }

  private readonly starModules: string[] = [];

  readConstants(root: Node): void {
    for (const stmt of root.namedChildren) {
      if (stmt?.type !== 'expression_statement') continue;
      const a = stmt.namedChild(0);
      if (a?.type !== 'assignment') continue;
      const left = a.childForFieldName('left');
      const right = a.childForFieldName('right');
      if (left?.type === 'identifier' && right) this.constants.set(left.text, right);
    }
  }

  /** `tc.trace_tool` -> tracecraft / trace_tool, through the imports. */
  resolve(dotted: string | undefined): Resolved | undefined {
    if (!dotted) return undefined;
    const dot = dotted.indexOf('.');
    const head = dot === -1 ? dotted : dotted.slice(0, dot);
    const rest = dot === -1 ? '' : dotted.slice(dot);
    let full: string | undefined;
    const bound = this.bindings.get(head);
    if (bound !== undefined) full = bound + rest;
    else if (this.constants.has(head)) return this.tracerObjectMember(head, rest);
    else if (this.roots.has(head) && rest) full = dotted;
    else if (dot === -1 && this.starModules.length > 0) full = `${this.starModules[0]}.${dotted}`;
    if (!full) return undefined;
    const last = full.lastIndexOf('.');
    return last === -1 ? { module: full, member: '' } : { module: full.slice(0, last), member: full.slice(last + 1) };
  }

  /**
   * `tracer.chain` where the module constant `tracer` was made by an SDK's tracer factory
   * (`tracer_provider.get_tracer(__name__)`, `OITracer(...)`) in a file importing that SDK: the
   * SDK's `chain`. The constant is recorded as read, so a cached definition notices it change.
   */
  private tracerObjectMember(head: string, rest: string): Resolved | undefined {
    if (!/^\.\w+$/.test(rest)) return undefined;
    const def = this.constants.get(head);
    if (def?.type !== 'call') return undefined;
    // `provider.get_tracer(...)`, `register(...).get_tracer(...)`, `OITracer(...)`: the last name called.
    const fn = def.childForFieldName('function');
    const last = fn?.type === 'identifier' ? fn.text : fn?.type === 'attribute' ? fn.childForFieldName('attribute')?.text : undefined;
    if (!last) return undefined;
    const imported = [...this.bindings.values(), ...this.starModules];
    for (const sdk of SDKS) {
      const py = sdk.python;
      if (!py?.tracerFactories?.includes(last)) continue;
      const under = (m: string) => py.modules.some((root) => m === root || m.startsWith(`${root}.`));
      if (!imported.some(under)) continue;
      this.used.add(head);
      return { module: py.modules[0], member: rest.slice(1) };
    }
    return undefined;
  }

  /**
   * The names a tracer may be called by in this file: every Python tracer of the SDK descriptors and
   * the configuration, and local names imported under another name (`trace_tool as tool`).
   */
  tracerNames(custom: readonly CustomTracer[]): string[] {
    const names = new Set<string>(custom.map((c) => c.name));
    for (const sdk of SDKS) for (const t of sdk.python?.tracers ?? []) names.add(t.name);
    const known = new Set(names);
    for (const [local, bound] of this.bindings) if (known.has(bound.slice(bound.lastIndexOf('.') + 1))) names.add(local);
    return [...names];
  }

  /** Local names bound to an AgentDbg-style recorder under another name (`record_tool_call as rtc`). */
  recorderAliases(): string[] {
    return [...this.bindings].filter(([local, bound]) => /\.record_\w+$/.test(bound) && !bound.endsWith(`.${local}`)).map(([local]) => local);
  }

  dotted(n: Node | null): string | undefined {
    if (!n) return undefined;
    const type = n.type;
    if (type === 'identifier') return n.text;
    if (type === 'attribute') {
      const obj = this.dotted(n.childForFieldName('object'));
      const attr = n.childForFieldName('attribute');
      return obj && attr ? `${obj}.${attr.text}` : undefined;
    }
    return undefined;
  }

  stringOf(n: Node, type: string): StringValue {
    const parts = type === 'concatenated_string' ? n.namedChildren.filter((c): c is Node => c?.type === 'string').map(span) : [span(n)];
    return pythonString(this.text, parts.length > 0 ? parts : [span(n)]);
  }

  value(n: Node, depth = 0): ValueNode {
    const s = span(n);
    if (depth > MAX_VALUE_DEPTH) return { kind: 'other', span: s };
    const type = n.type;
    switch (type) {
      case 'string':
      case 'concatenated_string':
        return { kind: 'string', span: s, str: this.stringOf(n, type) };
      case 'list':
      case 'tuple':
      case 'set':
        return { kind: 'list', span: s, items: n.namedChildren.filter((c): c is Node => !!c && c.type !== 'comment').map((c) => this.value(c, depth + 1)) };
      case 'true':
      case 'false':
        return { kind: 'bool', span: s, value: type === 'true' };
      case 'none':
        return { kind: 'none', span: s };
      case 'integer':
      case 'float':
        return { kind: 'number', span: s, text: n.text };
      case 'identifier': {
        const name = n.text;
        const local = this.scope && this.localAssignment(name);
        if (local) {
          // The right side is read as it stood before this assignment: `hide = hide + ["otp"]`.
          const saved = this.scope!.end;
          this.scope!.end = local.start;
          const resolved = this.value(local.right, depth + 1);
          this.scope!.end = saved;
          return { kind: 'name', span: s, name, resolved };
        }
        const def = this.constants.get(name);
        let resolved: ValueNode | undefined;
        if (def && !this.resolving.has(name)) {
          this.used.add(name);
          this.resolving.add(name);
          resolved = this.value(def, depth + 1);
          this.resolving.delete(name);
        }
        return { kind: 'name', span: s, name, resolved };
      }
      case 'binary_operator': {
        const left = n.childForFieldName('left');
        const right = n.childForFieldName('right');
        if (n.childForFieldName('operator')?.type !== '+' || !left || !right) return { kind: 'other', span: s };
        return { kind: 'concat', span: s, parts: [this.value(left, depth + 1), this.value(right, depth + 1)] };
      }
      case 'list_splat': {
        const inner = n.namedChildren.find((c) => c && c.type !== 'comment');
        return inner ? { kind: 'spread', span: s, value: this.value(inner, depth + 1) } : { kind: 'other', span: s };
      }
      case 'attribute':
        return { kind: 'attribute', span: s, text: n.text.replace(/\s+/g, '') };
      case 'call':
        return { kind: 'call', span: s, call: this.call(n, depth + 1) };
      case 'dictionary':
        return { kind: 'dict', span: s, entries: this.dictEntries(n, depth + 1) };
      case 'parenthesized_expression': {
        const inner = n.namedChildren.find((c) => c && c.type !== 'comment');
        return inner ? this.value(inner, depth + 1) : { kind: 'other', span: s };
      }
      default:
        return { kind: 'other', span: s };
    }
  }

  dictEntries(n: Node, depth: number): DictEntry[] {
    const out: DictEntry[] = [];
    for (const pair of n.namedChildren) {
      if (pair?.type === 'dictionary_splat') {
        const inner = pair.namedChildren.find((c) => c && c.type !== 'comment');
        if (inner) out.push({ span: span(pair), keySpan: span(pair), value: this.value(inner, depth), spread: true });
        continue;
      }
      if (pair?.type !== 'pair') continue;
      const k = pair.childForFieldName('key');
      const v = pair.childForFieldName('value');
      if (!k || !v) continue;
      const keyType = k.type;
      const keyValue = keyType === 'string' || keyType === 'concatenated_string' ? this.stringOf(k, keyType).value : undefined;
      out.push({ span: span(pair), key: keyValue, keySpan: span(k), value: this.value(v, depth) });
    }
    return out;
  }

  argList(n: Node, depth: number): ArgList {
    const positional: ValueNode[] = [];
    const keywords: OptionArg[] = [];
    let trailingComma = false;
    for (const c of n.children) {
      if (!c) continue;
      const type = c.type;
      if (type === ',') trailingComma = true;
      else if (type === ')' || type === '(' || type === 'comment') continue;
      else {
        trailingComma = false;
        if (type === 'keyword_argument') {
          const name = c.childForFieldName('name');
          const v = c.childForFieldName('value');
          if (name && v) keywords.push({ name: name.text, span: span(c), nameSpan: span(name), value: this.value(v, depth) });
        } else if (c.isNamed) {
          if (type === 'dictionary_splat') {
            // `f(**base)`: the entries of `base` are passed (read by `dict(...)` and recorder calls).
            const inner = c.namedChildren.find((x) => x && x.type !== 'comment');
            positional.push(inner ? { kind: 'spread', span: span(c), value: this.value(inner, depth) } : { kind: 'other', span: span(c) });
          } else positional.push(type === 'list_splat' ? { kind: 'other', span: span(c) } : this.value(c, depth));
        }
      }
    }
    return { style: 'python-call', open: n.startIndex, close: n.endIndex - 1, positional, keywords, trailingComma };
  }

  call(n: Node, depth = 0): CallSite {
    const fn = n.childForFieldName('function');
    const args = n.childForFieldName('arguments');
    const callee = this.dotted(fn) ?? (fn ? fn.text.replace(/\s+/g, '') : '');
    const resolved = this.resolve(this.dotted(fn));
    return {
      span: span(n),
      callee,
      calleeSpan: fn ? span(fn) : span(n),
      qualified: resolved ? (resolved.member ? `${resolved.module}.${resolved.member}` : resolved.module) : undefined,
      args: args && args.type === 'argument_list'
        ? this.argList(args, depth)
        : { style: 'python-call', open: n.endIndex, close: n.endIndex, positional: [], keywords: [], trailingComma: false },
    };
  }

  params(def: Node, isMethod: boolean, isStatic: boolean): Param[] {
    const out: Param[] = [];
    const list = def.childForFieldName('parameters');
    if (!list) return out;
    let keywordOnly = false;
    let index = 0;
    for (const c of list.namedChildren) {
      if (!c) continue;
      const type = c.type;
      if (type === 'comment' || type === 'positional_separator') continue;
      if (type === 'keyword_separator') {
        keywordOnly = true;
        continue;
      }
      let node: Node | null = c;
      let kind: Param['kind'] = keywordOnly ? 'keyword-only' : 'positional';
      if (type === 'default_parameter' || type === 'typed_default_parameter') node = c.childForFieldName('name');
      else if (type === 'typed_parameter') node = c.namedChild(0);
      const typeNode = type === 'typed_parameter' || type === 'typed_default_parameter' ? c.childForFieldName('type') : null;
      let nodeType = node === c ? type : node?.type;
      if (nodeType === 'list_splat_pattern') {
        kind = 'var-positional';
        keywordOnly = true;
        node = node!.namedChild(0);
        nodeType = node?.type;
      } else if (nodeType === 'dictionary_splat_pattern') {
        kind = 'var-keyword';
        node = node!.namedChild(0);
        nodeType = node?.type;
      }
      if (!node || nodeType !== 'identifier') continue;
      const param: Param = { name: node.text, span: span(node), kind, index, receiver: isMethod && !isStatic && index === 0 };
      if (typeNode) param.annotation = this.text.slice(typeNode.startIndex, typeNode.endIndex);
      out.push(param);
      index++;
    }
    return out;
  }
}


/** What a decorated definition gave, where it stood then, and the constants it read (name, place). */
interface CachedDefinition extends Span {
  traced: TracedFunction[];
  constants: Array<[string, string | undefined]>;
}

/**
 * Per file (the files being edited), the decorated definitions of the last analysis: a keystroke
 * changes one definition, and the others are not read from the tree again (each tree-sitter call
 * crosses into wasm, and a file can hold hundreds of traced functions).
 */
const definitionCache = new Map<string, { context: string; definitions: Map<string, CachedDefinition> }>();
const CACHED_FILES = 8;

/** Drops what this front-end keeps of a file for its next version (the editor closed it). */
export function forgetPython(fileName: string): void {
  definitionCache.delete(fileName);
  forgetOutline(fileName);
}

/** Builds the SourceModel of a Python file from its tree; `reparse` when the tree was made from the file's last one. */
export function analyzePythonTree(fileName: string, text: string, tree: Tree, custom: readonly CustomTracer[], reparse?: Reparse): SourceModel {
  const root = tree.rootNode;
  const reader = new PythonReader(text);
  const items = outline(fileName, text, root, reparse);
  reader.readConstants(root);
  for (const item of items) if (item.kind === 'import') reader.addImport(item.facts);

  const traced: TracedFunction[] = [];
  const strings: StringValue[] = [];
  const comments: CommentSite[] = [];
  const problems: ParseProblem[] = [];
  // Start offsets of the statements directly in a class body: the methods. A class comes before
  // its members in the outline. Asked this way, not through `.parent`, which tree-sitter answers
  // by searching down from the root.
  const members = new Set<number>();
  const context = reader.context(custom);
  const cached = definitionCache.get(fileName);
  definitionCache.delete(fileName);
  const reuse = cached?.context === context ? cached.definitions : new Map<string, CachedDefinition>();
  const kept = new Map<string, CachedDefinition>();
  // The outline keeps no nodes of what it did not walk again; one walk finds them when needed.
  let decoratedNodes: Map<number, Node> | undefined;
  const nodeAt = (start: number) => (decoratedNodes ??= new Map(root.descendantsOfType('decorated_definition').flatMap((n) => (n ? [[n.startIndex, n] as const] : [])))).get(start);
  for (const item of items) {
    switch (item.kind) {
      case 'class':
        for (const m of item.members) members.add(m);
        break;
      case 'decorated': {
        const isMethod = members.has(item.start);
        // Same text, indentation, class membership and context, and the constants it read unmoved
        // and unchanged: what was read last time holds, moved to where the definition is now.
        const key = `${isMethod ? 'method' : 'function'} ${lineIndent(text, item.start)}\n${text.slice(item.start, item.end)}`;
        const last = reuse.get(key);
        if (last && last.constants.every(([name, place]) => reader.constantPlace(name) === place)) {
          const shift = new Shift(item.start - last.start, last);
          traced.push(...last.traced.map((t) => shift.traced(t)));
          kept.set(key, last);
          break;
        }
        const node = item.node ?? nodeAt(item.start);
        if (!node) break;
        const before = traced.length;
        reader.used.clear();
        readDecorated(node, isMethod, reader, text, custom, traced);
        const constants = [...reader.used].map((name): [string, string | undefined] => [name, reader.constantPlace(name)]);
        kept.set(key, { start: item.start, end: item.end, traced: traced.slice(before), constants });
        break;
      }
      case 'string':
        strings.push(pythonString(text, item.parts));
        break;
      case 'comment': {
        const lineStart = text.lastIndexOf('\n', item.start - 1) + 1;
        comments.push({ span: { start: item.start, end: item.end }, text: text.slice(item.start + 1, item.end), trailing: text.slice(lineStart, item.start).trim() !== '' });
        break;
      }
    }
  }
  definitionCache.set(fileName, { context, definitions: kept });
  if (definitionCache.size > CACHED_FILES) definitionCache.delete(definitionCache.keys().next().value!);
  readWrapped(root, text, reader, custom, traced);
  traced.sort((a, b) => a.tracerSpan.start - b.tracerSpan.start);
  if (root.hasError) problems.push(...syntaxErrors(root));
  const calls = findCalls(root, text, reader, new Set(traced.map((t) => t.name)));
  const facts = collectCallFacts('python', calls, (c) => reader.resolve(c));
  return {
    fileName,
    language: 'python',
    text,
    lines: new LineIndex(text),
    traced,
    calls,
    recordCalls: facts.recordCalls,
    patterns: facts.patterns,
    redactionConfigs: facts.redactionConfigs,
    settings: [...facts.settings, ...processorOrderSettings(text, (offset) => {
      const node = root.descendantForIndex(offset, offset + 1);
      return node?.type === 'identifier' || node?.type === 'attribute';
    })],
    strings,
    comments,
    problems,
  };
}

const NAME_CHARS = /^[A-Za-z_]\w*$/;

/**
 * The calls the rules look at (to traced functions, redaction and exporter constructors, AgentDbg
 * recorders), found from their names in the text and confirmed in the tree: a file has thousands
 * of calls, and only these few are worth crossing into wasm for.
 */
function findCalls(root: Node, text: string, reader: PythonReader, tracedNames: Set<string>): CallSite[] {
  const names = [...tracedNames, ...reader.recorderAliases()].filter((n) => NAME_CHARS.test(n));
  const pattern = new RegExp(`\\b(${[...names, INTERESTING_CALLEES.source.replace(/^\^|\$$/g, '')].join('|')})\\s*\\(`, 'g');
  const out: CallSite[] = [];
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const nameEnd = m.index + m[1].length;
    // `def name(` defines, it does not call (every traced function's name matches here).
    if (/\b(?:def|class)\s+$/.test(text.slice(Math.max(0, m.index - 12), m.index))) continue;
    // The smallest node holding the name and the `(` after it is the call, when it is one (found
    // from the root down: `.parent` would search from the root for every step up).
    const call = root.descendantForIndex(m.index, m.index + m[0].length);
    if (call?.type === 'call' && call.childForFieldName('function')?.endIndex === nameEnd) out.push(readInScope(reader, root, call, () => reader.call(call)));
  }
  return out;
}

function readDecorated(n: Node, isMethod: boolean, reader: PythonReader, text: string, custom: readonly CustomTracer[], out: TracedFunction[]): void {
  const def = n.childForFieldName('definition');
  if (!def || def.type !== 'function_definition') return;
  const decorators = n.namedChildren.filter((c): c is Node => c?.type === 'decorator');
  // From the text: `.text` would cross into wasm for the decorator's end.
  const isStatic = decorators.some((d) => /^@\s*staticmethod\b/.test(text.slice(d.startIndex, d.startIndex + 40)));
  let params: Param[] | undefined;
  for (const d of decorators) {
    const expr = d.namedChildren.find((c) => c && c.type !== 'comment');
    if (!expr) continue;
    const isCall = expr.type === 'call';
    const calleeNode = isCall ? expr.childForFieldName('function') : expr;
    const calleeText = reader.dotted(calleeNode);
    if (!calleeNode || !calleeText) continue;
    const match = matchTracer('python', reader.resolve(calleeText), calleeText, custom);
    if (!match) continue;
    const argsNode = isCall ? expr.childForFieldName('arguments') : null;
    const options = argsNode?.type === 'argument_list' ? reader.argList(argsNode, 0) : undefined;
    const nameNode = def.childForFieldName('name');
    params ??= reader.params(def, isMethod, isStatic);
    out.push(buildTraced({
      match,
      form: 'decorator',
      tracerSpan: span(d),
      calleeSpan: span(calleeNode),
      name: nameNode?.text ?? '',
      nameSpan: nameNode ? span(nameNode) : span(def),
      span: span(def),
      isAsync: def.child(0)?.type === 'async',
      isMethod,
      params,
      options,
      optionsInsertAt: calleeNode.endIndex,
      createOptions: 'call',
      indent: lineIndent(text, d.startIndex),
    }));
  }
}

/**
 * The outermost ERROR and MISSING nodes, found by descending only into subtrees that contain an
 * error (an explicit stack: deep input cannot overflow it).
 */
function syntaxErrors(root: Node): ParseProblem[] {
  const out: ParseProblem[] = [];
  const stack: Node[] = [root];
  while (stack.length > 0 && out.length < 100) {
    const n = stack.pop()!;
    if (n.isError || n.isMissing) {
      const what = n.isMissing ? `missing "${n.type}"` : 'syntax error';
      out.push({ span: span(n), message: `Python ${what}: this part of the file was skipped, the rest was analysed.` });
      continue;
    }
    for (let i = n.childCount - 1; i >= 0; i--) {
      const c = n.child(i);
      if (c && (c.hasError || c.isMissing)) stack.push(c);
    }
  }
  return out.sort((a, b) => a.span.start - b.span.start);
}
