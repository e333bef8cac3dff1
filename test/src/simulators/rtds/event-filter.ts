import { matchesPredicate } from './json-predicate.js';
import type { RequestFilter } from './request-filters.js';
import type { LogEntry } from './retained-log.js';
import { inSubset, type RtdsSubset } from './subset.js';

/** Decides which retained events a connection receives. */
export type EntryMatcher = (entry: LogEntry) => boolean;

/**
 * Builds the matcher of a request: an event is sent when it passes any filter (array = OR; an attribute
 * left out lets everything through) and falls in the subset. `now` is read per event for `latency`.
 */
export function entryMatcher(
  filters: readonly RequestFilter[] | undefined,
  subset: RtdsSubset | undefined,
  now: () => number,
): EntryMatcher {
  return (entry) =>
    (filters === undefined || filters.some((filter) => passes(filter, entry, now))) &&
    (subset === undefined || inSubset(subset, entry.fields.subsetKey));
}

function passes(filter: RequestFilter, entry: LogEntry, now: () => number): boolean {
  const fields = entry.fields;
  if (filter.types !== undefined && !filter.types.includes(fields.type ?? '')) return false;
  if (filter.deviceTypes !== undefined && !filter.deviceTypes.includes(fields.deviceType ?? '')) return false;
  if (filter.devices !== undefined) {
    const hit = filter.devices.some((selector) =>
      Object.entries(selector).some(([key, value]) =>
        key === 'named_user_id' ? fields.deviceNamedUser === value : fields.channels.includes(value),
      ),
    );
    if (!hit) return false;
  }
  if (filter.users !== undefined) {
    const hit = filter.users.some(
      (selector) =>
        (selector.contact_id !== undefined && selector.contact_id === fields.contactId) ||
        (selector.named_user_id !== undefined && selector.named_user_id === fields.userNamedUser),
    );
    if (!hit) return false;
  }
  if (filter.notifications !== undefined) {
    const hit = filter.notifications.some(
      (selector) =>
        (selector.push_id !== undefined && fields.pushIds.includes(selector.push_id)) ||
        (selector.group_id !== undefined && fields.groupIds.includes(selector.group_id)),
    );
    if (!hit) return false;
  }
  if (filter.latency !== undefined) {
    // "If an event occurred more than `latency` milliseconds ago, it is filtered out."
    if (fields.occurredMs === undefined || now() - fields.occurredMs > filter.latency) return false;
  }
  if (filter.predicates !== undefined) {
    const event = JSON.parse(entry.line) as unknown;
    if (!filter.predicates.some((predicate) => matchesPredicate(predicate, event))) return false;
  }
  return true;
}
