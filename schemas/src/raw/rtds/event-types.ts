/**
 * Every event `type` of the Airship RTDS spec (the `types` filter enumeration of `POST /api/events`, which
 * matches the spec's event sections one for one): 43 values. `OFFSET_UPDATE` is not among them — it is not
 * a filterable event but a keepalive, see {@link RTDS_OFFSET_UPDATE}.
 */
export const RTDS_EVENT_TYPES = [
  'ATTRIBUTE_OPERATION',
  'CLOSE',
  'COMPLIANCE',
  'CONTACT_CHANGE',
  'CONTROL',
  'CUSTOM',
  'FEATURE_FLAG_INTERACTION',
  'FIRST_OPEN',
  'FIRST_OPT_IN',
  'IN_APP_BUTTON_TAP',
  'IN_APP_EXPERIENCES',
  'IN_APP_FORM_DISPLAY',
  'IN_APP_FORM_RESULT',
  'IN_APP_MESSAGE_CONTROL',
  'IN_APP_MESSAGE_DISPLAY',
  'IN_APP_MESSAGE_EXCLUSION',
  'IN_APP_MESSAGE_EXPIRATION',
  'IN_APP_MESSAGE_RESOLUTION',
  'IN_APP_PAGE_SWIPE',
  'IN_APP_PAGE_VIEW',
  'IN_APP_PAGER_COMPLETED',
  'IN_APP_PAGER_SUMMARY',
  'LABEL_EVENT',
  'LOCATION',
  'MOBILE_ORIGINATED',
  'OPEN',
  'PUSH_BODY',
  'REGION',
  'RICH_CONTROL',
  'RICH_DELETE',
  'RICH_DELIVERY',
  'RICH_READ',
  'SCREEN_VIEWED',
  'SEND',
  'SEND_ABORTED',
  'SEND_REJECTED',
  'SHORT_LINK_CLICK',
  'SUBSCRIPTION',
  'SUBSCRIPTION_LIST',
  'TAG_CHANGE',
  'UNINSTALL',
  'WEB_CLICK',
  'WEB_SESSION',
] as const;

/** One of the documented RTDS event types. */
export type RtdsEventType = (typeof RTDS_EVENT_TYPES)[number];

/** The keepalive written instead of a blank line when `enable_offset_updates` is true; never to be stored. */
export const RTDS_OFFSET_UPDATE = 'OFFSET_UPDATE';

/** Every `type` a dedicated schema exists for: the 43 event types plus `OFFSET_UPDATE`. */
export const RTDS_KNOWN_TYPES: readonly string[] = [...RTDS_EVENT_TYPES, RTDS_OFFSET_UPDATE];

const KNOWN = new Set(RTDS_KNOWN_TYPES);

/** True when `value` is a type with a dedicated schema (43 event types or `OFFSET_UPDATE`). */
export function isKnownRtdsType(value: unknown): value is RtdsEventType | typeof RTDS_OFFSET_UPDATE {
  return typeof value === 'string' && KNOWN.has(value);
}
