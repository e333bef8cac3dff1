/**
 * A token bucket that hands out reservations (GCRA, the "virtual scheduling" form): each call takes one
 * token and says how long the caller must wait before using it, so callers are served in call order at
 * `ratePerSecond` after an initial `burst`. Reservations are kept on exact times, so rounding a wait up
 * to whole milliseconds never lends tokens to later calls. Time is passed in; a rate of Infinity never waits.
 */
export class TokenBucket {
  /** Theoretical arrival time of the next request, ms. */
  private tat: number;
  private readonly intervalMs: number;
  private readonly toleranceMs: number;

  constructor(
    readonly ratePerSecond: number,
    readonly burst: number,
    nowMs: number,
  ) {
    if (!(ratePerSecond > 0)) throw new RangeError('ratePerSecond must be greater than 0');
    if (!(burst >= 1)) throw new RangeError('burst must be at least 1');
    this.intervalMs = 1000 / ratePerSecond;
    this.toleranceMs = (burst - 1) * this.intervalMs;
    this.tat = nowMs;
  }

  /** Reserves one token at `nowMs`; returns the milliseconds to wait before it may be used (0 = now). */
  reserve(nowMs: number): number {
    if (this.ratePerSecond === Number.POSITIVE_INFINITY) return 0;
    const tat = Math.max(this.tat, nowMs);
    const allowedAt = tat - this.toleranceMs;
    this.tat = tat + this.intervalMs;
    return allowedAt <= nowMs ? 0 : Math.ceil(allowedAt - nowMs);
  }
}
