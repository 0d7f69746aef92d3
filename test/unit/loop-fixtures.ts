// Test helpers for the loop tests: trace findings as `tracelint scan` makes them (the trace
// readers of shared/traces with the engine of the project's configuration).
import { Engine } from '../../shared/engine/index';
import { ConfigResolver } from '../../shared/config/index';
import { scanTraceText } from '../../shared/traces/index';
import type { Finding } from '../../shared/types';

/** The findings of the trace readers in `text`. */
export function findingsOf(text: string, engine: Engine, file = 'trace.jsonl'): Finding[] {
  return scanTraceText(text, file, engine).findings;
}

/** The engine a scan of `dir` would use (its tracelint.json and .agentdbg/config.yaml). */
export function engineFor(dir: string): Engine {
  return new Engine(new ConfigResolver().forPath(dir).engine);
}
