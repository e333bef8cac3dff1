import { describe, expect, it } from 'vitest';
import { computeTopicLag, heldRecords } from '../src/core/lag.js';

describe('consumer lag', () => {
  const offsets = [
    { partition: 0, low: '0', high: '100' },
    { partition: 1, low: '40', high: '50' },
    { partition: 2, low: '0', high: '0' },
    { partition: 3, low: '10', high: '30' },
  ];

  it('is the high watermark minus the committed offset, per partition and in total', () => {
    const lag = computeTopicLag('t', offsets, [
      { partition: 0, offset: '90' },
      { partition: 1, offset: '50' },
      { partition: 2, offset: null },
      { partition: 3, offset: '5' },
    ]);
    expect(lag.partitions.map((p) => p.lag)).toEqual([10, 0, 0, 20]);
    expect(lag.lag).toBe(30);
    expect(lag.partitions[3]).toEqual({ partition: 3, committed: '5', high: '30', lag: 20 });
  });

  it('counts every held record of a partition the group never committed on', () => {
    const lag = computeTopicLag('t', offsets, []);
    expect(lag.partitions.map((p) => [p.committed, p.lag])).toEqual([
      [null, 100],
      [null, 10],
      [null, 0],
      [null, 20],
    ]);
  });

  it('handles 64-bit offsets exactly', () => {
    const lag = computeTopicLag(
      't',
      [{ partition: 0, low: '9007199254740990', high: '9007199254740999' }],
      [{ partition: 0, offset: '9007199254740993' }],
    );
    expect(lag.lag).toBe(6);
  });

  it('sums the records partitions hold', () => {
    expect(heldRecords(offsets)).toBe(130);
  });
});
