// Test helpers for the loop and simulate tests: trace findings for a small JSON/JSONL text. Uses
// the trace readers (shared/traces) when they are present, so positions are the real ones; the
// simulators and the linker need only each finding's line, jsonPath, secret and order.
import { Engine } from '../../shared/engine/index';
import { ConfigResolver } from '../../shared/config/index';
import type { Finding } from '../../shared/types';
import { formatJsonPath, type PathSegment } from '../../shared/simulate/path';

/** Findings of `engine` in every string value of each JSON line (iterative walk, document order). */
export function findingsOf(text: string, engine: Engine, file = 'trace.jsonl'): Finding[] {
  const out: Finding[] = [];
  let offset = 0;
  text.split('\n').forEach((line, lineNo) => {
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim()) return;
    const doc = JSON.parse(line) as unknown;
    const stack: Array<{ v: unknown; path: PathSegment[] }> = [{ v: doc, path: [] }];
    const strings: Array<{ v: string; path: PathSegment[] }> = [];
    while (stack.length) {
      const { v, path } = stack.pop()!;
      if (typeof v === 'string') strings.push({ v, path });
      else if (Array.isArray(v)) for (let i = v.length - 1; i >= 0; i--) stack.push({ v: v[i], path: [...path, i] });
      else if (v && typeof v === 'object') {
        const entries = Object.entries(v);
        for (let i = entries.length - 1; i >= 0; i--) stack.push({ v: entries[i][1], path: [...path, entries[i][0]] });
      }
    }
    for (const s of strings) {
      const jsonPath = formatJsonPath(s.path);
      const key = [...s.path].reverse().find((p) => typeof p === 'string') as string | undefined;
      // Where the value's text stands on the line (good enough to order findings in tests).
      const at = line.indexOf(JSON.stringify(s.v).slice(1, -1));
      for (const m of engine.scanValue(s.v, { path: jsonPath, key })) {
        const start = lineStart + Math.max(0, at) + m.start;
        out.push({
          ruleId: m.detector, severity: m.severity, message: `${m.detector} in ${jsonPath}`, file, jsonPath, secret: m.text,
          span: { start, end: start + m.text.length },
          range: { line: lineNo, column: start - lineStart, endLine: lineNo, endColumn: start - lineStart + m.text.length },
        });
      }
    }
  });
  return out;
}

/** The engine a scan of `dir` would use (its tracelint.json and .agentdbg/config.yaml). */
export function engineFor(dir: string): Engine {
  return new Engine(new ConfigResolver().forPath(dir).engine);
}
