// Worker thread entry (bundled as dist/trace-worker.js): rebuilds the engine from the options it
// was started with, then processes JSONL batches sent by `pool.ts`, transferring buffers both ways.
import { parentPort, workerData } from 'node:worker_threads';
import { Engine } from '../engine/index';
import type { EngineOptions } from '../options';
import { processBatch } from './batch';
import { detachOnce, type BatchReply, type BatchRequest } from './pool';

detachOnce();
const engine = new Engine((workerData as { engineOptions: EngineOptions }).engineOptions);

parentPort!.on('message', (req: BatchRequest) => {
  let reply: BatchReply;
  const transfer: ArrayBuffer[] = [];
  try {
    const result = processBatch(req.bytes, engine, req.mode, req.file, req.out);
    const output = result.output?.buffer as ArrayBuffer | undefined;
    if (output) transfer.push(output);
    // The request's buffers that do not carry the output go back for later batches.
    const spare = [req.bytes.buffer as ArrayBuffer, req.out].filter((b): b is ArrayBuffer => b !== undefined && b !== output);
    transfer.push(...spare);
    reply = { id: req.id, result, spare };
  } catch (e) {
    reply = { id: req.id, error: (e as Error).stack ?? String(e) };
  }
  parentPort!.postMessage(reply, transfer);
});
