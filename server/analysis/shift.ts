// Moves parts of a SourceModel by a number of characters: what a front-end read from a definition
// that only moved (text above it was edited) is reused at its new place instead of being read
// again from the tree. Only what lies inside the definition moves: a value read through a module
// constant (an exclusion list) keeps the constant's place. Copies; never changes its input.
// Objects shared inside the input (an options argument that is also the exclusion setting's
// argument) stay shared in the copy.
import type { Span } from '../../shared/types';
import type { ArgList, CallSite, DictEntry, ExclusionSetting, OptionArg, Param, StringValue, TracedFunction, ValueNode } from './model';

export class Shift {
  private readonly done = new Map<object, object>();

  /** `inside`: the definition's place before the move; offsets outside it stay. */
  constructor(private readonly delta: number, private readonly inside: Span) {}

  private at(offset: number): number {
    return offset >= this.inside.start && offset <= this.inside.end ? offset + this.delta : offset;
  }

  private isInside(s: Span): boolean {
    return s.start >= this.inside.start && s.end <= this.inside.end;
  }

  private once<T extends object>(from: T, make: (from: T) => T): T {
    let to = this.done.get(from) as T | undefined;
    if (!to) {
      to = make(from);
      this.done.set(from, to);
    }
    return to;
  }

  span(s: Span): Span {
    return this.isInside(s) ? { start: s.start + this.delta, end: s.end + this.delta } : s;
  }

  string(s: StringValue): StringValue {
    if (!this.isInside(s.span)) return s;
    const d = this.delta;
    return this.once(s, (v) => ({ ...v, span: this.span(v.span), offsetOf: (i: number) => v.offsetOf(i) + d }));
  }

  value(v: ValueNode): ValueNode {
    return this.once(v, (n): ValueNode => {
      const span = this.span(n.span);
      switch (n.kind) {
        case 'string':
          return { ...n, span, str: this.string(n.str) };
        case 'list':
          return { ...n, span, items: n.items.map((i) => this.value(i)) };
        case 'dict':
          return { ...n, span, entries: n.entries.map((e) => this.entry(e)) };
        case 'call':
          return { ...n, span, call: this.call(n.call) };
        case 'name':
          return { ...n, span, resolved: n.resolved && this.value(n.resolved) };
        case 'spread':
          return { ...n, span, value: this.value(n.value) };
        case 'concat':
          return { ...n, span, parts: n.parts.map((p) => this.value(p)) };
        case 'bool':
        case 'number':
        case 'none':
        case 'attribute':
        case 'other':
          return { ...n, span };
      }
    });
  }

  entry(e: DictEntry): DictEntry {
    return this.once(e, (x) => ({ ...x, span: this.span(x.span), keySpan: this.span(x.keySpan), value: this.value(x.value) }));
  }

  option(o: OptionArg): OptionArg {
    return this.once(o, (x) => ({ ...x, span: this.span(x.span), nameSpan: this.span(x.nameSpan), value: this.value(x.value) }));
  }

  args(a: ArgList): ArgList {
    return this.once(a, (x) => ({
      ...x, open: this.at(x.open), close: this.at(x.close),
      positional: x.positional.map((v) => this.value(v)), keywords: x.keywords.map((k) => this.option(k)),
    }));
  }

  call(c: CallSite): CallSite {
    return this.once(c, (x) => ({ ...x, span: this.span(x.span), calleeSpan: this.span(x.calleeSpan), args: this.args(x.args) }));
  }

  param(p: Param): Param {
    return this.once(p, (x) => ({ ...x, span: this.span(x.span) }));
  }

  exclusion(e: ExclusionSetting): ExclusionSetting {
    return this.once(e, (x) => ({
      ...x,
      arg: this.option(x.arg),
      items: x.items.map((i) => ({ ...i, span: this.span(i.span), str: this.string(i.str) })),
      listSpan: x.listSpan && this.span(x.listSpan),
      listItemSpans: x.listItemSpans?.map((s) => this.span(s)),
    }));
  }

  traced(t: TracedFunction): TracedFunction {
    return this.once(t, (x) => ({
      ...x,
      tracerSpan: this.span(x.tracerSpan),
      calleeSpan: this.span(x.calleeSpan),
      nameSpan: this.span(x.nameSpan),
      span: this.span(x.span),
      params: this.once(x.params, (ps) => ps.map((p) => this.param(p))),
      options: x.options && this.args(x.options),
      optionsInsertAt: this.at(x.optionsInsertAt),
      exclusion: x.exclusion && this.exclusion(x.exclusion),
      inclusion: x.inclusion && this.exclusion(x.inclusion),
      captureInputs: { ...x.captureInputs, arg: x.captureInputs.arg && this.option(x.captureInputs.arg) },
    }));
  }
}
