// The one model of agent source code that every source rule reads. Both front-ends (Python on
// tree-sitter, TypeScript/JavaScript on typescript-estree) produce it, so a rule never looks at a
// syntax tree and works the same on both languages. Offsets are [start, end) UTF-16 offsets into
// the file text, like everything in `shared/types.ts`.
import type { Span } from '../../shared/types';
import type { LineIndex } from '../../shared/positions';

/** `json`: tracelint.json, whose custom patterns the pattern rules judge (server/analysis/config-files.ts). */
export type SourceLanguage = 'python' | 'typescript' | 'javascript' | 'dotenv' | 'yaml' | 'json';

/** The tracing SDKs tracelint knows; `custom` is a decorator declared in the configuration file. */
export type SdkId =
  | 'tracecraft' | 'agentdbg' | 'langfuse' | 'langsmith' | 'weave'
  | 'openai-agents' | 'logfire' | 'traceloop' | 'openinference' | 'mlflow' | 'braintrust' | 'laminar' | 'agentops' | 'langchain' | 'pydantic-ai' | 'smolagents'
  | 'custom';

/**
 * A string as the program sees it, with the way back to the source.
 * Covers plain, raw, byte and implicitly concatenated Python literals, JS strings and
 * substitution-free template literals.
 */
export interface StringValue {
  /** The decoded value (escapes resolved, concatenated parts joined). */
  value: string;
  /** The literal(s) in source, quotes and prefixes included. */
  span: Span;
  /** Source offset of the character at decoded index `valueIndex` (`value.length` maps to the end of the last part's content). */
  offsetOf(valueIndex: number): number;
  /** The quote character of the first part, so a fix can write new strings in the same style. */
  quote: string;
  /** Python raw string (`r"..."`), or a JS regex literal. */
  raw: boolean;
}

/**
 * A value written in source, as far as a linter can read it without running anything.
 * Both languages map onto these kinds: a Python keyword argument and a TS object property
 * both become an `OptionArg`.
 */
export type ValueNode =
  | { kind: 'string'; span: Span; str: StringValue }
  | { kind: 'list'; span: Span; items: ValueNode[] }
  | { kind: 'bool'; span: Span; value: boolean }
  | { kind: 'number'; span: Span; text: string }
  | { kind: 'none'; span: Span }
  /** An identifier; `resolved` is the module-level constant it names, when the file defines one. */
  | { kind: 'name'; span: Span; name: string; resolved?: ValueNode }
  /** A dotted expression such as `ProcessorOrder.EFFICIENCY` (text without whitespace). */
  | { kind: 'attribute'; span: Span; text: string }
  | { kind: 'call'; span: Span; call: CallSite }
  | { kind: 'dict'; span: Span; entries: DictEntry[] }
  /** A list item unpacked into the list: Python `*HIDE`, JS `...HIDE` (`value` is what is unpacked). */
  | { kind: 'spread'; span: Span; value: ValueNode }
  /** Sequences joined: Python `TEAM + ["x"]`, JS `TEAM.concat(["x"])`, in order. */
  | { kind: 'concat'; span: Span; parts: ValueNode[] }
  | { kind: 'other'; span: Span };

export interface DictEntry {
  /** The whole `key: value` pair (`key=value` of `dict(...)`; `**value` / `...value`). */
  span: Span;
  /** Literal key (string key in Python/JSON, identifier or string key in a JS object). */
  key?: string;
  keySpan: Span;
  value: ValueNode;
  /** Python `**value` / JS `...value`: the entries of `value` are unpacked here. */
  spread?: boolean;
}

/** A keyword argument (`exclude_inputs=[...]`) or an options-object property (`captureInput: false`). */
export interface OptionArg {
  name: string;
  /** The whole argument or property, `name=value` / `name: value`. */
  span: Span;
  nameSpan: Span;
  value: ValueNode;
}

/**
 * An argument list where a fix may add an option: a Python call's parentheses, a TS options
 * object's braces, or a TS call's parentheses (positional arguments only).
 */
export interface ArgList {
  style: 'python-call' | 'ts-object' | 'ts-call';
  /** Offset of `(` / `{` and of `)` / `}`. */
  open: number;
  close: number;
  positional: ValueNode[];
  keywords: OptionArg[];
  /** A comma after the last argument. */
  trailingComma: boolean;
}

/** A call expression, by the name it is called with and the name imports resolve it to. */
export interface CallSite {
  span: Span;
  /** The callee as written, dotted (`tc.trace_tool`, `self.run`, `new OTLPTraceExporter` is `OTLPTraceExporter`). */
  callee: string;
  calleeSpan: Span;
  /** Fully qualified through the file's imports (`tracecraft.trace_tool`), or undefined when not imported. */
  qualified?: string;
  args: ArgList;
}

export type ParamKind =
  | 'positional'
  | 'keyword-only'
  | 'var-positional' /* *args, ...rest */
  | 'var-keyword' /* **kwargs */
  | 'destructured'; /* a property of a TS/JS destructured object parameter */

export interface Param {
  name: string;
  /** The parameter's name in source. */
  span: Span;
  kind: ParamKind;
  /** Position of the (top-level) argument this parameter belongs to. */
  index: number;
  /**
   * For a member of an object parameter typed by an interface or type literal (`creds: Credentials`
   * with `password: string` in it): the parameter that carries it; `span` is then the parameter's.
   */
  holder?: string;
  /** `self` / `cls` of a method. */
  receiver: boolean;
  /** The type annotation as written (`Annotated[str, InjectedToolArg]`), when there is one. */
  annotation?: string;
}

/** How a traced function's inputs are kept out of the trace, as written in source. */
export interface ExclusionSetting {
  /** The option's name as written: `exclude_inputs`. */
  option: string;
  /** The option argument in the decorator. */
  arg: OptionArg;
  /**
   * The names the list holds, as Python / JS evaluate it within the file: through module constants,
   * concatenation (`HIDE + ["otp"]`), unpacking (`[*HIDE, "otp"]`, `[...HIDE]`), `list(HIDE)`, tuples.
   */
  items: Array<{ value: string; span: Span; str: StringValue }>;
  /**
   * The list literal a fix appends to: the one written in the option, else the last one its value
   * is built from (`["otp"]` of `HIDE + ["otp"]`, the constant's literal for `HIDE`).
   */
  listSpan?: Span;
  /** The items of that literal as written (spans), the last of which a new item follows. */
  listItemSpans?: Span[];
  /** The constant whose literal `listSpan` is, when the literal is not written in the option. */
  constantName?: string;
  /**
   * Part of the value cannot be read (a call, a name from another module): which names it holds is
   * unknown, so no parameter is reported as captured for want of them.
   */
  dynamic: boolean;
}

export interface TracerMechanisms {
  /** Whether the SDK records the function's arguments at all (AgentDbg's `@trace` does not). */
  capturesInputs: boolean;
  /** Option listing argument names to leave out: `exclude_inputs`. */
  exclusionParam?: string;
  /** Option that turns argument capture off: `capture_inputs`, `captureInput`. */
  captureParam?: string;
  /** The value of `captureParam` that turns capture off: false, or true for Braintrust's `notrace_io`. */
  captureOffValue: boolean;
  /** Option listing the only arguments recorded (Logfire `extract_args`). */
  inclusionParam?: string;
  /** Option taking a function that rewrites the inputs: `process_inputs`, `processInputs`, `postprocess_inputs`. */
  processParam?: string;
  /** Options that replace what is recorded when written (Traceloop JS `inputParameters`). */
  replacingParams: string[];
  /** The environment switch that `captureParam` at its capture-on value overrides (Traceloop JS `traceContent: true`). */
  captureOnOverridesEnv?: string;
  /** `**kwargs` recorded by key, within reach of the exclusion list (Laminar). */
  kwargsFlattened: boolean;
  /** Type names whose parameters are never recorded (LangChain `InjectedToolArg`). */
  unrecordedAnnotations: string[];
  /** Keys the SDK redacts by itself (Weave's `api_key`), compared case-insensitively. */
  builtinRedactedKeys: string[];
  /** Names the SDK scrubs by default, as a case-insensitive regex (Logfire), when it has one. */
  builtinRedactedPattern?: RegExp;
  /** How to keep an input out when the tracer has no per-function mechanism, in the SDK's terms. */
  keepOutAdvice?: string;
}

/** A function whose calls a tracing SDK records. */
export interface TracedFunction {
  sdk: SdkId;
  /** The SDK's name for messages: `TraceCraft`; for a configured decorator, its name. */
  sdkLabel: string;
  /** What the SDK records and offers to keep inputs out (from its descriptor in `sdks/`). */
  mechanisms: TracerMechanisms;
  /** Descriptor entry that matched: `trace_tool`, `observe`, `traceable`, `op`, a custom name. */
  tracer: string;
  /** `wrapper`: applied by a call, `traceable(fn, {...})`, `weave.op(fn)`, `trace_tool(...)(fn)`. */
  form: 'decorator' | 'wrapper';
  /** The decorator (`@...` through its closing paren) or the wrapping call (the outer one of `t(...)(fn)`). */
  tracerSpan: Span;
  /** The callee of the decorator/wrapper as written (`tc.trace_tool`). */
  calleeSpan: Span;
  /** Function name; for a wrapped arrow function, the variable it is assigned to, else ''. */
  name: string;
  nameSpan: Span;
  /** The function definition (for a decorator: the `def`, without the decorators). */
  span: Span;
  isAsync: boolean;
  isMethod: boolean;
  params: Param[];
  /** The decorator's argument list / the wrapper's options object, when written. */
  options?: ArgList;
  /**
   * Where a fix that must create the options inserts text when `options` is absent:
   * after the bare decorator callee (`@trace_tool` -> `@trace_tool(...)`), or after the wrapped
   * function argument (`traceable(fn)` -> `traceable(fn, {...})`).
   */
  optionsInsertAt: number;
  /**
   * What a fix writes at `optionsInsertAt` when `options` is absent: `call` `(name=value)` (Python:
   * a bare decorator, `traceable(fn)` -> `traceable(name=value)(fn)`); `argument` `, { name: value }`
   * (a TS wrapper's options argument); `object-call` `({ name: value })` (a bare TS decorator);
   * `object` `{ name: value }` (inside a TS decorator's empty parentheses).
   */
  createOptions: 'call' | 'argument' | 'object-call' | 'object';
  exclusion?: ExclusionSetting;
  /** The include list (Logfire `extract_args=[...]`) as written: only these names are recorded. */
  inclusion?: ExclusionSetting;
  /** Inputs capture as written: false when `capture_inputs=False` / `captureInput: false`. */
  captureInputs: { value: boolean | 'unknown'; arg?: OptionArg };
  /** Indentation of the line the tracer starts on, for fixes that add lines. */
  indent: string;
}

/** AgentDbg's `record_llm_call` / `record_tool_call` / `record_state`: the dict literals it records. */
export interface RecordCall {
  sdk: SdkId;
  call: CallSite;
  /** Each dict literal argument's entries with a literal key (nested dicts included). */
  entries: DictEntry[];
}

/** Where a custom redaction pattern is written (for redos-unsafe-pattern, invalid-pattern, broad-allowlist). */
export interface PatternSite {
  role: 'rule_pattern' | 'custom_pattern' | 'allowlist_pattern' | 'allowlist_value';
  /** The decoded string value (Python `re` syntax for patterns). */
  value: string;
  /** The literal(s) in source; for a module-level constant, the constant's literal. */
  span: Span;
  /** Source offset of decoded index `valueIndex`, through escapes, raw strings and implicit concatenation. */
  offsetOf(valueIndex: number): number;
  /** The `RedactionRule(name=...)` the pattern belongs to. */
  ruleName?: string;
  /** The constructor call it was found in (`RedactionRule(...)`, `RedactionConfig(...)`). */
  callSpan: Span;
}

/** `RedactionConfig(...)` (or its TS form `new RedactionConfig({...})`) as written. */
export interface RedactionConfigSite {
  call: CallSite;
  /** `enabled=` as written; undefined when absent (TraceCraft's default is on). */
  enabled?: OptionArg;
  mode?: OptionArg;
}

/** A configuration setting written as a key and a value: `.env` lines, YAML keys, exporter options. */
export interface SettingSite {
  kind: 'env' | 'yaml' | 'exporter-endpoint' | 'processor-order';
  key: string;
  value: string;
  keySpan: Span;
  valueSpan: Span;
  /** The line or pair, for fixes that rewrite it. */
  span: Span;
  /** For exporter endpoints: the exporter constructor (`OTLPSpanExporter`); `code` for an environment variable set from code (env-in-code.ts). */
  context?: string;
  /** For endpoints written as string literals: the decoded string. */
  str?: StringValue;
  /**
   * For a variable set from code inside a function (a test, a fixture): that function, where the
   * setting holds; absent for a module-level setting or a .env line, which hold for the whole file.
   */
  scope?: Span;
}

export interface CommentSite {
  span: Span;
  /** Comment text without the `#` / `//` / `/* *\/` delimiters. */
  text: string;
  /** Whether code precedes the comment on its line. */
  trailing: boolean;
}

export interface ParseProblem {
  span: Span;
  message: string;
}

/** Everything the source rules see of one file. */
export interface SourceModel {
  fileName: string;
  language: SourceLanguage;
  text: string;
  lines: LineIndex;
  traced: TracedFunction[];
  /** Every call in the file (for the kwargs rule, RedactionConfig, exporters, record_* calls). */
  calls: CallSite[];
  recordCalls: RecordCall[];
  patterns: PatternSite[];
  redactionConfigs: RedactionConfigSite[];
  settings: SettingSite[];
  /** Every string literal of the file, for hardcoded-credential. */
  strings: StringValue[];
  /**
   * Comments, for suppression directives: every comment of a Python, .env or YAML file; in TS/JS,
   * the comments that mention `tracelint-` (found from the word, checked to be outside strings).
   */
  comments: CommentSite[];
  /** Syntax errors; the analysis still covers the rest of the file. */
  problems: ParseProblem[];
}
