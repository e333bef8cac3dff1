import type { SinkTarget } from '@pushstream/schemas';
import { consumerGroupOf } from '@pushstream/runtime';
import type { RetryPolicy } from '../core/backoff.js';
import type { SinkEnv } from './sink-env.js';

/** What the sink's shell runs with (built from the environment, or directly by tests). */
export interface SinkSettings {
  readonly target: SinkTarget;
  readonly groupId: string;
  /** Requests per second; Infinity = unlimited. */
  readonly rateLimit: number;
  readonly rateBurst: number;
  readonly concurrency: number;
  readonly partitionsConcurrently: number;
  readonly httpConnections: number;
  readonly requestTimeoutMs: number;
  readonly retry: RetryPolicy;
  readonly authRetryMs: number;
  readonly notFoundRetries: number;
  readonly notFoundRetryMs: number;
  readonly dryRun: boolean;
  readonly intileryBatchMaxItems: number;
  readonly intileryBatchLingerMs: number;
  readonly intileryResendAfterMs: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Settings of one target from the validated environment. */
export function sinkSettings(env: SinkEnv, target: SinkTarget): SinkSettings {
  const rate = target === 'infobip' ? env.INFOBIP_RATE_LIMIT : env.INTILERY_RATE_LIMIT;
  const burst = target === 'infobip' ? env.INFOBIP_RATE_BURST : env.INTILERY_RATE_BURST;
  const rateLimit = rate === 0 ? Number.POSITIVE_INFINITY : rate;
  return {
    target,
    groupId: `${consumerGroupOf(env)}.${target}`,
    rateLimit,
    rateBurst: burst ?? defaultBurst(rateLimit),
    concurrency: env.SINK_CONCURRENCY,
    partitionsConcurrently: env.SINK_PARTITIONS_CONCURRENTLY,
    httpConnections: env.SINK_HTTP_CONNECTIONS,
    requestTimeoutMs: env.SINK_REQUEST_TIMEOUT_MS,
    retry: {
      initialMs: env.SINK_RETRY_INITIAL_MS,
      maxMs: env.SINK_RETRY_MAX_MS,
      maxAttempts: env.SINK_RETRY_MAX_ATTEMPTS,
      maxElapsedMs: env.SINK_RETRY_MAX_ELAPSED_MS,
      retryAfterCapMs: env.SINK_RETRY_AFTER_CAP_MS,
    },
    authRetryMs: env.SINK_AUTH_RETRY_MS,
    notFoundRetries: env.INFOBIP_NOT_FOUND_RETRIES,
    notFoundRetryMs: env.INFOBIP_NOT_FOUND_RETRY_MS,
    dryRun: env.SINK_DRY_RUN,
    intileryBatchMaxItems: env.INTILERY_BATCH_MAX_ITEMS,
    intileryBatchLingerMs: env.INTILERY_BATCH_LINGER_MS,
    intileryResendAfterMs: env.INTILERY_RESEND_AFTER_DAYS * DAY_MS,
  };
}

/**
 * A tenth of a second's worth of requests (at least 1): small enough that a burst plus network jitter
 * stays inside a partner bucket of a full second at a slightly higher rate.
 */
export function defaultBurst(rateLimit: number): number {
  return Number.isFinite(rateLimit) ? Math.max(1, Math.ceil(rateLimit / 10)) : 1;
}
