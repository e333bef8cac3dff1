import { z } from 'zod';
import { nonEmptyString, openEnum } from '../../scalars.js';
import { RtdsAssociatedPushSchema, RtdsCampaignsSchema } from '../associated-push.js';
import { RtdsCustomDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema } from '../envelope.js';

/** `name` of the Airship-defined custom email events (SparkPost), emitted with `source: API` on EMAIL devices. */
export const RTDS_CUSTOM_EMAIL_EVENT_NAMES = [
  'bounce',
  'click',
  'delay',
  'delivery',
  'initial_open',
  'injection',
  'open',
  'unsubscribe',
] as const;

const EMAIL_NAMES: ReadonlySet<string> = new Set(RTDS_CUSTOM_EMAIL_EVENT_NAMES);
const SMS_REPORT_REQUIRED_PROPERTIES = ['sender', 'vendor', 'vendorDeliveryId'] as const;
const eventSource = openEnum(['SDK', 'API']);

/**
 * A custom event `value`: "a representation of money" that can exceed what a JS number holds exactly, so
 * any number is accepted (even one JSON.parse turned into Infinity) and a string is kept as sent.
 */
const customValue = z.union([z.custom<number>((value) => typeof value === 'number'), z.string()], {
  error: 'expected number or string',
});

/**
 * The CUSTOM body. `properties` is the user's own map (≤100 pairs) and stays untyped: coercing a value there
 * (`is_mobile: "true"`, `sender: 15551234567` in Airship's own events) could rewrite user data.
 */
export const CustomBodySchema = z.looseObject({
  name: nonEmptyString,
  source: eventSource.optional(),
  value: customValue.optional(),
  properties: z.record(z.string(), z.unknown()).optional(),
  interaction_type: z.string().optional(),
  interaction_id: z.string().optional(),
  customer_id: z.string().optional(),
  transaction: z.string().optional(),
  session_id: z.string().optional(),
  triggering_push: RtdsAssociatedPushSchema.optional(),
  last_delivered: RtdsAssociatedPushSchema.optional(),
  campaigns: RtdsCampaignsSchema.optional(),
});

/**
 * CUSTOM: a custom event from the SDK or the Custom Events API, or an Airship-defined email/SMS event. The spec's
 * example puts `source` and `session_id` next to `body` instead of inside it, so `source` may be in either place.
 */
export const CustomEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('CUSTOM'),
  device: RtdsCustomDeviceSchema,
  body: CustomBodySchema,
  source: eventSource.optional(),
  session_id: z.string().optional(),
}).superRefine((event, ctx) => {
  if (event.body.source === undefined && event.source === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['body', 'source'],
      message: 'required field missing (expected string, in body or at the top level)',
    });
  }
  if (event.body.interaction_type === 'delivery_report') checkSmsReport(event, ctx);
  else if (isAirshipEmailEvent(event)) checkEmailEvent(event, ctx);
});

function isAirshipEmailEvent(event: CustomEvent): boolean {
  const source = event.body.source ?? event.source;
  return (
    event.device.device_type === 'EMAIL' &&
    source?.toUpperCase() === 'API' &&
    EMAIL_NAMES.has(event.body.name)
  );
}

function checkSmsReport(event: CustomEvent, ctx: z.RefinementCtx): void {
  requireDeliveryAddress(event, ctx);
  const properties = event.body.properties;
  if (properties === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['body', 'properties'],
      message: 'required field missing (expected object)',
    });
    return;
  }
  for (const key of SMS_REPORT_REQUIRED_PROPERTIES) {
    if (properties[key] === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['body', 'properties', key],
        message: 'required field missing (expected string)',
      });
    }
  }
}

function checkEmailEvent(event: CustomEvent, ctx: z.RefinementCtx): void {
  requireDeliveryAddress(event, ctx);
  if (event.body.properties === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['body', 'properties'],
      message: 'required field missing (expected object)',
    });
  }
  if (event.body.triggering_push === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['body', 'triggering_push'],
      message: 'required field missing (expected object)',
    });
  }
}

function requireDeliveryAddress(event: CustomEvent, ctx: z.RefinementCtx): void {
  if (event.device.delivery_address === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['device', 'delivery_address'],
      message: 'required field missing (expected string)',
    });
  }
}

/** CUSTOM event. */
export type CustomEvent = z.infer<typeof CustomEventSchema>;
