// Edits the source rules propose, as data: add an option to a decorator call or a TS options
// object, append a string to a list literal, replace a value. They keep the code's own formatting
// (one line stays one line, a multi-line list gets a new line with the same indentation, a trailing
// comma stays) and its quote style.
import type { TextEdit } from '../../shared/types';
import type { ArgList, SourceModel, StringValue, TracedFunction } from '../analysis/model';
import { lineIndent } from '../analysis/shared-facts';

/** A string literal in the given quote style (`"` unless the file's string used another). */
export function quoted(value: string, quote = '"'): string {
  const q = quote === "'" || quote === '`' ? quote : '"';
  const escaped = value
    .replace(/\\/g, '\\\\')
    .replace(new RegExp(q, 'g'), `\\${q}`)
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t');
  return q + escaped + q;
}

/** The quote style a traced function's decorator already uses, for new strings in it. */
export function quoteOf(t: TracedFunction): string {
  const first = t.exclusion?.items[0]?.str ?? firstString(t.options);
  return first?.quote === "'" ? "'" : '"';
}

function firstString(args: ArgList | undefined): StringValue | undefined {
  if (!args) return undefined;
  for (const k of args.keywords) if (k.value.kind === 'string') return k.value.str;
  for (const p of args.positional) if (p.kind === 'string') return p.str;
  return undefined;
}

function isMultiline(text: string, start: number, end: number): boolean {
  return text.slice(start, end).includes('\n');
}

/** Where a fix adds an option to a traced function: its options as written, or where and how to create them. */
export type OptionsPlace = Pick<TracedFunction, 'options' | 'optionsInsertAt' | 'createOptions'>;

const CREATE: Record<TracedFunction['createOptions'], (entry: string) => string> = {
  call: (entry) => `(${entry})`,
  argument: (entry) => `, { ${entry} }`,
  'object-call': (entry) => `({ ${entry} })`,
  object: (entry) => `{ ${entry} }`,
};

/**
 * Inserts `name=value` (Python) / `name: value` (TS object) into the options, or creates them at
 * `optionsInsertAt` when there are none.
 */
export function insertOption(text: string, place: OptionsPlace, style: 'python-call' | 'ts-object', name: string, value: string): TextEdit {
  const args = place.options;
  const entry = style === 'python-call' ? `${name}=${value}` : `${name}: ${value}`;
  if (!args) return { start: place.optionsInsertAt, end: place.optionsInsertAt, text: CREATE[place.createOptions](entry) };
  const all = [...args.positional.map((p) => p.span), ...args.keywords.map((k) => k.span)].sort((a, b) => a.start - b.start);
  const last = all[all.length - 1];
  if (!last) {
    return args.style === 'python-call'
      ? { start: args.open + 1, end: args.close, text: entry }
      : { start: args.open + 1, end: args.close, text: ` ${entry} ` };
  }
  if (isMultiline(text, args.open, args.close)) {
    const ownLine = text.slice(text.lastIndexOf('\n', last.start - 1) + 1, last.start).trim() === '';
    const indent = ownLine ? lineIndent(text, last.start) : `${lineIndent(text, args.open)}    `;
    return { start: last.end, end: last.end, text: `,\n${indent}${entry}` };
  }
  return { start: last.end, end: last.end, text: `, ${entry}` };
}

/** Appends string items to a list literal at `listSpan` whose current items end at the given spans. */
export function appendToList(text: string, listSpan: { start: number; end: number }, itemEnds: Array<{ start: number; end: number }>, newItems: string[]): TextEdit {
  const joined = newItems.join(', ');
  const close = listSpan.end - 1;
  const last = itemEnds[itemEnds.length - 1];
  if (!last) return { start: listSpan.start + 1, end: close, text: joined };
  if (isMultiline(text, listSpan.start, listSpan.end)) {
    const indent = lineIndent(text, last.start);
    return { start: last.end, end: last.end, text: newItems.map((i) => `,\n${indent}${i}`).join('') };
  }
  return { start: last.end, end: last.end, text: `, ${joined}` };
}

/** Python or TS spelling of a boolean. */
export function boolText(model: SourceModel, value: boolean): string {
  if (model.language === 'python') return value ? 'True' : 'False';
  return value ? 'true' : 'false';
}
