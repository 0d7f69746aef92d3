// invalid-pattern: a custom redaction regex that Python's `re` rejects. TraceCraft and AgentDbg
// compile these patterns at start-up, so an invalid one crashes the agent's exporter (or silently
// drops the rule). The check is Python's own parser, re-implemented (shared/regex/python-parser.ts),
// with Python's message; the diagnostic sits where Python reports the error.
import { translatePython } from '../../shared/regex/translate';
import { siteRange } from './pattern-sites';
import type { Rule } from './types';

export const invalidPattern: Rule = {
  meta: {
    id: 'invalid-pattern',
    docs: "A custom redaction regex that does not compile under Python's re semantics: the SDK raises re.error when it loads the rule.",
    defaultSeverity: 'error',
    fixable: false,
  },
  check(ctx) {
    for (const site of ctx.model.patterns) {
      if (site.role === 'allowlist_value') continue;
      const t = translatePython(site.value);
      if (t.ok || t.kind !== 'invalid') continue;
      const where = t.start >= site.value.length ? 'at the end' : `at position ${[...site.value.slice(0, t.start)].length}`;
      ctx.report({
        message: `Python's re rejects this pattern: ${t.message} (${where}). re.compile raises re.error when the SDK loads it.`,
        span: siteRange(site, t.start, Math.min(t.end, site.value.length)),
      });
    }
  },
};
