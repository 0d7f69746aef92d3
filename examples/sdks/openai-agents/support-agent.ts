// Support agent on the OpenAI Agents SDK for TypeScript (@openai/agents).
//
// Part of tracelint's example workspace: the tracing mistakes below are on purpose (each is marked
// LEAK with the rule that finds it). Scan it with `node dist/cli.js scan examples/sdks/openai-agents`.
import { Agent, Runner, tool } from '@openai/agents';
import { z } from 'zod';

interface Secrets {
  crmToken: string;
}

// LEAK (credential-param-captured): the model is asked for the CRM key, and the runner records the
// tool call's arguments as the function span's input (traceIncludeSensitiveData defaults to true).
export const lookupOrder = tool({
  name: 'lookup_order',
  description: 'Look an order up in the CRM.',
  parameters: z.object({ orderId: z.string(), crmApiKey: z.string() }),
  execute: async ({ orderId, crmApiKey }) => {
    const r = await fetch(`https://crm.example.com/orders/${orderId}`, { headers: { 'X-Api-Key': crmApiKey } });
    return r.text();
  },
});

// Right: the credential comes from the run context, which is neither shown to the model nor recorded.
export const refundOrder = tool({
  name: 'refund_order',
  description: 'Refund an order.',
  parameters: z.object({ orderId: z.string() }),
  execute: async ({ orderId }, context) => {
    const secrets = context?.context as Secrets;
    const r = await fetch(`https://crm.example.com/orders/${orderId}/refund`, { method: 'POST', headers: { 'X-Api-Key': secrets.crmToken } });
    return r.text();
  },
});

export const agent = new Agent({ name: 'Support', instructions: 'Help with orders.', tools: [lookupOrder, refundOrder] });

// LEAK (redaction-disabled): the default written out; false keeps tool arguments out of traces.
export const runner = new Runner({ workflowName: 'support', traceIncludeSensitiveData: true });
