import { z } from 'zod';
import { dispatchSchema, fieldOf } from '../dispatch-schema.js';
import { nonEmptyString } from '../scalars.js';
import { isRegisterPushName, RegisterPushEventSchema, type RegisterPushEvent } from './register-push.js';
import { checkSegmentIdentity, segmentCommonShape } from './segment-common.js';

/**
 * A Segment `track` call. Intilery's server API leaves `type` out and names the action in `event`, so a
 * message without `type` is a track (or an identify when `event` is "identify"); the output always has `type`.
 */
export const SegmentTrackSchema = z
  .looseObject({
    ...segmentCommonShape,
    type: z.literal('track').default('track'),
    event: nonEmptyString,
    properties: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine(checkSegmentIdentity);

/** A Segment `identify` call (traits optional in the Segment spec; Intilery's server API wants them). */
export const SegmentIdentifySchema = z
  .looseObject({
    ...segmentCommonShape,
    type: z.literal('identify').default('identify'),
    event: z.string().optional(),
    traits: z.record(z.string(), z.unknown()).optional(),
  })
  .superRefine(checkSegmentIdentity);

/** Any other Segment call (page, screen, group, alias, or newer): kept with only the common rules applied. */
export const SegmentOtherMessageSchema = z
  .looseObject({ ...segmentCommonShape, type: nonEmptyString })
  .superRefine(checkSegmentIdentity);

/** A track event. */
export type SegmentTrack = z.infer<typeof SegmentTrackSchema>;
/** An identify call. */
export type SegmentIdentify = z.infer<typeof SegmentIdentifySchema>;
/** A call of another type. */
export type SegmentOtherMessage = z.infer<typeof SegmentOtherMessageSchema>;
/** Any single Segment-spec message. */
export type SegmentMessage = RegisterPushEvent | SegmentTrack | SegmentIdentify | SegmentOtherMessage;

function isIdentifyName(event: unknown): boolean {
  return typeof event === 'string' && event.trim().toLowerCase() === 'identify';
}

/** One Segment-spec message, its schema chosen by `type` (or, without one, by `event`). */
export const SegmentMessageSchema = dispatchSchema<SegmentMessage>((value) => {
  const type = fieldOf(value, 'type');
  const event = fieldOf(value, 'event');
  if (type === 'identify' || (type === undefined && isIdentifyName(event))) return SegmentIdentifySchema;
  if (type === 'track' || type === undefined) {
    return isRegisterPushName(event) ? RegisterPushEventSchema : SegmentTrackSchema;
  }
  return SegmentOtherMessageSchema;
});

/** True for a "register push" track event. */
export function isRegisterPush(message: SegmentMessage): message is RegisterPushEvent {
  return message.type === 'track' && 'event' in message && isRegisterPushName(message.event);
}
