// The shape of an SDK descriptor: what tracelint knows about one tracing SDK, as data. The
// front-ends match decorators and wrappers against these; the rules read the option names from
// them to decide what is captured and how a fix keeps a parameter out of the trace.
import type { SdkId } from '../model';

export interface TracerDescriptor {
  /** The exported function: `trace_tool`, `observe`, `traceable`, `op`. */
  name: string;
  /**
   * `decorator`: `@name` / `@name(...)` (Python, and TS class methods, legacy and Stage 3), which in
   * Python also means the same applied by call (`name(fn)`, `name(...)(fn)`); `wrapper`: TS
   * `name(fn, options)`; `options-first`: a TS call that takes the options object first and the
   * function second (Traceloop `withTool({ name }, fn)`, Laminar `observe({ name }, fn)`);
   * `options-object`: a TS call taking one options object that holds both the function and the schema
   * of the arguments the model chooses (OpenAI Agents `tool({ name, parameters, execute })`): see
   * `optionsObject`.
   */
  forms: Array<'decorator' | 'wrapper' | 'options-first' | 'options-object'>;
  /**
   * For the `options-object` form: the option holding the schema of the recorded arguments (`parameters`:
   * a zod `z.object({ ... })`, also chained or `.extend({ ... })`ed, or a JSON schema with a `properties`
   * object; written inline or as a module constant), whose property names are the traced inputs, and the
   * option holding the function (`execute`), whose own parameters are not what is recorded.
   */
  optionsObject?: { schema: string; function: string };
  /**
   * Python: the function and the options may go in one call, `op(fn, name=...)` (Weave, Langfuse:
   * `func` is the first parameter, the options keyword-only). Otherwise `name(fn)` takes no options
   * (LangSmith's `traceable(fn)` traces only without keywords; TraceCraft's first parameter is
   * `name`), and a fix that adds one writes `name(option=...)(fn)`.
   */
  functionWithOptions?: boolean;
  /** Whether the SDK records the function's arguments at all (AgentDbg's `@trace` does not). */
  capturesInputs: boolean;
  /**
   * Only the called decorator `@name(...)` traces: a bare `@name` records nothing (Traceloop Python's
   * `task(fn)` takes the function for its `name` and returns the inner decorator in its place;
   * Laminar's keyword-only `observe(fn)` raises TypeError at import).
   */
  requiresCall?: boolean;
  /** Keyword listing argument names to leave out: `exclude_inputs`. */
  exclusionParam?: string;
  /** Keyword that turns argument capture off, and the value that does: `capture_inputs` / false. */
  captureParam?: string;
  /**
   * The value of `captureParam` that turns capture off when it is not `false`: Braintrust's
   * `notrace_io=True` / `noTraceIO: true`. Absent: `false`.
   */
  captureOffValue?: boolean;
  /**
   * Keyword listing the only argument names to record, an include list (Logfire `extract_args`):
   * a list or a single name records those alone; `True` records every argument, `False` none (give
   * the same keyword as `captureParam` for the booleans). A fix removes the credential from the list,
   * or writes the list of the other parameters.
   */
  inclusionParam?: string;
  /**
   * Options that, when written, replace what is recorded with what the user chose, so tracelint
   * trusts them like a processing function: Traceloop JS `inputParameters`, Laminar `input_formatter`.
   */
  replacingParams?: string[];
  /**
   * Parameters whose type annotation names one of these are never recorded (nor shown to the model):
   * OpenAI Agents `RunContextWrapper`, LangChain `InjectedToolArg`.
   */
  unrecordedAnnotations?: string[];
  /** Keyword taking a function that rewrites the captured inputs: `process_inputs`, `processInputs`. */
  processParam?: string;
  /**
   * Every option the tracer accepts (keyword names in Python, options-object properties in TS), read
   * from the SDK's signature; unsupported-tracer-option reports any other. Absent: not checked.
   */
  options?: string[];
  /** What the SDK does with an option it does not accept: raise at import (a TypeError) or ignore it. */
  unknownOption?: 'raises' | 'ignored';
  /**
   * `captureParam` at its capture-on value overrides the SDK's environment switch of this name, so
   * writing it forces content capture on (Traceloop JS `traceContent: true` beats
   * TRACELOOP_TRACE_CONTENT=false): redaction-disabled reports it.
   */
  captureOnOverridesEnv?: string;
  /** The option naming the function in traces (OpenAI Agents `name_override`); absent: `name`. */
  nameOption?: string;
  /**
   * How a function's `**kwargs` reach the recorded inputs: `nested`, as one `kwargs` input (TraceCraft,
   * Weave, Langfuse: an exclusion list naming a key inside it hides nothing); `flattened`, merged into
   * the inputs as keys of their own (LangSmith's traceable: its input processor can drop them by name;
   * Laminar: its `ignore_inputs` list reaches them too).
   * Absent: `nested`.
   */
  kwargsInputs?: 'nested' | 'flattened';
  /**
   * The keyword passing the client the tracer writes through (`client`), and the client constructor's
   * options that redact or hide inputs (`anonymizer`, `hide_inputs`): a client built in the same file
   * with one of them set (to anything but False/None) protects what the tracer records.
   */
  client?: { option: string; protectedBy: string[] };
}

/**
 * An environment variable the SDK reads to switch its redaction or its capture of inputs/content,
 * wherever it is set (.env, `os.environ[...] = ...`, `os.environ.setdefault`, `patch.dict`,
 * `monkeypatch.setenv`, `process.env.X = ...`).
 */
export interface EnvSwitch {
  /** `TRACECRAFT_REDACTION_ENABLED`, `LANGFUSE_OBSERVE_DECORATOR_IO_CAPTURE_ENABLED`, `LANGSMITH_HIDE_INPUTS`. */
  name: string;
  /** `redaction`: the SDK's own redaction of captured values; `capture`: whether inputs/content are recorded at all. */
  governs: 'redaction' | 'capture';
  /** The truth value (as the SDK parses the string) that lets content through: `false` for `..._ENABLED` redaction switches, `true` for capture switches. */
  leaksWhen: boolean;
  /** The value to write in a fix that closes it again: `true`, `1`, `false`. */
  safeValue: string;
  /**
   * Whether the switch governs the traced functions' inputs (true when absent); false for one that
   * only governs model messages (OPENINFERENCE_HIDE_INPUT_MESSAGES), which the loop's simulation of
   * a function's recorded inputs leaves aside.
   */
  tracedInputs?: boolean;
  /**
   * How the SDK reads the string (trimmed, lower-cased; an empty value is unset): when `trueWords`
   * is given, exactly these are true and any other value false (TraceCraft, AgentDbg: `1`, `true`,
   * `yes`); when `falseWords` is given, exactly these are false and any other value true (Langfuse:
   * `false`, `0`). Neither: the usual spellings (`true/1/yes/on`, `false/0/no/off`), others unknown.
   */
  trueWords?: string[];
  falseWords?: string[];
}

/**
 * A keyword of a configuration call that lets content into traces at one boolean value:
 * OpenAI Agents `RunConfig(trace_include_sensitive_data=True)`, Logfire `configure(scrubbing=False)`,
 * OpenInference `TraceConfig(hide_inputs=False)`, LangSmith `Client(hide_inputs=False)`. Forcing
 * content capture on where the environment may have turned it off counts like turning redaction off.
 */
export interface ConfigSwitch {
  /** The callee's last name, imported from one of the SDK's modules: `RunConfig`, `configure`. */
  callee: string;
  /** The keyword (Python) or options property (TS, its camelCase spelling matches too). */
  option: string;
  governs: 'redaction' | 'capture';
  /** The boolean literal that lets content through. */
  leaksWhen: boolean;
  /** Text a fix writes instead of the value; absent: the opposite boolean in the file's language. */
  safeValue?: string;
  /** What the setting does, for the message: `records every tool's arguments and every model input`. */
  effect: string;
  /** Other SDKs whose recording this switch governs too (LangSmith's `Client` records LangChain tools). */
  covers?: SdkId[];
  /**
   * Whether the switch governs the traced functions' inputs (true when absent); false for one that
   * only governs model messages (OpenInference `hide_input_messages`), so its safe value does not
   * keep a traced function's arguments out.
   */
  tracedInputs?: boolean;
}

/** A list of regexes the SDK applies to traces: Logfire `ScrubbingOptions(extra_patterns=[...])`. */
export interface PatternOption {
  callee: string;
  option: string;
  /** The keyword's position when passed positionally; absent: keyword only. */
  position?: number;
  role: 'custom_pattern' | 'allowlist_pattern';
}

export interface LanguageSupport {
  /**
   * Module roots (`tracecraft`, `langsmith/traceable`): an import from the root or any submodule
   * (`tracecraft.instrumentation.decorators`, `langsmith/traceable`) resolves to the SDK.
   */
  modules: string[];
  tracers: TracerDescriptor[];
  /** Functions whose dict-literal arguments are recorded as they are (AgentDbg `record_tool_call`). */
  recorders?: string[];
  /**
   * Methods or constructors whose result is a tracer object carrying the tracers as attributes
   * (OpenInference `tracer = tracer_provider.get_tracer(__name__)`, `OITracer(...)`): in a file that
   * imports one of the SDK's modules, `@tracer.chain` on a module-level `tracer` assigned from one
   * resolves to the SDK.
   */
  tracerFactories?: string[];
  /**
   * How to keep one input out when the tracer has no per-function mechanism (OpenAI Agents, MLflow,
   * AgentOps, Traceloop Python): the finding's message ends with it, in the SDK's own terms.
   */
  keepOutAdvice?: string;
}

/**
 * How the SDK's OpenTelemetry spans (an OTLP/JSON export) say which traced function wrote them and
 * where its inputs are, read by the closing-the-loop links (server/loop/context.ts).
 */
export interface OtlpSpans {
  /** Attributes only this SDK writes: a span carrying one is the SDK's (and links to its functions only). */
  markers: string[];
  /** Attribute holding the name the tracer's `name` option gives (Traceloop `traceloop.entity.name`); absent: the span name. */
  nameAttribute?: string;
  /**
   * Attribute holding the function's own (qualified) name, matched against the function's name, not
   * its `name` option (Logfire `code.function`, the `__qualname__`): used instead of the span name.
   */
  functionAttribute?: string;
  /** Attribute holding the inputs as one JSON string (`input.value`, `mlflow.spanInputs`, `lmnr.span.input`). */
  inputAttribute?: string;
  /**
   * The JSON's shape: `named`, an object keyed by parameter name; `args-kwargs`, Traceloop's
   * `{"args": [positional values], "kwargs": {name: value}}` (a positional value is the parameter at its index).
   */
  inputShape?: 'named' | 'args-kwargs';
  /** Each argument is an attribute of its own, named by the parameter (Logfire `extract_args`). */
  argumentAttributes?: boolean;
  /**
   * Other SDKs whose functions the same spans come from (OpenInference's instrumentors trace OpenAI
   * Agents function tools and LangChain tools into spans marked the OpenInference way).
   */
  covers?: SdkId[];
}

export interface SdkDescriptor {
  id: SdkId;
  /** The name users know: `TraceCraft`. */
  label: string;
  /** The SDK version (or commit) whose source and documentation this descriptor was read from. */
  readFrom?: string;
  python?: LanguageSupport;
  typescript?: LanguageSupport;
  /** Keys the SDK itself redacts in captured inputs (exact, case-insensitive): Weave's `api_key`. */
  builtinRedactedKeys?: string[];
  /**
   * Argument names the SDK scrubs by default, as a JavaScript regex source searched case-insensitively
   * in the name (Logfire's default scrubbing: `password`, `secret`, `auth`, `api key`, ... but not `token`).
   */
  builtinRedactedPattern?: string;
  /** Calls whose options switch redaction or content capture for every traced function (read by redaction-disabled). */
  configSwitches?: ConfigSwitch[];
  /** Options of the SDK's configuration calls that take the project's own redaction patterns (judged like every custom pattern). */
  patternOptions?: PatternOption[];
  /** Keys the SDK's recorder redacts by default as case-insensitive substrings (AgentDbg). */
  recorderRedactedSubstrings?: string[];
  /** Environment variables whose comma-separated value replaces `recorderRedactedSubstrings` (`AGENTDBG_REDACT_KEYS`). */
  recorderRedactKeysEnv?: string[];
  /** Environment variables that switch the SDK's redaction or capture (read by redaction-disabled and the capture rules). */
  envSwitches?: EnvSwitch[];
  /** What the SDK's OpenTelemetry spans record about the traced function, for links from OTLP traces. */
  otlp?: OtlpSpans;
}
