// The source side of closing the loop: every traced function (and AgentDbg recorder call) of one
// project, read once with the source analysis (server/analysis), so a leak found in a trace can be
// matched to the code that recorded it, and the project's TraceCraft redaction settings can be
// read from the same models. A project is the folder of the tracelint.json in force (or the
// scanned folder); a sub-folder with its own tracelint.json is another project and is left out.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { SourceModel } from '../analysis/index';
import type { SourceSettings } from '../rules/types';
import { languageOf } from '../analysis/language';
import { walkFiles } from '../walk';
import { CONFIG_FILE_NAME } from '../../shared/config/index';

export interface WorkspaceIndexOptions {
  /** Globs never read (the configuration's `ignore`), relative to `root`. */
  ignore?: string[];
  settings?: SourceSettings;
  /** Stop after this many source files (a huge monorepo): the index says it is partial. */
  maxFiles?: number;
}

export interface WorkspaceIndex {
  root: string;
  /** Source models by absolute path, in walk order (sorted). */
  models: SourceModel[];
  /** `.env` files of the project root: their KEY=VALUE pairs with the file they come from. */
  env: Map<string, { value: string; file: string; line: number }>;
  /** Every `.env` file of the project (the root's and its folders'), for the SDKs' environment switches. */
  dotenv: Array<{ key: string; value: string; file: string; line: number }>;
  /** Files that could not be read or analysed (path and reason). */
  problems: Array<{ file: string; message: string }>;
  partial: boolean;
}

/** `KEY=VALUE` lines of a dotenv file (`export` prefix, quotes and trailing comments handled). */
export function parseDotenv(text: string): Array<{ key: string; value: string; line: number }> {
  const out: Array<{ key: string; value: string; line: number }> = [];
  text.split(/\r?\n/).forEach((raw, line) => {
    const m = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/.exec(raw);
    if (!m) return;
    let v = m[2].trim();
    if ((v.startsWith('"') && v.endsWith('"') && v.length >= 2) || (v.startsWith("'") && v.endsWith("'") && v.length >= 2)) v = v.slice(1, -1);
    else v = v.replace(/\s+#.*$/, '');
    out.push({ key: m[1], value: v, line });
  });
  return out;
}

/** Reads and analyses the project's source files. Never throws for bad input. */
export async function buildWorkspaceIndex(root: string, options: WorkspaceIndexOptions = {}): Promise<WorkspaceIndex> {
  // The analysis (TypeScript compiler, tree-sitter) is loaded at the first source file met, so a
  // project of traces alone never pays for it.
  let analysis: typeof import('../analysis/index') | undefined;
  const index: WorkspaceIndex = { root, models: [], env: new Map(), dotenv: [], problems: [], partial: false };
  const maxFiles = options.maxFiles ?? 5000;
  const nested = new Set<string>();
  const folders = new Map<string, boolean>();
  for (const file of walkFiles(root, { baseDir: root, ignore: options.ignore ?? [], traceGlobs: [], onProblem: (path, message) => index.problems.push({ file: path, message }) })) {
    // A folder with its own tracelint.json below the root is another project.
    if (file.endsWith(`/${CONFIG_FILE_NAME}`) && file !== join(root, CONFIG_FILE_NAME)) nested.add(file.slice(0, -CONFIG_FILE_NAME.length));
    if ([...nested].some((dir) => file.startsWith(dir))) continue;
    const lang = languageOf(file);
    if (lang === 'dotenv') {
      if (file === join(root, '.env')) readEnv(file, index);
      else if (basename(file) === '.env') readEnv(file, index, false);
      continue;
    }
    if (lang !== 'python' && lang !== 'typescript' && lang !== 'javascript') continue;
    // Not read at all when its folder or one above it (below the root) holds a tracelint.json not
    // yet met in the walk: reading it would load the analysis (a TS file: the TypeScript compiler)
    // for a model dropped below.
    if (underNestedConfig(root, file, folders)) continue;
    if (index.models.length >= maxFiles) {
      index.partial = true;
      break;
    }
    try {
      if (!analysis) {
        analysis = await import('../analysis/index');
        await analysis.initAnalysis();
      }
      if (statSync(file).size > analysis.MAX_SOURCE_CHARS) continue;
      const text = readFileSync(file, 'utf8');
      if (text.includes('\u0000')) continue;
      const model = analysis.analyzeSource(file, text, options.settings);
      if (model) index.models.push(model);
    } catch (e) {
      index.problems.push({ file, message: (e as Error).message });
    }
  }
  // The walk visits files before sub-folders of the same folder, but a nested project's
  // tracelint.json can sort after its siblings: drop what slipped in.
  index.models = index.models.filter((m) => ![...nested].some((dir) => m.fileName.startsWith(dir)));
  if (!index.env.size && existsSync(join(root, '.env'))) readEnv(join(root, '.env'), index);
  return index;
}

/** Whether a folder between `root` (excluded) and the file holds a tracelint.json: another project. `folders` caches the answer per folder. */
function underNestedConfig(root: string, file: string, folders: Map<string, boolean>): boolean {
  for (let dir = dirname(file); dir.length > root.length && dir.startsWith(root); dir = dirname(dir)) {
    let has = folders.get(dir);
    if (has === undefined) folders.set(dir, (has = existsSync(join(dir, CONFIG_FILE_NAME))));
    if (has) return true;
  }
  return false;
}

function readEnv(file: string, index: WorkspaceIndex, root = true): void {
  try {
    for (const e of parseDotenv(readFileSync(file, 'utf8'))) {
      if (root) index.env.set(e.key, { value: e.value, file, line: e.line });
      if (!index.dotenv.some((d) => d.file === file && d.line === e.line)) index.dotenv.push({ key: e.key, value: e.value, file, line: e.line });
    }
  } catch (e) {
    index.problems.push({ file, message: (e as Error).message });
  }
}
