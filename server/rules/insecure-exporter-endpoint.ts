// insecure-exporter-endpoint: an OTLP/HTTP exporter sends traces over plain `http://` to a host
// that is not this machine, so spans (and whatever secrets they hold) cross the network unencrypted.
// Covers exporter constructors in code (`OTLPSpanExporter(endpoint=...)`, `new OTLPTraceExporter({ url })`)
// and OTEL_EXPORTER_OTLP_*ENDPOINT in .env files.
import type { Span } from '../../shared/types';
import type { SettingSite } from '../analysis/model';
import type { Rule } from './types';

const ENV_ENDPOINTS = new Set(['OTEL_EXPORTER_OTLP_ENDPOINT', 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', 'OTEL_EXPORTER_OTLP_LOGS_ENDPOINT']);

/** The host of an `http://` URL, or undefined when the URL is not plain http. */
export function plainHttpHost(url: string): string | undefined {
  const m = /^\s*http:\/\/(?:[^@/?#]*@)?(\[[^\]]*\]|[^/:?#]*)/i.exec(url);
  return m ? m[1].toLowerCase() : undefined;
}

export function isLoopback(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || /^127\.\d+\.\d+\.\d+$/.test(h) || h === '::1' || h === '0.0.0.0' || h === '';
}

/** Where `http` stands in source and how to report the URL. */
function locate(s: SettingSite): { url: Span; scheme: Span } {
  if (s.str) {
    const lead = s.value.length - s.value.trimStart().length;
    return {
      url: { start: s.str.offsetOf(0), end: s.str.offsetOf(s.value.length) },
      scheme: { start: s.str.offsetOf(lead), end: s.str.offsetOf(lead + 4) },
    };
  }
  return { url: s.valueSpan, scheme: { start: s.valueSpan.start, end: s.valueSpan.start + 4 } };
}

export const insecureExporterEndpoint: Rule = {
  meta: {
    id: 'insecure-exporter-endpoint',
    docs: 'An OTLP/HTTP exporter sends traces over plain http:// to another host: spans and the data in them cross the network unencrypted.',
    defaultSeverity: 'warning',
    fixable: false,
  },
  check(ctx) {
    for (const s of ctx.model.settings) {
      // Endpoints in .env files and exporter constructors; a variable set from code (a test's input) is not read here.
      const isEndpoint = s.kind === 'exporter-endpoint' || (s.kind === 'env' && s.context !== 'code' && ENV_ENDPOINTS.has(s.key));
      if (!isEndpoint) continue;
      const host = plainHttpHost(s.value);
      if (host === undefined || isLoopback(host)) continue;
      const where = locate(s);
      ctx.report({
        message: `${s.kind === 'env' ? s.key : s.context ?? 'The exporter'} sends traces over plain http:// to "${host}": use https:// so spans are encrypted in transit.`,
        span: where.url,
        suggest: [{ title: 'Use https://', edits: [{ start: where.scheme.start, end: where.scheme.end, text: 'https' }] }],
      });
    }
  },
};
