import { isJsonObject, nonEmptyText, type JsonObject } from '../json-value.js';
import { toBoolean } from '../stringly.js';
import type { EventKind } from './event-kind.js';

/** SEND_REJECTED statuses that mean the token is invalid: the app is gone (rtds.md D, DESIGN.md section 5). */
export const INVALID_TOKEN_STATUSES: ReadonlySet<string> = new Set([
  'BadDeviceToken',
  'Unauthorized',
  'MissingRegistration',
  'Uninstalled',
]);

const BY_TYPE: Readonly<Record<string, EventKind>> = {
  FIRST_OPEN: 'INSTALLED',
  FIRST_OPT_IN: 'INSTALLED',
  OPEN: 'OPENED',
  WEB_SESSION: 'OPENED',
  CLOSE: 'CLOSED',
  UNINSTALL: 'UNREGISTERED',
  ATTRIBUTE_OPERATION: 'UPDATED',
  TAG_CHANGE: 'UPDATED',
  SUBSCRIPTION_LIST: 'UPDATED',
  SEND: 'PUSH_SENT',
  RICH_DELIVERY: 'PUSH_SENT',
  SEND_ABORTED: 'PUSH_FAILED',
  WEB_CLICK: 'PUSH_OPENED',
  RICH_READ: 'PUSH_OPENED',
  SHORT_LINK_CLICK: 'PUSH_OPENED',
  RICH_DELETE: 'PUSH_DELETED',
  SCREEN_VIEWED: 'ACTIVITY',
  LOCATION: 'ACTIVITY',
  REGION: 'ACTIVITY',
  FEATURE_FLAG_INTERACTION: 'ACTIVITY',
  MOBILE_ORIGINATED: 'ACTIVITY',
  IN_APP_BUTTON_TAP: 'ACTIVITY',
  IN_APP_EXPERIENCES: 'ACTIVITY',
  IN_APP_FORM_DISPLAY: 'ACTIVITY',
  IN_APP_FORM_RESULT: 'ACTIVITY',
  IN_APP_MESSAGE_DISPLAY: 'ACTIVITY',
  IN_APP_MESSAGE_RESOLUTION: 'ACTIVITY',
  IN_APP_PAGE_SWIPE: 'ACTIVITY',
  IN_APP_PAGE_VIEW: 'ACTIVITY',
  IN_APP_PAGER_COMPLETED: 'ACTIVITY',
  IN_APP_PAGER_SUMMARY: 'ACTIVITY',
  CONTROL: 'OTHER',
  RICH_CONTROL: 'OTHER',
  IN_APP_MESSAGE_CONTROL: 'OTHER',
  IN_APP_MESSAGE_EXCLUSION: 'OTHER',
  IN_APP_MESSAGE_EXPIRATION: 'OTHER',
  LABEL_EVENT: 'OTHER',
  PUSH_BODY: 'OTHER',
};

/** Email/SMS COMPLIANCE sub-events (`body.event_type`) with a lifecycle meaning (rtds.md C2 and D). */
const COMPLIANCE_BY_EVENT_TYPE: Readonly<Record<string, EventKind>> = {
  mobile_create_channel: 'INSTALLED',
  api_initiate_opt_in: 'INSTALLED',
  mobile_opt_in: 'OPTED_IN',
  mobile_opt_out: 'OPTED_OUT',
  opted_out: 'OPTED_OUT',
  bounce: 'OPTED_OUT',
  uninstall: 'UNREGISTERED',
  carrier_deactivation: 'UNREGISTERED',
  mobile_keyword_matched: 'ACTIVITY',
  mobile_keyword_unmatched: 'ACTIVITY',
  custom_keyword_response: 'ACTIVITY',
  mobile_terminated_message: 'PUSH_SENT',
};

const REGISTRATION_BY_TYPE: Readonly<Record<string, EventKind>> = {
  create: 'INSTALLED',
  opt_in: 'OPTED_IN',
  unsubscribe: 'OPTED_OUT',
  update: 'UPDATED',
  unbounce: 'UPDATED',
};

const SUBSCRIPTION_OPT_OUTS = new Set(['list_unsubscribe', 'link_unsubscribe', 'spam_complaint', 'bounce']);

const EMAIL_CUSTOM_BY_NAME: Readonly<Record<string, EventKind>> = {
  unsubscribe: 'OPTED_OUT',
  open: 'PUSH_OPENED',
  initial_open: 'PUSH_OPENED',
  click: 'PUSH_OPENED',
  delivery: 'PUSH_SENT',
  injection: 'PUSH_SENT',
  bounce: 'PUSH_FAILED',
};

const SMS_REPORT_BY_NAME: Readonly<Record<string, EventKind>> = {
  dispatched: 'PUSH_SENT',
  delivered: 'PUSH_SENT',
  read: 'PUSH_OPENED',
  aborted: 'PUSH_FAILED',
  rejected: 'PUSH_FAILED',
  failed: 'PUSH_FAILED',
  expired: 'PUSH_FAILED',
  undeliverable: 'PUSH_FAILED',
};

/**
 * The kind of an Airship RTDS event (DESIGN.md section 5 and rtds.md D): install = FIRST_OPEN /
 * FIRST_OPT_IN / channel-creating COMPLIANCE events; open = OPEN / WEB_SESSION; unregister = UNINSTALL,
 * SEND_REJECTED with an invalid-token status, CONTACT_CHANGE UNINSTALL, SMS uninstall / carrier
 * deactivation. Unknown types are OTHER.
 */
export function rtdsKind(type: string, event: JsonObject): EventKind {
  const body = isJsonObject(event.body) ? event.body : {};
  switch (type) {
    case 'SEND_REJECTED':
      return INVALID_TOKEN_STATUSES.has(String(body.status)) ? 'UNREGISTERED' : 'PUSH_FAILED';
    case 'CONTACT_CHANGE':
      return body.change_type === 'UNINSTALL' ? 'UNREGISTERED' : 'IDENTIFIED';
    case 'COMPLIANCE':
      return complianceKind(body);
    case 'SUBSCRIPTION':
      return SUBSCRIPTION_OPT_OUTS.has(String(body.event_type)) ? 'OPTED_OUT' : 'UPDATED';
    case 'CUSTOM':
      return customKind(event, body);
    default:
      return BY_TYPE[type] ?? 'OTHER';
  }
}

function complianceKind(body: JsonObject): EventKind {
  const eventType = nonEmptyText(body.event_type) ?? '';
  const properties = isJsonObject(body.properties) ? body.properties : {};
  if (eventType === 'registration')
    return REGISTRATION_BY_TYPE[String(properties.registration_type)] ?? 'UPDATED';
  if (eventType === 'create_and_send')
    return toBoolean(properties.channel_registered) === true ? 'INSTALLED' : 'PUSH_SENT';
  return COMPLIANCE_BY_EVENT_TYPE[eventType] ?? 'OTHER';
}

function customKind(event: JsonObject, body: JsonObject): EventKind {
  const name = nonEmptyText(body.name) ?? '';
  const device = isJsonObject(event.device) ? event.device : {};
  if (body.interaction_type === 'delivery_report') return SMS_REPORT_BY_NAME[name] ?? 'ACTIVITY';
  if (device.device_type === 'EMAIL') return EMAIL_CUSTOM_BY_NAME[name] ?? 'ACTIVITY';
  return 'ACTIVITY';
}
