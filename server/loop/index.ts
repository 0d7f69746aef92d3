// Closing the loop, for one project: a leak in a trace linked to the code that recorded it, and
// the project's own redaction configuration put to the test on the trace. Used by the CLI
// (`tracelint scan --against-config`, links in every report) and the language server (related
// locations, the parameter's fix, the preview's "as your configuration would store it").
//
// API
//   ProjectLoop.open(root, options)     indexes the project's source once (async: the Python parser).
//   loop.link(fileName, text, findings) the findings with `related` locations (and, when the link is
//                                       unique, the parameter's fixes in `suggest`, as edits on the
//                                       source file). Findings that link to nothing are unchanged.
//   loop.linkOf(fileName, text, finding) the LinkResult itself (linked / ambiguous / none).
//   loop.simulatorFor(text)             TraceCraft for TraceCraft runs, AgentDbg for AgentDbg events,
//                                       the SDK's capture switches for an OTLP export of one SDK's
//                                       spans (Traceloop, Logfire, MLflow, Laminar, OpenInference),
//                                       else undefined (no SDK configuration applies).
//   loop.check(fileName, text, findings) the SimulationReport of the trace, or undefined.
//   loop.stored(fileName, text, ...)    see `storedLine`: the text as the configuration would store it.
import type { Finding } from '../../shared/types';
import {
  AgentDbgSimulator, OtlpSdkSimulator, TraceCraftSimulator, TraceDocuments, layoutOf, simulateTrace,
  type RedactionSimulator, type SimulationReport,
} from '../../shared/simulate/index';
import { formatOfText } from '../../shared/traces/index';
import { traceContextOf } from './context';
import { linkContext, withLink, type LinkResult } from './link';
import { agentDbgSettings, otlpSdkSettings, traceCraftSettings } from './settings';
import { SDKS, type SdkDescriptor } from '../analysis/sdks/index';
import { buildWorkspaceIndex, type WorkspaceIndex, type WorkspaceIndexOptions } from './workspace';

export type { LinkResult, LinkTarget } from './link';
export type { TraceContext } from './context';
export { buildWorkspaceIndex, type WorkspaceIndex } from './workspace';
export { traceContextOf } from './context';
export { linkContext, withLink, targetFixes, tracedName } from './link';
export { traceCraftSettings, agentDbgSettings, otlpSdkSettings } from './settings';

/** Which SDK wrote a trace, by the trace readers' format detection (name and a sniff of the content). */
export function traceSdkOf(text: string, fileName: string): 'tracecraft' | 'agentdbg' | undefined {
  const { format } = formatOfText(text, fileName);
  return format === 'tracecraft' ? 'tracecraft' : format === 'agentdbg-events' ? 'agentdbg' : undefined;
}

/**
 * The OpenTelemetry-exporting SDK whose spans an OTLP trace holds: the one SDK whose descriptor's
 * `otlp.markers` appear in it as attribute keys; undefined for none or several.
 */
export function otlpSdkOfText(text: string, fileName: string): SdkDescriptor | undefined {
  if (formatOfText(text, fileName).format !== 'otlp') return undefined;
  const found = SDKS.filter((d) => d.otlp?.markers.some((m) => text.includes(`"${m}"`)));
  return found.length === 1 ? found[0] : undefined;
}

/** How a trace is laid out (one JSON value per line, or one document), as the trace readers read it. */
function layoutOfText(text: string, fileName: string): 'jsonl' | 'document' {
  return formatOfText(text, fileName).layout === 'jsonl' ? 'jsonl' : layoutOf(fileName);
}

export class ProjectLoop {
  private tracecraft?: TraceCraftSimulator;
  private agentdbg?: AgentDbgSimulator;
  private readonly otlpSims = new Map<string, OtlpSdkSimulator | undefined>();

  private constructor(readonly index: WorkspaceIndex) {}

  static async open(root: string, options: WorkspaceIndexOptions = {}): Promise<ProjectLoop> {
    return new ProjectLoop(await buildWorkspaceIndex(root, options));
  }

  /** Whether the project has code a trace finding could be linked to (traced functions, recorder calls). */
  get hasLinkTargets(): boolean {
    return this.index.models.some((m) => m.traced.length > 0 || m.recordCalls.length > 0);
  }

  linkOf(docs: TraceDocuments, finding: Finding, format?: string): LinkResult {
    if (finding.jsonPath === undefined) return { kind: 'none' };
    return linkContext(this.index, traceContextOf(docs.documentAt(finding.range.line), finding.jsonPath, format));
  }

  link(fileName: string, text: string, findings: readonly Finding[]): Finding[] {
    const docs = new TraceDocuments(text, layoutOfText(text, fileName));
    const { format } = formatOfText(text, fileName);
    return findings.map((f) => withLink(f, this.linkOf(docs, f, format)));
  }

  simulatorFor(text: string, fileName: string): RedactionSimulator | undefined {
    const sdk = traceSdkOf(text, fileName);
    if (sdk === 'tracecraft') return (this.tracecraft ??= new TraceCraftSimulator(traceCraftSettings(this.index)));
    if (sdk === 'agentdbg') return (this.agentdbg ??= new AgentDbgSimulator(agentDbgSettings(this.index)));
    const otlp = otlpSdkOfText(text, fileName);
    if (!otlp) return undefined;
    if (!this.otlpSims.has(otlp.id)) {
      const settings = otlpSdkSettings(this.index, otlp);
      this.otlpSims.set(otlp.id, settings ? new OtlpSdkSimulator(settings) : undefined);
    }
    return this.otlpSims.get(otlp.id);
  }

  check(fileName: string, text: string, findings: readonly Finding[]): SimulationReport | undefined {
    const sim = this.simulatorFor(text, fileName);
    return sim ? simulateTrace(text, findings, sim, layoutOfText(text, fileName)) : undefined;
  }
}
