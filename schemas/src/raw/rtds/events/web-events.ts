import { z } from 'zod';
import { RtdsAssociatedPushSchema } from '../associated-push.js';
import { RtdsChannelDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema } from '../envelope.js';

/** WEB_CLICK: a web notification was clicked; the body is the associated push. */
export const WebClickEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('WEB_CLICK'),
  device: RtdsChannelDeviceSchema,
  body: RtdsAssociatedPushSchema,
});

/** WEB_SESSION: an opted-in user began interacting with a website. */
export const WebSessionEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('WEB_SESSION'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    session_id: z.string().optional(),
    last_delivered: RtdsAssociatedPushSchema.optional(),
    triggering_push: RtdsAssociatedPushSchema.optional(),
  }),
});

/** WEB_CLICK event. */
export type WebClickEvent = z.infer<typeof WebClickEventSchema>;
/** WEB_SESSION event. */
export type WebSessionEvent = z.infer<typeof WebSessionEventSchema>;
