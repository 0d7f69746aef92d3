// The project's own redaction configuration, read as the SDK will apply it, for the simulators
// (shared/simulate): TraceCraft from the source (RedactionConfig, RedactionProcessor,
// RedactionRule, and TRACECRAFT_REDACTION_ENABLED in .env), AgentDbg from .agentdbg/config.yaml
// (and AGENTDBG_REDACT / AGENTDBG_REDACT_KEYS in .env, which AgentDbg puts above the file).
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { RedactionMode } from '../../shared/options';
import { parseAgentDbgConfig, effectiveAgentDbgRedaction, AGENTDBG_CONFIG_PATH } from '../../shared/config/index';
import type { AgentDbgSettings, OtlpSdkSettings, TraceCraftProcessor, TraceCraftRule, TraceCraftSettings } from '../../shared/simulate/index';
import type { SdkDescriptor } from '../analysis/sdks/types';
import { envSwitchValue } from '../analysis/sdks/index';
import { captureOffSdks, leakingConfigSwitches } from '../rules/config-switches';
import type { CallSite, SourceModel, ValueNode } from '../analysis/model';
import { deref, keyword } from '../analysis/shared-facts';
import type { WorkspaceIndex } from './workspace';

function where(index: WorkspaceIndex, model: SourceModel, offset: number): string {
  return `${relative(index.root, model.fileName) || model.fileName}:${model.lines.position(offset).line + 1}`;
}

const lastName = (callee: string) => callee.slice(callee.lastIndexOf('.') + 1);

/** An argument by keyword, or by position in a Python call. */
function arg(call: CallSite, name: string, position: number): ValueNode | undefined {
  const k = keyword(call.args, name);
  if (k) return deref(k.value);
  if (call.args.style === 'python-call' && call.args.positional[position]) return deref(call.args.positional[position]);
  const first = call.args.positional[0];
  if (first?.kind === 'dict') {
    const e = first.entries.find((en) => en.key === name || en.key?.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase() === name);
    if (e) return deref(e.value);
  }
  return undefined;
}

function strings(v: ValueNode | undefined): string[] {
  if (!v) return [];
  const items = v.kind === 'list' ? v.items : [v];
  return items.map(deref).flatMap((i) => (i.kind === 'string' ? [i.str.value] : []));
}

function stringValue(v: ValueNode | undefined): string | undefined {
  return v?.kind === 'string' ? v.str.value : undefined;
}

function modeOf(v: ValueNode | undefined): RedactionMode | undefined {
  const text = v?.kind === 'attribute' ? v.text.slice(v.text.lastIndexOf('.') + 1) : v?.kind === 'string' ? v.str.value : undefined;
  const m = text?.toLowerCase();
  return m === 'mask' || m === 'hash' || m === 'remove' ? m : undefined;
}

/** `RedactionRule(...)` calls in a list (inline or through a module constant). */
function rulesIn(v: ValueNode | undefined): TraceCraftRule[] {
  if (!v) return [];
  const items = v.kind === 'list' ? v.items : [v];
  const out: TraceCraftRule[] = [];
  for (const item of items.map(deref)) {
    if (item.kind !== 'call' || lastName(item.call.callee) !== 'RedactionRule') continue;
    const c = item.call;
    out.push({
      name: stringValue(arg(c, 'name', 0)) ?? '(unnamed rule)',
      pattern: stringValue(arg(c, 'pattern', 1)),
      fieldPaths: strings(arg(c, 'field_paths', 2)),
      replacement: stringValue(arg(c, 'replacement', 3)),
    });
  }
  return out;
}

function boolOf(v: ValueNode | undefined): boolean | undefined {
  return v?.kind === 'bool' ? v.value : undefined;
}

/** TraceCraft's settings as its runtime (and the user's own RedactionProcessors) will apply them. */
export function traceCraftSettings(index: WorkspaceIndex): TraceCraftSettings {
  const notes: string[] = [];
  const configs: Array<{ model: SourceModel; call: CallSite }> = [];
  const processors: Array<{ model: SourceModel; call: CallSite }> = [];
  for (const model of index.models) {
    for (const call of model.calls) {
      const n = lastName(call.callee);
      if (n === 'RedactionConfig') configs.push({ model, call });
      else if (n === 'RedactionProcessor') processors.push({ model, call });
    }
  }
  const described: string[] = [];
  const out: TraceCraftSettings = { processors: [], ignoredCustomPatterns: [], describe: '', notes };
  const cfg = configs[0];
  let enabled = true;
  let runtime: TraceCraftProcessor;
  if (cfg) {
    const origin = `RedactionConfig at ${where(index, cfg.model, cfg.call.span.start)}`;
    described.push(origin);
    if (configs.length > 1) notes.push(`${configs.length} RedactionConfig calls found; the simulation uses the first, ${origin}`);
    const c = cfg.call;
    if (boolOf(arg(c, 'enabled', 0)) === false) {
      enabled = false;
      out.offReason = `enabled=False in ${origin}`;
    }
    runtime = {
      origin, mode: modeOf(arg(c, 'mode', 1)) ?? 'mask', includeDefaults: true, rules: [],
      allowlist: strings(arg(c, 'allowlist', 3)), allowlistPatterns: strings(arg(c, 'allowlist_patterns', 4)),
    };
    out.ignoredCustomPatterns = rulesIn(arg(c, 'custom_patterns', 2));
    for (const s of strings(arg(c, 'custom_patterns', 2))) out.ignoredCustomPatterns.push({ name: s, pattern: s });
    if (out.ignoredCustomPatterns.length > 0) {
      notes.push(`RedactionConfig.custom_patterns (${out.ignoredCustomPatterns.map((r) => `"${r.name}"`).join(', ')}) are never applied: TraceCraft's runtime does not pass them to its RedactionProcessor`);
    }
  } else {
    runtime = { origin: 'TraceCraft defaults (no RedactionConfig in the project)', mode: 'mask', includeDefaults: true, rules: [], allowlist: [], allowlistPatterns: [] };
    described.push(runtime.origin);
  }
  const env = index.env.get('TRACECRAFT_REDACTION_ENABLED');
  if (env && /^(false|0|no|off)$/i.test(env.value.trim())) {
    enabled = false;
    const at = `TRACECRAFT_REDACTION_ENABLED=${env.value} in ${relative(index.root, env.file) || env.file}:${env.line + 1}`;
    out.offReason = out.offReason ? `${out.offReason}; ${at}` : at;
    described.push(at);
  }
  if (enabled) out.processors.push(runtime);
  else notes.push(`TraceCraft redaction is off: ${out.offReason}`);
  for (const p of processors) {
    const c = p.call;
    const origin = `RedactionProcessor at ${where(index, p.model, c.span.start)}`;
    described.push(origin);
    out.processors.push({
      origin, mode: modeOf(arg(c, 'mode', 0)) ?? 'mask', includeDefaults: boolOf(arg(c, 'include_defaults', 2)) ?? true,
      rules: rulesIn(arg(c, 'rules', 1)), allowlist: strings(arg(c, 'allowlist', 3)), allowlistPatterns: strings(arg(c, 'allowlist_patterns', 4)),
    });
  }
  out.describe = described.join('; ');
  return out;
}

/** AgentDbg's settings: .agentdbg/config.yaml of the project root, under AGENTDBG_* from .env. */
export function agentDbgSettings(index: WorkspaceIndex, yamlFile = join(index.root, AGENTDBG_CONFIG_PATH)): AgentDbgSettings {
  let text: string | undefined;
  try {
    text = readFileSync(yamlFile, 'utf8');
  } catch {
    text = undefined;
  }
  const model = parseAgentDbgConfig(text ?? '');
  const eff = effectiveAgentDbgRedaction(model);
  const described = [text !== undefined ? relative(index.root, yamlFile) || yamlFile : 'AgentDbg defaults (no .agentdbg/config.yaml)'];
  const notes: string[] = [];
  let redact = eff.enabled;
  let offReason = redact ? undefined : `${model.enabled?.key ?? 'redact'}: false in ${described[0]}`;
  let keys = eff.keys;
  const envRedact = index.env.get('AGENTDBG_REDACT');
  if (envRedact) {
    // AgentDbg: "1", "true" or "yes" enable; any other value disables.
    redact = /^(1|true|yes)$/i.test(envRedact.value.trim());
    offReason = redact ? undefined : `AGENTDBG_REDACT=${envRedact.value} in .env`;
    described.push(`AGENTDBG_REDACT in .env`);
  }
  const envKeys = index.env.get('AGENTDBG_REDACT_KEYS');
  if (envKeys) {
    keys = envKeys.value.split(',').map((k) => k.trim()).filter((k) => k.length > 0);
    described.push(`AGENTDBG_REDACT_KEYS in .env`);
  }
  if (eff.patterns.length > 0) notes.push(`redaction.patterns (${eff.patterns.length}) are not applied: AgentDbg redacts by key name only`);
  if (!redact) notes.push(`AgentDbg redaction is off (${offReason})`);
  return { redact, keys, maxFieldBytes: eff.maxFieldBytes, patterns: eff.patterns, describe: described.join('; '), notes, offReason };
}

/**
 * The capture switches of an OpenTelemetry-exporting SDK as the project sets them (its descriptor's
 * `envSwitches` in the project's .env files, `configSwitches` in its source), for OtlpSdkSimulator.
 * A configuration call in the source wins over the environment (OpenInference's TraceConfig, the
 * OpenAI Agents RunConfig, Traceloop JS `traceContent` all take the explicit value first).
 */
export function otlpSdkSettings(index: WorkspaceIndex, sdk: SdkDescriptor): OtlpSdkSettings | undefined {
  const spans = sdk.otlp;
  if (!spans) return undefined;
  const rel = (file: string, line: number) => `${relative(index.root, file) || file}:${line + 1}`;
  let captureOn: string | undefined;
  let captureOff: string | undefined;
  let scrubbingOff: string | undefined;
  for (const model of index.models) {
    for (const site of leakingConfigSwitches(model)) {
      if (site.sdk.id !== sdk.id) continue;
      const at = `${site.sw.callee}(${site.arg.name}=${site.value.value ? 'True' : 'False'}) at ${where(index, model, site.arg.span.start)}`;
      if (site.sw.governs === 'redaction') scrubbingOff ??= at;
      else if (site.sw.tracedInputs !== false) captureOn ??= at;
    }
    if (!captureOn && captureOffSdks(model).has(sdk.id)) captureOff ??= `a configuration call in ${relative(index.root, model.fileName) || model.fileName} turns ${sdk.label}'s input capture off`;
  }
  // The environment decides only where no configuration call does.
  const fromConfig = captureOn !== undefined || captureOff !== undefined;
  for (const sw of fromConfig ? [] : sdk.envSwitches ?? []) {
    if (sw.governs !== 'capture' || sw.tracedInputs === false) continue;
    for (const e of index.dotenv.filter((d) => d.key === sw.name)) {
      const b = envSwitchValue(sw, e.value);
      if (b === undefined) continue;
      const at = `${sw.name}=${e.value} in ${rel(e.file, e.line)}`;
      if (b === sw.leaksWhen) captureOn ??= at;
      else if (!captureOn) captureOff ??= at;
    }
  }
  // Turned on anywhere: on (a value recorded by one part of the project is stored).
  if (captureOn) captureOff = undefined;
  const described = [captureOn ?? captureOff, scrubbingOff].filter((x): x is string => x !== undefined);
  return {
    label: sdk.label,
    ownAttributes: spans.markers.concat(spans.functionAttribute ?? [], spans.nameAttribute ?? []),
    inputAttribute: spans.inputAttribute,
    argumentAttributes: spans.argumentAttributes,
    captureOff, captureOn, scrubbingOff,
    scrubPattern: sdk.builtinRedactedPattern,
    scrubMarker: sdk.id === 'logfire' ? (m) => `[Scrubbed due to '${m}']` : undefined,
    describe: described.length > 0 ? described.join('; ') : `${sdk.label} defaults`,
    notes: [],
  };
}
