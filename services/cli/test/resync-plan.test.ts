import { describe, expect, it } from 'vitest';
import { ackKeysToClear, earliestOffsets, estimateResync, recordsToReplay } from '../src/core/resync-plan.js';

describe('resync plan', () => {
  it('classifies devices by their acknowledged state version', () => {
    const states = new Map<string, number | null>([
      ['a', 3],
      ['b', 5],
      ['c', 1],
      ['d', null],
      ['e', null],
    ]);
    const acks = new Map<string, number | null>([
      ['a', 3],
      ['b', 4],
      ['d', 2],
      ['x', 9],
      ['y', null],
    ]);
    expect(estimateResync(states, acks)).toEqual({
      devices: 3,
      inSync: 1,
      behind: 1,
      neverAcked: 1,
      erasedWithAck: 1,
      acks: 4,
    });
    expect(ackKeysToClear(acks)).toEqual(['a', 'b', 'd', 'x']);
  });

  it('moves every partition to its log start and counts what will be re-read', () => {
    const offsets = [
      { partition: 0, low: '0', high: '10' },
      { partition: 1, low: '5', high: '8' },
      { partition: 2, low: '3', high: '3' },
    ];
    expect(earliestOffsets(offsets)).toEqual([
      { partition: 0, offset: '0' },
      { partition: 1, offset: '5' },
      { partition: 2, offset: '3' },
    ]);
    expect(
      recordsToReplay(offsets, [
        { partition: 0, offset: '10' },
        { partition: 1, offset: '2' },
        { partition: 2, offset: null },
      ]),
    ).toBe(10);
  });
});
