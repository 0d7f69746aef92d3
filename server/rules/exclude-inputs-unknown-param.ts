// exclude-inputs-unknown-param: `exclude_inputs` names a parameter the function does not have.
// A typo (`db_pasword`) hides nothing, and the real parameter is recorded. The fix renames the
// entry to the closest parameter when one is close enough to be the intended name.
import { distance } from 'fastest-levenshtein';
import type { TracedFunction } from '../analysis/model';
import { quoted } from './fixes';
import type { Rule, RuleContext } from './types';

/** The parameter an unknown name most likely meant, or undefined when none is close. */
export function closestParam(name: string, t: TracedFunction): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const p of t.params) {
    if (p.receiver || p.kind === 'var-keyword' || p.kind === 'var-positional') continue;
    const d = distance(name.toLowerCase(), p.name.toLowerCase());
    if (d < bestDistance) {
      best = p.name;
      bestDistance = d;
    }
  }
  const limit = Math.max(2, Math.floor(name.length / 3));
  return best !== undefined && bestDistance <= limit ? best : undefined;
}

function check(ctx: RuleContext, t: TracedFunction): void {
  const ex = t.exclusion;
  // With **kwargs a name may arrive through it: kwargs-credential-captured covers that case.
  if (!ex || t.params.some((p) => p.kind === 'var-keyword')) return;
  const names = new Set(t.params.map((p) => p.name));
  for (const item of ex.items) {
    if (names.has(item.value)) continue;
    const target = closestParam(item.value, t);
    const fn = t.name ? `"${t.name}"` : 'the function';
    ctx.report({
      message: `${ex.option} names "${item.value}", but ${fn} has no such parameter: it hides nothing${target ? ` (did you mean "${target}"?)` : ''}.`,
      span: item.span,
      fix: target ? { title: `Rename to "${target}"`, edits: [{ start: item.span.start, end: item.span.end, text: quoted(target, item.str.quote) }] } : undefined,
    });
  }
}

export const excludeInputsUnknownParam: Rule = {
  meta: {
    id: 'exclude-inputs-unknown-param',
    docs: 'exclude_inputs names a parameter the function does not have: a misspelt name hides nothing, and the parameter it meant is recorded.',
    defaultSeverity: 'warning',
    fixable: true,
  },
  check(ctx) {
    for (const t of ctx.model.traced) check(ctx, t);
  },
};
