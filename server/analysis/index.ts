// Entry point of source analysis: the CLI and the language server call these three functions.
// `initAnalysis` loads the tree-sitter wasm once; after it, `analyzeSource` and `lintSource` are
// synchronous, fast enough for every keystroke, and never throw (a failure becomes a finding).
import type { Finding } from '../../shared/types';
import { LineIndex } from '../../shared/positions';
import type { SourceSettings } from '../rules/types';
import { analyzeAgentDbgYaml, analyzeDotenv } from './config-files';
import { configPatternModel } from '../rules/pattern-sites';
import { envSettingsInCode } from './env-in-code';
import { languageOf } from './language';
import { runRules } from './lint';
import type { SourceModel } from './model';
import { analyzePythonTree } from './python/frontend';
import { initPythonParser, parsePython, pythonParserError } from './python/parser';
import { analyzeTypeScript } from './typescript/frontend';

export type { SourceSettings } from '../rules/types';
export type { SourceModel } from './model';
export { languageOf } from './language';

/** Loads the Python parser (wasm). Call once before linting; later calls are free. */
export async function initAnalysis(): Promise<void> {
  await initPythonParser();
}

/** Files larger than this are not analysed (a clear finding says so): minified bundles, data. */
export const MAX_SOURCE_CHARS = 5_000_000;

/** The model of a file, or undefined for a file tracelint does not lint as source. */
export function analyzeSource(fileName: string, text: string, settings: SourceSettings = {}): SourceModel | undefined {
  const language = languageOf(fileName);
  if (!language || text.length > MAX_SOURCE_CHARS) return undefined;
  const custom = settings.tracingDecorators ?? [];
  switch (language) {
    case 'python': {
      const parsed = parsePython(fileName, text);
      if (!parsed) return undefined;
      return withEnvInCode(analyzePythonTree(fileName, text, parsed.tree, custom, parsed.reparse));
    }
    case 'typescript':
    case 'javascript':
      return withEnvInCode(analyzeTypeScript(fileName, text, language, custom));
    case 'dotenv':
      return analyzeDotenv(fileName, text);
    case 'yaml':
      return analyzeAgentDbgYaml(fileName, text);
    case 'json':
      return configPatternModel(fileName, text);
  }
}

/** Environment variables set from code join the file's settings, as .env lines would (env-in-code.ts). */
function withEnvInCode(model: SourceModel): SourceModel {
  const env = envSettingsInCode(model);
  if (env.length > 0) model.settings = [...model.settings, ...env].sort((a, b) => a.span.start - b.span.start);
  return model;
}

function problem(fileName: string, text: string, message: string): Finding {
  const lines = new LineIndex(text.slice(0, 1000));
  return { ruleId: 'parse-error', severity: 'info', message, file: fileName, span: { start: 0, end: 0 }, range: lines.rangeOf(0, 0) };
}

/** Lints one source file. Returns [] for file types tracelint does not lint as source. Never throws. */
export function lintSource(fileName: string, text: string, settings: SourceSettings = {}): Finding[] {
  try {
    const language = languageOf(fileName);
    if (!language) return [];
    if (text.length > MAX_SOURCE_CHARS) return [problem(fileName, text, `File too large to analyse (${text.length} characters, limit ${MAX_SOURCE_CHARS}).`)];
    if (text.includes('\u0000')) return [problem(fileName, text, 'Binary file: not analysed as source.')];
    const model = analyzeSource(fileName, text, settings);
    if (!model) {
      const why = language === 'python' && pythonParserError() ? `: ${pythonParserError()!.message}` : ' (initAnalysis was not awaited)';
      return [problem(fileName, text, `The ${language} parser is not available${why}.`)];
    }
    return runRules(model, settings).map((f) => ({ ...f, file: fileName }));
  } catch (e) {
    return [problem(fileName, text, `tracelint could not analyse this file: ${(e as Error).message}`)];
  }
}
