import { describe, expect, it } from 'vitest';
import { AssignmentTracker, partitionsOf } from '../src/index.js';

describe('AssignmentTracker', () => {
  it('reports added and removed partitions across joins', () => {
    const tracker = new AssignmentTracker();
    expect(tracker.update(partitionsOf({ a: [0, 1] }))).toEqual({
      added: [
        { topic: 'a', partition: 0 },
        { topic: 'a', partition: 1 },
      ],
      removed: [],
    });
    expect(tracker.update(partitionsOf({ a: [1], b: [0] }))).toEqual({
      added: [{ topic: 'b', partition: 0 }],
      removed: [{ topic: 'a', partition: 0 }],
    });
    expect(tracker.partitions()).toEqual([
      { topic: 'a', partition: 1 },
      { topic: 'b', partition: 0 },
    ]);
  });

  it('holds processing of a partition until its restore resolves', async () => {
    const tracker = new AssignmentTracker();
    const { added } = tracker.update([{ topic: 'a', partition: 0 }]);
    let finishRestore = (): void => undefined;
    tracker.trackRestore(added, new Promise<void>((resolve) => (finishRestore = resolve)));
    let passed = false;
    const gate = tracker.restored({ topic: 'a', partition: 0 }).then(() => (passed = true));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(passed).toBe(false);
    finishRestore();
    await gate;
    expect(passed).toBe(true);
  });

  it('does not hold partitions that had nothing to restore', async () => {
    await expect(new AssignmentTracker().restored({ topic: 'x', partition: 9 })).resolves.toBeUndefined();
  });
});
