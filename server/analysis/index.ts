// Entry point of source analysis: a file's text becomes a SourceModel (what it traces, records,
// configures), which the rules (server/rules/run.ts) judge. `initAnalysis` loads the tree-sitter
// wasm once; after it, `analyzeSource` is synchronous, fast enough for every keystroke.
// Analysis knows nothing of rules: it imports nothing from server/rules.
import { analyzeAgentDbgYaml, analyzeDotenv, configPatternModel, emptyModel } from './config-files';
import { envSettingsInCode } from './env-in-code';
import { languageOf } from './language';
import type { SourceModel } from './model';
import { analyzePythonTree, forgetPython } from './python/frontend';
import { forgetPythonTree, initPythonParser, parsePython, pythonParserError } from './python/parser';

export { pythonParserError };
import type * as TypeScriptFrontend from './typescript/frontend';

import type { AnalysisSettings } from './settings';

export type { AnalysisSettings, CustomTracer } from './settings';
export type { SourceModel } from './model';
export { languageOf } from './language';

/** Loads the Python parser (wasm). Call once before linting; later calls are free. */
export async function initAnalysis(): Promise<void> {
  await initPythonParser();
}

/** Files larger than this are not analysed (a clear finding says so): minified bundles, data. */
export const MAX_SOURCE_CHARS = 5_000_000;

/** The model of a file, or undefined for a file tracelint does not lint as source. */
export function analyzeSource(fileName: string, text: string, settings: AnalysisSettings = {}): SourceModel | undefined {
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
      // A file of nothing but whitespace (a new file) says nothing: no need to load a parser for it.
      if (!/\S/.test(text)) return emptyModel(fileName, text, language);
      return withEnvInCode(typescriptFrontend().analyzeTypeScript(fileName, text, language, custom));
    case 'dotenv':
      return analyzeDotenv(fileName, text);
    case 'yaml':
      return analyzeAgentDbgYaml(fileName, text);
    case 'json':
      return configPatternModel(fileName, text);
  }
}

/**
 * Drops what the front-ends keep of a file to re-read its next version quickly (syntax trees,
 * outlines, definitions): the editor closed it. The analysis of a later version is the same, only
 * not incremental. The TS front-end is not loaded for this.
 */
export function forgetSource(fileName: string): void {
  forgetPythonTree(fileName);
  forgetPython(fileName);
  typescript?.forgetTypeScript(fileName);
}

let typescript: typeof TypeScriptFrontend | undefined;

/**
 * The TS/JS front-end, loaded at the first TS/JS file: it carries the TypeScript compiler and
 * typescript-estree (~70 MB of memory once loaded, most of the analysis's weight), which a user
 * of Python and traces alone never needs. Bundled apart as dist/analysis-ts.js (esbuild.mjs,
 * plugin `typescript-apart`); a synchronous require, so `analyzeSource` stays synchronous.
 */
function typescriptFrontend(): typeof TypeScriptFrontend {
  return (typescript ??= require('./typescript/frontend') as typeof TypeScriptFrontend);
}

/** Environment variables set from code join the file's settings, as .env lines would (env-in-code.ts). */
function withEnvInCode(model: SourceModel): SourceModel {
  const env = envSettingsInCode(model);
  if (env.length > 0) model.settings = [...model.settings, ...env].sort((a, b) => a.span.start - b.span.start);
  return model;
}
