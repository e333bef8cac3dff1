import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TokenBucket } from '../src/index.js';

describe('TokenBucket', () => {
  it('serves the burst at once, then one token per 1/rate seconds in call order', () => {
    const bucket = new TokenBucket(10, 3, 0);
    expect([0, 0, 0, 0, 0].map(() => bucket.reserve(0))).toEqual([0, 0, 0, 100, 200]);
    expect(bucket.reserve(250)).toBe(50);
    expect(bucket.reserve(2000)).toBe(0);
    expect([2000, 2000, 2000].map((now) => bucket.reserve(now))).toEqual([0, 0, 100]);
  });

  it('never grants more than burst + rate·(T + 1 ms) requests in any window T (property)', () => {
    // Waits are whole milliseconds: a grant may come up to 1 ms closer to the next one than 1/rate.
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 50 }),
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 1, maxLength: 300 }),
        (rate, burst, gaps) => {
          const bucket = new TokenBucket(rate, burst, 0);
          let now = 0;
          const granted: number[] = [];
          for (const gap of gaps) {
            now += gap;
            granted.push(now + bucket.reserve(now));
          }
          granted.sort((a, b) => a - b);
          for (let i = 0; i < granted.length; i++) {
            for (let j = i; j < granted.length; j++) {
              const windowMs = (granted[j] ?? 0) - (granted[i] ?? 0);
              expect(j - i + 1).toBeLessThanOrEqual(burst + (rate * (windowMs + 1)) / 1000 + 1e-9);
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('is unlimited at an infinite rate and refuses nonsense settings', () => {
    const bucket = new TokenBucket(Number.POSITIVE_INFINITY, 1, 0);
    expect(Array.from({ length: 1000 }, () => bucket.reserve(0)).every((wait) => wait === 0)).toBe(true);
    expect(() => new TokenBucket(0, 1, 0)).toThrow(RangeError);
    expect(() => new TokenBucket(5, 0, 0)).toThrow(RangeError);
  });
});
