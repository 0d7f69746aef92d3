// Worker thread entry (bundled as dist/source-worker.js): lints agent source files for `tracelint
// scan` (source-pool.ts), each under the configuration in force for it, resolved here from the
// same --config the CLI was given. The analysis is loaded once per worker, at its start, and the
// worker says `ready` then: it is given files only from that moment (the TypeScript front-end loads
// at its first TS/JS file).
import { parentPort, workerData } from 'node:worker_threads';
import { ConfigResolver } from '../../shared/config';
import { lintFile, sourceAnalysis } from '../lint-file';
import type { SourceReply, SourceRequest } from './source-pool';

const resolver = new ConfigResolver((workerData as { configFile?: string }).configFile);

// A worker that cannot load the analysis never says ready: the CLI thread then lints every file.
setImmediate(() => sourceAnalysis().then(
  () => parentPort!.postMessage({ ready: true } satisfies SourceReply),
  () => undefined,
));

parentPort!.on('message', (req: SourceRequest) => {
  void (async (): Promise<SourceReply> => {
    try {
      const r = await lintFile(req.file, { config: resolver.forPath(req.file), explicit: req.explicit, slow: true });
      // Slow verdicts (ReDoS checks of custom patterns) belong in the report: the CLI waits for them.
      if (r.slow) r.findings.push(...(await r.slow));
      return { id: req.id, kind: r.kind, findings: r.findings, problems: r.problems };
    } catch (e) {
      return { id: req.id, error: (e as Error).stack ?? String(e) };
    }
  })().then((reply) => parentPort!.postMessage(reply));
});
