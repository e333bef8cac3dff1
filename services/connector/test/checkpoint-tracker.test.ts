import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CheckpointTracker } from '../src/core/checkpoint-tracker.js';

describe('CheckpointTracker', () => {
  it('advances only past items acknowledged together with every earlier one', () => {
    const tracker = new CheckpointTracker('start');
    const a = tracker.track('A');
    const b = tracker.track('B');
    const c = tracker.track('C');
    tracker.ack(b);
    tracker.ack(c);
    expect(tracker.checkpoint).toBe('start');
    tracker.ack(a);
    expect(tracker.checkpoint).toBe('C');
    expect(tracker.inFlight).toBe(0);
  });

  it('lets an OFFSET_UPDATE advance the checkpoint once everything before it is durable', () => {
    const tracker = new CheckpointTracker();
    const a = tracker.track('A');
    tracker.track('U', { acked: true });
    expect(tracker.checkpoint).toBeUndefined();
    tracker.ack(a);
    expect(tracker.checkpoint).toBe('U');
    tracker.track('U2', { acked: true });
    expect(tracker.checkpoint).toBe('U2');
  });

  it('ignores unknown or repeated acks', () => {
    const tracker = new CheckpointTracker();
    const a = tracker.track('A');
    tracker.ack(a);
    tracker.ack(a);
    tracker.ack(99);
    expect(tracker.checkpoint).toBe('A');
  });

  it('always equals the longest fully acknowledged prefix (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.boolean(), { minLength: 1, maxLength: 3000 }),
        fc.infiniteStream(fc.nat()),
        (updates, picks) => {
          const tracker = new CheckpointTracker();
          const acked = new Set<number>();
          const seqs = updates.map((isUpdate, i) => tracker.track(`o${i}`, { acked: isUpdate }));
          updates.forEach((isUpdate, i) => {
            if (isUpdate) acked.add(i);
          });
          const pending = seqs.filter((_, i) => !updates[i]);
          const order = pending
            .map((seq, i) => ({ seq, pick: (picks.next().value as number | undefined) ?? i }))
            .sort((x, y) => x.pick - y.pick);
          for (const { seq } of order) {
            tracker.ack(seq);
            acked.add(seq);
            let prefix = -1;
            while (acked.has(prefix + 1)) prefix += 1;
            expect(tracker.checkpoint).toBe(prefix >= 0 ? `o${prefix}` : undefined);
          }
          expect(tracker.checkpoint).toBe(`o${updates.length - 1}`);
        },
      ),
      { seed: 7, numRuns: 50 },
    );
  });
});
