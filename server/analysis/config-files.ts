// Front-ends for the configuration files the source rules read besides code: `.env` files
// (KEY=value lines, as python-dotenv and Node's --env-file read them) and AgentDbg's
// `.agentdbg/config.yaml` (parsed by shared/config with positions). Both become SettingSites
// and `#` comments (for suppressions); the YAML's custom patterns become PatternSites. The custom
// patterns of a tracelint.json (`customRules[].pattern`, `allowlistPatterns[]`, `allowlist[]`,
// located by shared/config with offset maps through JSON escapes) become PatternSites too, in a
// model of their own, so the same pattern rules judge patterns wherever they are written.
import type { Span } from '../../shared/types';
import { LineIndex } from '../../shared/positions';
import { parseAgentDbgConfig } from '../../shared/config/agentdbg';
import { configPatternSites } from '../../shared/config';
import type { CommentSite, PatternSite, SettingSite, SourceModel } from './model';

/** A model with nothing in it: a file with no text, or none tracelint reads. */
export function emptyModel(fileName: string, text: string, language: SourceModel['language']): SourceModel {
  return {
    fileName, language, text, lines: new LineIndex(text), traced: [], calls: [], recordCalls: [], patterns: [],
    redactionConfigs: [], settings: [], strings: [], comments: [], problems: [],
  };
}

/** `# ...` comments: whole-line ones, and trailing ones after whitespace outside quotes. */
function hashComments(text: string): CommentSite[] {
  const out: CommentSite[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    let quote = '';
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") quote = c;
      else if (c === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
        const start = lineStart + i;
        out.push({ span: { start, end: lineStart + line.length }, text: line.slice(i + 1), trailing: line.slice(0, i).trim() !== '' });
        break;
      }
    }
    lineStart = lineEnd + 1;
  }
  return out;
}

const ENV_LINE = /^([ \t]*(?:export[ \t]+)?)([A-Za-z_][A-Za-z0-9_.]*)[ \t]*=[ \t]*(.*)$/;

/** A `.env` file: each `KEY=value` line is a SettingSite of kind `env` (quotes stripped from the value). */
export function analyzeDotenv(fileName: string, text: string): SourceModel {
  const model = emptyModel(fileName, text, 'dotenv');
  model.comments = hashComments(text);
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd).replace(/\r$/, '');
    const m = ENV_LINE.exec(line);
    if (m) {
      const keyStart = lineStart + m[1].length;
      const rawStart = lineStart + line.length - m[3].length;
      let raw = m[3];
      let valueStart = rawStart;
      const q = raw[0];
      let value: string;
      if ((q === '"' || q === "'") && raw.indexOf(q, 1) > 0) {
        const close = raw.indexOf(q, 1);
        value = raw.slice(1, close);
        valueStart = rawStart + 1;
        raw = raw.slice(0, close + 1);
      } else {
        value = raw.replace(/[ \t]+#.*$/, '').trimEnd();
      }
      const valueSpan: Span = { start: valueStart, end: valueStart + value.length };
      model.settings.push({
        kind: 'env', key: m[2], value, keySpan: { start: keyStart, end: keyStart + m[2].length }, valueSpan,
        span: { start: lineStart, end: lineStart + line.length },
      });
    }
    lineStart = lineEnd + 1;
  }
  return model;
}

/** `.agentdbg/config.yaml`: the redaction switch as a SettingSite, custom patterns as PatternSites. */
export function analyzeAgentDbgYaml(fileName: string, text: string): SourceModel {
  const model = emptyModel(fileName, text, 'yaml');
  model.comments = hashComments(text);
  const config = parseAgentDbgConfig(text);
  for (const p of config.problems) {
    if (p.message.startsWith('YAML error') || p.message.startsWith('cannot parse') || p.message.startsWith('not read')) {
      model.problems.push({ span: p.span, message: p.message });
    }
  }
  const enabled = config.enabled;
  if (enabled && enabled.keySpan) {
    model.settings.push({
      kind: 'yaml', key: enabled.key, value: String(enabled.value), keySpan: enabled.keySpan, valueSpan: enabled.span,
      span: { start: enabled.keySpan.start, end: enabled.span.end },
    });
  }
  for (const p of config.patterns) {
    const site: PatternSite = {
      role: 'custom_pattern', value: p.value, span: p.span, callSpan: p.span,
      offsetOf: p.offsetOf ?? ((i: number) => p.span.start + i),
    };
    model.patterns.push(site);
  }
  return model;
}

/** Pattern sites of a tracelint.json text (empty when it is not JSON of the expected shape). */
export function tracelintJsonSites(text: string): PatternSite[] {
  return configPatternSites(text).map((s) => ({ role: s.role, value: s.value, span: s.span, offsetOf: s.offsetOf, ruleName: s.ruleName, callSpan: s.span }));
}

/**
 * A SourceModel holding only the pattern sites of a tracelint.json, so the same rules (and the same
 * runner) judge patterns wherever they are written. (`.agentdbg/config.yaml` has a full model of its
 * own, above.) Undefined for other files.
 */
export function configPatternModel(fileName: string, text: string): SourceModel | undefined {
  if (!/(^|[\\/])tracelint\.json$/.test(fileName)) return undefined;
  return { ...emptyModel(fileName, text, 'json'), patterns: tracelintJsonSites(text) };
}
