// The same research tool in TypeScript (@traceloop/node-server-sdk). Part of tracelint's example
// workspace: the mistake below is on purpose.
import { withTool } from "@traceloop/node-server-sdk";

export async function webSearch(query: string): Promise<unknown> {
  // LEAK (credential-param-captured): the tool's arguments are recorded, the key among them.
  return withTool({ name: "web_search" }, async (q: string, serpApiKey: string) => {
    const r = await fetch(`https://serpapi.com/search?q=${encodeURIComponent(q)}&api_key=${serpApiKey}`);
    return r.json();
  }, query, process.env.SERPAPI_KEY ?? "");
}
