import { z } from 'zod';
import { lenientBoolean, lenientNumber, nonEmptyString } from '../../scalars.js';
import { RtdsChannelDeviceSchema } from '../device.js';
import { RtdsEnvelopeSchema } from '../envelope.js';
import { objectOrList } from '../../object-or-list.js';
import { inAppBodyShape } from '../in-app-body.js';

const pagerShape = {
  ...inAppBodyShape,
  pager_identifier: z.string().optional(),
  page_identifier: z.string().optional(),
  page_index: lenientNumber.optional(),
  page_count: lenientNumber.optional(),
};

/** IN_APP_PAGE_SWIPE: a swipe between pages of a Scene pager. */
export const InAppPageSwipeEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_PAGE_SWIPE'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    ...inAppBodyShape,
    pager_identifier: z.string().optional(),
    from_page_index: lenientNumber.optional(),
    /** The schema says `from_pager_identifier`, the example `from_page_identifier`: both are accepted. */
    from_pager_identifier: z.string().optional(),
    from_page_identifier: z.string().optional(),
    to_page_index: lenientNumber.optional(),
    to_page_identifier: z.string().optional(),
  }),
});

/** IN_APP_PAGE_VIEW: a page of a Scene pager was displayed. */
export const InAppPageViewEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_PAGE_VIEW'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    ...pagerShape,
    viewed_count: lenientNumber.optional(),
    completed: lenientBoolean.optional(),
  }),
});

/** IN_APP_PAGER_COMPLETED: the last page of a pager was viewed for the first time. */
export const InAppPagerCompletedEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_PAGER_COMPLETED'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject(pagerShape),
});

/** IN_APP_PAGER_SUMMARY: the full path through a pager. */
export const InAppPagerSummaryEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('IN_APP_PAGER_SUMMARY'),
  device: RtdsChannelDeviceSchema,
  body: z.looseObject({
    ...pagerShape,
    completed: lenientBoolean.optional(),
    viewed_pages: objectOrList(
      z.looseObject({
        page_identifier: z.string().optional(),
        page_index: lenientNumber.optional(),
        display_time_ms: lenientNumber.optional(),
      }),
    ).optional(),
  }),
});

/** LABEL_EVENT: a Scene screen was renamed; no device. */
export const LabelEventSchema = RtdsEnvelopeSchema.extend({
  type: z.literal('LABEL_EVENT'),
  body: z.looseObject({
    push_id: nonEmptyString,
    group_id: z.string().optional(),
    labels: z.array(z.looseObject({ id: z.string().optional(), label: z.string().optional() })),
  }),
});

/** IN_APP_PAGE_SWIPE event. */
export type InAppPageSwipeEvent = z.infer<typeof InAppPageSwipeEventSchema>;
/** IN_APP_PAGE_VIEW event. */
export type InAppPageViewEvent = z.infer<typeof InAppPageViewEventSchema>;
/** IN_APP_PAGER_COMPLETED event. */
export type InAppPagerCompletedEvent = z.infer<typeof InAppPagerCompletedEventSchema>;
/** IN_APP_PAGER_SUMMARY event. */
export type InAppPagerSummaryEvent = z.infer<typeof InAppPagerSummaryEventSchema>;
/** LABEL_EVENT event. */
export type LabelEvent = z.infer<typeof LabelEventSchema>;
