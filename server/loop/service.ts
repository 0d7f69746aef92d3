// Closing the loop for a long-running host (the language server): one ProjectLoop per project,
// built on first use and dropped when a source file or a redaction setting of that project
// changes, so links and simulations follow the code as it is edited. Knows nothing of LSP.
import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { gunzipSync } from 'node:zlib';
import type { Finding } from '../../shared/types';
import type { SimulationReport } from '../../shared/simulate/index';
import { findUp, readConfigFile, resolveConfig } from '../../shared/config/index';
import { languageOf } from '../analysis/language';
import { sourceSettingsOf } from '../lint-file';
import { detectTraceFileFormat, formatOfText } from '../../shared/traces/index';
import { LINKED_FORMATS } from './context';
import { ProjectLoop } from './index';
import type { WorkspaceIndexOptions } from './workspace';

const PROJECT_MARKERS = ['.git', 'pyproject.toml', 'setup.py', 'package.json', '.agentdbg', '.env'];

/**
 * The project a trace belongs to: the folder of the tracelint.json in force; without one, the
 * nearest folder above the trace holding a project marker (.git, pyproject.toml, package.json...).
 */
export function projectRoot(configFile: string | undefined, tracePath: string): string {
  if (configFile) return dirname(configFile);
  const found = PROJECT_MARKERS.map((m) => findUp(dirname(tracePath), m)).filter((p): p is string => p !== undefined);
  const deepest = found.sort((a, b) => b.length - a.length)[0];
  return deepest ? dirname(deepest) : dirname(tracePath);
}

/** Trace files larger than this are not re-read for links and simulation (the scan itself still covers them). */
export const MAX_LOOP_TRACE_BYTES = 64 * 1024 * 1024;

/** Whether a trace is small enough to be read again for links and simulation (checked before any other work). */
export function rereadable(path: string): boolean {
  try {
    return statSync(path).size <= MAX_LOOP_TRACE_BYTES;
  } catch {
    return false;
  }
}

/** A trace's text for linking and simulation (gunzipped), or undefined when too large or unreadable. */
export function readTraceText(path: string): string | undefined {
  try {
    if (!rereadable(path)) return undefined;
    const raw = readFileSync(path);
    const bytes = path.endsWith('.gz') ? gunzipSync(raw, { maxOutputLength: MAX_LOOP_TRACE_BYTES }) : raw;
    return bytes.toString('utf8');
  } catch {
    return undefined;
  }
}

/**
 * What the project's tracelint.json says about reading its source: the files it ignores, the
 * tracing decorators it declares, its credential names. An invalid configuration is reported where
 * it is linted; the index then reads the project with the defaults.
 */
function indexOptions(configFile: string | undefined): WorkspaceIndexOptions {
  if (!configFile) return {};
  const parsed = readConfigFile(configFile);
  if (!parsed.config || parsed.issues.length > 0) return {};
  const config = resolveConfig(parsed.config, { configFile, baseDir: dirname(configFile) });
  return { ignore: config.ignore, settings: sourceSettingsOf(config) };
}

/**
 * Whether the trace's format records which code wrote its values (TraceCraft steps, AgentDbg
 * events, OTLP spans), from the start of `text` or of the file: only then can a finding link, and
 * only then is the project's source worth indexing for links (ProjectLoop.link reads the format
 * the same way).
 */
export async function traceMayLink(tracePath: string, text?: string): Promise<boolean> {
  const info = text !== undefined ? formatOfText(text, tracePath) : await detectTraceFileFormat(tracePath).catch(() => null);
  return info !== null && LINKED_FORMATS.has(info.format);
}

export class LoopService {
  private readonly loops = new Map<string, Promise<ProjectLoop>>();

  /** The ProjectLoop of the project a trace belongs to (`configFile`: the tracelint.json in force for it). */
  forTrace(tracePath: string, configFile: string | undefined): Promise<ProjectLoop> {
    const root = projectRoot(configFile, tracePath);
    let p = this.loops.get(root);
    if (!p) {
      p = ProjectLoop.open(root, indexOptions(configFile));
      this.loops.set(root, p);
      // A failed index is not kept: the next request tries again.
      p.catch(() => this.loops.delete(root));
    }
    return p;
  }

  /** A file changed on disk or in the editor: forget the projects whose links or settings it may change. */
  changed(path: string): void {
    const lang = languageOf(path);
    const relevant = lang !== undefined || /(^|\/)tracelint\.json$/.test(path);
    if (!relevant) return;
    for (const root of [...this.loops.keys()]) if (path.startsWith(`${root}/`)) this.loops.delete(root);
  }

  /**
   * Trace findings with their links (related locations, the parameter's fixes); `text` undefined:
   * read from disk, unless the project has no code to link to. Findings come back unchanged when
   * nothing links or the trace cannot be read.
   */
  async link(tracePath: string, text: string | undefined, findings: Finding[], configFile: string | undefined): Promise<Finding[]> {
    const inTrace = findings.filter((f) => f.jsonPath !== undefined && f.store === undefined);
    if (inTrace.length === 0 || (text === undefined && !rereadable(tracePath))) return findings;
    try {
      // A format that records nothing about the code: the project's source is not even read. Once the
      // project is indexed, the format is not looked at ahead (ProjectLoop.link reads it from the text).
      if (!this.loops.has(projectRoot(configFile, tracePath)) && !(await this.mayLink(tracePath, text))) return findings;
      const loop = await this.forTrace(tracePath, configFile);
      // No code to link to: the trace is not read again.
      if (!loop.hasLinkTargets) return findings;
      const source = text ?? readTraceText(tracePath);
      if (source === undefined) return findings;
      const linked = loop.link(tracePath, source, inTrace);
      const map = new Map(inTrace.map((f, i) => [f, linked[i]]));
      return findings.map((f) => map.get(f) ?? f);
    } catch {
      return findings;
    }
  }

  /** Whether a finding of this trace can link at all (`traceMayLink`). */
  mayLink(tracePath: string, text?: string): Promise<boolean> {
    return traceMayLink(tracePath, text);
  }

  /** Whether the project of a trace has code its findings could be linked to. */
  async hasLinkTargets(tracePath: string, configFile: string | undefined): Promise<boolean> {
    return this.forTrace(tracePath, configFile).then((loop) => loop.hasLinkTargets, () => false);
  }

  /** The trace put to the project's own redaction configuration, or undefined when none applies. */
  async check(tracePath: string, text: string | undefined, findings: Finding[], configFile: string | undefined): Promise<SimulationReport | undefined> {
    const source = text ?? readTraceText(tracePath);
    if (source === undefined) return undefined;
    return (await this.forTrace(tracePath, configFile)).check(tracePath, source, findings.filter((f) => f.jsonPath !== undefined && f.store === undefined));
  }
}
