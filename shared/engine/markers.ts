// Redaction markers: text that some redactor (TraceCraft, AgentDbg, opentraces, tracelint itself)
// already put in place of a secret. Never a finding, and never the reason a generic rule fires.
import type { Span } from '../types';

const BUILT_IN = ['[REDACTED]', '[EXCLUDED]', '__REDACTED__', '***REDACTED***'];
const HASH = /\[HASH:[0-9a-fA-F]{8,64}\]/g;

export class Markers {
  private readonly literals: string[];

  constructor(placeholder: string) {
    this.literals = [...new Set([...BUILT_IN, placeholder].filter((s) => s.length > 0))];
  }

  /** Every marker span in `text`, in order; empty (no allocation beyond the array) when none. */
  spans(text: string): Span[] {
    const out: Span[] = [];
    for (const lit of this.literals) {
      let i = text.indexOf(lit);
      while (i >= 0) {
        out.push({ start: i, end: i + lit.length });
        i = text.indexOf(lit, i + lit.length);
      }
    }
    if (text.includes('[HASH:')) {
      HASH.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = HASH.exec(text)) !== null) out.push({ start: m.index, end: m.index + m[0].length });
    }
    return out.sort((a, b) => a.start - b.start);
  }

  /** Whether `text` is nothing but markers, whitespace and punctuation (an already-redacted value). */
  onlyMarkers(text: string, spans: Span[]): boolean {
    let pos = 0;
    for (const s of spans) {
      if (hasAlnum(text, pos, s.start)) return false;
      pos = Math.max(pos, s.end);
    }
    return !hasAlnum(text, pos, text.length);
  }
}

export function hasAlnum(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c > 127) return true;
  }
  return false;
}
