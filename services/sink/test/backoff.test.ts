import { describe, expect, it } from 'vitest';
import { mayRetry, parseRetryAfter, retryDelayMs, type RetryPolicy } from '../src/index.js';

const policy: RetryPolicy = {
  initialMs: 1000,
  maxMs: 60_000,
  maxAttempts: 10,
  maxElapsedMs: 900_000,
  retryAfterCapMs: 300_000,
};

describe('retry delays', () => {
  it('are full jitter under an exponential ceiling capped at maxMs', () => {
    expect([1, 2, 3, 7, 8, 30].map((attempt) => retryDelayMs(policy, attempt, 0.999999))).toEqual([
      999, 1999, 3999, 59_999, 59_999, 59_999,
    ]);
    expect(retryDelayMs(policy, 5, 0)).toBe(0);
    expect(retryDelayMs(policy, 5, 0.5)).toBe(8000);
  });

  it('honour Retry-After, capped', () => {
    expect(retryDelayMs(policy, 1, 0.5, 7000)).toBe(7000);
    expect(retryDelayMs(policy, 1, 0.5, 3_600_000)).toBe(300_000);
  });

  it('stop after maxAttempts or maxElapsedMs', () => {
    expect(mayRetry(policy, 9, 0, 1000)).toBe(true);
    expect(mayRetry(policy, 10, 0, 1000)).toBe(false);
    expect(mayRetry(policy, 2, 0, 900_000)).toBe(false);
  });
});

describe('parseRetryAfter', () => {
  it('reads delta-seconds and HTTP dates', () => {
    const now = Date.parse('2024-06-20T06:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter(' 1.5 ', now)).toBe(1500);
    expect(parseRetryAfter('Thu, 20 Jun 2024 06:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Thu, 20 Jun 2024 05:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
  });
});
