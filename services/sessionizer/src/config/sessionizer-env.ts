import { z } from 'zod';
import { envPositiveInt, serviceEnvSchema } from '@pushstream/runtime';
import {
  ADMIN_ERASE_RULE,
  DEFAULT_CORE_CONFIG,
  type ErasureRule,
  type SessionizerCoreConfig,
} from '../core/index.js';

const erasureRuleSchema = z.object({
  sourceType: z.string().min(1),
  kind: z.string().min(1).optional(),
  detail: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
});

/** A JSON list of erasure rules, e.g. `[{"sourceType":"COMPLIANCE","detail":{"body.event_type":"uninstall"}}]`. */
const envErasureRules = z.string().transform((text, ctx): ErasureRule[] => {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a JSON array of erasure rules' });
    return z.NEVER;
  }
  const parsed = z.array(erasureRuleSchema).safeParse(value);
  if (parsed.success) return parsed.data.map((rule) => ({ ...rule }));
  ctx.addIssue({
    code: 'custom',
    message: `expected [{"sourceType": "...", "kind"?: "...", "detail"?: {"path": value}}]: ${parsed.error.issues
      .map((issue) => `${issue.path.join('.')} ${issue.message}`)
      .join('; ')}`,
  });
  return z.NEVER;
});

const defaults = DEFAULT_CORE_CONFIG;

/**
 * The sessionizer's environment on top of the runtime's. Durations are milliseconds.
 */
export const sessionizerEnvSchema = serviceEnvSchema({
  /** Inactivity gap between two sessions. @default 1800000 (30 min) */
  SESSION_GAP_MS: envPositiveInt.default(defaults.sessions.gapMs),
  /** Grace: how far stream time may pass an event before it is too late for sessions. @default 300000 (5 min) */
  SESSION_GRACE_MS: z.coerce.number().int().min(0).default(defaults.sessions.graceMs),
  /** Wall-clock silence after which the sweep closes a device's sessions. @default gap + grace */
  SESSION_SILENCE_CLOSE_MS: envPositiveInt.optional(),
  /** How often the session sweep runs. @default 10000 */
  SESSION_SWEEP_INTERVAL_MS: envPositiveInt.default(10_000),
  /** How often the staleness sweep runs. @default 3600000 (1 h) */
  STALE_SWEEP_INTERVAL_MS: envPositiveInt.default(3_600_000),
  /** No sign of life for this long: soft-stale. @default 30 days */
  SOFT_STALE_MS: envPositiveInt.default(defaults.lifecycle.softStaleMs),
  /** No sign of life for this long: hard-stale. @default 60 days */
  HARD_STALE_MS: envPositiveInt.default(defaults.lifecycle.hardStaleMs),
  /** How late a lifecycle event may arrive and still be ordered exactly. @default 7 days (the RTDS window) */
  REORDER_HORIZON_MS: envPositiveInt.default(defaults.lifecycle.reorderHorizonMs),
  /** Events that erase a device (tombstone). @default [{"sourceType":"pushstream.erase"}] */
  ERASURE_RULES: envErasureRules.default([ADMIN_ERASE_RULE]),
  /** Records per produce + commit step. @default 500 */
  CHUNK_SIZE: envPositiveInt.default(500),
});

/** Validated sessionizer environment. */
export type SessionizerEnv = z.output<typeof sessionizerEnvSchema>;

/** The core settings from the environment. */
export function toCoreConfig(env: SessionizerEnv): SessionizerCoreConfig {
  if (env.HARD_STALE_MS < env.SOFT_STALE_MS) {
    throw new Error('HARD_STALE_MS must not be shorter than SOFT_STALE_MS');
  }
  return {
    lifecycle: {
      reorderHorizonMs: env.REORDER_HORIZON_MS,
      softStaleMs: env.SOFT_STALE_MS,
      hardStaleMs: env.HARD_STALE_MS,
      erasure: env.ERASURE_RULES,
    },
    sessions: {
      gapMs: env.SESSION_GAP_MS,
      graceMs: env.SESSION_GRACE_MS,
      silenceCloseMs: env.SESSION_SILENCE_CLOSE_MS ?? env.SESSION_GAP_MS + env.SESSION_GRACE_MS,
      clockRecordEveryMs: defaults.sessions.clockRecordEveryMs,
    },
  };
}
