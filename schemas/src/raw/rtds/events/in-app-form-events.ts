import { z } from 'zod';
import { lenientNumber, nonEmptyString, openEnum } from '../../scalars.js';
import { RtdsChannelDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema } from '../envelope.js';
import { objectOrList } from '../../object-or-list.js';
import { inAppBodyShape } from '../in-app-body.js';

const formShape = {
  form_id: z.string().optional(),
  type: openEnum(['nps', 'form']).optional(),
  response_type: openEnum(['nps', 'user_feedback']).optional(),
};

/** IN_APP_FORM_DISPLAY: a survey form in a Scene was displayed. */
export const InAppFormDisplayEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_FORM_DISPLAY'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    ...inAppBodyShape,
    type: openEnum(['DISPLAY']).optional(),
    forms: objectOrList(z.looseObject(formShape)).optional(),
  }),
});

/** IN_APP_FORM_RESULT: a survey form in a Scene was submitted. */
export const InAppFormResultEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_FORM_RESULT'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    ...inAppBodyShape,
    type: openEnum(['RESULT']).optional(),
    forms: objectOrList(
      z.looseObject({
        ...formShape,
        nps: z
          .looseObject({
            score: lenientNumber,
            question_id: nonEmptyString,
            audience_category: openEnum(['PROMOTER', 'PASSIVE', 'DETRACTOR']),
          })
          .optional(),
        /** `value` is documented as an object but sent as a string; any JSON value is kept. */
        responses: objectOrList(
          z.looseObject({
            question_id: nonEmptyString,
            type: openEnum(['single_choice', 'multiple_choice', 'text_input', 'email_input']),
            value: z.unknown(),
          }),
        ).optional(),
      }),
    ).optional(),
  }),
});

/** IN_APP_FORM_DISPLAY event. */
export type InAppFormDisplayEvent = z.infer<typeof InAppFormDisplayEventSchema>;
/** IN_APP_FORM_RESULT event. */
export type InAppFormResultEvent = z.infer<typeof InAppFormResultEventSchema>;
