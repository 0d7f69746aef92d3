// The TypeScript/JavaScript front-end: typescript-estree (no type information, no project) turns
// the statements `prepare` kept into ESTree; this file reads imports and `require`s, module-level
// constants, tracing wrappers (`traceable(fn, { ... })`, `observe(fn, { ... })`) with their
// parameters, and the calls the rules care about, into the SourceModel.
import { parse, type TSESTree } from '@typescript-eslint/typescript-estree';
import { visitorKeys } from '@typescript-eslint/visitor-keys';
import type { Span } from '../../../shared/types';
import { LineIndex } from '../../../shared/positions';
import type { CustomTracer } from '../settings';
import type { ArgList, CallSite, DictEntry, OptionArg, Param, SourceLanguage, SourceModel, StringValue, TracedFunction, ValueNode } from '../model';
import { SDKS, matchTracer, type Resolved } from '../sdks';
import { buildTraced, collectCallFacts, INTERESTING_CALLEES, lineIndent, processorOrderSettings } from '../shared-facts';
import { jsString, regexLiteral } from './literals';
import { SourceFileCache } from './incremental';
import { blankText, forgetPrepared, prepare, statementAt } from './prepare';
import * as ts from 'typescript';

type N = TSESTree.Node;

const MAX_VALUE_DEPTH = 40;
const span = (n: N): Span => ({ start: n.range[0], end: n.range[1] });

/** Wrapper names of every SDK's TS support, for the relevance test and by-reference lookups. */
function wrapperNames(custom: readonly CustomTracer[]): string[] {
  const names = new Set<string>();
  for (const s of SDKS) for (const t of s.typescript?.tracers ?? []) names.add(t.name);
  for (const c of custom) names.add(c.name);
  return [...names].filter((n) => /^[A-Za-z_$][\w$]*$/.test(n));
}

/** Configuration calls the descriptors name for TS (`new Client({ hideInputs: false })`). */
const TS_CONFIG_CALLEES = [...new Set(SDKS.filter((s) => s.typescript).flatMap((s) => (s.configSwitches ?? []).map((c) => c.callee)))];

/** Options-object fields holding a schema (`parameters`): a schema constant they name is kept. */
const SCHEMA_FIELDS = [...new Set(SDKS.flatMap((s) => (s.typescript?.tracers ?? []).flatMap((t) => (t.optionsObject ? [t.optionsObject.schema] : []))))];

function relevanceRegex(wrappers: string[]): RegExp {
  const words = [...wrappers, 'Redaction\\w*', 'OTLP\\w*Exporter', 'ProcessorOrder', 'require', 'record_\\w+'].join('|');
  // A configuration callee counts only where it is called: `Client` is a common type name.
  const calls = TS_CONFIG_CALLEES.length > 0 ? `|\\b(?:${TS_CONFIG_CALLEES.join('|')})\\s*\\(` : '';
  return new RegExp(`\\b(?:${words})\\b${calls}`);
}

function unwrap(n: N): N {
  let cur = n;
  for (let i = 0; i < 16; i++) {
    if (cur.type === 'TSAsExpression' || cur.type === 'TSSatisfiesExpression' || cur.type === 'TSNonNullExpression' || cur.type === 'AwaitExpression') {
      cur = (cur as { expression?: N; argument?: N }).expression ?? (cur as { argument: N }).argument;
    } else break;
  }
  return cur;
}

/** A `const` / `let` / `var` declared in a block: seen from later in that block. */
interface LocalDeclaration {
  name: string;
  init: N;
  /** Where the declaration is, and the block it is seen in. */
  at: number;
  block: Span;
}

class TsReader {
  readonly bindings = new Map<string, Resolved>();
  readonly constants = new Map<string, N>();
  readonly functions = new Map<string, N>();
  /** Variables declared in blocks (function bodies), by name: `const args = {...}` before the call that passes it. */
  readonly locals = new Map<string, LocalDeclaration[]>();
  private readonly resolving = new Set<string>();

  constructor(private readonly text: string, readonly typeMembers: ReadonlyMap<string, string[]> = new Map()) {}

  /** The innermost block declaration of `name` before `at` whose block holds `at`. */
  private local(name: string, at: number): LocalDeclaration | undefined {
    let best: LocalDeclaration | undefined;
    for (const d of this.locals.get(name) ?? []) {
      if (d.at >= at || at < d.block.start || at >= d.block.end) continue;
      if (!best || d.block.start > best.block.start || (d.block.start === best.block.start && d.at > best.at)) best = d;
    }
    return best;
  }

  /** What a name stands for at `at`: its block declaration before it, else its module constant. */
  initOf(name: string, at: number): N | undefined {
    return this.local(name, at)?.init ?? this.constants.get(name);
  }

  /**
   * The property names (with the spans of their keys) of an object schema: zod's `z.object({ ... })`
   * (also `strictObject` / `looseObject`, chained `.describe(...)`, `.strict()`, `.extend({ ... })`)
   * or a JSON schema's `properties` object; through names declared in the file. Undefined when the
   * schema cannot be read.
   */
  schemaProperties(node: N, depth = 0): Array<{ name: string; span: Span }> | undefined {
    const n = unwrap(node);
    if (depth > MAX_VALUE_DEPTH) return undefined;
    const keysOf = (o: TSESTree.ObjectExpression, level = depth): Array<{ name: string; span: Span }> | undefined => {
      const out: Array<{ name: string; span: Span }> = [];
      for (const p of o.properties) {
        if (p.type !== 'Property') {
          // `{ ...COMMON, apiKey: ... }`: the keys of an object literal the name stands for; else unknown.
          let arg = unwrap(p.argument);
          if (arg.type === 'Identifier') {
            const init = this.initOf(arg.name, arg.range[0]);
            if (init) arg = unwrap(init);
          }
          const spread = arg.type === 'ObjectExpression' && level < MAX_VALUE_DEPTH ? keysOf(arg, level + 1) : undefined;
          if (!spread) return undefined;
          out.push(...spread);
          continue;
        }
        const key = this.keyOf(p);
        if (key === undefined) return undefined;
        out.push({ name: key, span: span(p.key) });
      }
      return out;
    };
    if (n.type === 'Identifier') {
      const init = this.resolving.has(`schema:${n.name}`) ? undefined : this.initOf(n.name, n.range[0]);
      if (!init) return undefined;
      this.resolving.add(`schema:${n.name}`);
      const out = this.schemaProperties(init, depth + 1);
      this.resolving.delete(`schema:${n.name}`);
      return out;
    }
    if (n.type === 'ObjectExpression') {
      const props = n.properties.find((p): p is TSESTree.Property => p.type === 'Property' && this.keyOf(p) === 'properties');
      if (!props) return [];
      const v = unwrap(props.value as N);
      if (v.type === 'ObjectExpression') return keysOf(v);
      return this.schemaProperties(v, depth + 1);
    }
    if (n.type === 'CallExpression' && n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier') {
      const method = n.callee.property.name;
      const arg = n.arguments[0] ? unwrap(n.arguments[0] as N) : undefined;
      if (method === 'object' || method === 'strictObject' || method === 'looseObject') {
        return arg?.type === 'ObjectExpression' ? keysOf(arg) : arg ? this.schemaProperties(arg, depth + 1) : [];
      }
      const base = this.schemaProperties(n.callee.object, depth + 1);
      if (!base) return undefined;
      if (method === 'extend' || method === 'merge') {
        const more = arg?.type === 'ObjectExpression' && method === 'extend' ? keysOf(arg) : arg ? this.schemaProperties(arg, depth + 1) : [];
        return more ? [...base, ...more] : undefined;
      }
      return base;
    }
    return undefined;
  }

  /** Class bodies met so far, with their methods: `op(this.chat.bind(this))` in a constructor wraps `chat`. */
  private readonly classes: Array<{ span: Span; methods: Map<string, TSESTree.FunctionExpression> }> = [];

  addClass(body: TSESTree.ClassBody): void {
    const methods = new Map<string, TSESTree.FunctionExpression>();
    for (const m of body.body) {
      if (m.type === 'MethodDefinition' && !m.computed && m.key.type === 'Identifier' && m.value.type === 'FunctionExpression') methods.set(m.key.name, m.value);
    }
    this.classes.push({ span: span(body), methods });
  }

  /** The method `name` of the innermost class around `at`. */
  methodAt(name: string, at: number): TSESTree.FunctionExpression | undefined {
    let best: { span: Span; methods: Map<string, TSESTree.FunctionExpression> } | undefined;
    for (const c of this.classes) if (c.span.start <= at && at < c.span.end && (!best || c.span.start > best.span.start)) best = c;
    return best?.methods.get(name);
  }

  addLocals(block: TSESTree.BlockStatement): void {
    const blockSpan = span(block);
    for (const stmt of block.body) {
      if (stmt.type !== 'VariableDeclaration') continue;
      for (const d of stmt.declarations) {
        if (d.id.type !== 'Identifier' || !d.init) continue;
        const list = this.locals.get(d.id.name) ?? [];
        list.push({ name: d.id.name, init: d.init, at: d.range[0], block: blockSpan });
        this.locals.set(d.id.name, list);
      }
    }
  }

  dotted(n: N | null | undefined): string | undefined {
    if (!n) return undefined;
    if (n.type === 'Identifier') return n.name;
    if (n.type === 'ThisExpression') return 'this';
    if (n.type === 'MemberExpression' && !n.computed && n.property.type === 'Identifier') {
      const obj = this.dotted(n.object);
      return obj ? `${obj}.${n.property.name}` : undefined;
    }
    return undefined;
  }

  resolve(dotted: string | undefined): Resolved | undefined {
    if (!dotted) return undefined;
    const dot = dotted.indexOf('.');
    const head = dot === -1 ? dotted : dotted.slice(0, dot);
    const rest = dot === -1 ? '' : dotted.slice(dot + 1);
    const b = this.bindings.get(head);
    if (!b) return undefined;
    const member = [b.member, rest].filter((s) => s.length > 0).join('.');
    return { module: b.module, member };
  }

  stringOf(n: N): StringValue | undefined {
    if (n.type === 'Literal') {
      if ('regex' in n && n.regex) return regexLiteral(this.text, n.range[0], n.range[1]);
      if (typeof n.value === 'string') return jsString(this.text, n.range[0], n.range[1]);
    }
    if (n.type === 'TemplateLiteral' && n.expressions.length === 0) return jsString(this.text, n.range[0], n.range[1]);
    return undefined;
  }

  value(node: N, depth = 0): ValueNode {
    const n = unwrap(node);
    const s = span(n);
    if (depth > MAX_VALUE_DEPTH) return { kind: 'other', span: s };
    const str = this.stringOf(n);
    if (str) return { kind: 'string', span: s, str };
    switch (n.type) {
      case 'Literal':
        if (typeof n.value === 'boolean') return { kind: 'bool', span: s, value: n.value };
        if (n.value === null) return { kind: 'none', span: s };
        if (typeof n.value === 'number') return { kind: 'number', span: s, text: n.raw };
        return { kind: 'other', span: s };
      case 'ArrayExpression':
        return {
          kind: 'list',
          span: s,
          items: n.elements.flatMap((e): ValueNode[] => {
            if (!e) return [];
            if (e.type === 'SpreadElement') return [{ kind: 'spread', span: span(e), value: this.value(e.argument, depth + 1) }];
            return [this.value(e, depth + 1)];
          }),
        };
      case 'ObjectExpression':
        return { kind: 'dict', span: s, entries: this.entries(n, depth + 1) };
      case 'Identifier': {
        if (n.name === 'undefined') return { kind: 'none', span: s };
        const local = this.local(n.name, s.start);
        if (local && !this.resolving.has(`${n.name}@${local.at}`)) {
          const key = `${n.name}@${local.at}`;
          this.resolving.add(key);
          const resolved = this.value(local.init, depth + 1);
          this.resolving.delete(key);
          return { kind: 'name', span: s, name: n.name, resolved };
        }
        const def = this.constants.get(n.name);
        let resolved: ValueNode | undefined;
        if (def && !this.resolving.has(n.name)) {
          this.resolving.add(n.name);
          resolved = this.value(def, depth + 1);
          this.resolving.delete(n.name);
        }
        return { kind: 'name', span: s, name: n.name, resolved };
      }
      case 'MemberExpression': {
        const d = this.dotted(n);
        return d ? { kind: 'attribute', span: s, text: d } : { kind: 'other', span: s };
      }
      case 'CallExpression':
        // `TEAM.concat(["x"])`: the sequences joined.
        if (n.callee.type === 'MemberExpression' && !n.callee.computed && n.callee.property.type === 'Identifier' && n.callee.property.name === 'concat') {
          const parts = [n.callee.object, ...n.arguments].map((a) => (a.type === 'SpreadElement' ? { kind: 'other', span: span(a) } as ValueNode : this.value(a, depth + 1)));
          return { kind: 'concat', span: s, parts };
        }
        return { kind: 'call', span: s, call: this.call(n, depth + 1) };
      case 'NewExpression':
        return { kind: 'call', span: s, call: this.call(n, depth + 1) };
      default:
        return { kind: 'other', span: s };
    }
  }

  keyOf(p: TSESTree.Property): string | undefined {
    if (p.computed) return undefined;
    if (p.key.type === 'Identifier') return p.key.name;
    if (p.key.type === 'Literal' && (typeof p.key.value === 'string' || typeof p.key.value === 'number')) return String(p.key.value);
    return undefined;
  }

  entries(n: TSESTree.ObjectExpression, depth: number): DictEntry[] {
    const out: DictEntry[] = [];
    for (const p of n.properties) {
      if (p.type === 'SpreadElement') out.push({ span: span(p), keySpan: span(p), value: this.value(p.argument, depth), spread: true });
      else out.push({ span: span(p), key: this.keyOf(p), keySpan: span(p.key), value: this.value(p.value as N, depth) });
    }
    return out;
  }

  /** An options object as an ArgList a fix can insert into. */
  objectArgs(n: TSESTree.ObjectExpression, depth: number): ArgList {
    const keywords: OptionArg[] = [];
    for (const p of n.properties) {
      if (p.type !== 'Property') continue;
      const key = this.keyOf(p);
      if (key === undefined) continue;
      keywords.push({ name: key, span: span(p), nameSpan: span(p.key), value: this.value(p.value as N, depth) });
    }
    const lastEnd = n.properties.length > 0 ? n.properties[n.properties.length - 1].range[1] : n.range[0] + 1;
    return {
      style: 'ts-object', open: n.range[0], close: n.range[1] - 1, positional: [], keywords,
      trailingComma: this.text.slice(lastEnd, n.range[1] - 1).includes(','),
    };
  }

  call(n: TSESTree.CallExpression | TSESTree.NewExpression, depth = 0): CallSite {
    const calleeText = this.dotted(n.callee) ?? this.text.slice(n.callee.range[0], n.callee.range[1]).replace(/\s+/g, '');
    const resolved = this.resolve(this.dotted(n.callee));
    const openParen = this.text.indexOf('(', n.callee.range[1]);
    const lastArg = n.arguments[n.arguments.length - 1];
    return {
      span: span(n),
      callee: calleeText,
      calleeSpan: span(n.callee),
      qualified: resolved ? [resolved.module, resolved.member].filter(Boolean).join('.') : undefined,
      args: {
        style: 'ts-call',
        open: openParen === -1 ? n.range[1] : openParen,
        close: n.range[1] - 1,
        positional: n.arguments.map((a) => (a.type === 'SpreadElement' ? { kind: 'other', span: span(a) } as ValueNode : this.value(a, depth))),
        keywords: [],
        trailingComma: lastArg ? this.text.slice(lastArg.range[1], n.range[1] - 1).includes(',') : false,
      },
    };
  }

  /** The property names of an object type written inline or named (a top-level interface / type alias of the file). */
  private membersOf(type: TSESTree.TypeNode | undefined): string[] {
    if (!type) return [];
    if (type.type === 'TSTypeLiteral') {
      return type.members.flatMap((m) => {
        if (m.type !== 'TSPropertySignature' || m.computed) return [];
        return m.key.type === 'Identifier' ? [m.key.name] : m.key.type === 'Literal' && typeof m.key.value === 'string' ? [m.key.value] : [];
      });
    }
    if (type.type === 'TSTypeReference' && type.typeName.type === 'Identifier' && !type.typeArguments) return this.typeMembers.get(type.typeName.name) ?? [];
    return [];
  }

  params(fn: TSESTree.FunctionLike): Param[] {
    const out: Param[] = [];
    fn.params.forEach((p, index) => {
      let target: N = p;
      if (target.type === 'TSParameterProperty') return;
      if (target.type === 'AssignmentPattern') target = target.left;
      const nameSpan = (id: TSESTree.Identifier): Span => ({ start: id.range[0], end: id.range[0] + id.name.length });
      if (target.type === 'Identifier') {
        if (target.name === 'this') return;
        const at = nameSpan(target);
        out.push({ name: target.name, span: at, kind: 'positional', index, receiver: false });
        // An object typed by an interface or a type literal: the trace records its members.
        for (const member of this.membersOf(target.typeAnnotation?.typeAnnotation)) {
          out.push({ name: member, span: at, kind: 'destructured', index, receiver: false, holder: target.name });
        }
      } else if (target.type === 'RestElement' && target.argument.type === 'Identifier') {
        out.push({ name: target.argument.name, span: nameSpan(target.argument), kind: 'var-positional', index, receiver: false });
      } else if (target.type === 'ObjectPattern') {
        for (const prop of target.properties) {
          if (prop.type !== 'Property' || prop.computed) continue;
          // The key is what the caller's object carries, and so what the trace records.
          const key = prop.key.type === 'Identifier' ? prop.key.name : prop.key.type === 'Literal' ? String(prop.key.value) : undefined;
          if (key !== undefined) out.push({ name: key, span: span(prop.key), kind: 'destructured', index, receiver: false });
        }
      }
    });
    return out;
  }
}

function isFunction(n: N | undefined): n is TSESTree.ArrowFunctionExpression | TSESTree.FunctionExpression | TSESTree.FunctionDeclaration {
  return !!n && (n.type === 'ArrowFunctionExpression' || n.type === 'FunctionExpression' || n.type === 'FunctionDeclaration');
}

function readModuleLevel(program: TSESTree.Program, reader: TsReader): void {
  for (const raw of program.body) {
    const stmt = raw.type === 'ExportNamedDeclaration' && raw.declaration ? raw.declaration : raw;
    if (stmt.type === 'ImportDeclaration') {
      const module = stmt.source.value;
      for (const s of stmt.specifiers) {
        if (s.type === 'ImportSpecifier') {
          const imported = s.imported.type === 'Identifier' ? s.imported.name : String(s.imported.value);
          reader.bindings.set(s.local.name, { module, member: imported });
        } else reader.bindings.set(s.local.name, { module, member: '' });
      }
    } else if (stmt.type === 'VariableDeclaration') {
      for (const d of stmt.declarations) {
        const init = d.init ? unwrap(d.init) : undefined;
        if (init?.type === 'CallExpression' && init.callee.type === 'Identifier' && init.callee.name === 'require'
          && init.arguments[0]?.type === 'Literal' && typeof init.arguments[0].value === 'string') {
          const module = init.arguments[0].value;
          if (d.id.type === 'Identifier') reader.bindings.set(d.id.name, { module, member: '' });
          else if (d.id.type === 'ObjectPattern') {
            for (const p of d.id.properties) {
              if (p.type === 'Property' && p.key.type === 'Identifier' && p.value.type === 'Identifier') reader.bindings.set(p.value.name, { module, member: p.key.name });
            }
          }
        } else if (d.id.type === 'Identifier' && init) {
          if (isFunction(init)) reader.functions.set(d.id.name, init);
          else reader.constants.set(d.id.name, init);
        }
      }
    } else if (stmt.type === 'FunctionDeclaration' && stmt.id) {
      reader.functions.set(stmt.id.name, stmt);
    }
  }
}

/** The name a wrapped function goes by: the variable, property or assignment target it is stored in. */
function holderName(parent: N | undefined, fn: N | undefined): { name: string; span?: Span } {
  if (parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier') return { name: parent.id.name, span: { start: parent.id.range[0], end: parent.id.range[0] + parent.id.name.length } };
  if (parent?.type === 'Property' && parent.key.type === 'Identifier') return { name: parent.key.name, span: span(parent.key) };
  if (parent?.type === 'AssignmentExpression') return { name: parent.left.type === 'MemberExpression' && parent.left.property.type === 'Identifier' ? parent.left.property.name : '', span: span(parent.left) };
  if (fn && isFunction(fn) && fn.id) return { name: fn.id.name, span: span(fn.id) };
  return { name: '' };
}

// The kept text changes as little as the file between keystrokes: it is parsed incrementally too,
// into the tree typescript-estree would make of it (the script kind its `jsx` option picks, parent
// pointers set), and handed to typescript-estree, which converts a given tree without parsing.
const keptTrees = new SourceFileCache(true);

/** Drops what this front-end keeps of a file for its next version (the editor closed it). */
export function forgetTypeScript(fileName: string): void {
  keptTrees.forget(fileName);
  forgetPrepared(fileName);
}

function parseKept(fileName: string, kept: string, statements: Array<{ start: number; end: number }>): { program?: TSESTree.Program; extraProblems: Array<{ span: Span; message: string }> } {
  const jsx = /\.(tsx|jsx|js|mjs|cjs)$/i.test(fileName);
  let current = kept;
  const extraProblems: Array<{ span: Span; message: string }> = [];
  for (let attempt = 0; attempt < 4; attempt++) {
    try {
      const tree = keptTrees.parse(fileName, current, jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
      // `parse` is typed for text, but takes a ts.SourceFile as parseAndGenerateServices does.
      const program = parse(tree as unknown as string, { range: true, loc: true, comment: false, jsx, suppressDeprecatedPropertyWarnings: true });
      return { program, extraProblems };
    } catch (e) {
      const at = (e as { index?: number }).index ?? (e as { location?: { start?: { offset?: number } } }).location?.start?.offset ?? 0;
      const stmt = statements[statementAt(statements, at)];
      extraProblems.push({ span: { start: at, end: at }, message: `Syntax error: ${(e as Error).message} (this statement was skipped, the rest was analysed).` });
      if (!stmt) break;
      current = current.slice(0, stmt.start) + blankText(current.slice(stmt.start, stmt.end)) + current.slice(stmt.end);
    }
  }
  return { extraProblems };
}

/** Builds the SourceModel of a TS/JS file. */
export function analyzeTypeScript(fileName: string, text: string, language: SourceLanguage, custom: readonly CustomTracer[]): SourceModel {
  const wrappers = wrapperNames(custom);
  const prepared = prepare(fileName, text, relevanceRegex(wrappers), wrappers, SCHEMA_FIELDS);
  const { program, extraProblems } = parseKept(fileName, prepared.kept, prepared.statements);
  const reader = new TsReader(text, prepared.typeMembers);
  const traced: TracedFunction[] = [];
  const calls: CallSite[] = [];
  if (program) {
    readModuleLevel(program, reader);
    const callNodes = walk(program, reader, text, custom, traced);
    // Only calls the rules look at become CallSites: reading every argument of every call is the
    // expensive part of a large file.
    const tracedNames = new Set(traced.map((t) => t.name).filter(Boolean));
    for (const node of callNodes) {
      const callee = node.callee.type === 'MemberExpression' ? node.callee.property : node.callee;
      const last = callee.type === 'Identifier' ? callee.name : undefined;
      if (last && (tracedNames.has(last) || INTERESTING_CALLEES.test(last))) calls.push(reader.call(node));
    }
  }
  const kept = calls;
  const facts = collectCallFacts('typescript', kept, (c) => reader.resolve(c));
  return {
    fileName,
    language,
    text,
    lines: new LineIndex(text),
    traced,
    calls: kept,
    recordCalls: facts.recordCalls,
    patterns: facts.patterns,
    redactionConfigs: facts.redactionConfigs,
    settings: [...facts.settings, ...processorOrderSettings(text, (o) => prepared.efficiencyAt.has(o))],
    strings: prepared.strings,
    comments: prepared.comments,
    problems: [...prepared.problems, ...extraProblems.filter((p) => !prepared.problems.some((q) => q.span.start === p.span.start))],
  };
}

/**
 * Visits every node (iteratively, with parents alongside: deep input cannot overflow the stack),
 * reads tracing wrappers into `traced`, and returns the call expressions for the caller to filter.
 */
function walk(program: TSESTree.Program, reader: TsReader, text: string, custom: readonly CustomTracer[], traced: TracedFunction[]): Array<TSESTree.CallExpression | TSESTree.NewExpression> {
  const wrappers = new Set(wrapperNames(custom));
  const calls: Array<TSESTree.CallExpression | TSESTree.NewExpression> = [];
  const stack: Array<[N, N | undefined]> = [[program, undefined]];
  while (stack.length > 0) {
    const [node, parent] = stack.pop()!;
    if (node.type === 'BlockStatement') reader.addLocals(node);
    else if (node.type === 'ClassBody') reader.addClass(node);
    else if (node.type === 'MethodDefinition' && node.decorators.length > 0) readDecorators(node, reader, text, custom, traced);
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      calls.push(node);
      const callee = node.callee.type === 'MemberExpression' ? node.callee.property : node.callee;
      if (node.type === 'CallExpression' && callee.type === 'Identifier' && wrappers.has(callee.name)) {
        readWrapper(node, parent, reader, text, custom, traced);
      }
    }
    const keys = visitorKeys[node.type] ?? [];
    for (let k = keys.length - 1; k >= 0; k--) {
      const v = (node as unknown as Record<string, unknown>)[keys[k]];
      if (Array.isArray(v)) {
        for (let i = v.length - 1; i >= 0; i--) {
          const c = v[i] as N | null;
          if (c && typeof c.type === 'string') stack.push([c, node]);
        }
      } else if (v && typeof (v as N).type === 'string') stack.push([v as N, node]);
    }
  }
  traced.sort((a, b) => a.tracerSpan.start - b.tracerSpan.start);
  return calls;
}

/** `this.chat` or `this.chat.bind(this)`: a method of the class the wrapper call is in. */
function thisMethod(n: N): { name: string; span: Span } | undefined {
  let target = n;
  if (target.type === 'CallExpression' && target.callee.type === 'MemberExpression' && !target.callee.computed
    && target.callee.property.type === 'Identifier' && target.callee.property.name === 'bind') target = target.callee.object;
  if (target.type === 'MemberExpression' && !target.computed && target.object.type === 'ThisExpression' && target.property.type === 'Identifier') {
    return { name: target.property.name, span: span(target.property) };
  }
  return undefined;
}

type TracerMatch = NonNullable<ReturnType<typeof matchTracer>>;

/** The TracedFunction of a wrapper call (`t(fn, options)`, `t(options, fn)`, `t({ ..., execute })`). */
function wrapperTraced(node: TSESTree.CallExpression, match: TracerMatch, text: string, f: {
  holder: { name: string; span?: Span }; span: Span; isAsync: boolean; isMethod: boolean; params: Param[]; options: ArgList | undefined; optionsInsertAt: number;
}): TracedFunction {
  const calleeSpan = span(node.callee);
  return buildTraced({
    match,
    form: 'wrapper',
    tracerSpan: span(node),
    calleeSpan,
    name: f.holder.name,
    nameSpan: f.holder.span ?? calleeSpan,
    span: f.span,
    isAsync: f.isAsync,
    isMethod: f.isMethod,
    params: f.params,
    options: f.options,
    optionsInsertAt: f.optionsInsertAt,
    createOptions: 'argument',
    indent: lineIndent(text, node.range[0]),
  });
}

function readWrapper(node: TSESTree.CallExpression, parent: N | undefined, reader: TsReader, text: string, custom: readonly CustomTracer[], out: TracedFunction[]): void {
  const calleeText = reader.dotted(node.callee);
  if (!calleeText) return;
  const match = matchTracer('typescript', reader.resolve(calleeText), calleeText, custom);
  if (!match) return;
  if (match.tracer.forms.includes('options-object') && match.tracer.optionsObject) {
    readOptionsObject(node, parent, match, match.tracer.optionsObject, reader, text, out);
    return;
  }
  // `traceable(fn, options)`, or options first: `withTool({ name }, fn, ...args)` (Traceloop, Laminar).
  const optionsFirst = match.tracer.forms.includes('options-first');
  if (!optionsFirst && !match.tracer.forms.includes('wrapper')) return;
  const first = node.arguments[optionsFirst ? 1 : 0];
  if (!first || first.type === 'SpreadElement') return;
  const target = unwrap(first);
  const method = thisMethod(target);
  const fn = isFunction(target) ? target
    : target.type === 'Identifier' ? reader.functions.get(target.name)
      : method ? reader.methodAt(method.name, node.range[0]) : undefined;
  const optionsNode = node.arguments[optionsFirst ? 0 : 1];
  const second = optionsNode ? unwrap(optionsNode as N) : undefined;
  const options = second?.type === 'ObjectExpression' ? reader.objectArgs(second, 0) : undefined;
  const t = wrapperTraced(node, match, text, {
    holder: method && fn ? { name: method.name, span: method.span } : holderName(parent, fn),
    span: fn ? span(fn) : span(target),
    isAsync: !!fn && 'async' in fn && fn.async,
    isMethod: !!method && !!fn,
    params: fn && isFunction(fn) ? reader.params(fn) : [],
    options,
    optionsInsertAt: first.range[1],
  });
  // Options passed as a variable cannot be read: whether inputs are captured is unknown.
  if (second && !options) t.captureInputs = { value: 'unknown' };
  out.push(t);
}

/**
 * `tool({ name, parameters: z.object({ apiKey: z.string() }), execute: async (input, ctx) => ... })`:
 * the arguments the model chooses, recorded as they are, are the schema's properties; each becomes a
 * parameter at its key. A schema tracelint cannot read records unknown inputs.
 */
function readOptionsObject(node: TSESTree.CallExpression, parent: N | undefined, match: TracerMatch,
  fields: { schema: string; function: string }, reader: TsReader, text: string, out: TracedFunction[]): void {
  const first = node.arguments[0];
  const object = first && first.type !== 'SpreadElement' ? unwrap(first) : undefined;
  if (object?.type !== 'ObjectExpression') return;
  const prop = (name: string) => object.properties.find((p): p is TSESTree.Property => p.type === 'Property' && reader.keyOf(p) === name);
  const schemaProp = prop(fields.schema);
  const fnProp = prop(fields.function);
  const fnNode = fnProp ? unwrap(fnProp.value as N) : undefined;
  const fn = fnNode && isFunction(fnNode) ? fnNode : undefined;
  const schema = schemaProp ? reader.schemaProperties(schemaProp.value as N) : [];
  const options = reader.objectArgs(object, 0);
  const nameArg = options.keywords.find((k) => k.name === (match.tracer.nameOption ?? 'name'));
  const named = nameArg?.value.kind === 'string' ? { name: nameArg.value.str.value, span: nameArg.value.span } : undefined;
  const t = wrapperTraced(node, match, text, {
    holder: named ?? holderName(parent, fn),
    span: fn ? span(fn) : span(object),
    isAsync: !!fn && fn.async,
    isMethod: false,
    params: (schema ?? []).map((p) => ({ name: p.name, span: p.span, kind: 'destructured' as const, index: 0, receiver: false })),
    options,
    optionsInsertAt: options.close,
  });
  if (!schema) t.captureInputs = { value: 'unknown' };
  out.push(t);
}

/**
 * A class method's tracing decorators: bare (`@op`, `@weave.op`) or a factory with an options object
 * (`@traceTool({ name, excludeInputs: [...] })`). Legacy (`experimentalDecorators`) and standard
 * (Stage 3) decorators are written alike on methods; what the SDK records is the method's arguments.
 */
function readDecorators(method: TSESTree.MethodDefinition, reader: TsReader, text: string, custom: readonly CustomTracer[], out: TracedFunction[]): void {
  const fn = method.value;
  if (fn.type !== 'FunctionExpression') return;
  let params: Param[] | undefined;
  const name = method.computed ? undefined : method.key.type === 'Identifier' || method.key.type === 'PrivateIdentifier' ? method.key.name : undefined;
  for (const d of method.decorators) {
    const expr = unwrap(d.expression);
    const isCall = expr.type === 'CallExpression';
    const callee = isCall ? expr.callee : expr;
    const calleeText = reader.dotted(callee);
    if (!calleeText) continue;
    const match = matchTracer('typescript', reader.resolve(calleeText), calleeText, custom);
    if (!match || !match.tracer.forms.includes('decorator')) continue;
    const first = isCall ? expr.arguments[0] : undefined;
    const object = first && first.type !== 'SpreadElement' ? unwrap(first) : undefined;
    const options = object?.type === 'ObjectExpression' ? reader.objectArgs(object, 0) : undefined;
    const open = isCall ? text.indexOf('(', callee.range[1]) : -1;
    params ??= reader.params(fn);
    const t = buildTraced({
      match,
      form: 'decorator',
      tracerSpan: span(d),
      calleeSpan: span(callee),
      name: name ?? '',
      nameSpan: span(method.key),
      span: { start: method.key.range[0], end: method.range[1] },
      isAsync: fn.async,
      isMethod: true,
      params,
      options,
      // `@op` -> `@op({ ... })`; `@op()` -> `@op({ ... })` inside its parentheses.
      optionsInsertAt: isCall ? open + 1 : callee.range[1],
      createOptions: isCall ? 'object' : 'object-call',
      indent: lineIndent(text, d.range[0]),
    });
    // Options passed as a variable, or a call with other arguments, cannot be read.
    if (isCall && expr.arguments.length > 0 && !options) t.captureInputs = { value: 'unknown' };
    out.push(t);
  }
}
