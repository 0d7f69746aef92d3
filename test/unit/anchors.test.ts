// The anchor scan (shared/engine/anchors.ts, teddy.wat): on a line it read, `indexOfAnchor`,
// `indexOfMark` and `nextRunStart` answer exactly as a plain search, at every start, for every
// anchor: at 16-byte block edges, at the line's end, for literals of one to twelve characters, on
// lines longer than 64 KB, on non-ASCII lines (read a byte a UTF-16 code unit); any other text (a
// string other than the one scanned last, a line with more matches than the scanner keeps, one over
// 4 MB) is searched with indexOf. The checked-in WebAssembly is the WAT compiled.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compileTeddy } from '../../scripts/build-wasm.mjs';
import { TEDDY_WASM } from '../../shared/engine/teddy-wasm';
import { anchor, indexOfAnchor, indexOfMark, isScanned, mark, nextRunStart, registeredAnchors, scanAnchors, scanText, type Anchor } from '../../shared/engine/anchors';
import '../../shared/detectors/index';

test('the checked-in scanner is teddy.wat compiled (npm run build:wasm)', async () => {
  assert.equal(TEDDY_WASM, await compileTeddy());
});

/** Scans `text` as the trace reader does: its UTF-8 bytes, with other bytes around them. */
function scan(text: string): void {
  const bytes = Buffer.from(`\n${text}\nxx`, 'utf8');
  scanAnchors(text, bytes, 1, bytes.length - 3);
}

/** Asserts indexOfAnchor(text, a, from) === text.indexOf(a.literal, from) at every start that matters. */
function assertAgrees(text: string, anchors: readonly Anchor[]): void {
  for (const a of anchors) {
    const starts = new Set([-1, 0, 1, text.length - 1, text.length, text.length + 1]);
    for (let at = text.indexOf(a.literal); at !== -1; at = text.indexOf(a.literal, at + 1)) for (const d of [-1, 0, 1]) starts.add(at + d);
    // Out of order too: a check may search again from before its last answer.
    for (const from of [...starts, ...[...starts].reverse()]) assert.equal(indexOfAnchor(text, a, from), text.indexOf(a.literal, from), `${a.literal} from ${from} in ${text.slice(0, 80)}`);
  }
}

/** The anchors the scan answers for (the others are searched with indexOf everywhere). */
const answered = () => registeredAnchors().filter((a) => a.slot >= 0);

// Literals of every length the scanner treats apart (1, 2, 3, 8, over 8 characters), sharing
// first bytes and nibbles with each other and with the detectors' anchors.
const OWN = ['Q', 'k-', 'ss', 'Zq~', 'uthorizaXion', 'uthoriza', 'ASSWORD', 'PaSs'].map(anchor);

test('a scanned line answers as indexOf for every anchor at every start (generated lines)', () => {
  const all = answered();
  assert.ok(all.length > 40, `${all.length} anchors scanned`);
  const pieces = [...all.map((a) => a.literal), ...all.map((a) => a.literal.slice(1)), ...all.map((a) => a.literal.slice(0, -1))];
  const piece = fc.oneof(fc.constantFrom(...pieces), fc.string({ unit: 'grapheme-ascii', maxLength: 4 }), fc.constantFrom(' ', '"', '\\', ':', 'a', 'e', 'P', 'é', '☺', '😀'));
  fc.assert(
    fc.property(fc.nat(40), fc.array(piece, { maxLength: 60 }), (pad, parts) => {
      const text = 'x'.repeat(pad) + parts.join('');
      scan(text);
      assert.ok(isScanned(text, all), 'the line was scanned');
      assertAgrees(text, all);
      for (const m of [':', ',', '-', '_'].map(mark)) {
        for (let from = 0; from <= text.length; from += 7) assert.equal(indexOfMark(text, m, from), text.indexOf(m.char, from), `${m.char} from ${from}`);
      }
    }),
    { numRuns: 400, seed: 14 },
  );
});

test('anchors at each position of a 16-byte block and at the very end of the line', () => {
  const all = answered();
  for (const a of all) {
    for (let pad = 0; pad < 34; pad++) {
      const text = '.'.repeat(pad) + a.literal;
      scan(text);
      assert.equal(indexOfAnchor(text, a), pad, `${a.literal} at ${pad}`);
      // Cut short by one character: no match runs past the line into the bytes after it.
      const cut = text.slice(0, -1);
      scan(cut);
      assert.equal(indexOfAnchor(cut, a), cut.indexOf(a.literal), `${a.literal} cut at ${pad}`);
    }
  }
});

test('a line longer than 64 KB: offsets past 65535', () => {
  const text = `${'ab'.repeat(40000)}Bearer x${'.'.repeat(1000)}uthorization k_live_`;
  scan(text);
  assertAgrees(text, answered());
  assert.equal(indexOfAnchor(text, anchor('Bearer')), 80000);
});

test('text the scan did not read is searched with indexOf: another string, too many matches, a line over 4 MB', () => {
  const all = answered();
  scan('Bearer abc');
  assert.equal(indexOfAnchor('xx Bearer', anchor('Bearer')), 3);
  // More matches than the scanner keeps (16384): searched with indexOf.
  const many = 'Q'.repeat(20000);
  scan(many);
  assert.equal(isScanned(many, all), false);
  assert.equal(indexOfAnchor(many, OWN[0], 19999), 19999);
  const huge = `${'x'.repeat(4 << 20)}Bearer`;
  scan(huge);
  assert.equal(isScanned(huge, all), false);
  assert.equal(indexOfAnchor(huge, anchor('Bearer')), 4 << 20);
});

test('a non-ASCII line is scanned a byte a UTF-16 code unit: answers at its UTF-16 offsets', () => {
  const all = answered();
  // Two-byte characters, a surrogate pair, and a character whose low byte is `:` (U+263A).
  const text = 'é Bearer €:uthorization 😀 cret,☺ k_live_ \u00e9-12 345 678_ASS';
  for (const read of [scan, scanText]) {
    read(text);
    assert.ok(isScanned(text, all), read.name);
    assertAgrees(text, all);
    for (const m of [':', ',', '-', '_'].map(mark)) {
      for (let from = 0; from <= text.length; from++) assert.equal(indexOfMark(text, m, from), text.indexOf(m.char, from), `${read.name} ${m.char} from ${from}`);
    }
    assert.equal(nextRunStart(0), text.search(/[0-9\-. ()+]{8}/), read.name);
  }
});

test('marks: indexOfMark answers as indexOf at every start, on lines of every length to 100', () => {
  const marks = [':', ',', '-', '_'].map(mark);
  const agrees = (text: string) => {
    for (const m of marks) {
      for (let from = -1; from <= text.length + 1; from++) assert.equal(indexOfMark(text, m, from), text.indexOf(m.char, from), `${m.char} from ${from} in ${text}`);
    }
  };
  // A long line first, so the shorter ones after it sit on bitmaps that held other bits.
  scan(':,-_'.repeat(200));
  agrees(':,-_'.repeat(200));
  for (let len = 1; len <= 100; len++) {
    const text = [...Array(len)].map((_, i) => ':,-_x'[(i * 7 + len) % 5]).join('');
    scan(text);
    agrees(text);
  }
  // Text the scan did not read.
  agrees('x:y,z-w_v é');
  assert.throws(() => mark('a'), /no mark a/);
});

test('nextRunStart: where 8 characters of a digit run start in a row, at every start, on generated lines', () => {
  const isRun = (c: string) => /[0-9\-. ()+]/.test(c);
  fc.assert(
    fc.property(fc.array(fc.constantFrom('1', '9', ' ', '-', '.', '(', ')', '+', 'a', ':', '/', '0'), { maxLength: 120 }), (chars) => {
      const text = chars.join('');
      scan(text);
      assert.ok(isScanned(text, []));
      const starts = [...text].flatMap((_, p) => (p + 8 <= text.length && [...text.slice(p, p + 8)].every(isRun) ? [p] : []));
      for (let from = -1; from <= text.length + 1; from++) assert.equal(nextRunStart(from), starts.find((p) => p >= from) ?? -1, `from ${from} in ${text}`);
    }),
    { numRuns: 300, seed: 8 },
  );
  // Across 32-bit words of the bitmap, and a line of exactly 32 and 64 characters.
  for (const text of [`${'x'.repeat(28)}12345678`, '1'.repeat(32), `${'x'.repeat(56)}1234567 `, `${'y'.repeat(56)}12345678`]) {
    scan(text);
    assert.equal(nextRunStart(0), text.search(/[0-9\-. ()+]{8}/), text);
  }
});

test('an anchor made after a scan: that line is no longer answered from the scan', () => {
  const text = 'a Wq7Zz b';
  scan(text);
  assert.equal(isScanned(text, OWN), true);
  const late = anchor('Wq7Zz');
  assert.equal(isScanned(text, [late]), false);
  assert.equal(indexOfAnchor(text, late), 2);
  scan(text);
  assert.equal(isScanned(text, [late]), true);
  assert.equal(indexOfAnchor(text, late), 2);
});
