// Compiles shared/engine/teddy.wat into shared/engine/teddy-wasm.ts (the module's bytes in base64,
// bundled like any other source: nothing is read or fetched at run time). `npm run build:wasm`;
// a unit test (test/unit/anchors.test.ts) fails when the checked-in bytes and the WAT disagree.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import wabt from 'wabt';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const WAT = join(root, 'shared', 'engine', 'teddy.wat');
export const OUT = join(root, 'shared', 'engine', 'teddy-wasm.ts');

/** The WAT's module bytes, base64. */
export async function compileTeddy() {
  const w = await wabt();
  const mod = w.parseWat('teddy.wat', readFileSync(WAT, 'utf8'), { simd: true });
  try {
    return Buffer.from(mod.toBinary({}).buffer).toString('base64');
  } finally {
    mod.destroy();
  }
}

/** The TypeScript file that carries them. */
export function teddySource(base64) {
  return `// Generated from teddy.wat by scripts/build-wasm.mjs (npm run build:wasm): do not edit.\nexport const TEDDY_WASM = '${base64}';\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  compileTeddy().then((base64) => {
    writeFileSync(OUT, teddySource(base64));
    console.log(`wrote ${OUT}`);
  });
}
