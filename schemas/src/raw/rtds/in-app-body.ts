import { z } from 'zod';
import { lenientNumber } from '../scalars.js';
import { RtdsAssociatedPushSchema, RtdsCampaignsSchema } from './associated-push.js';
import { RtdsInAppContextSchema } from './in-app-context.js';

/** Body fields shared by the IN_APP_* events (all optional in every one of them). */
export const inAppBodyShape = {
  app_defined_id: z.string().optional(),
  push_id: z.string().optional(),
  group_id: z.string().optional(),
  variant_id: lenientNumber.optional(),
  campaigns: RtdsCampaignsSchema.optional(),
  session_id: z.string().optional(),
  time_sent: z.string().optional(),
  triggering_push: RtdsAssociatedPushSchema.optional(),
  context: RtdsInAppContextSchema.optional(),
  locale: z.string().optional(),
};
