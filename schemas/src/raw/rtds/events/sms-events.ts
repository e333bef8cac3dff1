import { z } from 'zod';
import { lenientString, nonEmptyString, openEnum } from '../../scalars.js';
import { RtdsCampaignsSchema } from '../associated-push.js';
import { RtdsMessagingDeviceSchema, RtdsShortLinkDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema } from '../envelope.js';

/** The `{ msisdn, sender }` identifiers of SMS events; both may arrive as JSON numbers. */
export const RtdsSmsIdentifiersSchema = z.looseObject({ msisdn: lenientString, sender: lenientString });

/** The body of a MOBILE_ORIGINATED event (the spec's "Mobile-originated SMS event"). */
export const MobileOriginatedBodySchema = z.looseObject({
  event_type: openEnum(['mobile_originated_sms']),
  identifiers: RtdsSmsIdentifiersSchema,
  properties: z.looseObject({
    inbound_message: z.string(),
    keyword: z.string().optional(),
    outbound_message: z.string().optional(),
  }),
});

/** MOBILE_ORIGINATED: the user sent a message (inbound SMS). */
export const MobileOriginatedEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('MOBILE_ORIGINATED'),
  device: RtdsMessagingDeviceSchema,
  body: MobileOriginatedBodySchema,
});

/** SHORT_LINK_CLICK: an Airship-shortened link in an SMS/MMS was clicked. */
export const ShortLinkClickEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('SHORT_LINK_CLICK'),
  device: RtdsShortLinkDeviceSchema,
  body: z.looseObject({
    push_id: nonEmptyString,
    group_id: z.string().optional(),
    campaigns: RtdsCampaignsSchema.optional(),
    properties: z.looseObject({ original_url: z.string() }),
  }),
});

/** MOBILE_ORIGINATED event. */
export type MobileOriginatedEvent = z.infer<typeof MobileOriginatedEventSchema>;
/** SHORT_LINK_CLICK event. */
export type ShortLinkClickEvent = z.infer<typeof ShortLinkClickEventSchema>;
