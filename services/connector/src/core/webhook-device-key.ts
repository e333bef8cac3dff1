import { isRegisterPush, type CmEvent, type SegmentMessage } from '@pushstream/schemas';

/** `cm:<appKey>:<installationId>`: CM's `from.number` is the app install on the device (DESIGN §2). */
export function cmDeviceKey(appKey: string, event: CmEvent): string {
  return `cm:${appKey}:${event.from.number}`;
}

/**
 * The device id of a Segment-spec message: the "register push" `properties.deviceId`, else the SDK's
 * `context.device.id`, else `userId`, else `anonymousId` (DESIGN §2 `<deviceId|userId|anonymousId>`). The
 * device id comes first because `userId` changes from the device id to the customer id at sign-in
 * (reference B.3) and the device's events must stay under one key.
 */
export function trackDeviceId(message: SegmentMessage): string | undefined {
  if (isRegisterPush(message)) return message.properties.deviceId;
  return nonEmpty(message.context?.device?.id) ?? nonEmpty(message.userId) ?? nonEmpty(message.anonymousId);
}

/** `track:<sourceId>:<device id>`, or undefined for a message that names no device or user. */
export function trackDeviceKey(sourceId: string, message: SegmentMessage): string | undefined {
  const deviceId = trackDeviceId(message);
  return deviceId === undefined ? undefined : `track:${sourceId}:${deviceId}`;
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value === '' ? undefined : value;
}
