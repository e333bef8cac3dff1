import { z } from 'zod';
import { lenientBoolean, openEnum } from '../../scalars.js';
import { RtdsAssociatedPushSchema } from '../associated-push.js';
import { RtdsChannelDeviceSchema, RtdsDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema, RtdsOffsetOnlyEnvelopeSchema } from '../envelope.js';

/** FIRST_OPEN: a channel was first registered (install). No body. */
export const FirstOpenEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('FIRST_OPEN'),
  device: RtdsChannelDeviceSchema,
});

/** FIRST_OPT_IN: an email (commercial), SMS or open channel was first opted in. No body. */
export const FirstOptInEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('FIRST_OPT_IN'),
  device: RtdsDeviceSchema,
});

/** OPEN: the app was opened; `triggering_push` makes it push-attributed. The spec requires only `offset`. */
export const OpenEventSchema = RtdsOffsetOnlyEnvelopeSchema.extend({
  type: z.literal('OPEN'),
  device: RtdsDeviceSchema.optional(),
  body: z
    .looseObject({
      session_id: z.string().optional(),
      last_delivered: RtdsAssociatedPushSchema.optional(),
      triggering_push: RtdsAssociatedPushSchema.optional(),
    })
    .optional(),
});

/** CLOSE: the app was closed; often latent by days. */
export const CloseEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('CLOSE'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({ session_id: z.string().optional() }),
});

/**
 * UNINSTALL: the app was uninstalled; `decay` means inferred from inactivity. `body` is REQUIRED in the spec,
 * yet the UNINSTALL lines of its own stream-response example have none; dead-lettering an uninstall for that
 * would lose a lifecycle signal, so `body` is optional (`decay` required when it is there).
 */
export const UninstallEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('UNINSTALL'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({ decay: lenientBoolean }).optional(),
});

/** CONTACT_CHANGE: a contact was associated, dissociated or uninstalled. The spec requires only `offset`. */
export const ContactChangeEventSchema = RtdsOffsetOnlyEnvelopeSchema.extend({
  type: z.literal('CONTACT_CHANGE'),
  device: RtdsDeviceSchema.optional(),
  body: z
    .looseObject({
      change_type: openEnum(['ASSOCIATION', 'DISSOCIATION', 'UNINSTALL']).optional(),
      channel_id: z.string().optional(),
      contact_id: z.string().optional(),
      named_user_id: z.string().optional(),
    })
    .optional(),
});

/** FIRST_OPEN event. */
export type FirstOpenEvent = z.infer<typeof FirstOpenEventSchema>;
/** FIRST_OPT_IN event. */
export type FirstOptInEvent = z.infer<typeof FirstOptInEventSchema>;
/** OPEN event. */
export type OpenEvent = z.infer<typeof OpenEventSchema>;
/** CLOSE event. */
export type CloseEvent = z.infer<typeof CloseEventSchema>;
/** UNINSTALL event. */
export type UninstallEvent = z.infer<typeof UninstallEventSchema>;
/** CONTACT_CHANGE event. */
export type ContactChangeEvent = z.infer<typeof ContactChangeEventSchema>;
