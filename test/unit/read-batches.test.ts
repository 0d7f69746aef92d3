// The JSONL batch reader (shared/traces/read-batches.ts): batches of whole lines, in order, whatever
// the chunking, when the file is read into one reused buffer and when batches are copied into
// spare buffers handed back by the worker pool (larger than the batch, holding stale bytes).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readLineBatches } from '../../shared/traces/read-batches';

const dir = mkdtempSync(join(tmpdir(), 'tracelint-read-batches-'));
// Lines of many lengths, one of them longer than a read (1 MB), the last without `\n`.
const lines = Array.from({ length: 400 }, (_, i) => JSON.stringify({ i, text: 'é'.repeat((i * 7919) % 3000), big: i === 200 ? 'x'.repeat(1_500_000) : undefined }));
const content = lines.join('\n');
const plain = join(dir, 'run.jsonl');
writeFileSync(plain, content);
const gz = join(dir, 'run.jsonl.gz');
writeFileSync(gz, gzipSync(content));

async function batches(path: string, gzip: boolean, batchBytes: number, spare?: ArrayBuffer[]) {
  const out: Array<{ text: string; byteOffset: number }> = [];
  for await (const b of readLineBatches(path, { gzip, batchBytes, spare })) {
    out.push({ text: Buffer.from(b.bytes.buffer, b.bytes.byteOffset, b.bytes.byteLength).toString('utf8'), byteOffset: b.byteOffset });
    if (spare) {
      // As the pool does: the batch's buffer comes back for reuse, here with stale bytes in it.
      new Uint8Array(b.bytes.buffer).fill(0x41);
      spare.push(b.bytes.buffer as ArrayBuffer);
    }
  }
  return out;
}

const cases: Array<[string, string, boolean, number, boolean]> = [
  ['plain file, small batches', plain, false, 4096, false],
  ['plain file, 1 MB batches', plain, false, 1 << 20, false],
  ['plain file, spare buffers reused', plain, false, 4096, true],
  ['plain file, 1 MB batches, spare buffers reused', plain, false, 1 << 20, true],
  ['gzip, spare buffers reused', gz, true, 65536, true],
];
for (const [name, path, gzip, batchBytes, withSpare] of cases) {
  test(`batches are whole lines in file order: ${name}`, async () => {
    const got = await batches(path, gzip, batchBytes, withSpare ? [] : undefined);
    assert.equal(got.map((b) => b.text).join(''), content);
    let at = 0;
    for (const [i, b] of got.entries()) {
      assert.equal(b.byteOffset, at, `batch ${i} offset`);
      at += Buffer.byteLength(b.text);
      if (i < got.length - 1) assert.ok(b.text.endsWith('\n'), `batch ${i} ends a line`);
    }
    assert.ok(got.length > 1);
  });
}
