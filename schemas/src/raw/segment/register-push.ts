import { z } from 'zod';
import { nonEmptyString } from '../scalars.js';
import { segmentCommonShape } from './segment-common.js';

/** The platforms Intilery's "register push" accepts, in its spelling. */
export const REGISTER_PUSH_DEVICE_TYPES = ['iOS', 'Android', 'Web'] as const;

/** One of {@link REGISTER_PUSH_DEVICE_TYPES}. */
export type RegisterPushDeviceType = (typeof REGISTER_PUSH_DEVICE_TYPES)[number];

const CANONICAL_DEVICE_TYPE = new Map<string, RegisterPushDeviceType>(
  REGISTER_PUSH_DEVICE_TYPES.map((name) => [name.toLowerCase(), name]),
);

/** True when a track `event` name is Intilery's "register push" (compared ignoring case and spacing). */
export function isRegisterPushName(event: unknown): boolean {
  return typeof event === 'string' && event.trim().replace(/\s+/g, ' ').toLowerCase() === 'register push';
}

const deviceType = z.preprocess(
  (value) =>
    typeof value === 'string' ? (CANONICAL_DEVICE_TYPE.get(value.trim().toLowerCase()) ?? value) : value,
  z.enum(REGISTER_PUSH_DEVICE_TYPES),
);

/**
 * Intilery's "register push" track event: an app hands Intilery the FCM token of a device. With push enabled
 * the user is never anonymous — `userId` is the FCM deviceId before sign-in and the customer id after — so
 * `userId` is required here and an `anonymousId` alone does not do.
 */
export const RegisterPushEventSchema = z.looseObject({
  ...segmentCommonShape,
  type: z.literal('track').default('track'),
  event: nonEmptyString,
  userId: nonEmptyString,
  properties: z.looseObject({
    deviceId: nonEmptyString,
    fcmToken: nonEmptyString,
    deviceType,
  }),
});

/** A "register push" track event (`deviceType` normalised to `iOS`, `Android` or `Web`). */
export type RegisterPushEvent = z.infer<typeof RegisterPushEventSchema>;
