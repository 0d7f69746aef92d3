// Turning a checked tracelint.json into what the engine, the rules and the walker use.
import { defaultEngineOptions, type EngineOptions } from '../options';
import type { ResolvedConfig, TracelintConfig } from './types';

/** Case, `_`, `-` and camelCase do not distinguish key names (`apiKey` = `api_key` = `API-KEY`). */
export function normaliseKeyName(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase().replace(/[-_\s]/g, '');
}

export function resolveConfig(config: TracelintConfig, where: { configFile?: string; baseDir: string }): ResolvedConfig {
  const engine: EngineOptions = defaultEngineOptions();
  for (const [name, level] of Object.entries(config.detectors ?? {})) {
    engine.detectors[name] = level === 'off' ? { enabled: false } : { enabled: true, severity: level };
  }
  const sk = config.sensitiveKeys;
  if (sk) {
    const removed = new Set((sk.remove ?? []).map(normaliseKeyName));
    const names = engine.sensitiveKeys.names.filter((n) => !removed.has(normaliseKeyName(n)));
    for (const n of sk.add ?? []) if (!names.some((m) => normaliseKeyName(m) === normaliseKeyName(n))) names.push(n);
    engine.sensitiveKeys = { names, substring: sk.substring ?? false };
  }
  for (const rule of config.customRules ?? []) {
    if (rule.pattern !== undefined) engine.customPatterns.push({ name: rule.name, pattern: rule.pattern, severity: rule.severity ?? 'warning' });
    if (rule.fieldPaths) {
      engine.fieldPaths.push({ name: rule.name, paths: [...rule.fieldPaths], severity: rule.severity ?? 'warning' });
      // The engine looks field-path severities up by rule name among the detector settings.
      if (rule.severity) engine.detectors[rule.name] = { severity: rule.severity };
    }
  }
  engine.customStrings = [...(config.customStrings ?? [])];
  engine.allowlist = [...(config.allowlist ?? [])];
  engine.allowlistPatterns = [...(config.allowlistPatterns ?? [])];
  if (config.redaction?.mode) engine.mode = config.redaction.mode;
  if (config.redaction?.placeholder) engine.placeholder = config.redaction.placeholder;
  if (config.redaction?.anonymizePaths !== undefined) engine.anonymizePaths = config.redaction.anonymizePaths;
  if (config.highEntropy) engine.highEntropy = { ...config.highEntropy, fieldTypeDelta: { ...config.highEntropy.fieldTypeDelta } };
  return {
    configFile: where.configFile,
    baseDir: where.baseDir,
    engine,
    rules: { ...(config.rules ?? {}) },
    traceGlobs: [...(config.traces ?? [])],
    ignore: [...(config.ignore ?? [])],
    tracingDecorators: (config.tracingDecorators ?? []).map((d) => ({ ...d })),
    credentialNames: { add: [...(sk?.add ?? [])], ignore: [...(sk?.remove ?? [])] },
    useAgentDbgConfig: config.agentdbgConfig ?? true,
    hygiene: { fileMode: parseInt(config.hygiene?.fileMode ?? '600', 8), dirMode: parseInt(config.hygiene?.dirMode ?? '700', 8) },
  };
}
