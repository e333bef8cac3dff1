import { z } from 'zod';
import { isoDateTime, nonEmptyString } from '../../scalars.js';
import { RtdsOffsetSchema } from '../envelope.js';

/**
 * OFFSET_UPDATE: written instead of a blank keepalive when `enable_offset_updates` is true. `offset` is that of
 * the last event considered for the stream; advance the checkpoint with it, never store the event. Whether it
 * carries an `id` is not documented, so `id` is optional.
 */
export const OffsetUpdateEventSchema = z.looseObject({
  type: z.literal('OFFSET_UPDATE'),
  offset: RtdsOffsetSchema,
  occurred: isoDateTime,
  processed: isoDateTime,
  id: nonEmptyString.optional(),
});

/** OFFSET_UPDATE event. */
export type OffsetUpdateEvent = z.infer<typeof OffsetUpdateEventSchema>;
