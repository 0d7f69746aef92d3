// The slots recheck's checks and the timing confirmations share (shared/regex/slots.ts): at most
// `limit` jobs at once, an urgent job before the waiting ones, an `alone` job with nothing beside it.
// Jobs here are promises the test settles by hand: the order is exact, no time is measured.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alone, inSlot, setSlots, slotCount } from '../../shared/regex/slots';

function gate(): { promise: Promise<void>; open(): void } {
  let open!: () => void;
  const promise = new Promise<void>((r) => { open = r; });
  return { promise, open };
}

const tick = () => new Promise((r) => setImmediate(r));

test('two slots: two jobs at once, an urgent one next, an alone job with nothing beside it', async () => {
  const before = slotCount();
  setSlots(2);
  try {
    const log: string[] = [];
    let now = 0;
    let most = 0;
    const gates = new Map<string, ReturnType<typeof gate>>();
    const job = (name: string) => async () => {
      const g = gate();
      gates.set(name, g);
      now++;
      most = Math.max(most, now);
      log.push(`start ${name}${name.startsWith('alone') ? ` beside ${now - 1}` : ''}`);
      await g.promise;
      now--;
      log.push(`end ${name}`);
    };
    const all = [
      inSlot(job('a')), inSlot(job('b')), inSlot(job('c')), alone(job('alone')), inSlot(job('d')), inSlot(job('urgent'), true),
    ];
    await tick();
    assert.deepEqual(log, ['start a', 'start b']);
    // Each job ends when the test opens its gate, in this order.
    for (const name of ['a', 'b', 'urgent', 'alone', 'c', 'd']) {
      for (let i = 0; i < 6; i++) await tick();
      gates.get(name)!.open();
    }
    await Promise.all(all);
    // Once the alone job waits, only the urgent job (a confirmation) is let in, into a's slot; b's
    // slot stays free for the alone job (c does not take it), which starts when nothing runs; c and
    // d, waiting from the start, come after it.
    assert.deepEqual(log, ['start a', 'start b', 'end a', 'start urgent', 'end b', 'end urgent', 'start alone beside 0', 'end alone', 'start c', 'start d', 'end c', 'end d']);
    assert.equal(most, 2);
  } finally {
    setSlots(before);
  }
});
