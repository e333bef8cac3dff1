/** A Segment-spec event as the tracking API reads it. */
export interface TrackingEvent {
  readonly event: string;
  readonly userId?: string;
  readonly anonymousId?: string;
  readonly messageId?: string;
  readonly properties?: Record<string, unknown>;
  readonly traits?: Record<string, unknown>;
}

const DEVICE_TYPES = new Set(['iOS', 'Android', 'Web']);
/** Largest event inside a batch ([INT-API]: 32 KB per call). */
export const MAX_EVENT_BYTES = 32 * 1024;

/**
 * Validates one event the way the tracking API answers 400 `{"success":false,"message":…}`: an `event`
 * name, `userId` or `anonymousId`, traits on identify, and the "register push" properties (seed:003).
 * `action` is the endpoint, or `batch` for a batch item (whose `event` names the method).
 */
export function validateEvent(value: unknown, action: string): TrackingEvent | { message: string } {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { message: 'event must be an object' };
  const item = value as Record<string, unknown>;
  const event = action === 'identify' ? (item.event ?? 'identify') : item.event;
  if (typeof event !== 'string' || event.trim() === '') return { message: 'event must not be empty' };
  const userId = nonEmpty(item.userId);
  const anonymousId = nonEmpty(item.anonymousId);
  if (userId === undefined && anonymousId === undefined) return { message: 'userId must not be empty' };
  if (event === 'identify') {
    if (item.traits === null || typeof item.traits !== 'object' || Array.isArray(item.traits))
      return { message: 'traits must not be empty' };
  }
  if (event === 'register push') {
    const properties = item.properties as Record<string, unknown> | undefined;
    if (properties === undefined || typeof properties !== 'object')
      return { message: 'properties must not be empty' };
    if (nonEmpty(properties.deviceId) === undefined)
      return { message: 'properties.deviceId must not be empty' };
    if (nonEmpty(properties.fcmToken) === undefined)
      return { message: 'properties.fcmToken must not be empty' };
    if (typeof properties.deviceType !== 'string' || !DEVICE_TYPES.has(properties.deviceType))
      return { message: 'properties.deviceType must be one of iOS, Android, Web' };
  }
  return {
    event,
    ...(userId === undefined ? {} : { userId }),
    ...(anonymousId === undefined ? {} : { anonymousId }),
    ...(typeof item.messageId === 'string' ? { messageId: item.messageId } : {}),
    ...(item.properties !== null && typeof item.properties === 'object'
      ? { properties: item.properties as Record<string, unknown> }
      : {}),
    ...(item.traits !== null && typeof item.traits === 'object'
      ? { traits: item.traits as Record<string, unknown> }
      : {}),
  };
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}
