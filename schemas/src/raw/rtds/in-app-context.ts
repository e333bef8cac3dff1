import { z } from 'zod';
import { lenientBoolean, lenientNumber, nonEmptyString, openEnum } from '../scalars.js';

/** The view state of a Scene when a button, pager or form interaction occurs. */
export const RtdsInAppContextSchema = z.looseObject({
  reporting_context: z
    .looseObject({ content_types: z.array(openEnum(['scene', 'survey'])).optional() })
    .optional(),
  state: z
    .looseObject({
      form: z
        .looseObject({
          form_identifier: nonEmptyString,
          submitted: lenientBoolean,
          type: openEnum(['nps', 'form']).optional(),
          response_type: openEnum(['nps', 'user_feedback']).optional(),
        })
        .optional(),
      pager: z
        .looseObject({
          identifier: nonEmptyString,
          page_identifier: nonEmptyString,
          page_index: lenientNumber,
          page_count: lenientNumber,
          completed: lenientBoolean.optional(),
        })
        .optional(),
    })
    .optional(),
});

/** In-app context. */
export type RtdsInAppContext = z.infer<typeof RtdsInAppContextSchema>;
