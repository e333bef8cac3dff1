import { isPushstreamError } from '../errors/pushstream-error.js';

/** Backoff of in-place retries. */
export interface BackoffOptions {
  /** @default 200 */
  readonly initialMs?: number;
  /** @default 10000 */
  readonly maxMs?: number;
}

/** The outcome of a retried step: its value, or `stopped` when the loop was asked to stop first. */
export type RetryOutcome<T> = { readonly ok: true; readonly value: T } | { readonly ok: false };

/**
 * Runs `step` until it succeeds, waiting with full-jitter exponential backoff between tries, as long as
 * `shouldContinue()` holds. Retrying in place (rather than skipping ahead) keeps per-partition order.
 * Errors that say they are not retriable are rethrown at once.
 */
export async function retryInPlace<T>(
  step: () => Promise<T>,
  options: BackoffOptions & {
    shouldContinue: () => boolean;
    onRetry?: (error: unknown, attempt: number, delayMs: number) => void;
    sleep?: (ms: number) => Promise<void>;
    random?: () => number;
  },
): Promise<RetryOutcome<T>> {
  const initialMs = options.initialMs ?? 200;
  const maxMs = options.maxMs ?? 10_000;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  for (let attempt = 1; ; attempt += 1) {
    if (!options.shouldContinue()) return { ok: false };
    try {
      return { ok: true, value: await step() };
    } catch (error) {
      if (isPushstreamError(error) && !error.retriable) throw error;
      const ceiling = Math.min(maxMs, initialMs * 2 ** Math.min(attempt - 1, 20));
      const delayMs = Math.round(ceiling / 2 + (random() * ceiling) / 2);
      options.onRetry?.(error, attempt, delayMs);
      await sleep(delayMs);
    }
  }
}
