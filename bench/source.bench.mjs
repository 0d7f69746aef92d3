// Source analysis speed: lintSource on a generated 3,000-line Python agent file and a 3,000-line
// TypeScript file, as the language server calls it on every keystroke. Prints cold (first call in
// a fresh process), warm new file (a file seen for the first time, JIT warm: the CLI's case) and
// warm keystroke (the same file with one character changed: the editor's case, where both
// front-ends reuse the last version's trees and results) timings.
// Target: at most 30 ms warm. Figures only; nothing is asserted.
//
// The analysis and the rule runner are not a dist/ entry of their own, so this bundles them with
// esbuild next to the wasm files in dist/ (the same place the CLI and server bundles load them from).
import * as esbuild from 'esbuild';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const outfile = join(root, 'dist', 'source-analysis.bench.cjs');
await esbuild.build({
  stdin: { contents: "export { initAnalysis } from './server/analysis/index'; export { lintSource } from './server/rules/run';", resolveDir: root, loader: 'ts' },
  outfile, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning',
  external: ['recheck', 'recheck-linux-x64'],
});
const require = createRequire(import.meta.url);
const { initAnalysis, lintSource } = require(outfile);

const PY_BLOCK = (i) => `
# Step ${i}: look something up, then summarise it.
@tracecraft.trace_tool(
    name="lookup_${i}",
    exclude_inputs=["db_password"],
)
async def lookup_${i}(query: str, db_password: str, *, limit: int = 10, **kwargs) -> list[dict]:
    """Look up records for step ${i}."""
    rows = await db.fetch("SELECT * FROM items WHERE name = %s LIMIT %s", query, limit)
    result = [dict(r) for r in rows if r["score"] > 0.5]
    headers = {"Accept": "application/json", "X-Request-Id": f"req-{${i}}"}
    return result


class Worker${i}:
    def __init__(self, client):
        self.client = client

    @traceable(name="work_${i}")
    def run(self, question, api_key):
        return self.client.complete(question, temperature=0.2, max_tokens=256)
`;

const TS_BLOCK = (i) => `
// Step ${i}: fetch and summarise.
export const fetch${i} = traceable(
  async (invoiceId: string, apiKey: string): Promise<Invoice> => {
    const res = await fetch(\`https://billing.example.com/v2/invoices/\${invoiceId}\`, { headers: { Authorization: \`Bearer \${apiKey}\` } });
    if (!res.ok) throw new Error("invoice " + invoiceId + ": HTTP " + res.status);
    return (await res.json()) as Invoice;
  },
  { name: "fetch_${i}" },
);

export class Summariser${i} {
  constructor(private readonly client: Client) {}
  async run(question: string): Promise<string> {
    const parts = question.split(" ").map((w) => w.trim()).filter((w) => w.length > 0);
    return this.client.complete({ prompt: parts.join(" "), maxTokens: 200, temperature: 0.1 });
  }
}
`;

function generate(header, block, lines) {
  let text = header;
  for (let i = 0; text.split('\n').length < lines; i++) text += block(i);
  return text.split('\n').slice(0, lines).join('\n') + '\n';
}

const python = generate('import tracecraft\nfrom langsmith import traceable\nfrom .db import db\n', PY_BLOCK, 3000);
const typescript = generate('import { traceable } from "langsmith/traceable";\ninterface Invoice { id: string }\ninterface Client { complete(o: object): Promise<string> }\n', TS_BLOCK, 3000);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

// CPU time of this process as well as wall time: on a machine shared with other work, CPU time is
// the steadier figure (wall time includes waiting for a core).
function time(fn) {
  const c = process.cpuUsage();
  const t = performance.now();
  const r = fn();
  const wall = performance.now() - t;
  const cpu = process.cpuUsage(c);
  return [wall, r, (cpu.user + cpu.system) / 1000];
}

function row(label, samples) {
  const wall = samples.map((s) => s[0]);
  const cpu = samples.map((s) => s[2]);
  return `  ${label.padEnd(16)} wall ${median(wall).toFixed(1).padStart(6)} ms (min ${Math.min(...wall).toFixed(1)}), cpu ${median(cpu).toFixed(1).padStart(6)} ms (min ${Math.min(...cpu).toFixed(1)})  median of ${samples.length}`;
}

const t0 = performance.now();
await initAnalysis();
console.log(`initAnalysis (wasm load): ${(performance.now() - t0).toFixed(1)} ms`);

for (const [label, ext, text] of [['Python', 'py', python], ['TypeScript', 'ts', typescript]]) {
  const cold = time(() => lintSource(`cold.${ext}`, text));
  const full = [];
  for (let i = 0; i < 20; i++) full.push(time(() => lintSource(`full${i}.${ext}`, text)));
  const keystroke = [];
  let current = text;
  const file = `edit.${ext}`;
  lintSource(file, current);
  for (let i = 0; i < 20; i++) {
    // Type one character into a string in the middle of the file.
    const at = current.indexOf('"', Math.floor(current.length / 2)) + 1;
    current = current.slice(0, at) + 'x' + current.slice(at);
    keystroke.push(time(() => lintSource(file, current)));
  }
  console.log(`${label}: ${text.split('\n').length - 1} lines, ${text.length} chars, ${cold[1].length} findings`);
  console.log(row('cold', [cold]));
  console.log(row('warm new file', full));
  console.log(row('warm keystroke', keystroke));
}
console.log('target: at most 30 ms warm. The editor lints on every keystroke (warm keystroke); a file never seen before');
console.log('pays its whole parse first (warm new file: the CLI, or opening a file in the editor).');
