import { RTDS_EVENT_TYPES } from '@pushstream/schemas';
import { asRecord } from './event-fields.js';
import { predicateProblem, type JsonPredicate } from './json-predicate.js';

/** The `types` filter values the spec lists (`OFFSET_UPDATE` is not one): the 43 RTDS event types. */
export const RTDS_FILTER_TYPES: readonly string[] = RTDS_EVENT_TYPES;

const EVENT_DEVICE_TYPES = ['android', 'ios', 'amazon', 'web', 'email', 'sms', 'open'];
const COMPLIANCE_DEVICE_TYPES = ['email', 'sms'];
const DEVICE_KEYS = ['channel', 'named_user_id', 'ios_channel', 'android_channel', 'amazon_channel'];

/** One validated filter object: an event passes it when it passes every attribute present. */
export interface RequestFilter {
  readonly types?: readonly string[];
  readonly deviceTypes?: readonly string[];
  /** Each selector has exactly one key of `channel`, `named_user_id` or a legacy `*_channel`. */
  readonly devices?: readonly Readonly<Record<string, string>>[];
  readonly users?: readonly Readonly<Record<string, string>>[];
  readonly notifications?: readonly Readonly<Record<string, string>>[];
  readonly latency?: number;
  readonly predicates?: readonly JsonPredicate[];
}

/** The filters of a request, or the reason for a `400`. */
export type FiltersResult =
  { readonly ok: true; readonly filters: RequestFilter[] } | { readonly ok: false; readonly problem: string };

/**
 * Validates `filters` the way the spec says the server does: an array (an OR) of objects (ANDs); "An empty
 * array results in a 400 response" and so does "an unexpected attribute". The compliance endpoint takes
 * only `device_types` (email, sms) and `latency`. `notifications` and `predicates` are accepted as a bare
 * object too, because the spec's own examples send them that way.
 */
export function parseFilters(value: unknown, compliance: boolean): FiltersResult {
  if (!Array.isArray(value)) return { ok: false, problem: 'filters must be an array' };
  if (value.length === 0) return { ok: false, problem: 'filters must not be an empty array' };
  const filters: RequestFilter[] = [];
  for (const [i, item] of value.entries()) {
    const parsed = parseFilter(item, `filters[${i}]`, compliance);
    if (typeof parsed === 'string') return { ok: false, problem: parsed };
    filters.push(parsed);
  }
  return { ok: true, filters };
}

function parseFilter(value: unknown, path: string, compliance: boolean): RequestFilter | string {
  const object = asRecord(value);
  if (object === undefined) return `${path} must be an object`;
  const allowed = compliance
    ? ['device_types', 'latency']
    : ['device_types', 'devices', 'latency', 'notifications', 'predicates', 'types', 'users'];
  const unexpected = Object.keys(object).find((key) => !allowed.includes(key));
  if (unexpected !== undefined) return `${path} has unexpected attribute "${unexpected}"`;
  const filter: { -readonly [K in keyof RequestFilter]: RequestFilter[K] } = {};
  if (object.types !== undefined) {
    const types = stringList(object.types, `${path}.types`, RTDS_FILTER_TYPES);
    if (typeof types === 'string') return types;
    filter.types = types;
  }
  if (object.device_types !== undefined) {
    const known = compliance ? COMPLIANCE_DEVICE_TYPES : EVENT_DEVICE_TYPES;
    const deviceTypes = stringList(object.device_types, `${path}.device_types`, known);
    if (typeof deviceTypes === 'string') return deviceTypes;
    filter.deviceTypes = deviceTypes;
  }
  if (object.devices !== undefined) {
    const devices = selectorList(object.devices, `${path}.devices`, DEVICE_KEYS, false);
    if (typeof devices === 'string') return devices;
    filter.devices = devices;
  }
  if (object.users !== undefined) {
    const users = selectorList(object.users, `${path}.users`, ['contact_id', 'named_user_id'], false);
    if (typeof users === 'string') return users;
    filter.users = users;
  }
  if (object.notifications !== undefined) {
    const notifications = selectorList(
      object.notifications,
      `${path}.notifications`,
      ['push_id', 'group_id'],
      true,
    );
    if (typeof notifications === 'string') return notifications;
    filter.notifications = notifications;
  }
  if (object.latency !== undefined) {
    const latency = object.latency;
    if (typeof latency !== 'number' || !Number.isInteger(latency) || latency < 0)
      return `${path}.latency must be a non-negative integer of milliseconds`;
    filter.latency = latency;
  }
  if (object.predicates !== undefined) {
    const list = Array.isArray(object.predicates) ? object.predicates : [object.predicates];
    if (list.length === 0) return `${path}.predicates must not be an empty array`;
    const problem = list.map((item, i) => predicateProblem(item, `${path}.predicates[${i}]`)).find(Boolean);
    if (problem !== undefined) return problem;
    filter.predicates = list as JsonPredicate[];
  }
  return filter;
}

function stringList(value: unknown, path: string, known: readonly string[]): string[] | string {
  if (!Array.isArray(value)) return `${path} must be an array`;
  if (value.length === 0) return `${path} must not be an empty array`;
  const items: unknown[] = value;
  const unknown = items.find((item) => typeof item !== 'string' || !known.includes(item));
  if (unknown !== undefined) return `${path} has an unknown value ${JSON.stringify(unknown)}`;
  return value as string[];
}

/** An array of one-key objects (`{"channel": "…"}`), or a single such object when `allowObject`. */
function selectorList(
  value: unknown,
  path: string,
  keys: readonly string[],
  allowObject: boolean,
): Record<string, string>[] | string {
  const list = Array.isArray(value) ? (value as unknown[]) : allowObject ? [value] : undefined;
  if (list === undefined) return `${path} must be an array`;
  if (list.length === 0) return `${path} must not be an empty array`;
  for (const [i, item] of list.entries()) {
    const selector = asRecord(item);
    const entries = selector === undefined ? [] : Object.entries(selector);
    const [first] = entries;
    if (
      entries.length !== 1 ||
      first === undefined ||
      !keys.includes(first[0]) ||
      typeof first[1] !== 'string'
    )
      return `${path}[${i}] must have exactly one of ${keys.join(', ')}, as a string`;
  }
  return list as Record<string, string>[];
}
