import { z } from 'zod';
import { isoDateTime, nonEmptyString } from '../../scalars.js';
import { RtdsDeviceSchema } from '../device.js';
import { RtdsOffsetSchema, RtdsUserSchema } from '../envelope.js';

/**
 * An event of a type this package does not know (Airship adds types without notice). Only `type` and `offset` —
 * what routing and resuming need — are required; the common envelope fields are checked when present.
 */
export const GenericRtdsEventSchema = z.looseObject({
  type: nonEmptyString,
  offset: RtdsOffsetSchema,
  id: nonEmptyString.optional(),
  occurred: isoDateTime.optional(),
  processed: isoDateTime.optional(),
  device: RtdsDeviceSchema.optional(),
  user: RtdsUserSchema.optional(),
  body: z.unknown().optional(),
});

/** An RTDS event of an unknown type. */
export type GenericRtdsEvent = z.infer<typeof GenericRtdsEventSchema>;
