// The same ticket fetcher in TypeScript (braintrust). Part of tracelint's example workspace: the
// mistake below is on purpose.
import { initLogger, wrapTraced } from "braintrust";

initLogger({ projectName: "support-triage" });

// LEAK (credential-param-captured): wrapTraced logs the argument array, the token among them.
export const fetchTicket = wrapTraced(async function fetchTicket(ticketId: string, zendeskToken: string) {
  const r = await fetch(`https://acme.zendesk.com/api/v2/tickets/${ticketId}`, { headers: { Authorization: `Bearer ${zendeskToken}` } });
  return r.json();
});
