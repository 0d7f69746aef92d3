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
   * `name(fn, options)`.
   */
  forms: Array<'decorator' | 'wrapper'>;
  /**
   * Python: the function and the options may go in one call, `op(fn, name=...)` (Weave, Langfuse:
   * `func` is the first parameter, the options keyword-only). Otherwise `name(fn)` takes no options
   * (LangSmith's `traceable(fn)` traces only without keywords; TraceCraft's first parameter is
   * `name`), and a fix that adds one writes `name(option=...)(fn)`.
   */
  functionWithOptions?: boolean;
  /** Whether the SDK records the function's arguments at all (AgentDbg's `@trace` does not). */
  capturesInputs: boolean;
  /** Keyword listing argument names to leave out: `exclude_inputs`. */
  exclusionParam?: string;
  /** Keyword that turns argument capture off, and the value that does: `capture_inputs` / false. */
  captureParam?: string;
  /** Keyword taking a function that rewrites the captured inputs: `process_inputs`, `processInputs`. */
  processParam?: string;
  /**
   * Every option the tracer accepts (keyword names in Python, options-object properties in TS), read
   * from the SDK's signature; unsupported-tracer-option reports any other. Absent: not checked.
   */
  options?: string[];
  /** What the SDK does with an option it does not accept: raise at import (a TypeError) or ignore it. */
  unknownOption?: 'raises' | 'ignored';
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
  /** Keys the SDK's recorder redacts by default as case-insensitive substrings (AgentDbg). */
  recorderRedactedSubstrings?: string[];
  /** Environment variables that switch the SDK's redaction or capture (read by redaction-disabled and the capture rules). */
  envSwitches?: EnvSwitch[];
}
