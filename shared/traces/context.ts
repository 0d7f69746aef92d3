// Field-type context from the trace's schema, handed to the engine with every value
// (opentraces' field types: tool_input, tool_result, reasoning, general). One policy serves all
// formats because their key names do not collide:
// - TraceCraft: `steps[]`/`children[]` elements are steps; a step's `type` (peeked ahead, since it
//   may follow `inputs`) makes `inputs`/`outputs` tool_input/tool_result for `tool`, reasoning for `llm`.
// - AgentDbg: an event's `event_type` TOOL_CALL makes `payload.args`/`payload.result`
//   tool_input/tool_result; LLM_CALL makes `payload.prompt`/`payload.response` reasoning.
// - OTLP/JSON: an `attributes[]` element `{key, value}` gives its `key` as the key context of the
//   value (so `http.request.header.authorization` reaches key-name rules), and a field type by name.
// - opentraces: `tool_calls[].input` is tool_input, `observations[].content` tool_result,
//   `reasoning_content` reasoning.
import { peekStringMember } from '../json/peek';
import type { FieldType } from './types';

/** Context carried by each open container during a walk. */
export interface FieldContext {
  fieldType: FieldType;
  /** Key context that overrides the member key (an OTLP attribute's `key`). */
  key?: string;
  /** What the container is, for its children: a step list, a step of some type, an event... */
  role?: string;
  /** An OTLP attribute's `key`, applied to its `value` member (not to the `key` string itself). */
  attributeKey?: string;
  /**
   * For an array: its string elements so far while it reads as a command's argv (its first element
   * a command word), `null` once it does not; undefined before its first element.
   */
  argv?: string[] | null;
}

export const ROOT_CONTEXT: FieldContext = { fieldType: 'general' };

const REASONING_KEYS = new Set(['reasoning', 'reasoning_content', 'thinking', 'thought', 'chain_of_thought', 'prompt', 'system_prompt', 'completion', 'messages']);

/** Field type of a member `key` of a container with context `parent`. */
export function childFieldType(parent: FieldContext, key: string | undefined): FieldType {
  const role = parent.role;
  if (key === undefined) return parent.fieldType;
  if (role === undefined) return REASONING_KEYS.has(key) ? 'reasoning' : parent.fieldType;
  {
    if (role === 'step:tool') {
      if (key === 'inputs') return 'tool_input';
      if (key === 'outputs') return 'tool_result';
    } else if (role === 'step:llm' && (key === 'inputs' || key === 'outputs')) return 'reasoning';
    else if (role === 'payload:TOOL_CALL') {
      if (key === 'args') return 'tool_input';
      if (key === 'result') return 'tool_result';
    } else if (role === 'payload:LLM_CALL' && (key === 'prompt' || key === 'response')) return 'reasoning';
    else if (role === 'tool_call' && (key === 'input' || key === 'arguments')) return 'tool_input';
    else if (role === 'observation' && (key === 'content' || key === 'output_summary')) return 'tool_result';
    if (REASONING_KEYS.has(key)) return 'reasoning';
  }
  return parent.fieldType;
}

/** Context of a container opening at `open`, a member `key` (or element) of `parent`. */
export function enterContext(parent: FieldContext, key: string | undefined, isElement: boolean, isObject: boolean, text: string, open: number): FieldContext {
  const fieldType = isElement ? parent.fieldType : childFieldType(parent, key);
  const inherited = parent.key;
  if (!isObject) {
    if (!isElement && (key === 'steps' || key === 'children')) return { fieldType, key: inherited, role: 'steps' };
    if (!isElement && key === 'attributes') return { fieldType, key: inherited, role: 'attributes' };
    if (!isElement && key === 'tool_calls') return { fieldType, key: inherited, role: 'tool_calls' };
    if (!isElement && key === 'observations') return { fieldType, key: inherited, role: 'observations' };
    return { fieldType, key: inherited };
  }
  if (isElement && parent.role === 'steps') {
    const type = peekStringMember(text, open, 'type');
    return { fieldType, key: inherited, role: type ? `step:${type}` : 'step' };
  }
  if (isElement && parent.role === 'attributes') {
    const attrKey = peekStringMember(text, open, 'key');
    return { fieldType: attrKey ? attributeFieldType(attrKey, fieldType) : fieldType, key: inherited, role: 'attribute', attributeKey: attrKey };
  }
  if (!isElement && key === 'value' && parent.role === 'attribute') return { fieldType, key: parent.attributeKey ?? inherited };
  if (isElement) {
    // A name/value pair (HAR and Playwright headers `{"name": "Cookie", "value": …}`, Postman's
    // `{"key": "X-Api-Key", "value": …}`): its `value` stands under the name, like an OTLP attribute.
    const pairName = namedPairName(text, open);
    if (pairName !== undefined) return { fieldType, key: inherited, role: 'attribute', attributeKey: pairName };
  }
  if (isElement && parent.role === 'tool_calls') return { fieldType, key: inherited, role: 'tool_call' };
  if (isElement && parent.role === 'observations') return { fieldType, key: inherited, role: 'observation' };
  if (!isElement && key === 'payload' && parent.role?.startsWith('event:')) {
    return { fieldType, key: inherited, role: `payload:${parent.role.slice(6)}` };
  }
  if (parent.role === undefined && key === undefined && !isElement && text.includes('"event_type"')) {
    // The root object: an AgentDbg event says what its payload holds.
    const eventType = peekStringMember(text, open, 'event_type');
    if (eventType) return { fieldType, role: `event:${eventType}` };
  }
  // Nothing changes for a plain container under a plain one: share the parent's context.
  if (parent.role === undefined && parent.attributeKey === undefined && fieldType === parent.fieldType) return parent;
  return { fieldType, key: inherited };
}

/** The `name` (or `key`) of an object that opens with that member, the first of a name/value pair. */
function namedPairName(text: string, open: number): string | undefined {
  let i = open + 1;
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 10 || text.charCodeAt(i) === 13 || text.charCodeAt(i) === 9)) i++;
  const member = text.startsWith('"name"', i) ? 'name' : text.startsWith('"key"', i) ? 'key' : undefined;
  return member === undefined ? undefined : peekStringMember(text, open, member, 512);
}

/** The key a string member of a container with context `ctx` stands under: a name/value pair's `value` takes the name. */
export function memberKey(ctx: FieldContext, member: string | undefined): string | undefined {
  return member === 'value' && ctx.role === 'attribute' && ctx.attributeKey !== undefined ? ctx.attributeKey : member;
}

/** Field type of an OTLP attribute by its name (OpenTelemetry GenAI and OpenInference conventions). */
export function attributeFieldType(name: string, fallback: FieldType): FieldType {
  const n = name.toLowerCase();
  if (/tool\.(call\.)?(arguments|input|parameters)|tool_input/.test(n)) return 'tool_input';
  if (/tool\.(call\.)?(result|output)|tool_result/.test(n)) return 'tool_result';
  if (/prompt|completion|reasoning|input\.messages|output\.messages|gen_ai\.(input|output)|llm\.(input|output)_messages/.test(n)) return 'reasoning';
  return fallback;
}

/** The most elements an array keeps as argv context (longer arrays are lists, not commands). */
const MAX_ARGV = 64;

/** Whether a first array element reads as a command word (`docker`, `/usr/bin/curl`, `PGPASSWORD=x`). */
function isCommandWord(s: string): boolean {
  if (s.length === 0 || s.length > 64) return false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c <= 32 || c === 34 || c === 39) return false;
  }
  return true;
}

/**
 * The argv context of the next string element of the array `ctx` (the elements before it), then
 * records `value` as one. Undefined when the array does not read as an argv.
 */
export function nextArgvElement(ctx: FieldContext, value: string): readonly string[] | undefined {
  const argv = ctx.argv;
  if (argv === null) return undefined;
  if (argv === undefined) {
    ctx.argv = isCommandWord(value) ? [value] : null;
    return undefined;
  }
  if (argv.length >= MAX_ARGV) {
    ctx.argv = null;
    return undefined;
  }
  const before = argv.slice();
  argv.push(value);
  return before;
}
