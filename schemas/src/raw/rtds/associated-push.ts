import { z } from 'zod';
import { lenientNumber, nonEmptyString } from '../scalars.js';

/** The campaigns a push belongs to (the spec allows 1–10 categories of ≤64 characters; not enforced). */
export const RtdsCampaignsSchema = z.looseObject({
  categories: z.array(z.string()).optional(),
});

/** An "associated push" (`triggering_push`, `last_delivered`, `replacing_push`, the WEB_CLICK body). */
export const RtdsAssociatedPushSchema = z.looseObject({
  push_id: nonEmptyString,
  group_id: z.string().optional(),
  variant_id: lenientNumber.optional(),
  time: z.string().optional(),
  campaigns: RtdsCampaignsSchema.optional(),
});

/** An associated push. */
export type RtdsAssociatedPush = z.infer<typeof RtdsAssociatedPushSchema>;
