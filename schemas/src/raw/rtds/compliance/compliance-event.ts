import type { z } from 'zod';
import { dispatchSchema, fieldOf } from '../../dispatch-schema.js';
import { GenericComplianceEventSchema } from './compliance-envelope.js';
import { EMAIL_COMPLIANCE_SCHEMAS } from './email-compliance.js';
import { SMS_COMPLIANCE_SCHEMAS } from './sms-compliance.js';

/** The COMPLIANCE sub-events of the spec: 3 email and 13 SMS `event_type`s (email unsubscribe is a registration). */
export const RTDS_COMPLIANCE_SUB_EVENTS = {
  EMAIL: Object.keys(EMAIL_COMPLIANCE_SCHEMAS) as (keyof typeof EMAIL_COMPLIANCE_SCHEMAS)[],
  SMS: Object.keys(SMS_COMPLIANCE_SCHEMAS) as (keyof typeof SMS_COMPLIANCE_SCHEMAS)[],
} as const;

type EmailSchema = (typeof EMAIL_COMPLIANCE_SCHEMAS)[keyof typeof EMAIL_COMPLIANCE_SCHEMAS];
type SmsSchema = (typeof SMS_COMPLIANCE_SCHEMAS)[keyof typeof SMS_COMPLIANCE_SCHEMAS];

/** Any COMPLIANCE event: a documented email or SMS sub-event, or an undocumented one kept generic. */
export type ComplianceEvent =
  z.output<EmailSchema> | z.output<SmsSchema> | z.output<typeof GenericComplianceEventSchema>;

function pick<Schemas extends object>(schemas: Schemas, key: unknown): Schemas[keyof Schemas] | undefined {
  return typeof key === 'string' && Object.hasOwn(schemas, key) ? schemas[key as keyof Schemas] : undefined;
}

/**
 * COMPLIANCE: email and SMS regulatory events (also the only type of `/api/events/general`). The sub-event is
 * chosen by `device.device_type` and `body.event_type` — `registration` and `create_and_send` exist for both.
 */
export const ComplianceEventSchema = dispatchSchema<ComplianceEvent>((value) => {
  const deviceType = fieldOf(fieldOf(value, 'device'), 'device_type');
  const eventType = fieldOf(fieldOf(value, 'body'), 'event_type');
  const schema =
    deviceType === 'EMAIL'
      ? pick(EMAIL_COMPLIANCE_SCHEMAS, eventType)
      : deviceType === 'SMS'
        ? pick(SMS_COMPLIANCE_SCHEMAS, eventType)
        : undefined;
  return schema ?? GenericComplianceEventSchema;
});
