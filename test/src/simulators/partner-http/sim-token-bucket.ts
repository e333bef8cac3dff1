/**
 * The partner side's rate limit: a token bucket of `ratePerSecond` holding at most `burst` tokens. A
 * request that finds it empty is refused (429) and counted; nothing is queued.
 */
export class SimTokenBucket {
  private tokens: number;
  private lastMs: number;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    nowMs: number,
  ) {
    this.tokens = burst;
    this.lastMs = nowMs;
  }

  /** Takes a token if there is one. */
  tryTake(nowMs: number): boolean {
    if (this.ratePerSecond === Number.POSITIVE_INFINITY) return true;
    if (nowMs > this.lastMs) {
      this.tokens = Math.min(this.burst, this.tokens + ((nowMs - this.lastMs) * this.ratePerSecond) / 1000);
      this.lastMs = nowMs;
    }
    // A little slack for timer granularity: a request a fraction of a token early is not a violation.
    if (this.tokens < 1 - 1e-6) return false;
    this.tokens -= 1;
    return true;
  }
}

/** Counts requests per wall-clock second window and keeps the busiest one. */
export class PeakRate {
  private windowStart = 0;
  private inWindow = 0;
  private peak = 0;

  record(nowMs: number): void {
    if (nowMs - this.windowStart >= 1000) {
      this.windowStart = nowMs;
      this.inWindow = 0;
    }
    this.inWindow += 1;
    this.peak = Math.max(this.peak, this.inWindow);
  }

  /** The most requests seen in one window. */
  get max(): number {
    return this.peak;
  }
}
