import type { DeviceEvent } from '@pushstream/schemas';
import { parseUtcMs } from '../event-time.js';
import type { RawInput } from '../raw-input.js';
import type { AppKeySource, NormalizeContext } from './normalize-context.js';

/** DeviceEvent `profile`, never null while being filled. */
export type Profile = NonNullable<DeviceEvent['profile']>;
/** DeviceEvent `identity`, never null while being filled. */
export type Identity = NonNullable<DeviceEvent['identity']>;

/** A profile with every field null (nothing known). */
export function emptyProfile(): Profile {
  return {
    appVersion: null,
    appPackage: null,
    os: null,
    osVersion: null,
    deviceModel: null,
    sdkVersion: null,
    locale: null,
    language: null,
    country: null,
    timezone: null,
    pushOptIn: null,
    pushToken: null,
  };
}

/** An identity with every field null. */
export function emptyIdentity(): Identity {
  return { externalId: null, contactId: null, msisdn: null, email: null, anonymousId: null };
}

/** null when no field of the record is set (the event says nothing about it), else the record. */
export function nullIfEmpty<T extends object>(record: T): T | null {
  return Object.values(record).some((value) => value !== null) ? record : null;
}

/** A string field: the text, or null for missing, non-string or blank values. */
export function textOrNull(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

/** The `<app>` segment of a device key `<source>:<app>:<device>`, when the key has that source. */
export function appKeyOfDeviceKey(key: string | undefined, prefix: string): string | undefined {
  if (key === undefined || !key.startsWith(`${prefix}:`)) return undefined;
  const end = key.indexOf(':', prefix.length + 1);
  const app = end < 0 ? undefined : key.slice(prefix.length + 1, end);
  return app === undefined || app === '' ? undefined : app;
}

/** The fields every mapper fills the same way: receivedAt, lineage and the registry's app. */
export function commonParts(
  input: RawInput,
  context: NormalizeContext,
  source: AppKeySource,
  appKey: string,
  sourceOffset: string | null,
): Pick<DeviceEvent, 'receivedAt' | 'lineage' | 'app' | 'appKey'> {
  const app = context.apps(source, appKey);
  return {
    appKey,
    receivedAt: parseUtcMs(input.headers.receivedAt) ?? input.timestampMs,
    lineage: {
      topic: input.topic,
      partition: input.partition,
      offset: Number(input.offset),
      sourceOffset,
    },
    app: app === undefined ? null : { name: app.name, environment: app.environment, sinks: [...app.sinks] },
  };
}
