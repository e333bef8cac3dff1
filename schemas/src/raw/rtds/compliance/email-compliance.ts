import { z } from 'zod';
import { lenientBoolean, lenientNumber, lenientString, openEnum } from '../../scalars.js';
import { complianceEvent } from './compliance-envelope.js';

/**
 * `identifiers` of email compliance events. REQUIRED in the spec, yet its own bounce and unsubscribe examples
 * omit it, so it is optional except for `create_and_send`.
 */
const emailIdentifiers = z.looseObject({ address: z.string().optional() });

/** Email `bounce`: an email could not be delivered. */
export const EmailBounceComplianceEventSchema = complianceEvent(
  z.looseObject({
    event_type: z.literal('bounce'),
    identifiers: emailIdentifiers.optional(),
    properties: z.looseObject({
      bounce_class: lenientNumber.optional(),
      bounce_event_type: openEnum(['bounce']).optional(),
      email: z.string().optional(),
      sender: lenientString.optional(),
      subject: z.string().optional(),
    }),
  }),
);

/** Email `create_and_send`: an address was used in a Create and Send (`channel_registered`: a channel was created). */
export const EmailCreateAndSendComplianceEventSchema = complianceEvent(
  z.looseObject({
    event_type: z.literal('create_and_send'),
    identifiers: z.looseObject({ address: z.string() }),
    properties: z.looseObject({
      channel_registered: lenientBoolean,
      commercial_opted_in: z.string().optional(),
      transactional_opted_in: z.string().optional(),
    }),
  }),
);

/** Email `registration`: create, update, opt-in, unbounce, and unsubscribe (with `message_type`). */
export const EmailRegistrationComplianceEventSchema = complianceEvent(
  z
    .looseObject({
      event_type: z.literal('registration'),
      identifiers: emailIdentifiers.optional(),
      properties: z.looseObject({
        registration_type: openEnum(['create', 'unbounce', 'update', 'opt_in', 'unsubscribe']),
        commercial_opted_in: z.string().optional(),
        message_type: openEnum(['commercial']).optional(),
        source: openEnum(['ui']).optional(),
        suppression_state: openEnum([
          'imported',
          'spam_complaint',
          'commercial_spam_complaint',
          'out_of_band',
          'bounce',
          'none',
        ]).optional(),
        user: z.string().optional(),
      }),
    })
    .superRefine((body, ctx) => {
      if (body.properties.registration_type === 'unsubscribe' && body.properties.message_type === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['properties', 'message_type'],
          message: 'required field missing (expected string)',
        });
      }
    }),
);

/** Email compliance sub-event schemas by `body.event_type`. */
export const EMAIL_COMPLIANCE_SCHEMAS = {
  bounce: EmailBounceComplianceEventSchema,
  create_and_send: EmailCreateAndSendComplianceEventSchema,
  registration: EmailRegistrationComplianceEventSchema,
} as const;

/** Email `bounce` compliance event. */
export type EmailBounceComplianceEvent = z.infer<typeof EmailBounceComplianceEventSchema>;
/** Email `create_and_send` compliance event. */
export type EmailCreateAndSendComplianceEvent = z.infer<typeof EmailCreateAndSendComplianceEventSchema>;
/** Email `registration` compliance event (unsubscribe included). */
export type EmailRegistrationComplianceEvent = z.infer<typeof EmailRegistrationComplianceEventSchema>;
