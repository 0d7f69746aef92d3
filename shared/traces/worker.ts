// Worker thread entry (bundled as dist/trace-worker.js): rebuilds the engine from the options it
// was started with, then processes JSONL batches sent by `pool.ts`, transferring buffers both ways.
import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../engine/index';
import type { EngineOptions } from '../options';
import { processBatch } from './batch';
import type { BatchReply, BatchRequest } from './pool';

const engine = new Engine((workerData as { engineOptions: EngineOptions }).engineOptions);

parentPort!.on('message', (req: BatchRequest) => {
  let reply: BatchReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const result = processBatch(req.bytes, engine, req.mode, req.file);
    if (result.output) transfer.push(result.output.buffer as ArrayBuffer);
    // The batch's buffer goes back for the next batch, unless it is the output (nothing redacted).
    const spare = result.output?.buffer === req.bytes.buffer ? undefined : (req.bytes.buffer as ArrayBuffer);
    if (spare) transfer.push(spare);
    reply = { id: req.id, result, spare };
  } catch (e) {
    reply = { id: req.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply, transfer);
});
