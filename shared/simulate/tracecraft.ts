// TraceCraft's redaction, simulated with its own semantics (src/tracecraft/processors/redaction.py,
// core/runtime.py; /work/team/SDK-SEMANTICS.md):
// - the runtime builds a RedactionProcessor from RedactionConfig (mode, allowlist,
//   allowlist_patterns) only when `enabled` and TRACECRAFT_REDACTION_ENABLED is not false; it
//   never passes `custom_patterns`, so those are never applied (we say so);
// - a processor's rules are the 17 DEFAULT_RULES (when include_defaults) followed by its own;
// - only run.input/run.output and every step's (and child step's) inputs/outputs are redacted:
//   step attributes, error, names and run tags are stored as they are;
// - redact_text runs each rule in turn on the previous rule's output (`pattern.sub`), keeping a
//   match that is allowlisted (exact value, or an allowlist pattern `fullmatch`es it);
// - redact_dict replaces a whole string value whose dotted path (list indices left out) or key is
//   one of a rule's field_paths, unless the whole value is allowlisted.
// Patterns are Python `re`: they run through shared/regex (translation + guarded compile).
import { createHash } from 'node:crypto';
import { compileCustomPattern, type GuardedPattern } from '../regex/guard';
import type { RedactionMode } from '../options';
import { TrackedText } from './tracked';
import type { RedactionSimulator, Verdict } from './types';

export interface TraceCraftRule {
  name: string;
  /** Python `re` syntax. */
  pattern?: string;
  fieldPaths?: string[];
  replacement?: string;
}

/** One RedactionProcessor: the runtime's (from RedactionConfig) or one the user's code builds. */
export interface TraceCraftProcessor {
  /** Where it comes from, for messages: `RedactionConfig (agent/research_agent.py:40)`. */
  origin: string;
  mode: RedactionMode;
  includeDefaults: boolean;
  rules: TraceCraftRule[];
  allowlist: string[];
  allowlistPatterns: string[];
}

export interface TraceCraftSettings {
  /** Processors in the order they run. Empty: nothing is redacted. */
  processors: TraceCraftProcessor[];
  /** RedactionConfig.custom_patterns: written by the user, never applied by the runtime. */
  ignoredCustomPatterns: TraceCraftRule[];
  /** Where the settings were read from. */
  describe: string;
  notes: string[];
  /** Why the runtime's processor is not built (`enabled=False at ...`, `TRACECRAFT_REDACTION_ENABLED=false in .env`). */
  offReason?: string;
}

/** TraceCraft's 17 DEFAULT_RULES, in order, exactly as the SDK writes them (Python syntax). */
export const TRACECRAFT_DEFAULT_RULES: ReadonlyArray<{ name: string; pattern: string }> = [
  { name: 'email', pattern: String.raw`[a-zA-Z0-9](?:[a-zA-Z0-9._-]{0,62}[a-zA-Z0-9])?@[a-zA-Z0-9](?:[a-zA-Z0-9.-]{0,61}[a-zA-Z0-9])?\.[a-zA-Z]{2,}` },
  { name: 'phone', pattern: String.raw`(?:\+\d{1,3}[-.\s]?)?(?:\(\d{3}\)|\d{3})[-.\s]?\d{3}[-.\s]?\d{4}` },
  { name: 'credit_card', pattern: String.raw`\b\d{4}[-\s]?\d{4}[-\s]?\d{4}[-\s]?\d{4}\b` },
  { name: 'ssn', pattern: String.raw`\b\d{3}-\d{2}-\d{4}\b` },
  { name: 'openai_api_key', pattern: String.raw`sk-[a-zA-Z0-9_-]{10,128}` },
  { name: 'anthropic_api_key', pattern: String.raw`sk-ant-[a-zA-Z0-9_-]{10,128}` },
  { name: 'aws_access_key', pattern: String.raw`\bAKIA[A-Z0-9]{16}\b` },
  { name: 'aws_secret_key', pattern: String.raw`\b[A-Za-z0-9/+=]{40}\b` },
  { name: 'bearer_token', pattern: String.raw`Bearer\s+[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)?` },
  { name: 'github_token', pattern: String.raw`gh[pousr]_[a-zA-Z0-9]{36,}` },
  { name: 'google_api_key', pattern: String.raw`AIza[a-zA-Z0-9_-]{35}` },
  { name: 'azure_connection_string', pattern: String.raw`AccountKey=[A-Za-z0-9+/=]{20,}` },
  { name: 'generic_api_key_param', pattern: String.raw`api_key=[A-Za-z0-9_-]{8,128}` },
  { name: 'private_key', pattern: String.raw`-----BEGIN\s+(?:RSA\s+)?(?:PRIVATE|EC)\s+KEY-----` },
  { name: 'slack_token', pattern: String.raw`xox[bpar]-[0-9]{10,}-[0-9]{10,}-[a-zA-Z0-9]{20,}` },
  { name: 'stripe_key', pattern: String.raw`[sp]k_(?:live|test)_[a-zA-Z0-9]{20,}` },
  { name: 'password_field', pattern: String.raw`(?:password|passwd|pwd|secret|token)\s*[=:]\s*["']?[^\s"']{4,}["']?` },
];

/** The runtime's processor for a RedactionConfig with TraceCraft's defaults. */
export function runtimeProcessor(origin: string, over: Partial<Pick<TraceCraftProcessor, 'mode' | 'allowlist' | 'allowlistPatterns'>> = {}): TraceCraftProcessor {
  return { origin, mode: over.mode ?? 'mask', includeDefaults: true, rules: [], allowlist: over.allowlist ?? [], allowlistPatterns: over.allowlistPatterns ?? [] };
}

/** Time limit for one backtracking call of a built-in rule (see the constructor). */
const BUILTIN_TIME_LIMIT_MS = 5000;

interface CompiledRule {
  name: string;
  pattern?: GuardedPattern;
  fieldPaths: Set<string>;
  replacement?: string;
}

interface CompiledProcessor {
  origin: string;
  mode: RedactionMode;
  rules: CompiledRule[];
  allowlist: Set<string>;
  allowPatterns: GuardedPattern[];
}

/** The TraceCraft replacement for a match (`_get_replacement`), or undefined when allowlisted. */
function replacementFor(p: CompiledProcessor, matched: string, replacement: string | undefined): string | undefined {
  if (p.allowlist.has(matched) || p.allowPatterns.some((a) => a.fullMatch(matched))) return undefined;
  if (replacement) return replacement;
  if (p.mode === 'hash') return `[HASH:${createHash('sha256').update(matched, 'utf8').digest('hex').slice(0, 16)}]`;
  if (p.mode === 'remove') return '';
  return '[REDACTED]';
}

/** Where in a TraceCraft run a value sits, as far as redaction is concerned. */
export type TraceCraftPlace =
  | { redacted: true; /** Path inside the redacted dict (run.input, step.inputs...), keys and indices. */ rel: ReadonlyArray<string | number> }
  | { redacted: false; what: string };

/** Classifies a JSON path inside one TraceCraft AgentRun. */
export function traceCraftPlace(segments: ReadonlyArray<string | number>): TraceCraftPlace {
  const [first] = segments;
  if (first === 'input' || first === 'output') return { redacted: true, rel: segments.slice(1) };
  if (first !== 'steps') return { redacted: false, what: typeof first === 'string' ? `the run's "${first}"` : 'this part of the run' };
  let i = 1;
  if (typeof segments[i] !== 'number') return { redacted: false, what: 'the run\'s "steps" list' };
  i++;
  while (segments[i] === 'children' && typeof segments[i + 1] === 'number') i += 2;
  const field = segments[i];
  if (field === 'inputs' || field === 'outputs') return { redacted: true, rel: segments.slice(i + 1) };
  return { redacted: false, what: typeof field === 'string' ? `a step's "${field}"` : 'this part of a step' };
}

export class TraceCraftSimulator implements RedactionSimulator {
  readonly id = 'tracecraft' as const;
  readonly label = 'TraceCraft';
  readonly describe: string;
  readonly notes: string[];
  private readonly processors: CompiledProcessor[] = [];
  private readonly ignored: Array<{ name: string; pattern: GuardedPattern }> = [];
  private readonly offReason?: string;
  private readonly guarded: Array<{ name: string; pattern: GuardedPattern }> = [];

  constructor(settings: TraceCraftSettings) {
    this.describe = settings.describe;
    this.notes = [...settings.notes];
    this.offReason = settings.offReason;
    // The SDK's own 17 rules are fixed and known not to backtrack badly: they get a generous time
    // limit, so a loaded machine does not switch one off. The user's patterns keep the default.
    const builtin = new Set<string>(TRACECRAFT_DEFAULT_RULES.map((r) => r.pattern));
    const compile = (source: string, what: string): GuardedPattern | undefined => {
      const c = compileCustomPattern(source, builtin.has(source) ? { timeLimitMs: BUILTIN_TIME_LIMIT_MS } : {});
      if (c.ok) return c.pattern;
      this.notes.push(`${what} is left out of the simulation: ${c.error}`);
      return undefined;
    };
    for (const p of settings.processors) {
      const rules: CompiledRule[] = [];
      const all = [...(p.includeDefaults ? TRACECRAFT_DEFAULT_RULES : []), ...p.rules];
      for (const r of all) {
        const rule = r as TraceCraftRule;
        rules.push({
          name: rule.name,
          pattern: rule.pattern ? compile(rule.pattern, `RedactionRule "${rule.name}"`) : undefined,
          fieldPaths: new Set(rule.fieldPaths ?? []),
          replacement: rule.replacement,
        });
      }
      const allowPatterns: GuardedPattern[] = [];
      p.allowlistPatterns.forEach((src, i) => {
        const c = compile(src, `allowlist pattern #${i + 1} of ${p.origin}`);
        if (c) allowPatterns.push(c);
      });
      this.processors.push({ origin: p.origin, mode: p.mode, rules, allowlist: new Set(p.allowlist), allowPatterns });
      for (const r of rules) if (r.pattern) this.guarded.push({ name: `RedactionRule "${r.name}"`, pattern: r.pattern });
      allowPatterns.forEach((a, i) => this.guarded.push({ name: `allowlist pattern #${i + 1} of ${p.origin}`, pattern: a }));
    }
    for (const r of settings.ignoredCustomPatterns) {
      if (!r.pattern) continue;
      const c = compileCustomPattern(r.pattern);
      if (c.ok) this.ignored.push({ name: r.name, pattern: c.pattern });
    }
  }

  /** Patterns the guard switched off while simulating (a time limit hit): the results are then incomplete. */
  problems(): string[] {
    return this.guarded.flatMap((g) => g.pattern.problems.map((p) => `${g.name}: ${p}`));
  }

  judge(_doc: unknown, segments: ReadonlyArray<string | number>, value: string, start: number, end: number): Verdict & { stored?: string } {
    const place = traceCraftPlace(segments);
    if (!place.redacted) {
      return { outcome: 'survives', reason: `TraceCraft never redacts ${place.what}`, stored: value };
    }
    if (this.processors.length === 0) {
      return { outcome: 'survives', reason: this.disabledReason(), stored: value };
    }
    const t = new TrackedText(value);
    const last = place.rel[place.rel.length - 1];
    const keyPath = place.rel.filter((s): s is string => typeof s === 'string');
    for (const p of this.processors) {
      if (typeof last === 'string' && t.text.length > 0) {
        const pathStr = keyPath.join('.');
        // `_redact_dict_in_place`: a field-path rule takes the whole string (rule name "field_path").
        const fieldRule = p.rules.find((r) => r.fieldPaths.has(pathStr) || r.fieldPaths.has(last));
        if (fieldRule) {
          const rep = replacementFor(p, t.text, undefined);
          if (rep !== undefined) t.replaceAll(rep, `field_paths of "${fieldRule.name}"`);
          continue;
        }
      }
      this.redactText(p, t);
    }
    const kept = t.keptIn(start, end);
    const by = t.removersOf(start, end).join(', ') || undefined;
    const secret = value.slice(start, end);
    if (kept === 0) return { outcome: 'redacted', redactedBy: by, stored: t.text, marker: this.markerFor(t.removersOf(start, end)[0], secret) };
    const reason = kept === end - start ? this.survivalReason(secret) : `only part of it is redacted (by ${by ?? 'a rule'}); ${kept} of ${end - start} characters are stored`;
    return { outcome: kept === end - start ? 'survives' : 'partial', redactedBy: by, reason, stored: t.text };
  }

  /** The text the rule that removed a secret writes for it (the whole value for a field-path rule). */
  private markerFor(label: string | undefined, secret: string): string {
    for (const p of this.processors) {
      const rule = p.rules.find((r) => r.name === label);
      if (rule) return replacementFor({ ...p, allowlist: new Set(), allowPatterns: [] }, secret, rule.replacement) ?? '';
    }
    const p = this.processors[0];
    return p ? replacementFor({ ...p, allowlist: new Set(), allowPatterns: [] }, secret, undefined) ?? '' : '';
  }

  /** `redact_text`: every rule with a pattern, in order, on the previous rule's result. */
  private redactText(p: CompiledProcessor, t: TrackedText): void {
    for (const rule of p.rules) {
      if (!rule.pattern || t.text.length === 0) continue;
      const matches = rule.pattern.matchAll(t.text);
      t.substitute(matches, rule.name, (m) => replacementFor(p, m, rule.replacement));
    }
  }

  private disabledReason(): string {
    return this.offReason ? `TraceCraft redaction is off (${this.offReason})` : 'no TraceCraft redaction is configured';
  }

  /** Why a secret inside a redacted field is stored whole: allowlisted, or no applied rule matches it. */
  private survivalReason(secret: string): string {
    for (const p of this.processors) {
      if (p.allowlist.has(secret)) return `it is in the allowlist of ${p.origin}`;
      if (p.allowPatterns.some((a) => a.fullMatch(secret))) return `an allowlist pattern of ${p.origin} fully matches it`;
    }
    const ignored = this.ignored.find((r) => r.pattern.matchAll(secret).length > 0);
    if (ignored) {
      return `only RedactionConfig.custom_patterns "${ignored.name}" matches it, and TraceCraft's runtime never applies custom_patterns (pass them as RedactionProcessor(rules=[...]))`;
    }
    return 'no TraceCraft rule matches it';
  }
}
