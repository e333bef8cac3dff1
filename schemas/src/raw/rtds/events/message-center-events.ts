import { z } from 'zod';
import { RtdsCampaignsSchema } from '../associated-push.js';
import { RtdsChannelDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema } from '../envelope.js';

const richBody = z.looseObject({
  push_id: z.string().optional(),
  group_id: z.string().optional(),
  campaigns: RtdsCampaignsSchema.optional(),
  time: z.string().optional(),
});

/** RICH_CONTROL: a Message Center message withheld (control group). */
export const RichControlEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('RICH_CONTROL'),
  device: RtdsChannelDeviceSchema,
  body: richBody,
  experiment_id: z.string().optional(),
});

/** RICH_DELETE: a Message Center message was deleted. */
export const RichDeleteEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('RICH_DELETE'),
  device: RtdsChannelDeviceSchema,
  body: richBody,
});

/** RICH_DELIVERY: a Message Center message reached the inbox. */
export const RichDeliveryEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('RICH_DELIVERY'),
  device: RtdsChannelDeviceSchema,
  body: richBody,
});

/** RICH_READ: a Message Center message was read. */
export const RichReadEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('RICH_READ'),
  device: RtdsChannelDeviceSchema,
  body: richBody,
});

/** RICH_CONTROL event. */
export type RichControlEvent = z.infer<typeof RichControlEventSchema>;
/** RICH_DELETE event. */
export type RichDeleteEvent = z.infer<typeof RichDeleteEventSchema>;
/** RICH_DELIVERY event. */
export type RichDeliveryEvent = z.infer<typeof RichDeliveryEventSchema>;
/** RICH_READ event. */
export type RichReadEvent = z.infer<typeof RichReadEventSchema>;
