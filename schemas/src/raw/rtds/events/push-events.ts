import { z } from 'zod';
import { lenientBoolean, lenientNumber, lenientString, nonEmptyString, openEnum } from '../../scalars.js';
import { RtdsCampaignsSchema } from '../associated-push.js';
import { RtdsChannelDeviceSchema, RtdsDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema, RtdsOffsetOnlyEnvelopeSchema } from '../envelope.js';

const pushRefShape = {
  push_id: nonEmptyString,
  group_id: z.string().optional(),
  campaigns: RtdsCampaignsSchema.optional(),
};

/** SEND: a push was sent to the device. */
export const SendEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('SEND'),
  device: RtdsDeviceSchema,
  body: z.looseObject({
    ...pushRefShape,
    variant_id: lenientNumber.optional(),
    alerting: lenientBoolean.optional(),
    click_tracking: lenientBoolean.optional(),
    open_tracking: lenientBoolean.optional(),
    experiment_id: z.string().optional(),
    context: z
      .looseObject({
        triggered_by: openEnum(['custom_event']),
        event_uuid: nonEmptyString,
        interaction_id: z.string().optional(),
        transaction: z.string().optional(),
      })
      .optional(),
  }),
  experiments: z
    .looseObject({
      experiment_id: z.string().optional(),
      type: openEnum(['EXP_GROUP', 'GLOBAL']).optional(),
      variant_id: lenientString.optional(),
    })
    .optional(),
});

/** SEND_ABORTED: the push was dropped before delivery (feed error, message limit, Ban List). */
export const SendAbortedEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('SEND_ABORTED'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    ...pushRefShape,
    reason: openEnum([
      'FEED_BANNED_RESPONSE',
      'FEED_REQUEST_REJECTED',
      'FEED_RESOLVE_FAILURE',
      'FREQUENCY_LIMIT_FAILURE',
      'FREQUENCY_LIMIT_REACHED',
      'UNKNOWN',
    ]),
  }),
});

/** SEND_REJECTED: APNs/FCM refused the push, typically an uninstall or an invalidated token. */
export const SendRejectedEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('SEND_REJECTED'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    ...pushRefShape,
    variant_id: lenientNumber.optional(),
    status: openEnum([
      'BadDeviceToken',
      'Unauthorized',
      'InvalidPackageName',
      'InvalidParameters',
      'Unavailable',
      'MessageTooBig',
      'InvalidTtl',
      'InvalidDataKey',
      'MissingRegistration',
      'Uninstalled',
    ]).optional(),
  }),
});

/** CONTROL: the device was withheld from a push as a control-group member. */
export const ControlEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('CONTROL'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    push_id: z.string().optional(),
    group_id: z.string().optional(),
    campaigns: RtdsCampaignsSchema.optional(),
    experiment_id: z.string().optional(),
  }),
  experiment_id: z.string().optional(),
});

/** PUSH_BODY: a push, automation or sequence was initiated; no device. The spec requires only `offset`. */
export const PushBodyEventSchema = RtdsOffsetOnlyEnvelopeSchema.extend({
  type: z.literal('PUSH_BODY'),
  body: z
    .looseObject({
      payload: z.string(),
      resource: openEnum(['PIPELINES', 'SCHEDULES', 'PUSH', 'EXPERIMENTS', 'IN_APP_AUTOMATION']),
      trimmed: lenientBoolean,
      push_id: z.string().optional(),
      group_id: z.string().optional(),
      campaigns: RtdsCampaignsSchema.optional(),
    })
    .optional(),
});

/** SEND event. */
export type SendEvent = z.infer<typeof SendEventSchema>;
/** SEND_ABORTED event. */
export type SendAbortedEvent = z.infer<typeof SendAbortedEventSchema>;
/** SEND_REJECTED event. */
export type SendRejectedEvent = z.infer<typeof SendRejectedEventSchema>;
/** CONTROL event. */
export type ControlEvent = z.infer<typeof ControlEventSchema>;
/** PUSH_BODY event. */
export type PushBodyEvent = z.infer<typeof PushBodyEventSchema>;
