// AgentDbg's redaction, simulated with its own semantics (agentdbg/tracing.py `_redact_and_truncate`,
// agentdbg/config.py; /work/team/SDK-SEMANTICS.md): applied to each event's `payload` and `meta`
// only (never to `name`, `event_type` or run.json); a dict key matches when a redact key, lowercased,
// is a substring of the lowercased key, and its value, whatever its type, becomes `__REDACTED__`;
// strings longer than max_field_bytes (UTF-8) keep their first bytes and end in `__TRUNCATED__`;
// containers deeper than 10 levels become `__TRUNCATED__`. The released AgentDbg has no content
// patterns: `redaction.patterns` from the security guide's configuration is reported, not applied.
import { compileCustomPattern, type GuardedPattern } from '../regex/guard';
import { TrackedText } from './tracked';
import type { RedactionSimulator, Verdict } from './types';

export const AGENTDBG_REDACTED = '__REDACTED__';
export const AGENTDBG_TRUNCATED = '__TRUNCATED__';
/** `_RECURSION_LIMIT`: a value nested deeper than this inside payload/meta is replaced. */
export const AGENTDBG_DEPTH_LIMIT = 10;

export interface AgentDbgSettings {
  redact: boolean;
  keys: string[];
  maxFieldBytes: number;
  /** `redaction.patterns` (guide shape): never applied by AgentDbg itself. */
  patterns: string[];
  describe: string;
  notes: string[];
  /** Why redaction is off, when it is (`redact: false in .agentdbg/config.yaml`). */
  offReason?: string;
}

/** The number of UTF-16 units of `s` that fit in `maxBytes` UTF-8 bytes without splitting a character. */
function unitsWithinBytes(s: string, maxBytes: number): number {
  let bytes = 0;
  let i = 0;
  while (i < s.length) {
    const c = s.codePointAt(i)!;
    const n = c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
    if (bytes + n > maxBytes) break;
    bytes += n;
    i += c >= 0x10000 ? 2 : 1;
  }
  return i;
}

export class AgentDbgSimulator implements RedactionSimulator {
  readonly id = 'agentdbg' as const;
  readonly label = 'AgentDbg';
  readonly describe: string;
  readonly notes: string[];
  private readonly settings: AgentDbgSettings;
  private readonly lowered: string[];
  private readonly patterns: Array<{ source: string; pattern: GuardedPattern }> = [];

  constructor(settings: AgentDbgSettings) {
    this.settings = settings;
    this.describe = settings.describe;
    this.notes = [...settings.notes];
    this.lowered = settings.keys.map((k) => k.toLowerCase());
    for (const source of settings.patterns) {
      const c = compileCustomPattern(source);
      if (c.ok) this.patterns.push({ source, pattern: c.pattern });
    }
  }

  /** The redact key a dict key matches (case-insensitive substring), if any. */
  matchingKey(key: string): string | undefined {
    const k = key.toLowerCase();
    const i = this.lowered.findIndex((rk) => k.includes(rk));
    return i < 0 ? undefined : this.settings.keys[i];
  }

  judge(_doc: unknown, segments: ReadonlyArray<string | number>, value: string, start: number, end: number): Verdict & { stored?: string } {
    const [top] = segments;
    if (top !== 'payload' && top !== 'meta') {
      const what = typeof top === 'string' ? `an event's "${top}"` : 'this part of the file';
      return { outcome: 'survives', reason: `AgentDbg never redacts ${what}`, stored: value };
    }
    // segments[i] is a member of a container at depth i - 1 (payload itself is depth 0).
    for (let i = 1; i < segments.length; i++) {
      if (i - 1 > AGENTDBG_DEPTH_LIMIT) {
        return { outcome: 'redacted', redactedBy: 'depth limit', stored: AGENTDBG_TRUNCATED, marker: AGENTDBG_TRUNCATED };
      }
      const s = segments[i];
      if (this.settings.redact && typeof s === 'string') {
        const rk = this.matchingKey(s);
        if (rk !== undefined) return { outcome: 'redacted', redactedBy: `redact_keys: ${rk}`, stored: AGENTDBG_REDACTED, marker: AGENTDBG_REDACTED };
      }
    }
    if (segments.length - 1 > AGENTDBG_DEPTH_LIMIT) {
      return { outcome: 'redacted', redactedBy: 'depth limit', stored: AGENTDBG_TRUNCATED, marker: AGENTDBG_TRUNCATED };
    }
    const t = new TrackedText(value);
    const max = this.settings.maxFieldBytes;
    if (max > 0 && Buffer.byteLength(value, 'utf8') > max) {
      t.truncate(unitsWithinBytes(value, Math.max(0, max - AGENTDBG_TRUNCATED.length)), AGENTDBG_TRUNCATED, 'max_field_bytes');
    }
    const kept = t.keptIn(start, end);
    if (kept === 0) return { outcome: 'redacted', redactedBy: 'max_field_bytes', stored: t.text, marker: AGENTDBG_TRUNCATED };
    const reason = kept < end - start ? `max_field_bytes cuts it, but ${kept} of ${end - start} characters are stored` : this.survivalReason(segments, value.slice(start, end));
    return { outcome: kept < end - start ? 'partial' : 'survives', redactedBy: kept < end - start ? 'max_field_bytes' : undefined, reason, stored: t.text };
  }

  private survivalReason(segments: ReadonlyArray<string | number>, secret: string): string {
    if (!this.settings.redact) return `AgentDbg redaction is off${this.settings.offReason ? ` (${this.settings.offReason})` : ''}`;
    const keys = segments.slice(1).filter((s): s is string => typeof s === 'string');
    const where = keys.length > 0 ? `no key on its path (${keys.map((k) => `"${k}"`).join(', ')}) contains a redact key` : 'it is not under any key';
    const p = this.patterns.find((x) => x.pattern.matchAll(secret).length > 0);
    if (p) return `${where}; redaction.patterns "${p.source}" matches it, but AgentDbg applies no content patterns (only key names)`;
    return `${where}, and AgentDbg redacts by key name only`;
  }
}
