// The redaction engine: one object, built once from EngineOptions, that every front (trace reader,
// redaction writer, source rules, CLI, language server) asks what in a string is a secret.
//
// API (stable; other modules depend on it):
//   new Engine(options)          compiles everything once (detectors, key names, custom patterns
//                                through shared/regex/guard.ts, allowlists, the raw prefilter);
//                                bad custom or allowlist patterns land in `problems` (name, no secret).
//   engine.scanValue(value, ctx) findings in ONE decoded JSON string value: built-in detectors,
//                                custom patterns and strings, field-path rules and sensitive_field
//                                (by ctx.key / ctx.path). Offsets are into `value`. Sorted by start,
//                                never overlapping (precedence: shared/engine/resolve.ts).
//   engine.scanText(text)        the same for free text without key context (source string
//                                literals, .env values, plain log lines).
//   engine.mayContainFinding(raw) conservative prefilter over a RAW JSONL line (before decoding):
//                                false only when no value in the line can hold a finding.
//   engine.replacement(match)    the text that replaces a match in the configured mode:
//                                mask -> placeholder (`[REDACTED]`), hash -> `[HASH:<16 hex of
//                                sha256(match text)>]`, remove -> ''.
//   engine.isSensitiveKey(key)   whether a key / parameter name is credential-like (configured names
//                                and semantics), for the source rules.
//   detectorList()               name, description, default severity, examples and regexes of every
//                                detector (built-in, opt-in and sensitive_field).
// Values that are already redaction markers, allowlisted values (exact) and values fully matching an
// allowlist pattern are never findings.
import type { Severity } from '../types';
import type { EngineOptions, FieldType } from '../options';
import { compileCustomPattern, type GuardedPattern } from '../regex/guard';
import {
  ALL_DETECTORS,
  GENERIC_DETECTORS,
  OPT_IN_DETECTORS,
  SENSITIVE_FIELD_INFO,
  SPECIFIC_DETECTORS,
  type Candidate,
  type DetectContext,
  type Detector,
  type DetectorInfo,
} from '../detectors/index';
import { KeyMatcher, keyTokens } from '../detectors/keys';
import { caseless } from '../detectors/util';
import { authCredentialsStart, isAuthHeaderName } from '../detectors/http_header_credential';
import { Markers } from './markers';
import { FieldPaths, pathKeys } from './paths';
import { buildPrefilter, requiredLiteral, verbatimFragment, type Prefilter } from './prefilter';
import { replacementFor } from './replace';
import { anonymizeForEngine } from '../redact/paths';
import { resolve, type Ranked } from './resolve';

export type { FieldType };

export interface ValueContext {
  /** JSON path of the value, e.g. `steps[2].inputs.api_key`. */
  path: string;
  /** The nearest object key above the value (for array elements: the array's key). */
  key?: string;
  fieldType?: FieldType;
  /** For an element of a JSON array that reads as a command's argv: the string elements before it. */
  argv?: readonly string[];
}

export interface ValueMatch {
  detector: string;
  /** [start, end) in the DECODED value string. */
  start: number;
  end: number;
  severity: Severity;
  /** The matched text (a secret: print only through maskSecret). */
  text: string;
}

export type { DetectorInfo } from '../detectors/index';

/** Every detector the engine knows, in precedence order, with sensitive_field last. */
export function detectorList(): DetectorInfo[] {
  return [...ALL_DETECTORS, SENSITIVE_FIELD_INFO].map((d) => ({
    name: d.name,
    description: d.description,
    defaultSeverity: d.defaultSeverity,
    defaultEnabled: d.defaultEnabled,
    examples: d.examples,
    ...(d.exampleKey !== undefined ? { exampleKey: d.exampleKey } : {}),
    patterns: d.patterns,
  }));
}

/**
 * Keys that say nothing of what they hold, so a credential key above them decides (`value`, `data`,
 * `v`, `primary`, …). Names that say what a value is (`name`, `created_at`, `scopes`) are not here.
 */
const NEUTRAL_KEYS = new Set([
  'value', 'val', 'v', 'data', 'raw', 'plain', 'plaintext', 'text', 'string', 'str', 'secret_value', 'secretvalue', 'content',
  'primary', 'secondary', 'current', 'previous', 'old', 'new', 'default', 'b64', 'base64', 'hex', 'encoded', 'live', 'test',
  'prod', 'production', 'dev', 'staging', 'key', 'secret', '0', '1',
]);
/** How far up a neutral key looks for a credential key (the value's own key excluded). */
const ANCESTOR_LEVELS = 3;

/** Field-path rules and custom strings without a severity of their own report as warnings. */
const CONFIG_RULE_SEVERITY: Severity = 'warning';

interface ActiveDetector {
  detector: Detector;
  rank: number;
  generic: boolean;
}

interface CustomRule {
  name: string;
  pattern: GuardedPattern;
  severity: Severity;
}

export class Engine {
  readonly problems: string[] = [];
  private readonly options: EngineOptions;
  private readonly active: ActiveDetector[] = [];
  private readonly severity = new Map<string, Severity>();
  private readonly customRules: CustomRule[] = [];
  private readonly customStrings: string[];
  private readonly allowlist: Set<string>;
  private readonly allowPatterns: GuardedPattern[] = [];
  private readonly fieldPaths: FieldPaths;
  private readonly keys: KeyMatcher;
  private readonly sensitiveOn: boolean;
  private readonly markers: Markers;
  private readonly prefilter: Prefilter;
  private readonly ranks: { custom: number; customString: number; fieldPath: number; sensitive: number };

  constructor(options: EngineOptions) {
    this.options = options;
    const enabled = (name: string, def: boolean) => options.detectors[name]?.enabled ?? def;
    const sev = (name: string, def: Severity) => options.detectors[name]?.severity ?? def;

    let rank = 0;
    for (const d of SPECIFIC_DETECTORS) {
      const r = rank++;
      if (!enabled(d.name, d.defaultEnabled)) continue;
      this.active.push({ detector: d, rank: r, generic: false });
      this.severity.set(d.name, sev(d.name, d.defaultSeverity));
    }
    const customRank = rank++;
    const customStringRank = rank++;
    for (const d of [...GENERIC_DETECTORS, ...OPT_IN_DETECTORS]) {
      const r = rank++;
      if (!enabled(d.name, d.defaultEnabled)) continue;
      this.active.push({ detector: d.configure ? d.configure(options) : d, rank: r, generic: true });
      this.severity.set(d.name, sev(d.name, d.defaultSeverity));
    }
    this.ranks = { custom: customRank, customString: customStringRank, fieldPath: rank++, sensitive: rank++ };

    for (const p of options.customPatterns) {
      const compiled = compileCustomPattern(p.pattern);
      if (!compiled.ok) {
        this.problems.push(`custom pattern "${p.name}" is not a valid regular expression: ${compiled.error}`);
        continue;
      }
      this.customRules.push({ name: p.name, pattern: compiled.pattern, severity: p.severity ?? sev(p.name, CONFIG_RULE_SEVERITY) });
    }
    this.customStrings = options.customStrings.filter((s) => s.length > 0);
    this.allowlist = new Set(options.allowlist);
    options.allowlistPatterns.forEach((src, i) => {
      const compiled = compileCustomPattern(src);
      if (compiled.ok) this.allowPatterns.push(compiled.pattern);
      else this.problems.push(`allowlist pattern #${i + 1} is not a valid regular expression: ${compiled.error}`);
    });
    this.fieldPaths = new FieldPaths(options.fieldPaths);
    for (const rule of options.fieldPaths) this.severity.set(rule.name, sev(rule.name, CONFIG_RULE_SEVERITY));
    this.keys = new KeyMatcher(options.sensitiveKeys.names, options.sensitiveKeys.substring);
    this.sensitiveOn = enabled(SENSITIVE_FIELD_INFO.name, true);
    this.severity.set(SENSITIVE_FIELD_INFO.name, sev(SENSITIVE_FIELD_INFO.name, SENSITIVE_FIELD_INFO.defaultSeverity));
    this.markers = new Markers(options.placeholder);
    this.prefilter = this.buildPrefilter();
  }

  scanValue(value: string, ctx: ValueContext): ValueMatch[] {
    if (value.length === 0) return [];
    const out: Candidate[] = [];
    const ranked: Ranked[] = [];
    // Key-driven rules first: they cover the whole value.
    if (!this.fieldPaths.empty) {
      const rule = this.fieldPaths.match(ctx.path, ctx.key);
      if (rule !== undefined) ranked.push({ detector: rule, start: 0, end: value.length, rank: this.ranks.fieldPath, generic: true });
    }
    if (this.sensitiveOn && this.sensitiveKeyFor(ctx) && isValueLike(value)) {
      // An Authorization header's scheme word (`Basic`, `Token`) is no secret: the credentials after it are.
      const start = ctx.key !== undefined && isAuthHeaderName(ctx.key) ? authCredentialsStart(value) : 0;
      ranked.push({ detector: 'sensitive_field', start, end: value.length, rank: this.ranks.sensitive, generic: true });
    }
    return this.scan(value, { key: ctx.key ?? lastPathKey(ctx.path), fieldType: ctx.fieldType, argv: ctx.argv }, out, ranked);
  }

  scanText(text: string): ValueMatch[] {
    if (text.length === 0) return [];
    return this.scan(text, {}, [], []);
  }

  mayContainFinding(raw: string): boolean {
    return this.prefilter(raw);
  }

  /** The opt-in path anonymiser (`redaction.anonymizePaths`) over a redacted raw JSON line. */
  finishRedaction(rawLine: string): string {
    return anonymizeForEngine(rawLine, this.options);
  }

  replacement(match: ValueMatch): string {
    return replacementFor(match.text, this.options.mode, this.options.placeholder);
  }

  isSensitiveKey(key: string): boolean {
    return this.keys.matches(key);
  }

  private sensitiveKeyFor(ctx: ValueContext): boolean {
    if (this.options.sensitiveKeys.substring) {
      // AgentDbg redacts the whole value under a matching key, nested values included.
      if (ctx.key !== undefined && this.keys.matches(ctx.key)) return true;
      return pathKeys(ctx.path).some((k) => this.keys.matches(k));
    }
    const key = ctx.key ?? lastPathKey(ctx.path);
    if (key === undefined) return false;
    if (this.keys.matches(key)) return true;
    // `{"password": {"value": "…"}}`, `{"api_key": {"primary": "…"}}`: a neutral key takes its
    // meaning from a credential key at most ANCESTOR_LEVELS above it, as AgentDbg reads a path.
    if (!NEUTRAL_KEYS.has(key.toLowerCase())) return false;
    const keys = pathKeys(ctx.path);
    // The path's last key is the value's own key (for an array element, the array's). The keys
    // between it and the credential key are neutral too (`password.current.value`), unless the
    // credential key names a collection (`credentials.db.v`, `secrets.stripe.value`).
    let between = true;
    for (let i = keys.length - 2, n = 0; i >= 0 && n < ANCESTOR_LEVELS; i--, n++) {
      const k = keys[i];
      if (this.keys.matches(k) && (between || k.endsWith('s'))) return true;
      between = between && NEUTRAL_KEYS.has(k.toLowerCase());
    }
    return false;
  }

  private scan(text: string, dctx: DetectContext, out: Candidate[], ranked: Ranked[]): ValueMatch[] {
    const len = text.length;
    for (const a of this.active) {
      if (len < a.detector.minLength) continue;
      const before = out.length;
      a.detector.find(text, dctx, out);
      for (let i = before; i < out.length; i++) ranked.push({ ...out[i], rank: a.rank, generic: a.generic });
    }
    for (const s of this.customStrings) {
      let i = text.indexOf(s);
      while (i >= 0) {
        ranked.push({ detector: 'custom_string', start: i, end: i + s.length, rank: this.ranks.customString, generic: true });
        i = text.indexOf(s, i + s.length);
      }
    }
    for (const rule of this.customRules) {
      for (const m of rule.pattern.matchAll(text)) {
        ranked.push({ detector: rule.name, start: m.start, end: m.end, rank: this.ranks.custom, generic: true });
      }
    }
    if (ranked.length === 0) return [];

    // Markers and allowlisted matches are holes: they take their span and report nothing.
    const marks = this.markers.spans(text);
    if (marks.length > 0) {
      if (this.markers.onlyMarkers(text, marks)) return [];
      for (const m of marks) ranked.push({ detector: '', start: m.start, end: m.end, rank: -1, generic: false, hole: true });
    }
    for (const c of ranked) {
      if (!c.hole && this.allowlisted(text.slice(c.start, c.end))) c.hole = true;
    }
    const kept = resolve(ranked, text);
    return kept.map((k) => ({
      detector: k.detector,
      start: k.start,
      end: k.end,
      severity: this.severityOf(k.detector),
      text: text.slice(k.start, k.end),
    }));
  }

  private severityOf(detector: string): Severity {
    const s = this.severity.get(detector);
    if (s !== undefined) return s;
    if (detector === 'custom_string') return this.options.detectors.custom_string?.severity ?? CONFIG_RULE_SEVERITY;
    return this.customRules.find((r) => r.name === detector)?.severity ?? CONFIG_RULE_SEVERITY;
  }

  private allowlisted(s: string): boolean {
    if (this.allowlist.has(s)) return true;
    for (const p of this.allowPatterns) if (p.fullMatch(s)) return true;
    return false;
  }

  private buildPrefilter(): Prefilter {
    let alwaysTrue = false;
    const literals: string[] = [];
    const checks: Array<(raw: string) => boolean> = [];
    const hints: string[] = [];
    const colonChecks = new Set<(raw: string, p: number) => boolean>();
    const colonKeys = new Set<((key: string) => boolean) | undefined>();
    for (const { detector: d } of this.active) {
      if (d.rawLiterals) literals.push(...d.rawLiterals);
      else if (d.rawCheck) checks.push(d.rawCheck);
      else hints.push(d.rawHint);
      if (d.rawColon) {
        colonChecks.add(d.rawColon);
        colonKeys.add(d.rawColonKey);
      }
    }
    for (const s of this.customStrings) {
      const frag = verbatimFragment(s);
      if (frag.length === 0) alwaysTrue = true;
      else literals.push(frag);
    }
    for (const rule of this.options.customPatterns) {
      if (!this.customRules.some((r) => r.name === rule.name)) continue;
      const lit = requiredLiteral(rule.pattern);
      if (lit === undefined) alwaysTrue = true;
      else hints.push(caseless(lit));
    }
    const leaves = new Set<string>();
    for (const rule of this.options.fieldPaths) {
      for (const p of rule.paths) {
        const keys = pathKeys(p);
        if (keys.length) leaves.add(keys[keys.length - 1]);
      }
    }
    const keyMatches =
      this.sensitiveOn || leaves.size > 0
        ? (key: string) => (this.sensitiveOn && this.keys.matches(key)) || leaves.has(key)
        : undefined;
    // A value made only of redaction markers cannot be a finding. (An empty value still passes: the
    // trace reader probes `{"key": ""}` to ask whether a key alone may drive a key rule.)
    const valueCanHit = (v: string) => v.length === 0 || !this.markers.onlyMarkers(v, this.markers.spans(v));
    // An object under a credential key passes too: a neutral key inside it takes the credential's
    // meaning (`{"password": {"value": …}}`), and under AgentDbg's semantics everything nested does.
    // A name/value pair's value stands under its name (shared/traces/context.ts).
    const keyChecks = colonChecks.size === 0 || colonKeys.has(undefined) ? undefined : [...colonKeys].filter((k) => k !== undefined);
    const colonKey = keyChecks && ((key: string) => keyChecks.some((k) => k(key)));
    const colon = { keyMatches, keyObjects: true, valueCanHit, pairs: keyMatches !== undefined, colonChecks: [...colonChecks], colonKey };
    return buildPrefilter({ literals, checks, hints, colon, alwaysTrue });
  }
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/**
 * Whether a string under a sensitive key carries something: not empty, not a literal stand-in, and
 * holding a letter or digit in any script (`**********`, OpenHands' and many UIs' mask, and `••••`
 * are none; the prefilter's `valueCanHit` turns ASCII ones away too).
 */
function isValueLike(value: string): boolean {
  const v = value.trim();
  if (v.length === 0 || !LETTER_OR_DIGIT.test(v)) return false;
  const lower = v.toLowerCase();
  return !(lower === 'true' || lower === 'false' || lower === 'null' || lower === 'none' || lower === 'undefined');
}

function lastPathKey(path: string): string | undefined {
  const keys = pathKeys(path);
  return keys.length ? keys[keys.length - 1] : undefined;
}
