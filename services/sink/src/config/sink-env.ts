import { z } from 'zod';
import {
  appRegistryEnvShape,
  envBoolean,
  envPositiveInt,
  envString,
  serviceEnvSchema,
} from '@pushstream/runtime';
import { SINK_TARGETS } from '@pushstream/schemas';

/** A comma-separated list of sink targets. */
const envTargets = z
  .string()
  .transform((text) => [
    ...new Set(
      text
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part !== ''),
    ),
  ])
  .pipe(z.array(z.enum(SINK_TARGETS)).min(1, 'expected at least one of infobip, intilery'));

/**
 * The sink's environment on top of the runtime's. Each target runs its own consumer group (so one
 * partner's outage never holds back the other); deploy one process per target to scale them apart.
 */
export const sinkEnvSchema = serviceEnvSchema({
  ...appRegistryEnvShape,
  /** The partners this process keeps in sync. @default infobip,intilery */
  SINK_TARGETS: envTargets.default([...SINK_TARGETS]),
  /** Inline partner accounts per app (JSON, see README); SINK_PARTNERS_FILE wins. */
  SINK_PARTNERS: z.string().optional(),
  /** File of partner accounts; re-read on SIGHUP and before each probe while credentials are rejected. */
  SINK_PARTNERS_FILE: envString.optional(),
  /** Infobip requests per second from this process; 0 = unlimited. @default 40 */
  INFOBIP_RATE_LIMIT: z.coerce.number({ error: 'expected a number' }).nonnegative().default(40),
  /** Infobip token-bucket burst. @default a tenth of the rate, at least 1 */
  INFOBIP_RATE_BURST: envPositiveInt.optional(),
  /** Intilery requests per second from this process; 0 = unlimited. @default 100 */
  INTILERY_RATE_LIMIT: z.coerce.number({ error: 'expected a number' }).nonnegative().default(100),
  /** Intilery token-bucket burst. @default a tenth of the rate, at least 1 */
  INTILERY_RATE_BURST: envPositiveInt.optional(),
  /** Devices synced at once per partition (one request in flight per device). @default 32 */
  SINK_CONCURRENCY: envPositiveInt.default(32),
  /** Partitions processed at once. @default 6 */
  SINK_PARTITIONS_CONCURRENTLY: envPositiveInt.default(6),
  /** HTTP keep-alive connections to the partner. @default 64 */
  SINK_HTTP_CONNECTIONS: envPositiveInt.default(64),
  /** Request timeout (headers and body), ms. @default 10000 */
  SINK_REQUEST_TIMEOUT_MS: envPositiveInt.default(10_000),
  /** First backoff ceiling, ms. @default 1000 */
  SINK_RETRY_INITIAL_MS: envPositiveInt.default(1000),
  /** Largest backoff ceiling, ms. @default 60000 */
  SINK_RETRY_MAX_MS: envPositiveInt.default(60_000),
  /** Tries per call before dead-lettering (retryable). @default 10 */
  SINK_RETRY_MAX_ATTEMPTS: envPositiveInt.default(10),
  /** Time per call before dead-lettering, ms. @default 900000 (15 min) */
  SINK_RETRY_MAX_ELAPSED_MS: envPositiveInt.default(900_000),
  /** Longest Retry-After honoured, ms. @default 300000 */
  SINK_RETRY_AFTER_CAP_MS: envPositiveInt.default(300_000),
  /** Wait between probes while credentials are rejected (consumption paused), ms. @default 30000 */
  SINK_AUTH_RETRY_MS: envPositiveInt.default(30_000),
  /** Infobip: retries of a "registration not found" (SDK sync lag) before dead-lettering. @default 3 */
  INFOBIP_NOT_FOUND_RETRIES: z.coerce.number().int().nonnegative().default(3),
  /** Infobip: wait between those retries, ms. @default 60000 */
  INFOBIP_NOT_FOUND_RETRY_MS: envPositiveInt.default(60_000),
  /** Log the calls instead of sending them; nothing is acknowledged; apps without an account get a placeholder. @default false */
  SINK_DRY_RUN: envBoolean.default(false),
  /** Intilery: items per batch request. @default 200 */
  INTILERY_BATCH_MAX_ITEMS: envPositiveInt.default(200),
  /** Intilery: how long pending items wait for company before a batch is sent, ms. @default 50 */
  INTILERY_BATCH_LINGER_MS: z.coerce.number().int().nonnegative().default(50),
  /** Intilery: re-send a registration this many days after it was last sent, if the device is active. @default 30 */
  INTILERY_RESEND_AFTER_DAYS: z.coerce.number().int().min(1).max(59).default(30),
});

/** Validated sink environment. */
export type SinkEnv = z.output<typeof sinkEnvSchema>;
