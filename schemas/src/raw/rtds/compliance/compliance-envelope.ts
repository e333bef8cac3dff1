import { z } from 'zod';
import { RtdsMessagingDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema } from '../envelope.js';

/** A COMPLIANCE event whose body is `body`: envelope, `type`, and the email/SMS device (`device_type` REQUIRED). */
export function complianceEvent<Body extends z.ZodType>(body: Body) {
  return RtdsEnvelopeSchema.extend({
    type: z.literal('COMPLIANCE'),
    device: RtdsMessagingDeviceSchema,
    body,
  });
}

/** A COMPLIANCE sub-event not in the spec (a new `event_type` or device type): only `event_type` is required. */
export const GenericComplianceEventSchema = complianceEvent(
  z.looseObject({
    event_type: z.string().min(1),
    identifiers: z.record(z.string(), z.unknown()).optional(),
    properties: z.record(z.string(), z.unknown()).optional(),
  }),
);

/** A COMPLIANCE event of an undocumented sub-type. */
export type GenericComplianceEvent = z.infer<typeof GenericComplianceEventSchema>;
