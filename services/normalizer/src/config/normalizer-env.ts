import { isSupportedCountry, type CountryCode } from 'libphonenumber-js';
import { z } from 'zod';
import { appRegistryEnvShape, envPositiveInt, envString, serviceEnvSchema } from '@pushstream/runtime';

const DAY_MS = 24 * 60 * 60 * 1000;

/** An ISO 3166-1 alpha-2 region libphonenumber knows (the region of national phone numbers). */
const envRegion = z
  .string()
  .trim()
  .toUpperCase()
  .refine((value): value is CountryCode => isSupportedCountry(value), {
    error: 'expected an ISO 3166-1 alpha-2 region with a phone numbering plan, e.g. NL',
  });

/**
 * The normalizer's environment on top of the runtime's: the app registry (APP_REGISTRY / _FILE), the dedupe
 * window and memory cap, the default phone region, and the transactional consumer's settings.
 */
export const normalizerEnvSchema = serviceEnvSchema({
  ...appRegistryEnvShape,
  /** How long an event id is remembered, in arrival time (raw record timestamps). @default 7 days (RTDS) */
  DEDUPE_WINDOW_MS: envPositiveInt.default(7 * DAY_MS),
  /** Most ids remembered per input partition; the oldest are forgotten first beyond it. @default 5000000 */
  DEDUPE_MAX_IDS_PER_PARTITION: envPositiveInt.default(5_000_000),
  /** Region of phone numbers written without a country code (CM `06…`). @default NL */
  MSISDN_DEFAULT_REGION: envRegion.default('NL' as CountryCode),
  /** Prefix of the per-partition transactional ids. @default the group id followed by a dot */
  NORMALIZER_TRANSACTIONAL_ID_PREFIX: envString.optional(),
  /** Records per transaction at most. @default 1000 */
  NORMALIZER_CHUNK_SIZE: envPositiveInt.default(1000),
  /**
   * Input partitions processed at once (each with its own transactional producer). Every partition of the
   * four raw topics (6 each by default) at once: kafkajs fetches again only when a fetch's batches are all
   * done, so a lower value queues transactions and adds their time to every event's latency. @default 24
   */
  NORMALIZER_CONCURRENCY: envPositiveInt.default(24),
  /**
   * exactly-once (default): transactions, no duplicate even after a crash. at-least-once: the runtime's
   * commit-after-ack loop, faster; a crash can repeat the outputs of the last uncommitted chunk.
   */
  NORMALIZER_DELIVERY: z.enum(['exactly-once', 'at-least-once']).default('exactly-once'),
  /** Consumer session timeout: how soon a dead member's partitions move. @default 30000 */
  NORMALIZER_SESSION_TIMEOUT_MS: envPositiveInt.default(30_000),
  /** Consumer heartbeat interval. @default 3000 */
  NORMALIZER_HEARTBEAT_INTERVAL_MS: envPositiveInt.default(3000),
  /** How long a rebalance waits for members to rejoin. @default 60000 */
  NORMALIZER_REBALANCE_TIMEOUT_MS: envPositiveInt.default(60_000),
});

/** Validated normalizer environment. */
export type NormalizerEnv = z.output<typeof normalizerEnvSchema>;
