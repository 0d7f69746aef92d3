// Closing the loop for a long-running host (the language server): one ProjectLoop per project,
// built on first use and dropped when a source file or a redaction setting of that project
// changes, so links and simulations follow the code as it is edited. Knows nothing of LSP.
import { dirname } from 'node:path';
import type { Finding } from '../../shared/types';
import type { SimulationReport } from '../../shared/simulate/index';
import { findUp } from '../../shared/config/index';
import { languageOf } from '../analysis/index';
import { ProjectLoop } from './index';

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

export class LoopService {
  private readonly loops = new Map<string, Promise<ProjectLoop>>();

  /** `configFileFor`: the tracelint.json in force for a path (the host's configuration lookup). */
  constructor(private readonly configFileFor: (path: string) => string | undefined) {}

  forTrace(tracePath: string): Promise<ProjectLoop> {
    const root = projectRoot(this.configFileFor(tracePath), tracePath);
    let p = this.loops.get(root);
    if (!p) {
      p = ProjectLoop.open(root);
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

  /** Trace findings with their links (related locations, the parameter's fixes). Never throws. */
  async link(tracePath: string, text: string, findings: Finding[]): Promise<Finding[]> {
    if (!findings.some((f) => f.jsonPath !== undefined)) return findings;
    try {
      return (await this.forTrace(tracePath)).link(tracePath, text, findings);
    } catch {
      return findings;
    }
  }

  /** The trace put to the project's own redaction configuration, or undefined when none applies. */
  async check(tracePath: string, text: string, findings: Finding[]): Promise<SimulationReport | undefined> {
    return (await this.forTrace(tracePath)).check(tracePath, text, findings.filter((f) => f.jsonPath !== undefined && f.store === undefined));
  }
}
