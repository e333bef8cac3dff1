import { parseCmEvent, type DeviceEvent } from '@pushstream/schemas';
import { cmEventId } from '../event-id.js';
import { parseUtcMs } from '../event-time.js';
import { isJsonObject, nonEmptyText, withoutKeys, type JsonObject } from '../json-value.js';
import { cmKind } from '../kind/cm-kind.js';
import { splitLocale } from '../locale.js';
import { toE164 } from '../msisdn.js';
import { reject, type NormalizeResult } from '../normalize-result.js';
import { normalizeOsName, normalizePlatform } from '../platform.js';
import type { RawInput } from '../raw-input.js';
import {
  appKeyOfDeviceKey,
  commonParts,
  emptyIdentity,
  emptyProfile,
  nullIfEmpty,
  textOrNull,
} from './event-parts.js';
import type { NormalizeContext } from './normalize-context.js';

const MAPPED_CUSTOM_KEYS = [
  'clientId',
  'clientVersion',
  'msisdn',
  'deviceOs',
  'deviceOsVersion',
  'deviceModel',
  'pushAuthorization',
];

/** pushAuthorization → opted in: Provisional (quiet delivery) still receives push. */
const AUTHORIZED: Readonly<Record<string, boolean>> = {
  authorized: true,
  provisional: true,
  ephemeral: true,
  notauthorized: false,
  denied: false,
};

/** Maps one CM.com push webhook body to a DeviceEvent; the eventId is derived (UUIDv5) unless CM sent one. */
export function mapCmEvent(
  input: RawInput,
  json: unknown,
  exact: unknown,
  context: NormalizeContext,
): NormalizeResult {
  const parsed = parseCmEvent(json);
  if (!parsed.ok) return reject(parsed.error.code, parsed.error.message);
  if (!isJsonObject(json) || !isJsonObject(exact))
    return reject('RECORD_SCHEMA_VIOLATION', 'not a JSON object');
  const cm = parsed.event;
  const appKey = nonEmptyText(input.headers.sourceId) ?? appKeyOfDeviceKey(input.key, 'cm') ?? cm.to.number;
  const installationId = cm.from.number;
  const type = cm.event.type;
  const eventJson = isJsonObject(json.event) ? json.event : {};
  const custom = isJsonObject(eventJson.custom) ? eventJson.custom : undefined;
  const messageReference = nonEmptyText(eventJson.reference);
  const common = commonParts(input, context, 'cm', appKey, null);
  const platform = normalizePlatform(nonEmptyText(custom?.deviceOs));
  const event: DeviceEvent = {
    eventId: cmEventId({
      appKey,
      installationId,
      type,
      timeUtc: cm.timeUtc,
      reference: nonEmptyText(json.reference),
      messageReference,
      custom,
    }),
    source: 'CM',
    sourceType: type,
    kind: cmKind(type),
    deviceKey: input.key ?? `cm:${appKey}:${installationId}`,
    deviceId: installationId,
    platform,
    occurredAt: parseUtcMs(cm.timeUtc) ?? common.receivedAt,
    processedAt: null,
    profile: custom === undefined ? null : cmProfile(custom),
    identity: cmIdentity(custom, context),
    pushId: messageReference ?? null,
    sessionId: null,
    detail: JSON.stringify(cmDetail(exact)),
    ...common,
  };
  return { kind: 'event', event };
}

function cmProfile(custom: JsonObject): DeviceEvent['profile'] {
  const profile = emptyProfile();
  const languages = Array.isArray(custom.preferredLanguages) ? custom.preferredLanguages : [];
  const locale = splitLocale(nonEmptyText(languages[0]));
  const authorization = nonEmptyText(custom.pushAuthorization)?.toLowerCase();
  profile.appPackage = textOrNull(custom.clientId);
  profile.appVersion = textOrNull(custom.clientVersion);
  profile.os = normalizeOsName(nonEmptyText(custom.deviceOs));
  profile.osVersion = textOrNull(custom.deviceOsVersion);
  profile.deviceModel = textOrNull(custom.deviceModel);
  profile.locale = locale.locale;
  profile.language = locale.language;
  profile.country = locale.country;
  profile.pushOptIn = authorization === undefined ? null : (AUTHORIZED[authorization] ?? null);
  return nullIfEmpty(profile);
}

function cmIdentity(custom: JsonObject | undefined, context: NormalizeContext): DeviceEvent['identity'] {
  const identity = emptyIdentity();
  identity.msisdn = toE164(nonEmptyText(custom?.msisdn), context.defaultRegion, 'dialled');
  return nullIfEmpty(identity);
}

/** Everything but the fields mapped: unmapped profile data (preferredLanguages in full), unknown fields. */
function cmDetail(exact: JsonObject): JsonObject {
  const detail = withoutKeys(exact, ['from', 'to', 'timeUtc', 'event']) ?? {};
  const event = withoutKeys(exact.event, ['type', 'reference', 'custom']);
  const custom = withoutKeys(isJsonObject(exact.event) ? exact.event.custom : undefined, MAPPED_CUSTOM_KEYS);
  if (event !== undefined) detail.event = event;
  if (custom !== undefined) detail.custom = custom;
  if (
    isJsonObject(exact.event) &&
    isJsonObject(exact.event.custom) &&
    nonEmptyText(exact.event.custom.msisdn)
  )
    detail.msisdnAsSent = exact.event.custom.msisdn;
  return detail;
}
