import type { DeviceProfile, Identity } from '@pushstream/schemas';

/** Profile fields merged by event time (pushOptIn is merged on its own, see `PUSH_OPT_IN_KEY`). */
export const PROFILE_FIELDS = [
  'appVersion',
  'appPackage',
  'os',
  'osVersion',
  'deviceModel',
  'sdkVersion',
  'locale',
  'language',
  'country',
  'timezone',
  'pushToken',
] as const satisfies readonly (keyof DeviceProfile)[];

/** Identity fields merged by event time. */
export const IDENTITY_FIELDS = [
  'externalId',
  'contactId',
  'msisdn',
  'email',
  'anonymousId',
] as const satisfies readonly (keyof Identity)[];

/** The `fieldUpdatedAt` key of the push opt-in (top-level `pushOptIn` and `profile.pushOptIn` alike). */
export const PUSH_OPT_IN_KEY = 'pushOptIn';
/** The `fieldUpdatedAt` key of the platform. */
export const PLATFORM_KEY = 'platform';

/** An empty profile. */
export const EMPTY_PROFILE: DeviceProfile = {
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

/** An empty identity. */
export const EMPTY_IDENTITY: Identity = {
  externalId: null,
  contactId: null,
  msisdn: null,
  email: null,
  anonymousId: null,
};

/**
 * Whether a fact (value at event time `at`) replaces the current one (`current` at `currentAt`): a later
 * fact wins; at the same time the greater value wins — false before true for booleans, so an opt-out
 * wins a tie — which makes the merge a maximum over a total order, hence order-independent.
 */
export function factWins<T extends string | boolean>(
  value: T,
  at: number,
  current: T | null,
  currentAt: number | undefined,
): boolean {
  if (currentAt === undefined || current === null) return true;
  if (at !== currentAt) return at > currentAt;
  if (typeof value === 'boolean') return value === false && current === true;
  return value > current;
}

/** Facts of one event, merged into a copy of the state's facts when they win. */
export interface MergedFacts {
  readonly profile: DeviceProfile | null;
  readonly identity: Identity | null;
  readonly pushOptIn: boolean | null;
  readonly fieldUpdatedAt: Readonly<Record<string, number>>;
}

/**
 * Merges the profile, identity and opt-in facts an event carries (null = not stated) into the current
 * ones, field by field, by event time. Returns `current` itself when no fact won.
 */
export function mergeFacts(
  current: MergedFacts,
  event: { profile: DeviceProfile | null; identity: Identity | null },
  at: number,
  statedOptIn: boolean | null,
): MergedFacts {
  let times: Record<string, number> | undefined;
  let profile: DeviceProfile | null = current.profile;
  let identity: Identity | null = current.identity;
  let pushOptIn = current.pushOptIn;
  const timesOf = () => (times ??= { ...current.fieldUpdatedAt });
  const source = event.profile;
  if (source !== null) {
    for (const field of PROFILE_FIELDS) {
      const value = source[field];
      const key = `profile.${field}`;
      if (value !== null && factWins(value, at, profile?.[field] ?? null, current.fieldUpdatedAt[key])) {
        if (profile === current.profile) profile = { ...(current.profile ?? EMPTY_PROFILE) };
        if (profile !== null) profile[field] = value;
        timesOf()[key] = at;
      }
    }
  }
  const ids = event.identity;
  if (ids !== null) {
    for (const field of IDENTITY_FIELDS) {
      const value = ids[field];
      const key = `identity.${field}`;
      if (value !== null && factWins(value, at, identity?.[field] ?? null, current.fieldUpdatedAt[key])) {
        if (identity === current.identity) identity = { ...(current.identity ?? EMPTY_IDENTITY) };
        if (identity !== null) identity[field] = value;
        timesOf()[key] = at;
      }
    }
  }
  const optIn = statedOptIn ?? source?.pushOptIn ?? null;
  if (optIn !== null && factWins(optIn, at, pushOptIn, current.fieldUpdatedAt[PUSH_OPT_IN_KEY])) {
    pushOptIn = optIn;
    timesOf()[PUSH_OPT_IN_KEY] = at;
  }
  if (times === undefined) return current;
  if (pushOptIn !== null && (profile?.pushOptIn ?? null) !== pushOptIn) {
    profile = { ...(profile ?? EMPTY_PROFILE), pushOptIn };
  }
  return { profile, identity, pushOptIn, fieldUpdatedAt: times };
}
