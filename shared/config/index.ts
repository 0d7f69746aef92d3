// Configuration for a scanned path: the tracelint.json in force (nearest one walking up, or the
// one given), resolved, with the project's .agentdbg/config.yaml folded in. Shared by the CLI and
// the language server; results are cached per configuration file.
import { readFileSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { applyAgentDbgConfig, effectiveAgentDbgRedaction, parseAgentDbgConfig } from './agentdbg';
import { ConfigError, findConfigFile, findUp, readConfigFile } from './load';
import { resolveConfig } from './resolve';
import type { ResolvedConfig } from './types';

export * from './types';
export { ConfigError, CONFIG_FILE_NAME, findConfigFile, findUp, formatConfigIssue, parseConfigText, readConfigFile } from './load';
export { resolveConfig, normaliseKeyName } from './resolve';
export { parseAgentDbgConfig, effectiveAgentDbgRedaction, applyAgentDbgConfig, type AgentDbgConfigModel, type Located } from './agentdbg';
export { jsonFieldSpans, type FieldSpan } from './spans';
export { configPatternSites, type ConfigPatternSite } from './sites';
export { jsonStringOffsets, yamlScalarOffsets, type OffsetOf } from './string-offsets';
export { CONFIG_SCHEMA, CONFIGURABLE_DETECTORS, CONFIGURABLE_RULES } from './schema';

export const AGENTDBG_CONFIG_PATH = '.agentdbg/config.yaml';
/** AgentDbg renamed Maida reads `.maida/config.yaml` (maida/config.py, LOCAL_DIR_NAME). */
export const MAIDA_CONFIG_PATH = '.maida/config.yaml';

/** The nearer of the project's `.agentdbg/config.yaml` and `.maida/config.yaml` (the longer path is nearer). */
function findAgentDbgConfig(dir: string): string | undefined {
  const found = [findUp(dir, AGENTDBG_CONFIG_PATH), findUp(dir, MAIDA_CONFIG_PATH)].filter((f): f is string => f !== undefined);
  return found.sort((a, b) => b.length - a.length)[0];
}

function isDirectory(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

export class ConfigResolver {
  private readonly cache = new Map<string, ResolvedConfig>();
  /** Per folder: which configuration files are in force (saves walking up for every file). */
  private readonly located = new Map<string, { file?: string; agentdbgFile?: string }>();

  /** `configFile`: a --config file that overrides the search for every path. */
  constructor(private readonly configFile?: string) {}

  /** Forgets every cached configuration (a tracelint.json or .agentdbg/config.yaml changed). */
  clear(): void {
    this.cache.clear();
    this.located.clear();
  }

  private locate(target: string): { file?: string; agentdbgFile?: string } {
    const dir = isDirectory(target) ? resolve(target) : dirname(resolve(target));
    let hit = this.located.get(dir);
    if (!hit) {
      hit = { file: this.configFile ? resolve(this.configFile) : findConfigFile(dir), agentdbgFile: findAgentDbgConfig(dir) };
      this.located.set(dir, hit);
    }
    return hit;
  }

  /** The configuration for a file or folder. Throws `ConfigError` when the configuration in force is invalid. */
  forPath(target: string): ResolvedConfig {
    const { file, agentdbgFile } = this.locate(target);
    const key = `${file ?? ''}\0${agentdbgFile ?? ''}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    let resolved: ResolvedConfig;
    if (file) {
      const parsed = readConfigFile(file);
      if (parsed.issues.length > 0 || !parsed.config) throw new ConfigError(parsed.issues);
      resolved = resolveConfig(parsed.config, { configFile: file, baseDir: dirname(file) });
    } else {
      resolved = resolveConfig({}, { baseDir: resolve(target) });
    }
    if (resolved.useAgentDbgConfig && agentdbgFile) {
      let text: string | undefined;
      try {
        text = readFileSync(agentdbgFile, 'utf8');
      } catch {
        // An unreadable .agentdbg/config.yaml is reported when the file itself is scanned.
      }
      if (text !== undefined) {
        const model = parseAgentDbgConfig(text);
        const eff = effectiveAgentDbgRedaction(model);
        resolved = { ...resolved, engine: applyAgentDbgConfig(resolved.engine, model), agentdbgFile, agentdbgRedaction: { enabled: eff.enabled, keys: eff.keys } };
      }
    }
    this.cache.set(key, resolved);
    return resolved;
  }
}
