// Builds a detector from one prefix-anchored regex plus a validation step: the shape of most key
// formats (openai, anthropic, github, google, stripe, slack, aws access key ids).
import type { Candidate, DetectContext, Detector, DetectorInfo } from './types';

export interface RegexDetectorSpec extends Omit<DetectorInfo, 'patterns' | 'defaultEnabled'> {
  defaultEnabled?: boolean;
  /** Global regexes; each match (or its first capture group, when it has one) is a candidate. */
  regexes: RegExp[];
  /** Literal strings one of which the text must contain before any regex runs (a cheap gate). */
  gate: string[];
  rawHint: string;
  rawLiterals?: readonly string[];
  rawCheck?: (raw: string) => boolean;
  minLength: number;
  /** Accept or reject a candidate span; defaults to accepting. */
  validate?(text: string, start: number, end: number): boolean;
}

export function regexDetector(spec: RegexDetectorSpec): Detector {
  const { regexes, gate, validate } = spec;
  return {
    name: spec.name,
    description: spec.description,
    defaultSeverity: spec.defaultSeverity,
    defaultEnabled: spec.defaultEnabled ?? true,
    examples: spec.examples,
    patterns: regexes,
    rawHint: spec.rawHint,
    rawLiterals: spec.rawLiterals,
    rawCheck: spec.rawCheck,
    minLength: spec.minLength,
    find(text: string, _ctx: DetectContext, out: Candidate[]): void {
      let open = false;
      for (const g of gate) {
        if (text.includes(g)) {
          open = true;
          break;
        }
      }
      if (!open) return;
      for (const re of regexes) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) !== null) {
          let start = m.index;
          let end = start + m[0].length;
          if (m[1] !== undefined) {
            start = end - m[1].length;
            if (!m[0].endsWith(m[1])) start = m.index + m[0].indexOf(m[1]);
            end = start + m[1].length;
          }
          if (end === start) {
            re.lastIndex++;
            continue;
          }
          if (!validate || validate(text, start, end)) out.push({ detector: spec.name, start, end });
        }
      }
    },
  };
}
