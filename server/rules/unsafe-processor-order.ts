// unsafe-processor-order: `ProcessorOrder.EFFICIENCY` makes TraceCraft sample before it redacts,
// so spans can leave the process unredacted; SAFETY (the default) redacts first.
import type { Rule } from './types';

export const unsafeProcessorOrder: Rule = {
  meta: {
    id: 'unsafe-processor-order',
    docs: 'ProcessorOrder.EFFICIENCY samples spans before redacting them; use ProcessorOrder.SAFETY (the default) so redaction always runs first.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const s of ctx.model.settings) {
      if (s.kind !== 'processor-order') continue;
      ctx.report({
        message: 'ProcessorOrder.EFFICIENCY samples before redacting: traces can be processed with their secrets still in them. Use ProcessorOrder.SAFETY.',
        span: s.span,
        fix: { title: 'Use ProcessorOrder.SAFETY', edits: [{ start: s.valueSpan.start, end: s.valueSpan.end, text: 'SAFETY' }] },
      });
    }
  },
};
