// Table tests for insecure-exporter-endpoint.
import { ruleTester } from './rule-tester';

ruleTester('insecure-exporter-endpoint', {
  valid: [
    // An exporter endpoint set from code is a test's input, not a deployment's setting.
    { file: 'tests/test_otel.py', code: 'def test_fallback(monkeypatch):\n    monkeypatch.setenv("OTEL_EXPORTER_OTLP_ENDPOINT", "http://otel-collector:4318")\n' },
    `from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
a = OTLPSpanExporter(endpoint="https://collector.example.com/v1/traces")
b = OTLPSpanExporter(endpoint="http://localhost:4318/v1/traces")
c = OTLPSpanExporter(endpoint="http://127.0.0.1:4318")
d = OTLPSpanExporter(endpoint="http://[::1]:4318")
e = OTLPSpanExporter()
`,
    { file: 'otel.ts', code: `const e = new OTLPTraceExporter({ url: "https://otel.example.com/v1/traces" });\n` },
    { file: '.env', code: 'OTEL_EXPORTER_OTLP_ENDPOINT=http://localhost:4318\nHOMEPAGE=http://example.com\n' },
  ],
  invalid: [
    {
      name: 'Python keyword',
      code: `from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
exporter = OTLPSpanExporter(endpoint="http://collector.internal:4318/v1/traces")
`,
      errors: [{
        line: 2, column: 39, endColumn: 79, message: 'OTLPSpanExporter sends traces over plain http:// to "collector.internal"',
        suggestions: [`from opentelemetry.exporter.otlp.proto.http.trace_exporter import OTLPSpanExporter
exporter = OTLPSpanExporter(endpoint="https://collector.internal:4318/v1/traces")
`],
      }],
      output: null,
    },
    {
      name: 'TS options object, template literal without substitutions',
      file: 'otel.ts',
      code: 'export const exporter = new OTLPTraceExporter({ url: `http://10.0.3.7:4318/v1/traces` });\n',
      errors: [{ line: 1, column: 55, endColumn: 85, suggestions: ['export const exporter = new OTLPTraceExporter({ url: `https://10.0.3.7:4318/v1/traces` });\n'] }],
    },
    {
      name: '.env endpoint',
      file: 'deploy/.env.production',
      code: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=http://otel.prod.internal:4318/v1/traces\n',
      errors: [{ line: 1, column: 36, endColumn: 76, suggestions: ['OTEL_EXPORTER_OTLP_TRACES_ENDPOINT=https://otel.prod.internal:4318/v1/traces\n'] }],
    },
  ],
});
