/** How partner calls are retried in place. */
export interface RetryPolicy {
  /** First backoff ceiling, ms. */
  readonly initialMs: number;
  /** Largest backoff ceiling, ms. */
  readonly maxMs: number;
  /** Tries in all (the first one included) before giving up. */
  readonly maxAttempts: number;
  /** Time since the first try after which no new try starts, ms. */
  readonly maxElapsedMs: number;
  /** Longest `Retry-After` honoured, ms (a partner asking for more gets this). */
  readonly retryAfterCapMs: number;
}

/**
 * The wait before retry number `attempt` (1 = the first retry): `Retry-After` when the partner sent one,
 * else full jitter over an exponential ceiling (initialMs · 2^(attempt−1), at most maxMs).
 */
export function retryDelayMs(
  policy: RetryPolicy,
  attempt: number,
  random: number,
  retryAfterMs?: number,
): number {
  if (retryAfterMs !== undefined) return Math.min(Math.max(0, retryAfterMs), policy.retryAfterCapMs);
  const ceiling = Math.min(policy.maxMs, policy.initialMs * 2 ** Math.min(Math.max(0, attempt - 1), 30));
  return Math.floor(random * ceiling);
}

/** Whether another try may start after `attempts` tries that began at `firstAtMs`. */
export function mayRetry(policy: RetryPolicy, attempts: number, firstAtMs: number, nowMs: number): boolean {
  return attempts < policy.maxAttempts && nowMs - firstAtMs < policy.maxElapsedMs;
}

/**
 * `Retry-After` in ms: delta-seconds or an HTTP date (relative to `nowMs`); undefined when absent or
 * unreadable.
 */
export function parseRetryAfter(value: string | undefined, nowMs: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) return Math.round(Number(text) * 1000);
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - nowMs);
}
