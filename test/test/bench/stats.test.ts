import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latencyPercentiles, linearSlope, median, percentile } from '../../bench/core/stats.ts';

describe('median', () => {
  it('takes the middle value of an odd count and the mean of the two middle values of an even count', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it('is undefined for no values and ignores NaN', () => {
    expect(median([])).toBeUndefined();
    expect(median([Number.NaN, 5, Number.NaN])).toBe(5);
  });

  it('lies between the smallest and the largest value', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ noNaN: true, min: -1e9, max: 1e9 }), { minLength: 1 }), (values) => {
        const m = median(values) ?? Number.NaN;
        expect(m).toBeGreaterThanOrEqual(Math.min(...values));
        expect(m).toBeLessThanOrEqual(Math.max(...values));
      }),
    );
  });
});

describe('percentile', () => {
  it('uses the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(values, 50)).toBe(50);
    expect(percentile(values, 95)).toBe(95);
    expect(percentile(values, 99)).toBe(99);
    expect(percentile(values, 100)).toBe(100);
    expect(percentile(values, 0)).toBe(1);
  });

  it('rejects a percentile outside 0–100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });

  it('gives p50/p95/p99 together, or undefined without samples', () => {
    expect(latencyPercentiles([10, 20, 30, 40])).toEqual({ p50: 20, p95: 40, p99: 40 });
    expect(latencyPercentiles([])).toBeUndefined();
  });
});

describe('linearSlope', () => {
  it('recovers the slope of a line', () => {
    const samples = [0, 1, 2, 3, 4].map((t) => ({ t, value: 7 + 3 * t }));
    expect(linearSlope(samples)).toBeCloseTo(3, 10);
  });

  it('is 0 for fewer than two distinct times', () => {
    expect(linearSlope([{ t: 1, value: 5 }])).toBe(0);
    expect(
      linearSlope([
        { t: 1, value: 5 },
        { t: 1, value: 9 },
      ]),
    ).toBe(0);
  });
});
