import { describe, expect, it } from 'vitest';
import { partitionForKey } from '../src/index.js';

// murmur2 test vectors of Apache Kafka's own UtilsTest.testMurmur2 (the Java client's partitioner).
const JAVA_MURMUR2: readonly [string, number][] = [
  ['21', -973932308],
  ['foobar', -790332482],
  ['a-little-bit-long-string', -985981536],
  ['a-little-bit-longer-string', -1486304829],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', -58897971],
  ['abc', 479470107],
];

describe('partitionForKey', () => {
  it('places keys where the Java client does: positive murmur2 modulo the partition count', () => {
    for (const [key, hash] of JAVA_MURMUR2) {
      for (const count of [1, 3, 6, 7, 12, 100]) {
        expect(partitionForKey(key, count), `${key} over ${count}`).toBe((hash & 0x7fffffff) % count);
        expect(partitionForKey(Buffer.from(key), count)).toBe((hash & 0x7fffffff) % count);
      }
    }
  });

  it('refuses a partition count that is not a positive integer', () => {
    expect(() => partitionForKey('k', 0)).toThrow(/positive integer, got 0/);
    expect(() => partitionForKey('k', 2.5)).toThrow(RangeError);
  });
});
