import { z } from 'zod';
import { lenientBoolean, lenientNumber, lenientString, nonEmptyString, openEnum } from '../../scalars.js';
import { RtdsChannelDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema } from '../envelope.js';

/** LOCATION: the device reported a latitude/longitude (strings in the spec). */
export const LocationEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('LOCATION'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    latitude: lenientString,
    longitude: lenientString,
    foreground: lenientBoolean,
    session_id: z.string().optional(),
  }),
});

/** REGION: the device entered or left a geofence or beacon region (Gimbal). */
export const RegionEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('REGION'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    action: openEnum(['enter', 'exit']),
    region_id: nonEmptyString,
    source_info: z.looseObject({ source: z.string().optional(), region_id: z.string().optional() }),
    name: z.string().optional(),
    session_id: z.string().optional(),
  }),
});

/** SCREEN_VIEWED: the user finished viewing a screen. */
export const ScreenViewedEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('SCREEN_VIEWED'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    viewed_screen: z.string().optional(),
    previous_screen: z.string().optional(),
    duration: lenientNumber.optional(),
    session_id: z.string().optional(),
  }),
});

/** FEATURE_FLAG_INTERACTION: the user interacted with a tracked flagged feature. */
export const FeatureFlagInteractionEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('FEATURE_FLAG_INTERACTION'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    flag_id: nonEmptyString,
    flag_name: nonEmptyString,
    eligible: lenientBoolean,
    variant_id: lenientString.optional(),
  }),
});

/** LOCATION event. */
export type LocationEvent = z.infer<typeof LocationEventSchema>;
/** REGION event. */
export type RegionEvent = z.infer<typeof RegionEventSchema>;
/** SCREEN_VIEWED event. */
export type ScreenViewedEvent = z.infer<typeof ScreenViewedEventSchema>;
/** FEATURE_FLAG_INTERACTION event. */
export type FeatureFlagInteractionEvent = z.infer<typeof FeatureFlagInteractionEventSchema>;
