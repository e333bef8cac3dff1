import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compactId } from '../src/core/dedupe/compact-id.js';
import { decodeChangelogEntry, encodeChangelogEntry } from '../src/core/dedupe/changelog-codec.js';
import { DedupeWindow, MAP_ENTRY_BYTES, keyStringBytes } from '../src/core/dedupe/dedupe-window.js';

const HOUR = 3_600_000;
const T0 = Date.UTC(2024, 5, 1);

function window(windowMs = 7 * 24 * HOUR, maxIds = 1_000_000): DedupeWindow {
  return new DedupeWindow({ windowMs, maxIds });
}

/** Processes one id as the task does: observe, check, stage. Returns true when it was new. */
function offer(store: DedupeWindow, id: string, arrivalMs: number): boolean {
  store.observe(arrivalMs);
  if (store.has(id)) return false;
  store.stage(id);
  return true;
}

describe('DedupeWindow', () => {
  it('remembers an id only when its transaction commits', () => {
    const store = window();
    expect(offer(store, 'a', T0)).toBe(true);
    expect(offer(store, 'a', T0)).toBe(false); // duplicate inside the same transaction
    store.abort();
    expect(store.size).toBe(0);
    expect(store.has('a')).toBe(false);
    expect(offer(store, 'a', T0)).toBe(true);
    expect(store.commit()).toEqual({ remembered: 1, expired: 0, evicted: 0 });
    expect(store.has('a')).toBe(true);
    expect(offer(store, 'a', T0 + HOUR)).toBe(false);
  });

  it('drops duplicates hours apart and forgets ids once the arrival stream time passes the window', () => {
    const store = window(24 * HOUR);
    offer(store, 'early', T0);
    store.commit();
    offer(store, 'later', T0 + 20 * HOUR);
    store.commit();
    expect(offer(store, 'early', T0 + 23 * HOUR)).toBe(false);
    store.abort();
    offer(store, 'x', T0 + 25 * HOUR);
    expect(store.commit()).toEqual({ remembered: 1, expired: 1, evicted: 0 });
    expect(store.has('early')).toBe(false);
    expect(store.has('later')).toBe(true);
  });

  it('uses stream time: an old arrival does not move time back, an aborted one does not move it forward', () => {
    const store = window(HOUR);
    offer(store, 'a', T0 + 10 * HOUR);
    store.commit();
    offer(store, 'b', T0);
    store.commit();
    expect(store.streamTime).toBe(T0 + 10 * HOUR);
    store.observe(T0 + 50 * HOUR);
    store.abort();
    expect(store.streamTime).toBe(T0 + 10 * HOUR);
    expect(store.has('a')).toBe(true);
  });

  it('stays under its cap by forgetting the oldest ids first', () => {
    const store = window(7 * 24 * HOUR, 3);
    for (const [index, id] of ['a', 'b', 'c', 'd', 'e'].entries()) {
      offer(store, id, T0 + index);
      const outcome = store.commit();
      expect(store.size).toBeLessThanOrEqual(3);
      if (index >= 3) expect(outcome.evicted).toBe(1);
    }
    expect(['a', 'b', 'c', 'd', 'e'].map((id) => store.has(id))).toEqual([false, false, true, true, true]);
  });

  it('restores from changelog entries to the same memory, expiring what the window no longer holds', () => {
    const live = window(24 * HOUR);
    const changelog: { key: string; value: string }[] = [];
    for (let hour = 0; hour < 48; hour += 1) {
      const id = `id-${hour}`;
      live.observe(T0 + hour * HOUR);
      const at = live.stage(id);
      changelog.push(encodeChangelogEntry({ eventId: id, rememberedAtMs: at }));
      live.commit();
    }
    const restored = window(24 * HOUR);
    for (const record of changelog) {
      const entry = decodeChangelogEntry(Buffer.from(record.key), Buffer.from(record.value));
      if (entry !== undefined) restored.restore(entry.eventId, entry.rememberedAtMs);
    }
    restored.finishRestore();
    expect(restored.size).toBe(live.size);
    for (let hour = 0; hour < 48; hour += 1) expect(restored.has(`id-${hour}`)).toBe(live.has(`id-${hour}`));
    expect(restored.streamTime).toBe(live.streamTime);
  });

  it('accounts its bytes per id from the key strings it holds', () => {
    const store = window();
    expect(store.bytesPerId()).toBe(0);
    offer(store, '00000169-4a14-67b2-1ddd-d9e733622c3a', T0); // a UUID: packed into 17 characters
    offer(store, 'messageId-not-a-uuid', T0);
    store.commit();
    const expected = (keyStringBytes(17) + keyStringBytes(20)) / 2 + MAP_ENTRY_BYTES;
    expect(store.bytesPerId()).toBe(expected);
    expect(store.bytes()).toBe(expected * 2);
  });

  it('agrees with a plain set model on random streams within the window (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.integer({ min: 0, max: 30 }), fc.boolean(), fc.boolean()), { maxLength: 200 }),
        (steps) => {
          const store = window();
          const committed = new Set<string>();
          let staged = new Set<string>();
          for (const [n, endTxn, commitIt] of steps) {
            const id = `e${n}`;
            const expectedNew = !committed.has(id) && !staged.has(id);
            expect(offer(store, id, T0)).toBe(expectedNew);
            if (expectedNew) staged.add(id);
            if (endTxn) {
              if (commitIt) {
                store.commit();
                for (const item of staged) committed.add(item);
              } else store.abort();
              staged = new Set();
            }
          }
          expect(store.size).toBe(committed.size);
        },
      ),
    );
  });
});

describe('compact ids', () => {
  it('packs lower-case UUIDs and keeps others', () => {
    expect(compactId('00000169-4a14-67b2-1ddd-d9e733622c3a')).toHaveLength(17);
    expect(compactId('00000169-4A14-67B2-1DDD-D9E733622C3A')).toBe('00000169-4A14-67B2-1DDD-D9E733622C3A');
    expect(compactId('evt-7')).toBe('evt-7');
  });

  it('never maps two ids to the same key (property)', () => {
    const uuid = fc.uuid().map((value) => value.toLowerCase());
    const anyId = fc.oneof(
      uuid,
      fc.string(),
      fc.string().map((s) => `\u0001${s}`),
      fc.string().map((s) => `\u0000${s}`),
    );
    fc.assert(
      fc.property(anyId, anyId, (a, b) => {
        if (a !== b) expect(compactId(a)).not.toBe(compactId(b));
      }),
    );
  });
});

describe('changelog records', () => {
  it('round-trip and skip records that are not changelog entries', () => {
    const { key, value } = encodeChangelogEntry({ eventId: 'ëvent-1', rememberedAtMs: T0 + 0.7 });
    expect(decodeChangelogEntry(Buffer.from(key), Buffer.from(value))).toEqual({
      eventId: 'ëvent-1',
      rememberedAtMs: T0,
    });
    expect(decodeChangelogEntry(null, Buffer.from('1'))).toBeUndefined();
    expect(decodeChangelogEntry(Buffer.from('k'), null)).toBeUndefined();
    expect(decodeChangelogEntry(Buffer.from('k'), Buffer.from('soon'))).toBeUndefined();
  });
});
