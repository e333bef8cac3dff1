import { canonicalJson, desiredHash } from './canonical-json.js';
import type { IntileryDesired } from './intilery-desired.js';
import { uuidV5 } from './message-id.js';
import type { AckedState, SyncDecision } from './sync-decision.js';

/** One Segment-spec event to Intilery's tracking API (the `event` member names the method). */
export type IntileryItem =
  | {
      readonly event: 'identify';
      readonly userId: string;
      readonly traits: Readonly<Record<string, string>>;
      readonly messageId: string;
      readonly timestamp: string;
    }
  | {
      readonly event: 'register push';
      readonly userId?: string;
      readonly anonymousId?: string;
      readonly properties: {
        readonly deviceId: string;
        readonly fcmToken: string;
        readonly deviceType: string;
      };
      readonly context: { readonly app: { readonly name: string } };
      readonly messageId: string;
      readonly timestamp: string;
    };

/** Facts of the triggering state that the calls carry. */
export interface IntileryCallContext {
  readonly deviceKey: string;
  /** DeviceState.version: with the hash, it makes each messageId deterministic and unique per change. */
  readonly stateVersion: number;
  /** Event time of the state (the events' `timestamp`). */
  readonly occurredAt: number;
  /** Latest sign of life of the device (event time). */
  readonly signOfLifeAt: number;
  readonly nowMs: number;
  /** Re-send a registration last sent this long ago, if the device showed life since (must be < 60 d). */
  readonly resendAfterMs: number;
}

/**
 * The items to send so that Intilery holds `desired`: `identify` when the customer or their traits changed,
 * then `register push` when the registration changed — or, unchanged, when it was last sent more than
 * `resendAfterMs` ago and the device has shown life since (Intilery drops tokens older than 2 months).
 */
export function planIntilery(
  desired: IntileryDesired,
  hash: string,
  acked: AckedState<IntileryDesired> | undefined,
  context: IntileryCallContext,
): IntileryItem[] {
  if (!desired.registered || desired.fcmToken === undefined || desired.deviceType === undefined) return [];
  const previous = acked?.desired.registered === true ? acked.desired : undefined;
  const resend = acked?.hash === hash && resendDue(acked, context);
  const name = (event: string) =>
    `intilery|${context.deviceKey}|${event}|${context.stateVersion}|${hash}${resend ? '|resend' : ''}`;
  const timestamp = new Date(context.occurredAt).toISOString();
  const items: IntileryItem[] = [];
  if (
    desired.userId !== undefined &&
    desired.traits !== undefined &&
    (previous?.userId !== desired.userId ||
      canonicalJson(previous.traits ?? null) !== canonicalJson(desired.traits))
  ) {
    items.push({
      event: 'identify',
      userId: desired.userId,
      traits: desired.traits,
      messageId: uuidV5(name('identify')),
      timestamp,
    });
  }
  const registrationChanged =
    previous === undefined ||
    previous.fcmToken !== desired.fcmToken ||
    previous.deviceType !== desired.deviceType ||
    previous.userId !== desired.userId ||
    previous.anonymousId !== desired.anonymousId;
  if (registrationChanged || resend) {
    items.push({
      event: 'register push',
      ...(desired.userId === undefined ? {} : { userId: desired.userId }),
      ...(desired.anonymousId === undefined ? {} : { anonymousId: desired.anonymousId }),
      properties: {
        deviceId: desired.deviceId,
        fcmToken: desired.fcmToken,
        deviceType: desired.deviceType,
      },
      context: { app: { name: desired.app } },
      messageId: uuidV5(name('register push')),
      timestamp,
    });
  }
  return items;
}

/** A registered device whose registration is older than the resend age and that has shown life since. */
export function resendDue(acked: AckedState<IntileryDesired>, context: IntileryCallContext): boolean {
  return (
    acked.desired.registered &&
    context.nowMs - acked.lastSentAt >= context.resendAfterMs &&
    context.signOfLifeAt > acked.lastSentAt
  );
}

/** Decides the Intilery calls for a device state (desired undefined = not applicable) or an erasure. */
export function decideIntilery(
  desired: IntileryDesired | undefined,
  acked: AckedState<IntileryDesired> | undefined,
  erased: boolean,
  context: IntileryCallContext,
): SyncDecision<IntileryDesired, IntileryItem> {
  if (erased) {
    // Intilery documents no per-device unregister: forgetting what it acknowledged is all there is to do.
    if (acked === undefined) return { kind: 'not-applicable', reason: 'never-synced' };
    return { kind: 'sync', desired: acked.desired, hash: acked.hash, operations: [], erase: true };
  }
  if (desired === undefined) return { kind: 'not-applicable', reason: 'no-fcm-token' };
  const hash = desiredHash(desired);
  if (acked?.hash === hash && !resendDue(acked, context)) return { kind: 'in-sync' };
  return {
    kind: 'sync',
    desired,
    hash,
    operations: planIntilery(desired, hash, acked, context),
    erase: false,
  };
}
