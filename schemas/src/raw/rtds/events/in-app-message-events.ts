import { z } from 'zod';
import { lenientNumber, openEnum } from '../../scalars.js';
import { RtdsAssociatedPushSchema } from '../associated-push.js';
import { RtdsChannelDeviceSchema, RtdsDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema } from '../envelope.js';
import { inAppBodyShape } from '../in-app-body.js';

/** IN_APP_BUTTON_TAP: a button in a Scene was tapped. */
export const InAppButtonTapEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_BUTTON_TAP'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({ ...inAppBodyShape, button_id: z.string().optional() }),
});

/** IN_APP_EXPERIENCES: a Scene or survey was displayed or completed. */
export const InAppExperiencesEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_EXPERIENCES'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    ...inAppBodyShape,
    event_name: openEnum([
      'scene_displayed',
      'scene_completed',
      'scene_incomplete',
      'survey_displayed',
      'survey_submitted',
      'survey_not_submitted',
    ]).optional(),
    survey_type: openEnum(['nps', 'user_feedback']).optional(),
  }),
});

/** IN_APP_MESSAGE_CONTROL: an in-app message withheld (holdout control group). */
export const InAppMessageControlEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_MESSAGE_CONTROL'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({ ...inAppBodyShape, type: openEnum(['CONTROL']).optional() }),
});

/** IN_APP_MESSAGE_DISPLAY: an in-app message was displayed. */
export const InAppMessageDisplayEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_MESSAGE_DISPLAY'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject(inAppBodyShape),
});

/** IN_APP_MESSAGE_EXCLUSION: an in-app message was not displayed because the user is on a Ban List. */
export const InAppMessageExclusionEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_MESSAGE_EXCLUSION'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({ ...inAppBodyShape, type: openEnum(['AUDIENCE_CHECK_EXCLUDED']).optional() }),
});

/** IN_APP_MESSAGE_EXPIRATION: replaced, expired or already displayed; may be latent. */
export const InAppMessageExpirationEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_MESSAGE_EXPIRATION'),
  device: RtdsDeviceSchema.optional(),
  body: z.looseObject({
    ...inAppBodyShape,
    type: openEnum(['REPLACED', 'EXPIRED', 'ALREADY_DISPLAYED']).optional(),
    replacing_push: RtdsAssociatedPushSchema.optional(),
    time_expired: z.string().optional(),
  }),
});

/** IN_APP_MESSAGE_RESOLUTION: an in-app message was cleared by the user or timed out. */
export const InAppMessageResolutionEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_MESSAGE_RESOLUTION'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    ...inAppBodyShape,
    type: openEnum(['BUTTON_CLICK', 'MESSAGE_CLICK', 'TIMED_OUT', 'USER_DISMISSED']).optional(),
    button_id: z.string().optional(),
    button_description: z.string().optional(),
    button_group: z.string().optional(),
    duration: lenientNumber.optional(),
  }),
});

/** IN_APP_BUTTON_TAP event. */
export type InAppButtonTapEvent = z.infer<typeof InAppButtonTapEventSchema>;
/** IN_APP_EXPERIENCES event. */
export type InAppExperiencesEvent = z.infer<typeof InAppExperiencesEventSchema>;
/** IN_APP_MESSAGE_CONTROL event. */
export type InAppMessageControlEvent = z.infer<typeof InAppMessageControlEventSchema>;
/** IN_APP_MESSAGE_DISPLAY event. */
export type InAppMessageDisplayEvent = z.infer<typeof InAppMessageDisplayEventSchema>;
/** IN_APP_MESSAGE_EXCLUSION event. */
export type InAppMessageExclusionEvent = z.infer<typeof InAppMessageExclusionEventSchema>;
/** IN_APP_MESSAGE_EXPIRATION event. */
export type InAppMessageExpirationEvent = z.infer<typeof InAppMessageExpirationEventSchema>;
/** IN_APP_MESSAGE_RESOLUTION event. */
export type InAppMessageResolutionEvent = z.infer<typeof InAppMessageResolutionEventSchema>;
