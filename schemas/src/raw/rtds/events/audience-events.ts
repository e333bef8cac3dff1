import { z } from 'zod';
import { openEnum } from '../../scalars.js';
import { RtdsDeviceSchema, RtdsEmailDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema } from '../envelope.js';

const attributeChanges = z
  .array(z.looseObject({ key: z.string().optional(), value: z.unknown().optional() }))
  .min(1);
const tagGroups = z.record(z.string(), z.array(z.string()));
const subscriptionScope = openEnum(['app', 'web', 'email', 'sms']);

/** ATTRIBUTE_OPERATION: attributes were set on or removed from the device. */
export const AttributeOperationEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('ATTRIBUTE_OPERATION'),
  device: RtdsDeviceSchema,
  body: z.looseObject({ set: attributeChanges.optional(), remove: attributeChanges.optional() }),
});

/** TAG_CHANGE: tags changed; `current` is the full tag state after the change. */
export const TagChangeEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('TAG_CHANGE'),
  device: RtdsDeviceSchema,
  body: z.looseObject({
    add: tagGroups.optional(),
    remove: tagGroups.optional(),
    current: tagGroups.optional(),
  }),
});

/** SUBSCRIPTION: email subscription preferences (opted-in / opted-out dates) changed. */
export const SubscriptionEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('SUBSCRIPTION'),
  device: RtdsEmailDeviceSchema,
  body: z.looseObject({
    event_type: openEnum([
      'registration',
      'create_and_send',
      'bounce',
      'list_unsubscribe',
      'link_unsubscribe',
      'spam_complaint',
      'out_of_band',
    ]),
    identifiers: z.looseObject({ address: z.string().optional() }),
    properties: z
      .looseObject({
        commercial_opted_in: z.string().optional(),
        commercial_opted_out: z.string().optional(),
        transactional_opted_in: z.string().optional(),
        transactional_opted_out: z.string().optional(),
        click_tracking_opted_in: z.string().optional(),
        click_tracking_opted_out: z.string().optional(),
        open_tracking_opted_in: z.string().optional(),
        open_tracking_opted_out: z.string().optional(),
      })
      .optional(),
    subscription_lists: z
      .looseObject({
        enrolled: z.array(z.string()).optional(),
        canceled: z.array(z.string()).optional(),
        scope: subscriptionScope.optional(),
      })
      .optional(),
  }),
});

/** SUBSCRIPTION_LIST: subscription list enrollment changed for a device or Named User. */
export const SubscriptionListEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('SUBSCRIPTION_LIST'),
  device: RtdsDeviceSchema,
  body: z.looseObject({
    enrolled: z.array(z.string()).optional(),
    canceled: z.array(z.string()).optional(),
    scope: subscriptionScope.optional(),
  }),
});

/** ATTRIBUTE_OPERATION event. */
export type AttributeOperationEvent = z.infer<typeof AttributeOperationEventSchema>;
/** TAG_CHANGE event. */
export type TagChangeEvent = z.infer<typeof TagChangeEventSchema>;
/** SUBSCRIPTION event. */
export type SubscriptionEvent = z.infer<typeof SubscriptionEventSchema>;
/** SUBSCRIPTION_LIST event. */
export type SubscriptionListEvent = z.infer<typeof SubscriptionListEventSchema>;
