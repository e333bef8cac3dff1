import { z } from 'zod';
import { lenientBoolean, lenientString, openEnum } from '../../scalars.js';
import { RtdsSmsIdentifiersSchema } from '../events/sms-events.js';
import { complianceEvent } from './compliance-envelope.js';

const messageProperties = z.looseObject({
  inbound_message: z.string().optional(),
  outbound_message: z.string().optional(),
  keyword: z.string().optional(),
});

function smsEvent<const EventType extends string, Properties extends z.ZodType>(
  eventType: EventType,
  properties: Properties,
) {
  return complianceEvent(
    z.looseObject({ event_type: z.literal(eventType), identifiers: RtdsSmsIdentifiersSchema, properties }),
  );
}

function smsEventWithoutProperties<const EventType extends string>(eventType: EventType) {
  return complianceEvent(
    z.looseObject({ event_type: z.literal(eventType), identifiers: RtdsSmsIdentifiersSchema }),
  );
}

/** `api_initiate_opt_in`: registered through the API without opt-in; not sendable until `mobile_opt_in`. */
export const SmsApiInitiateOptInComplianceEventSchema = smsEventWithoutProperties('api_initiate_opt_in');

/** `carrier_deactivation`: the carrier deactivated the MSISDN (only `msisdn` is REQUIRED). */
export const SmsCarrierDeactivationComplianceEventSchema = complianceEvent(
  z.looseObject({
    event_type: z.literal('carrier_deactivation'),
    identifiers: z.looseObject({ msisdn: lenientString, sender: lenientString.optional() }),
  }),
);

/** `create_and_send`: the MSISDN was used in a Create and Send. */
export const SmsCreateAndSendComplianceEventSchema = smsEvent(
  'create_and_send',
  z.looseObject({ channel_registered: lenientBoolean, opted_in: z.string().optional() }),
);

/** `custom_keyword_response`: a keyword elicited a custom response. */
export const SmsCustomKeywordResponseComplianceEventSchema = smsEvent(
  'custom_keyword_response',
  messageProperties,
);

/** `mobile_create_channel`: a channel was created from an MO message; it starts opted out. */
export const SmsMobileCreateChannelComplianceEventSchema = smsEvent(
  'mobile_create_channel',
  messageProperties.extend({
    opted_in: z.string().optional(),
    registration_type: openEnum(['create']).optional(),
  }),
);

/** `mobile_keyword_matched`: an MO message contained a known keyword. */
export const SmsMobileKeywordMatchedComplianceEventSchema = smsEvent(
  'mobile_keyword_matched',
  messageProperties,
);

/** `mobile_keyword_unmatched`: an MO message contained no known keyword. */
export const SmsMobileKeywordUnmatchedComplianceEventSchema = smsEvent(
  'mobile_keyword_unmatched',
  messageProperties,
);

/** `mobile_opt_in`: the user opted in by keyword. */
export const SmsMobileOptInComplianceEventSchema = smsEvent('mobile_opt_in', messageProperties);

/** `mobile_opt_out`: the user opted out by keyword (STOP, STOPALL, … or a custom one). */
export const SmsMobileOptOutComplianceEventSchema = smsEvent(
  'mobile_opt_out',
  messageProperties.extend({
    keyword: openEnum(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'ARRET']).optional(),
  }),
);

/** `mobile_terminated_message`: Airship sent an SMS to the user. */
export const SmsMobileTerminatedMessageComplianceEventSchema =
  smsEventWithoutProperties('mobile_terminated_message');

/** `opted_out`: opted out through the API, not by keyword. */
export const SmsOptedOutComplianceEventSchema = smsEventWithoutProperties('opted_out');

/**
 * `registration`: opted in (create) or updated through the SMS registration API. `opted_in` is REQUIRED in the
 * spec, yet its own SMS update example omits it, so only `registration_type` is required.
 */
export const SmsRegistrationComplianceEventSchema = smsEvent(
  'registration',
  z.looseObject({ registration_type: openEnum(['create', 'update']), opted_in: z.string().optional() }),
);

/** `uninstall`: the SMS uninstall API was called. */
export const SmsUninstallComplianceEventSchema = smsEventWithoutProperties('uninstall');

/** SMS compliance sub-event schemas by `body.event_type`. */
export const SMS_COMPLIANCE_SCHEMAS = {
  api_initiate_opt_in: SmsApiInitiateOptInComplianceEventSchema,
  carrier_deactivation: SmsCarrierDeactivationComplianceEventSchema,
  create_and_send: SmsCreateAndSendComplianceEventSchema,
  custom_keyword_response: SmsCustomKeywordResponseComplianceEventSchema,
  mobile_create_channel: SmsMobileCreateChannelComplianceEventSchema,
  mobile_keyword_matched: SmsMobileKeywordMatchedComplianceEventSchema,
  mobile_keyword_unmatched: SmsMobileKeywordUnmatchedComplianceEventSchema,
  mobile_opt_in: SmsMobileOptInComplianceEventSchema,
  mobile_opt_out: SmsMobileOptOutComplianceEventSchema,
  mobile_terminated_message: SmsMobileTerminatedMessageComplianceEventSchema,
  opted_out: SmsOptedOutComplianceEventSchema,
  registration: SmsRegistrationComplianceEventSchema,
  uninstall: SmsUninstallComplianceEventSchema,
} as const;

/** Any SMS compliance event. */
export type SmsComplianceEvent = z.infer<
  (typeof SMS_COMPLIANCE_SCHEMAS)[keyof typeof SMS_COMPLIANCE_SCHEMAS]
>;
