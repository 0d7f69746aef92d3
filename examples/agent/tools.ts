// Tools of the support agent, in TypeScript: invoice lookup (LangSmith), e-mail replies
// (Langfuse) and the OpenTelemetry exporter. Part of tracelint's example workspace: the
// mistakes marked LEAK are on purpose.
import { traceable } from "langsmith/traceable";
import { observe } from "@langfuse/tracing";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";

export interface Invoice {
  id: string;
  total: number;
  customerEmail: string;
}

// LEAK (credential-param-captured): LangSmith records apiKey among the run's inputs.
export const fetchInvoice = traceable(
  async (invoiceId: string, apiKey: string): Promise<Invoice> => {
    const res = await fetch(`https://billing.example.com/v2/invoices/${invoiceId}`, {
      headers: { Authorization: `Bearer ${apiKey}` },
    });
    if (!res.ok) throw new Error(`invoice ${invoiceId}: HTTP ${res.status}`);
    return (await res.json()) as Invoice;
  },
  { name: "fetch_invoice", run_type: "tool" },
);

interface ReplyArgs {
  to: string;
  body: string;
  smtpPassword: string;
}

// LEAK (credential-param-captured): Langfuse records the SMTP password with the reply.
export const sendReply = observe(
  async ({ to, body, smtpPassword }: ReplyArgs): Promise<void> => {
    await fetch("https://mail.example.com/send", {
      method: "POST",
      body: JSON.stringify({ to, body, auth: smtpPassword }),
    });
  },
  { name: "send_reply", asType: "tool" },
);

// LEAK (insecure-exporter-endpoint): spans cross the network unencrypted.
export const exporter = new OTLPTraceExporter({
  url: "http://otel-collector.internal:4318/v1/traces",
});
