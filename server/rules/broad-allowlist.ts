// broad-allowlist: an allowlist entry so broad that real secrets pass through it unredacted. The
// test material is the detectors' own positive examples: each is scanned by the engine and the
// secrets it finds there (`sk-proj-…`, an e-mail address, a JWT) are tried against the allowlist
// pattern with Python's `fullmatch`, guarded like every custom pattern, or compared with an
// allowlist value. Secrets appear in messages only masked.
import { detectorList, Engine } from '../../shared/engine/index';
import { maskSecret } from '../../shared/mask';
import { defaultEngineOptions } from '../../shared/options';
import { compileCustomPattern } from '../../shared/regex/guard';
import type { Rule } from './types';

export interface ExampleSecret {
  detector: string;
  secret: string;
}

let examples: ExampleSecret[] | undefined;

/**
 * The secrets the detectors find in their own positive examples (sensitive_field left out: its
 * examples are arbitrary values, real only under a credential-like key).
 */
export function exampleSecrets(): ExampleSecret[] {
  if (examples) return examples;
  const engine = new Engine(defaultEngineOptions());
  const seen = new Set<string>();
  examples = [];
  for (const d of detectorList()) {
    if (d.name === 'sensitive_field') continue;
    for (const ex of d.examples.positive) {
      const found = d.exampleKey ? engine.scanValue(ex, { path: d.exampleKey, key: d.exampleKey }) : engine.scanText(ex);
      for (const m of found) {
        if (m.detector !== d.name || seen.has(m.text)) continue;
        seen.add(m.text);
        examples.push({ detector: d.name, secret: m.text });
      }
    }
  }
  return examples;
}

/** "openai_api_key (sk-p…(59 chars)), email (info…(18 chars))": at most `max` detectors named. */
function describe(hits: ExampleSecret[], max = 4): string {
  const byDetector = new Map<string, string>();
  for (const h of hits) if (!byDetector.has(h.detector)) byDetector.set(h.detector, maskSecret(h.secret));
  const names = [...byDetector].map(([d, s]) => `${d} (${s})`);
  return names.length > max ? `${names.slice(0, max).join(', ')} and ${names.length - max} more` : names.join(', ');
}

export const broadAllowlist: Rule = {
  meta: {
    id: 'broad-allowlist',
    docs: 'An allowlist pattern or value that fully matches real-looking secrets (e.g. `.*`, `.+@.+`, `sk-.*`): everything it matches is never redacted.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    for (const site of ctx.model.patterns) {
      if (site.role === 'allowlist_value') {
        const hits = exampleSecrets().filter((e) => e.secret === site.value);
        if (hits.length > 0) {
          ctx.report({ message: `This allowlist value is a real-looking secret (${describe(hits)}): it is never redacted where it appears.`, span: site.span });
        }
        continue;
      }
      if (site.role !== 'allowlist_pattern') continue;
      const compiled = compileCustomPattern(site.value);
      if (!compiled.ok) continue; // invalid-pattern reports it.
      const hits = exampleSecrets().filter((e) => compiled.pattern.fullMatch(e.secret));
      if (hits.length === 0) continue;
      const detectors = new Set(hits.map((h) => h.detector)).size;
      ctx.report({
        message: `This allowlist pattern fully matches real-looking secrets of ${detectors} detector${detectors === 1 ? '' : 's'}: ${describe(hits)}. Values it matches are never redacted; narrow it to the values you mean.`,
        span: site.span,
      });
    }
  },
};
