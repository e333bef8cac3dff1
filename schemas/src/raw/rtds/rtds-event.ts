import type { z } from 'zod';
import { dispatchSchema, fieldOf } from '../dispatch-schema.js';
import { ComplianceEventSchema } from './compliance/compliance-event.js';
import { isKnownRtdsType, type RTDS_OFFSET_UPDATE, type RtdsEventType } from './event-types.js';
import {
  FeatureFlagInteractionEventSchema,
  LocationEventSchema,
  RegionEventSchema,
  ScreenViewedEventSchema,
} from './events/activity-events.js';
import {
  AttributeOperationEventSchema,
  SubscriptionEventSchema,
  SubscriptionListEventSchema,
  TagChangeEventSchema,
} from './events/audience-events.js';
import { CustomEventSchema } from './events/custom-event.js';
import { GenericRtdsEventSchema } from './events/generic-event.js';
import { InAppFormDisplayEventSchema, InAppFormResultEventSchema } from './events/in-app-form-events.js';
import {
  InAppButtonTapEventSchema,
  InAppExperiencesEventSchema,
  InAppMessageControlEventSchema,
  InAppMessageDisplayEventSchema,
  InAppMessageExclusionEventSchema,
  InAppMessageExpirationEventSchema,
  InAppMessageResolutionEventSchema,
} from './events/in-app-message-events.js';
import {
  InAppPagerCompletedEventSchema,
  InAppPagerSummaryEventSchema,
  InAppPageSwipeEventSchema,
  InAppPageViewEventSchema,
  LabelEventSchema,
} from './events/in-app-pager-events.js';
import {
  CloseEventSchema,
  ContactChangeEventSchema,
  FirstOpenEventSchema,
  FirstOptInEventSchema,
  OpenEventSchema,
  UninstallEventSchema,
} from './events/lifecycle-events.js';
import {
  RichControlEventSchema,
  RichDeleteEventSchema,
  RichDeliveryEventSchema,
  RichReadEventSchema,
} from './events/message-center-events.js';
import { OffsetUpdateEventSchema } from './events/offset-update-event.js';
import {
  ControlEventSchema,
  PushBodyEventSchema,
  SendAbortedEventSchema,
  SendEventSchema,
  SendRejectedEventSchema,
} from './events/push-events.js';
import { MobileOriginatedEventSchema, ShortLinkClickEventSchema } from './events/sms-events.js';
import { WebClickEventSchema, WebSessionEventSchema } from './events/web-events.js';

/** The schema of every known `type`; the compiler checks that none of the 43 types or OFFSET_UPDATE is missing. */
export const RTDS_EVENT_SCHEMAS = {
  ATTRIBUTE_OPERATION: AttributeOperationEventSchema,
  CLOSE: CloseEventSchema,
  COMPLIANCE: ComplianceEventSchema,
  CONTACT_CHANGE: ContactChangeEventSchema,
  CONTROL: ControlEventSchema,
  CUSTOM: CustomEventSchema,
  FEATURE_FLAG_INTERACTION: FeatureFlagInteractionEventSchema,
  FIRST_OPEN: FirstOpenEventSchema,
  FIRST_OPT_IN: FirstOptInEventSchema,
  IN_APP_BUTTON_TAP: InAppButtonTapEventSchema,
  IN_APP_EXPERIENCES: InAppExperiencesEventSchema,
  IN_APP_FORM_DISPLAY: InAppFormDisplayEventSchema,
  IN_APP_FORM_RESULT: InAppFormResultEventSchema,
  IN_APP_MESSAGE_CONTROL: InAppMessageControlEventSchema,
  IN_APP_MESSAGE_DISPLAY: InAppMessageDisplayEventSchema,
  IN_APP_MESSAGE_EXCLUSION: InAppMessageExclusionEventSchema,
  IN_APP_MESSAGE_EXPIRATION: InAppMessageExpirationEventSchema,
  IN_APP_MESSAGE_RESOLUTION: InAppMessageResolutionEventSchema,
  IN_APP_PAGE_SWIPE: InAppPageSwipeEventSchema,
  IN_APP_PAGE_VIEW: InAppPageViewEventSchema,
  IN_APP_PAGER_COMPLETED: InAppPagerCompletedEventSchema,
  IN_APP_PAGER_SUMMARY: InAppPagerSummaryEventSchema,
  LABEL_EVENT: LabelEventSchema,
  LOCATION: LocationEventSchema,
  MOBILE_ORIGINATED: MobileOriginatedEventSchema,
  OPEN: OpenEventSchema,
  PUSH_BODY: PushBodyEventSchema,
  REGION: RegionEventSchema,
  RICH_CONTROL: RichControlEventSchema,
  RICH_DELETE: RichDeleteEventSchema,
  RICH_DELIVERY: RichDeliveryEventSchema,
  RICH_READ: RichReadEventSchema,
  SCREEN_VIEWED: ScreenViewedEventSchema,
  SEND: SendEventSchema,
  SEND_ABORTED: SendAbortedEventSchema,
  SEND_REJECTED: SendRejectedEventSchema,
  SHORT_LINK_CLICK: ShortLinkClickEventSchema,
  SUBSCRIPTION: SubscriptionEventSchema,
  SUBSCRIPTION_LIST: SubscriptionListEventSchema,
  TAG_CHANGE: TagChangeEventSchema,
  UNINSTALL: UninstallEventSchema,
  WEB_CLICK: WebClickEventSchema,
  WEB_SESSION: WebSessionEventSchema,
  OFFSET_UPDATE: OffsetUpdateEventSchema,
} as const satisfies Record<RtdsEventType | typeof RTDS_OFFSET_UPDATE, z.ZodType>;

type KnownSchemas = typeof RTDS_EVENT_SCHEMAS;

/** An event of one of the 43 documented types or an OFFSET_UPDATE; `switch (event.type)` narrows it. */
export type KnownRtdsEvent = {
  [Type in keyof KnownSchemas]: z.output<KnownSchemas[Type]>;
}[keyof KnownSchemas];

/** Any RTDS line's event: a known one, or an unknown type kept as a generic event. */
export type RtdsEvent = KnownRtdsEvent | z.output<typeof GenericRtdsEventSchema>;

/**
 * An RTDS event: a discriminated union on `type` over the 44 known schemas, whose fallback for any other `type`
 * is the generic event — unknown types parse, and a known type that breaks its schema reports its own fields.
 */
export const RtdsEventSchema = dispatchSchema<RtdsEvent>((value) => {
  const type = fieldOf(value, 'type');
  return isKnownRtdsType(type) ? RTDS_EVENT_SCHEMAS[type] : GenericRtdsEventSchema;
});

/** True for events of a documented type (narrowing `type` then selects the right shape). */
export function isKnownRtdsEvent(event: RtdsEvent): event is KnownRtdsEvent {
  return isKnownRtdsType(event.type);
}
