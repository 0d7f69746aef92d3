// unsafe-processor-order: `ProcessorOrder.EFFICIENCY` configured (passed to a config or runtime,
// or assigned to a setting). TraceCraft (core/runtime.py) then samples, then redacts, then enriches:
// the sampler sees runs before redaction, and what enrichment adds comes after redaction and is never
// redacted. SAFETY (the default) enriches, redacts, then samples. Where the value is only compared or
// read (`if config.processor_order == ProcessorOrder.EFFICIENCY:`, an `assert`, TraceCraft's own
// dispatch), nothing is configured and nothing is reported.
import type { Rule } from './types';

/** Whether the text right before `start` hands the value to a setting: `name=`, `name = `, `name: ` (not `==`, `!=`, `<=`). */
export function isConfigured(text: string, start: number): boolean {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const line = text.slice(lineStart, start);
  if (/^\s*(?:assert|if|elif|while|return|yield|case)\b/.test(line)) return false;
  const before = text.slice(Math.max(0, start - 200), start).replace(/\s+$/, '');
  if (/(?:^|[^=!<>+\-*/%&|^:])=$/.test(before)) return true;
  // `processor_order: ProcessorOrder.EFFICIENCY` in a TS options object or a dict, not a type annotation's `:` alone.
  return /["']?\w*(?:processor_?order|processorOrder|order)\w*["']?\s*:$/i.test(before);
}

export const unsafeProcessorOrder: Rule = {
  meta: {
    id: 'unsafe-processor-order',
    docs: 'ProcessorOrder.EFFICIENCY configured: TraceCraft samples, then redacts, then enriches, so the sampler sees unredacted runs and enrichment adds data after redaction; ProcessorOrder.SAFETY (the default) enriches, redacts, then samples.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const s of ctx.model.settings) {
      if (s.kind !== 'processor-order' || !isConfigured(ctx.model.text, s.span.start)) continue;
      ctx.report({
        message: 'ProcessorOrder.EFFICIENCY makes TraceCraft sample, then redact, then enrich: the sampler sees runs before redaction, and what enrichment adds is never redacted. ProcessorOrder.SAFETY enriches, redacts, then samples.',
        span: s.span,
        fix: { title: 'Use ProcessorOrder.SAFETY', edits: [{ start: s.valueSpan.start, end: s.valueSpan.end, text: 'SAFETY' }] },
      });
    }
  },
};
