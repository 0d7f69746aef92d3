import { readFileSync } from 'node:fs';
import { initAnalysis, lintSource } from '/work/wt/i17/server/analysis';
void (async () => { await initAnalysis();
for (const f of process.argv.slice(2)) {
  const text = readFileSync(f, 'utf8');
  for (const x of lintSource(f, text)) console.log(`${f}:${x.range.line + 1}:${x.range.column + 1} ${x.ruleId} ${x.message}${x.fix ? ` [fix: ${x.fix.title}]` : ''}${x.suggest ? ' {' + x.suggest.map((s) => s.title).join(' | ') + '}' : ''}`);
}
})();
