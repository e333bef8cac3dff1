import { z } from 'zod';
import { envPositiveInt, envString, envUrl, serviceEnvSchema } from '@pushstream/runtime';
import { webhookEnvShape } from '../webhooks/webhook-config.js';

/** A JSON array in an environment variable (RTDS filter objects). */
const envJsonArray = z.string().transform((text, ctx) => {
  try {
    const value: unknown = JSON.parse(text);
    if (Array.isArray(value) && value.length > 0) return value as unknown[];
    ctx.addIssue({ code: 'custom', message: 'expected a non-empty JSON array of filter objects' });
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a JSON array of filter objects' });
  }
  return z.NEVER;
});

/**
 * The connector's environment on top of the runtime's: the webhook server's variables (WEBHOOK_*), and one
 * Airship app per connector deployment — its event stream (Bearer token) and, when the master secret is
 * given, its compliance stream (Basic).
 */
export const connectorEnvSchema = serviceEnvSchema({
  ...webhookEnvShape,
  /** RTDS base URL: https://connect.urbanairship.com (US), https://connect.asnapieu.com (EU), or any. */
  RTDS_BASE_URL: envUrl.default('https://connect.urbanairship.com'),
  /** Airship app key; unset = no RTDS stream (webhooks only). */
  RTDS_APP_KEY: envString.optional(),
  /** Bearer token of the event stream (/api/events). */
  RTDS_TOKEN: envString.optional(),
  /** Master secret: enables the compliance stream (/api/events/general, Basic app key:secret). */
  RTDS_MASTER_SECRET: envString.optional(),
  /** Where a stream without a checkpoint starts. @default EARLIEST (the whole 7-day window; the normalizer dedupes) */
  RTDS_START: z.enum(['EARLIEST', 'LATEST']).default('EARLIEST'),
  /** JSON array of RTDS filter objects, passed through. */
  RTDS_FILTERS: envJsonArray.optional(),
  /** PARTITION subset: how many connector replicas share the stream. */
  RTDS_PARTITIONS: envPositiveInt.optional(),
  /** This replica's partition (0-based); default: the StatefulSet ordinal at the end of HOSTNAME. */
  RTDS_PARTITION_INDEX: z.coerce.number().int().min(0).optional(),
  /** Silence after which a stream is abandoned and resumed, ms. @default 90000 */
  RTDS_SILENCE_MS: envPositiveInt.default(90_000),
  /** Connector instance in lineage headers. @default HOSTNAME */
  CONNECTOR_INSTANCE: envString.optional(),
  HOSTNAME: z.string().optional(),
});

/** Validated connector environment. */
export type ConnectorEnv = z.output<typeof connectorEnvSchema>;
