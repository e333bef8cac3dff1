import type { CampaignPush } from '../campaigns.js';
import { isoTime } from '../iso-time.js';

/** The "associated push" fields of a campaign: `push_id`, and `group_id` / `variant_id` when it has them. */
export function pushRef(push: CampaignPush): Record<string, unknown> {
  return {
    push_id: push.pushId,
    ...(push.groupId === undefined ? {} : { group_id: push.groupId }),
    ...(push.variantId === undefined ? {} : { variant_id: push.variantId }),
  };
}

/** The associated push with the time it was sent (`triggering_push`, WEB_CLICK body). */
export function timedPushRef(push: CampaignPush): Record<string, unknown> {
  return { ...pushRef(push), time: isoTime(push.sentAt) };
}

/** A SEND body. */
export function sendBody(push: CampaignPush): Record<string, unknown> {
  return { ...pushRef(push), alerting: true, campaigns: { categories: push.categories } };
}

/** A PUSH_BODY body: `payload` is the push request, base64-encoded JSON. */
export function pushBody(push: CampaignPush): Record<string, unknown> {
  const request = { audience: 'all', device_types: ['ios', 'android'], notification: { alert: push.alert } };
  return {
    push_id: push.pushId,
    ...(push.groupId === undefined ? {} : { group_id: push.groupId }),
    campaigns: { categories: push.categories },
    resource: push.resource,
    trimmed: false,
    payload: Buffer.from(JSON.stringify(request)).toString('base64'),
  };
}
