// tracelint's own configuration as a redaction to test: what `tracelint redact` would store with
// the workspace's tracelint.json (detectors turned off, allowlists, custom rules), judged against
// findings made with tracelint's full detection. The engine is the one `tracelint redact` uses.
import { Engine } from '../engine/index';
import type { EngineOptions } from '../options';
import { lastKey } from '../engine/paths';
import { formatJsonPath } from './path';
import { TrackedText } from './tracked';
import type { RedactionSimulator, Verdict } from './types';

export class TracelintSimulator implements RedactionSimulator {
  readonly id = 'tracelint' as const;
  readonly label = 'tracelint';
  readonly notes: string[];
  private readonly engine: Engine;

  constructor(options: EngineOptions, readonly describe: string) {
    this.engine = new Engine(options);
    this.notes = [...this.engine.problems];
  }

  judge(_doc: unknown, segments: ReadonlyArray<string | number>, value: string, start: number, end: number): Verdict & { stored?: string } {
    const path = formatJsonPath(segments);
    const matches = this.engine.scanValue(value, { path, key: lastKey(path) });
    const t = new TrackedText(value);
    // Last match first, so the offsets of the earlier ones still hold.
    for (let k = matches.length - 1; k >= 0; k--) t.substitute([matches[k]], matches[k].detector, () => this.engine.replacement(matches[k]));
    const kept = t.keptIn(start, end);
    const by = t.removersOf(start, end).join(', ') || undefined;
    if (kept === 0) {
      const m = matches.find((x) => x.start <= start && x.end >= end);
      return { outcome: 'redacted', redactedBy: by, stored: t.text, marker: m ? this.engine.replacement(m) : undefined };
    }
    const partial = kept < end - start;
    return {
      outcome: partial ? 'partial' : 'survives',
      redactedBy: partial ? by : undefined,
      reason: partial ? `only part of it is redacted (${kept} of ${end - start} characters are stored)` : 'your tracelint configuration turns its detector off or allowlists it',
      stored: t.text,
    };
  }
}
