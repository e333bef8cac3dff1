/** Why a stream connection ended. */
export type StreamEnding =
  | { readonly kind: 'status'; readonly status: number; readonly retryAfterMs?: number }
  | { readonly kind: 'network'; readonly message: string }
  /** The server closed the stream cleanly. */
  | { readonly kind: 'eof' }
  /** No byte for longer than the silence limit. */
  | { readonly kind: 'stall' }
  /** Too many 307s in a row. */
  | { readonly kind: 'redirect-loop' }
  /** The producer stayed saturated past the silence limit: resume from the checkpoint. */
  | { readonly kind: 'backpressure' };

/** What to do next. */
export type ReconnectDecision =
  | { readonly action: 'fatal'; readonly reason: string }
  | {
      readonly action: 'retry';
      readonly delayMs: number;
      readonly reason: string;
      readonly alert: boolean;
      readonly dropCookie: boolean;
    };

/** Backoff settings (rtds.md B5.7: 500 ms × 2^n ± 50 %, capped at 30 s, never giving up). */
export interface ReconnectSettings {
  readonly initialMs: number;
  readonly maxMs: number;
  /** Retry pace after 401/403/404 (credentials revoked, app without data). */
  readonly slowRetryMs: number;
  /** Floor after 402 (connection limit: the old server-side connection may linger). */
  readonly connectionLimitMs: number;
}

/** Defaults of {@link ReconnectSettings}. */
export const DEFAULT_RECONNECT: ReconnectSettings = {
  initialMs: 500,
  maxMs: 30_000,
  slowRetryMs: 60_000,
  connectionLimitMs: 30_000,
};

/**
 * The per-status reconnect policy of the RTDS consumer: 400 is a fatal configuration error; 401/403
 * alert and retry slowly; 402 backs off at least 30 s; 404 retries slowly; 429 honours Retry-After;
 * 5xx, network errors, EOF, stalls back off exponentially with jitter — forever. `attempt` counts
 * failures since data last flowed (the caller resets it then).
 */
export function decideReconnect(
  ending: StreamEnding,
  attempt: number,
  settings: ReconnectSettings = DEFAULT_RECONNECT,
  random: () => number = Math.random,
): ReconnectDecision {
  const backoff = () =>
    jittered(Math.min(settings.maxMs, settings.initialMs * 2 ** Math.min(attempt, 20)), random);
  const retry = (
    delayMs: number,
    reason: string,
    extra: { alert?: boolean; dropCookie?: boolean } = {},
  ): ReconnectDecision => ({
    action: 'retry',
    delayMs,
    reason,
    alert: extra.alert ?? false,
    dropCookie: extra.dropCookie ?? false,
  });
  switch (ending.kind) {
    case 'eof':
      return retry(backoff(), 'eof');
    case 'stall':
      return retry(backoff(), 'stall', { dropCookie: true });
    case 'network':
      return retry(backoff(), 'network', { dropCookie: true });
    case 'redirect-loop':
      return retry(backoff(), 'redirect_loop', { dropCookie: true });
    case 'backpressure':
      return retry(0, 'backpressure');
    case 'status': {
      const { status } = ending;
      if (status === 400)
        return {
          action: 'fatal',
          reason:
            'HTTP 400: the request is invalid (check filters, subset, start/resume_offset); not retried',
        };
      if (status === 401 || status === 403)
        return retry(settings.slowRetryMs, `http_${status}`, { alert: true, dropCookie: true });
      if (status === 402)
        return retry(Math.max(settings.connectionLimitMs, backoff()), 'http_402', { alert: true });
      if (status === 404) return retry(settings.slowRetryMs, 'http_404', { dropCookie: true });
      if (status === 429) return retry(ending.retryAfterMs ?? backoff(), 'http_429');
      return retry(backoff(), status >= 500 ? 'http_5xx' : `http_${status}`, { dropCookie: true });
    }
  }
}

function jittered(ceiling: number, random: () => number): number {
  // ±50 % around the nominal delay.
  return Math.round(ceiling * (0.5 + random()));
}

/** Retry-After as ms: seconds or an HTTP date; undefined when absent or unreadable. */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined || value.trim() === '') return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
