import { z } from 'zod';
import { isoDateTime, nonEmptyString } from '../scalars.js';

/** Fields of every Segment-spec call (track, identify, page, …). */
export const segmentCommonShape = {
  userId: nonEmptyString.optional(),
  anonymousId: nonEmptyString.optional(),
  messageId: z.string().optional(),
  timestamp: isoDateTime.optional(),
  originalTimestamp: isoDateTime.optional(),
  sentAt: isoDateTime.optional(),
  receivedAt: isoDateTime.optional(),
  context: z
    .looseObject({
      device: z
        .looseObject({
          id: z.string().optional(),
          manufacturer: z.string().optional(),
          model: z.string().optional(),
          type: z.string().optional(),
          token: z.string().optional(),
        })
        .optional(),
      os: z.looseObject({ name: z.string().optional(), version: z.string().optional() }).optional(),
      app: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
  integrations: z.record(z.string(), z.unknown()).optional(),
  writeKey: z.string().optional(),
};

/** The Segment identity rule: a call needs a `userId` or an `anonymousId`. */
export function checkSegmentIdentity(
  message: { userId?: string; anonymousId?: string },
  ctx: z.RefinementCtx,
): void {
  if (message.userId === undefined && message.anonymousId === undefined) {
    ctx.addIssue({
      code: 'custom',
      path: ['userId'],
      message: 'required field missing (expected string; userId or anonymousId is required)',
    });
  }
}
