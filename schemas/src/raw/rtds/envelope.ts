import { z } from 'zod';
import { isoDateTime, nonEmptyString } from '../scalars.js';

/** The `user` object: "the current state of the user when the event is emitted". */
export const RtdsUserSchema = z.looseObject({
  contact_id: z.string().optional(),
  named_user_id: z.string().optional(),
});

/**
 * An RTDS offset: an opaque string (`"1000001778910"`, `"MTIzNQ"`, `"-1099401623"` all occur). A JSON number is
 * refused rather than converted: a numeric offset past 2^53 would come back wrong and resume at the wrong place.
 */
export const RtdsOffsetSchema = nonEmptyString;

/** Fields every RTDS event carries, all REQUIRED in the spec for all but three types. */
export const RtdsEnvelopeSchema = z.looseObject({
  id: nonEmptyString,
  offset: RtdsOffsetSchema,
  occurred: isoDateTime,
  processed: isoDateTime,
  user: RtdsUserSchema.optional(),
});

/** The envelope of OPEN, CONTACT_CHANGE and PUSH_BODY, whose spec sections mark only `offset` REQUIRED. */
export const RtdsOffsetOnlyEnvelopeSchema = RtdsEnvelopeSchema.extend({
  id: nonEmptyString.optional(),
  occurred: isoDateTime.optional(),
  processed: isoDateTime.optional(),
});

/** The RTDS `user` object. */
export type RtdsUser = z.infer<typeof RtdsUserSchema>;
