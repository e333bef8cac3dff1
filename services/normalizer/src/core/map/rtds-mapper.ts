import { parseRtdsEvent, RTDS_OFFSET_UPDATE, type DeviceEvent } from '@pushstream/schemas';
import { derivedEventId } from '../event-id.js';
import { parseUtcMs } from '../event-time.js';
import { isJsonObject, nonEmptyText, withoutKeys, type JsonObject } from '../json-value.js';
import { rtdsKind } from '../kind/rtds-kind.js';
import { joinLocale } from '../locale.js';
import { toE164 } from '../msisdn.js';
import { reject, type NormalizeResult } from '../normalize-result.js';
import { normalizePlatform, normalizeOsName, osOfPlatform } from '../platform.js';
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

const ENVELOPE_KEYS = ['id', 'type', 'offset', 'occurred', 'processed'];
const MAPPED_DEVICE_KEYS = [
  'channel',
  'device_type',
  'ios_channel',
  'android_channel',
  'amazon_channel',
  'named_user_id',
  'named_user',
  'delivery_address',
  'attributes',
];
const MAPPED_ATTRIBUTE_KEYS = [
  'app_version',
  'app_package_name',
  'device_os',
  'device_model',
  'ua_sdk_version',
  'locale_language_code',
  'locale_country_code',
  'iana_timezone',
  'push_opt_in',
];

/**
 * Maps one Airship RTDS line (event or compliance stream) to a DeviceEvent. `json` is the parsed line,
 * `exact` the same line parsed with oversized numbers kept as their digits (for `detail`).
 */
export function mapRtdsEvent(
  input: RawInput,
  json: unknown,
  exact: unknown,
  context: NormalizeContext,
): NormalizeResult {
  const parsed = parseRtdsEvent(json);
  if (!parsed.ok) return reject(parsed.error.code, parsed.error.message);
  if (!isJsonObject(json) || !isJsonObject(exact))
    return reject('RECORD_SCHEMA_VIOLATION', 'not a JSON object');
  const type = parsed.event.type;
  if (type === RTDS_OFFSET_UPDATE) return { kind: 'skip', reason: 'OFFSET_UPDATE is a keepalive' };

  const appKey =
    appKeyOfDeviceKey(input.key, 'airship') ?? nonEmptyText(input.headers.rtdsStream?.split(':')[0]);
  if (appKey === undefined)
    return reject(
      'RECORD_MISSING_KEY',
      'no Airship app key: the record key is not airship:<appKey>:… and there is no pushstream-rtds-stream header',
    );
  const device = isJsonObject(json.device) ? json.device : undefined;
  const user = isJsonObject(json.user) ? json.user : {};
  const body = isJsonObject(json.body) ? json.body : {};
  const occurredAt = parseUtcMs(nonEmptyText(json.occurred));
  const processedAt = parseUtcMs(nonEmptyText(json.processed)) ?? null;
  const offset = nonEmptyText(json.offset) ?? input.headers.rtdsOffset ?? null;
  const common = commonParts(input, context, 'airship', appKey, input.headers.rtdsOffset ?? offset);
  const eventId =
    nonEmptyText(json.id) ??
    derivedEventId(['AIRSHIP', appKey, withoutKeys(exact, ['offset', 'processed']) ?? {}]);
  const channel = nonEmptyText(device?.channel);
  const platform = normalizePlatform(nonEmptyText(device?.device_type));

  const event: DeviceEvent = {
    eventId,
    source: 'AIRSHIP',
    sourceType: type,
    kind: rtdsKind(type, json),
    deviceKey: input.key ?? rtdsDeviceKey(appKey, json, eventId),
    deviceId: channel ?? null,
    platform,
    occurredAt: occurredAt ?? processedAt ?? common.receivedAt,
    processedAt,
    profile: rtdsProfile(device, platform),
    identity: rtdsIdentity(device, user, body, platform, context),
    pushId: pushIdOf(body),
    sessionId: textOrNull(body.session_id),
    detail: JSON.stringify(rtdsDetail(exact)),
    ...common,
  };
  return { kind: 'event', event };
}

function rtdsProfile(
  device: JsonObject | undefined,
  platform: DeviceEvent['platform'],
): DeviceEvent['profile'] {
  const attributes = isJsonObject(device?.attributes) ? device.attributes : undefined;
  if (attributes === undefined) return null;
  const profile = emptyProfile();
  const locale = joinLocale(
    nonEmptyText(attributes.locale_language_code),
    nonEmptyText(attributes.locale_country_code),
  );
  profile.appVersion = textOrNull(attributes.app_version);
  profile.appPackage = textOrNull(attributes.app_package_name);
  profile.os =
    platform === 'WEB' ? normalizeOsName(nonEmptyText(attributes.web_browser_name)) : osOfPlatform(platform);
  profile.osVersion =
    platform === 'WEB' ? textOrNull(attributes.web_browser_version) : textOrNull(attributes.device_os);
  profile.deviceModel = textOrNull(attributes.device_model);
  profile.sdkVersion = textOrNull(attributes.ua_sdk_version);
  profile.locale = locale.locale;
  profile.language = locale.language;
  profile.country = locale.country;
  profile.timezone = textOrNull(attributes.iana_timezone);
  profile.pushOptIn = toBoolean(attributes.push_opt_in);
  return nullIfEmpty(profile);
}

function rtdsIdentity(
  device: JsonObject | undefined,
  user: JsonObject,
  body: JsonObject,
  platform: DeviceEvent['platform'],
  context: NormalizeContext,
): DeviceEvent['identity'] {
  const identity = emptyIdentity();
  const identifiers = isJsonObject(body.identifiers) ? body.identifiers : {};
  const address = nonEmptyText(device?.delivery_address);
  identity.externalId =
    textOrNull(device?.named_user_id) ?? textOrNull(device?.named_user) ?? textOrNull(user.named_user_id);
  identity.contactId = textOrNull(user.contact_id);
  const msisdn = nonEmptyText(identifiers.msisdn) ?? (platform === 'SMS' ? address : undefined);
  identity.msisdn = toE164(msisdn, context.defaultRegion, 'international-digits');
  identity.email = textOrNull(identifiers.address) ?? (platform === 'EMAIL' ? (address ?? null) : null);
  return nullIfEmpty(identity);
}

function pushIdOf(body: JsonObject): string | null {
  const triggering = isJsonObject(body.triggering_push) ? body.triggering_push : {};
  return textOrNull(body.push_id) ?? textOrNull(triggering.push_id);
}

/** The rest of the event: body, user and device facts not mapped to fields, undocumented fields. */
function rtdsDetail(exact: JsonObject): JsonObject {
  const detail = withoutKeys(exact, [...ENVELOPE_KEYS, 'device', 'user']) ?? {};
  const user = withoutKeys(exact.user, ['contact_id', 'named_user_id']);
  if (user !== undefined) detail.user = user;
  const device = isJsonObject(exact.device) ? exact.device : undefined;
  if (device !== undefined) {
    const rest = withoutKeys(device, MAPPED_DEVICE_KEYS) ?? {};
    const attributes = withoutKeys(device.attributes, MAPPED_ATTRIBUTE_KEYS);
    if (attributes !== undefined) rest.attributes = attributes;
    if (Object.keys(rest).length > 0) detail.device = rest;
  }
  return detail;
}

/** The connector's device key rule (DESIGN.md section 2), for records that came without a key. */
function rtdsDeviceKey(appKey: string, event: JsonObject, eventId: string): string {
  const device = isJsonObject(event.device) ? event.device : {};
  const user = isJsonObject(event.user) ? event.user : {};
  const body = isJsonObject(event.body) ? event.body : {};
  const channel = nonEmptyText(device.channel);
  if (channel !== undefined) return `airship:${appKey}:${channel}`;
  const contact = nonEmptyText(user.contact_id);
  if (contact !== undefined) return `airship:${appKey}:contact:${contact}`;
  const namedUser =
    nonEmptyText(user.named_user_id) ?? nonEmptyText(device.named_user_id) ?? nonEmptyText(device.named_user);
  if (namedUser !== undefined) return `airship:${appKey}:named-user:${namedUser}`;
  const pushId = nonEmptyText(body.push_id);
  if (pushId !== undefined) return `airship:${appKey}:push:${pushId}`;
  return `airship:${appKey}:event:${eventId}`;
}
