import { z } from 'zod';
import { dispatchSchema, fieldOf } from '../dispatch-schema.js';
import { nonEmptyString, openEnum } from '../scalars.js';

/** The push event types CM.com documents; any other `event.type` is kept as a generic event. */
export const CM_EVENT_TYPES = [
  'ClientInstalled',
  'ClientUpdated',
  'ClientUnregistered',
  'MessageOpened',
  'MessageDismissed',
  'MessageDelete',
] as const;

/** One of the documented CM.com push event types. */
export type CmEventType = (typeof CM_EVENT_TYPES)[number];

/**
 * `timeUtc` as CM sends it: `yyyy-MM-ddTHH:mm:ss` in UTC with no zone and no fraction. A fraction or a zone
 * is tolerated; anything else is not a time.
 */
const cmTime = z
  .string()
  .regex(
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})?$/,
    'expected yyyy-MM-ddTHH:mm:ss (UTC)',
  );

/** Profile data of the Client* events (ClientUnregistered carries only `clientId` and `msisdn`). */
export const CmClientProfileSchema = z.looseObject({
  clientId: z.string().optional(),
  clientVersion: z.string().optional(),
  /** Verified phone, `00`-prefixed (`0031612345678`); `null` or `""` when none was registered. */
  msisdn: z.string().nullable().optional(),
  deviceOs: openEnum(['Android', 'iOs', 'iPadOS']).optional(),
  deviceOsVersion: z.string().optional(),
  deviceModel: z.string().optional(),
  pushAuthorization: openEnum(['Authorized', 'NotAuthorized', 'Provisional']).optional(),
  preferredLanguages: z.array(z.string()).optional(),
});

function clientEvent<const Type extends CmEventType>(type: Type) {
  return z.looseObject({ type: z.literal(type), custom: CmClientProfileSchema });
}

function messageEvent<const Type extends CmEventType>(type: Type) {
  return z.looseObject({ type: z.literal(type), reference: nonEmptyString });
}

/** The `event` object of each documented type: Client* carry `custom` profile data, Message* the message `reference`. */
export const CM_EVENT_BODY_SCHEMAS = {
  ClientInstalled: clientEvent('ClientInstalled'),
  ClientUpdated: clientEvent('ClientUpdated'),
  ClientUnregistered: clientEvent('ClientUnregistered'),
  MessageOpened: messageEvent('MessageOpened'),
  MessageDismissed: messageEvent('MessageDismissed'),
  MessageDelete: messageEvent('MessageDelete'),
} as const satisfies Record<CmEventType, z.ZodType>;

/** The `event` object of a type CM has not documented. */
export const GenericCmEventBodySchema = z.looseObject({
  type: nonEmptyString,
  custom: z.record(z.string(), z.unknown()).optional(),
  reference: z.string().optional(),
});

type BodySchemas = typeof CM_EVENT_BODY_SCHEMAS;

/** The `event` object: `switch (event.event.type)` narrows it. */
export type CmEventBody =
  | { [Type in keyof BodySchemas]: z.output<BodySchemas[Type]> }[keyof BodySchemas]
  | z.output<typeof GenericCmEventBodySchema>;

const CmEventBodySchema = dispatchSchema<CmEventBody>((value) => {
  const type = fieldOf(value, 'type');
  return typeof type === 'string' && Object.hasOwn(CM_EVENT_BODY_SCHEMAS, type)
    ? CM_EVENT_BODY_SCHEMAS[type as CmEventType]
    : GenericCmEventBodySchema;
});

/**
 * One CM.com push webhook event. CM posts exactly one such object per request (no batching); `from.number`
 * is the installation id (the device), `to.number` the app key.
 */
export const CmEventSchema = z.looseObject({
  from: z.looseObject({ number: nonEmptyString }),
  to: z.looseObject({ number: nonEmptyString }),
  event: CmEventBodySchema,
  timeUtc: cmTime,
  channel: openEnum(['MobilePush']).optional(),
  /** Event id, only in CM's newer documentation: the dedupe key when present. */
  reference: z.string().optional(),
  messageContext: z.unknown().optional(),
});

/** A CM.com push webhook event. */
export type CmEvent = z.infer<typeof CmEventSchema>;
