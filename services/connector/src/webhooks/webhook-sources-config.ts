import { z } from 'zod';
import { formatPath } from '@pushstream/schemas';
import type { WebhookAuth } from '../core/webhook-auth.js';
import {
  WEBHOOK_SOURCE_ID_PATTERN,
  WEBHOOK_SOURCE_KINDS,
  type WebhookSourceKind,
} from '../core/webhook-route.js';

/** One configured webhook source: its route id, credentials and optional body limit. */
export interface WebhookSourceConfig {
  readonly source: WebhookSourceKind;
  /** CM app key or track source id: the last path segment and the `<app>` of device keys. */
  readonly id: string;
  /** Accepted credentials; several allow rotating a secret. */
  readonly auth: readonly WebhookAuth[];
  /** Overrides WEBHOOK_MAX_BODY_BYTES for this source. */
  readonly maxBodyBytes?: number;
}

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

const authSchema = z.discriminatedUnion('mode', [
  z.strictObject({ mode: z.literal('none') }),
  z.strictObject({
    mode: z.literal('basic'),
    username: z.string().min(1, 'must not be empty'),
    // Segment's Basic auth is the write key with an empty password.
    password: z.string(),
  }),
  z.strictObject({ mode: z.literal('bearer'), token: z.string().min(1, 'must not be empty') }),
  z.strictObject({
    mode: z.literal('hmac-sha256'),
    secret: z.string().min(1, 'must not be empty'),
    header: z
      .string()
      .regex(HEADER_NAME, 'expected an HTTP header name')
      .default('x-signature')
      .transform((name) => name.toLowerCase()),
    encoding: z.enum(['hex', 'base64']).default('hex'),
    prefix: z.string().default(''),
  }),
]);

const authListSchema = z.array(authSchema).min(1, 'expected at least one credential');

/** One credential or a list; errors keep the path of the form that was written. */
const authOrListSchema = z.unknown().transform((value, ctx): WebhookAuth[] => {
  const result = Array.isArray(value) ? authListSchema.safeParse(value) : authSchema.safeParse(value);
  if (result.success) return Array.isArray(result.data) ? result.data : [result.data];
  for (const issue of result.error.issues) ctx.addIssue({ ...issue });
  return z.NEVER;
});

const sourceSchema = z.strictObject({
  source: z.enum(WEBHOOK_SOURCE_KINDS),
  id: z.string().regex(WEBHOOK_SOURCE_ID_PATTERN, 'expected 1-128 letters, digits, ".", "_" or "-"'),
  auth: authOrListSchema,
  maxBodyBytes: z.number().int().positive().optional(),
});

const sourcesSchema = z.array(sourceSchema).superRefine((sources, ctx) => {
  const seen = new Set<string>();
  for (const [index, source] of sources.entries()) {
    const route = `${source.source}/${source.id}`;
    if (seen.has(route))
      ctx.addIssue({ code: 'custom', path: [index, 'id'], message: `duplicate route ${route}` });
    seen.add(route);
    if (source.auth.length > 1 && source.auth.some((auth) => auth.mode === 'none')) {
      ctx.addIssue({
        code: 'custom',
        path: [index, 'auth'],
        message: 'mode "none" accepts everything, so it cannot be combined with credentials',
      });
    }
  }
});

/**
 * WEBHOOK_SOURCES: a JSON array of sources, e.g.
 * `[{"source":"cm","id":"<appKey>","auth":{"mode":"basic","username":"cm","password":"…"}},
 *   {"source":"track","id":"<writeKey>","auth":{"mode":"hmac-sha256","secret":"…","header":"x-signature"}}]`.
 * Each problem is reported with its place in the JSON (`[1].auth.secret: …`) and never with a value.
 */
export const webhookSourcesEnv = z.string().transform((text, ctx): WebhookSourceConfig[] => {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    ctx.addIssue({ code: 'custom', message: 'expected a JSON array of webhook sources' });
    return z.NEVER;
  }
  const result = sourcesSchema.safeParse(json);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    ctx.addIssue({ code: 'custom', message: `${formatPath(issue.path) || '(root)'}: ${issue.message}` });
  }
  return z.NEVER;
});
