import { TokenBucket } from '../core/token-bucket.js';
import { abortableSleep } from './abortable-sleep.js';

/** The per-target request limiter of this process: a token bucket, waits counted. */
export class RateLimiter {
  private readonly bucket: TokenBucket;

  constructor(
    ratePerSecond: number,
    burst: number,
    private readonly onWait: (seconds: number) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.bucket = new TokenBucket(ratePerSecond, burst, now());
  }

  /** Resolves when the caller may send one request. */
  async acquire(signal: AbortSignal): Promise<void> {
    const waitMs = this.bucket.reserve(this.now());
    if (waitMs <= 0) return;
    this.onWait(waitMs / 1000);
    await abortableSleep(waitMs, signal);
  }
}
