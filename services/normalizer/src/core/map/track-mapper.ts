import { isRegisterPush, parseSegmentMessage, type DeviceEvent } from '@pushstream/schemas';
import { derivedEventId } from '../event-id.js';
import { parseUtcMs } from '../event-time.js';
import { isJsonObject, nonEmptyText, withoutKeys, type JsonObject } from '../json-value.js';
import { trackKind } from '../kind/track-kind.js';
import { splitLocale } from '../locale.js';
import { toE164 } from '../msisdn.js';
import { reject, type NormalizeResult } from '../normalize-result.js';
import { firstKnownPlatform, normalizeOsName } from '../platform.js';
import type { RawInput } from '../raw-input.js';
import { toBoolean } from '../stringly.js';
import {
  appKeyOfDeviceKey,
  commonParts,
  emptyIdentity,
  emptyProfile,
  nullIfEmpty,
  textOrNull,
} from './event-parts.js';
import type { NormalizeContext } from './normalize-context.js';

/** Fields that only describe the upload, not the event: excluded from a derived id and from `detail`. */
const TRANSPORT_KEYS = ['sentAt', 'receivedAt', 'writeKey', 'integrations'];
const MAPPED_KEYS = ['type', 'event', 'messageId', 'userId', 'anonymousId', 'timestamp', 'originalTimestamp'];

/**
 * Maps one Segment-spec message (a batch item arrives on its own, the batch envelope in a header: its root
 * `context` applies to the item) to a DeviceEvent.
 */
export function mapTrackMessage(
  input: RawInput,
  json: unknown,
  exact: unknown,
  context: NormalizeContext,
): NormalizeResult {
  if (!isJsonObject(json) || !isJsonObject(exact))
    return reject('RECORD_SCHEMA_VIOLATION', 'not a JSON object');
  const envelope = parseEnvelope(input.headers.batchEnvelope);
  const merged = withEnvelopeContext(json, envelope);
  const parsed = parseSegmentMessage(merged);
  if (!parsed.ok) return reject(parsed.error.code, parsed.error.message);
  const message = parsed.event;
  const registerPush = isRegisterPush(message);
  const sourceId =
    nonEmptyText(input.headers.sourceId) ??
    appKeyOfDeviceKey(input.key, 'track') ??
    nonEmptyText(json.writeKey) ??
    nonEmptyText(envelope?.writeKey);
  if (sourceId === undefined)
    return reject(
      'RECORD_MISSING_KEY',
      'no track source: no pushstream-source-id header, track:<source>:… key or writeKey',
    );
  const ctx = isJsonObject(merged.context) ? merged.context : {};
  const properties = isJsonObject(merged.properties) ? merged.properties : {};
  const traits = isJsonObject(merged.traits) ? merged.traits : {};
  const deviceInfo = isJsonObject(ctx.device) ? ctx.device : {};
  const userId = nonEmptyText(merged.userId);
  const anonymousId = nonEmptyText(merged.anonymousId);
  const deviceId =
    (registerPush ? nonEmptyText(properties.deviceId) : undefined) ??
    nonEmptyText(deviceInfo.id) ??
    userId ??
    anonymousId;
  const eventName = nonEmptyText(merged.event);
  const common = commonParts(input, context, 'track', sourceId, null);
  const event: DeviceEvent = {
    eventId:
      nonEmptyText(merged.messageId) ??
      derivedEventId(['TRACK', sourceId, withoutKeys(exact, TRANSPORT_KEYS) ?? {}]),
    source: 'TRACK',
    sourceType: registerPush
      ? 'register push'
      : message.type === 'track'
        ? (eventName ?? 'track')
        : message.type,
    kind: trackKind(message.type, eventName, registerPush),
    deviceKey: input.key ?? `track:${sourceId}:${deviceId ?? 'unknown'}`,
    deviceId: deviceId ?? null,
    platform: firstKnownPlatform([
      registerPush ? nonEmptyText(properties.deviceType) : undefined,
      nonEmptyText(isJsonObject(ctx.os) ? ctx.os.name : undefined),
      // Web SDKs name the browser as the OS; the device type says web.
      nonEmptyText(deviceInfo.type),
    ]),
    occurredAt:
      parseUtcMs(nonEmptyText(merged.timestamp)) ??
      parseUtcMs(nonEmptyText(merged.originalTimestamp)) ??
      common.receivedAt,
    processedAt: parseUtcMs(nonEmptyText(merged.receivedAt)) ?? null,
    profile: trackProfile(ctx, properties, traits, registerPush),
    identity: trackIdentity(userId, anonymousId, deviceId, traits, context),
    pushId: pushIdOf(properties),
    sessionId: textOrNull(properties.session_id) ?? textOrNull(properties.sessionId),
    detail: JSON.stringify(withoutKeys(exact, [...MAPPED_KEYS, ...TRANSPORT_KEYS]) ?? {}),
    ...common,
  };
  return { kind: 'event', event };
}

function parseEnvelope(text: string | undefined): JsonObject | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isJsonObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/** The item with the batch's root `context` under its own (the item's values win, one level deep). */
function withEnvelopeContext(message: JsonObject, envelope: JsonObject | undefined): JsonObject {
  if (envelope === undefined || !isJsonObject(envelope.context)) return message;
  const own = isJsonObject(message.context) ? message.context : {};
  const merged: JsonObject = { ...envelope.context };
  for (const [key, value] of Object.entries(own)) {
    const root = merged[key];
    merged[key] = isJsonObject(root) && isJsonObject(value) ? { ...root, ...value } : value;
  }
  return { ...message, context: merged };
}

function trackProfile(
  ctx: JsonObject,
  properties: JsonObject,
  traits: JsonObject,
  registerPush: boolean,
): DeviceEvent['profile'] {
  const profile = emptyProfile();
  const app = isJsonObject(ctx.app) ? ctx.app : {};
  const os = isJsonObject(ctx.os) ? ctx.os : {};
  const device = isJsonObject(ctx.device) ? ctx.device : {};
  const locale = splitLocale(nonEmptyText(ctx.locale));
  profile.appVersion = textOrNull(app.version);
  profile.appPackage = textOrNull(app.namespace);
  profile.os = normalizeOsName(nonEmptyText(os.name));
  profile.osVersion = textOrNull(os.version);
  profile.deviceModel = textOrNull(device.model);
  profile.locale = locale.locale;
  profile.language = locale.language;
  profile.country = locale.country;
  profile.timezone = textOrNull(ctx.timezone) ?? textOrNull(traits.timezone);
  profile.pushToken = (registerPush ? textOrNull(properties.fcmToken) : null) ?? textOrNull(device.token);
  // A "register push" is only sent when the user accepted push (Intilery's instructions).
  profile.pushOptIn = registerPush ? true : toBoolean(traits.pushOptIn ?? properties.pushOptIn);
  return nullIfEmpty(profile);
}

function trackIdentity(
  userId: string | undefined,
  anonymousId: string | undefined,
  deviceId: string | undefined,
  traits: JsonObject,
  context: NormalizeContext,
): DeviceEvent['identity'] {
  const identity = emptyIdentity();
  // Before sign-in Intilery apps send the FCM device id as userId: that is the device, not a customer.
  identity.externalId = userId !== undefined && userId !== deviceId ? userId : null;
  identity.anonymousId = anonymousId ?? null;
  identity.email = textOrNull(traits.email);
  identity.msisdn = toE164(nonEmptyText(traits.phone), context.defaultRegion, 'dialled');
  return nullIfEmpty(identity);
}

function pushIdOf(properties: JsonObject): string | null {
  const campaign = isJsonObject(properties.campaign) ? properties.campaign : {};
  return textOrNull(properties.pushId) ?? textOrNull(properties.push_id) ?? textOrNull(campaign.id);
}
