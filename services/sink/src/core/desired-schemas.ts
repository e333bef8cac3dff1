import { z } from 'zod';
import type { InfobipDesired } from './infobip-desired.js';
import type { IntileryDesired } from './intilery-desired.js';

const attributeValue = z.union([z.string(), z.number(), z.boolean()]);

const infobipDesiredSchema = z.object({
  app: z.string(),
  registrationId: z.string(),
  registrationEnabled: z.boolean(),
  isPrimary: z.boolean().optional(),
  additionalData: z.record(z.string(), attributeValue),
  identity: z
    .union([
      z.object({ externalId: z.string() }),
      z.object({ phoneNumber: z.string() }),
      z.object({ email: z.string() }),
    ])
    .nullable(),
});

const intileryDesiredSchema = z.object({
  app: z.string(),
  deviceId: z.string(),
  registered: z.boolean(),
  fcmToken: z.string().optional(),
  deviceType: z.enum(['iOS', 'Android', 'Web']).optional(),
  userId: z.string().optional(),
  anonymousId: z.string().optional(),
  traits: z.record(z.string(), z.string()).optional(),
});

/** Reads an acknowledged Infobip state back (undefined when it is not one). */
export function parseInfobipDesired(value: unknown): InfobipDesired | undefined {
  const result = infobipDesiredSchema.safeParse(value);
  return result.success ? result.data : undefined;
}

/** Reads an acknowledged Intilery state back (undefined when it is not one). */
export function parseIntileryDesired(value: unknown): IntileryDesired | undefined {
  const result = intileryDesiredSchema.safeParse(value);
  return result.success ? result.data : undefined;
}
