import type { SinkTarget } from '@pushstream/schemas';
import { decideInfobip, type InfobipOperation } from '../core/infobip-plan.js';
import { infobipDesired, type InfobipDesired } from '../core/infobip-desired.js';
import { decideIntilery, type IntileryItem } from '../core/intilery-plan.js';
import { intileryDesired, type IntileryDesired } from '../core/intilery-desired.js';
import { parseInfobipDesired, parseIntileryDesired } from '../core/desired-schemas.js';
import type { DeviceView } from '../core/device-view.js';
import type { AckedState, SyncDecision } from '../core/sync-decision.js';
import type { PartnerFailure } from '../delivery/partner-failure.js';
import type { SyncContext } from '../delivery/sync-context.js';
import { executeInfobipPlan } from '../infobip/infobip-executor.js';
import { IntileryBatcher } from '../intilery/intilery-batcher.js';
import { executeIntileryItems } from '../intilery/intilery-executor.js';

/** What the handler needs to know about one target: its desired state, plan, calls and records. */
export interface TargetAdapter<Desired, Operation> {
  readonly target: SinkTarget;
  /** Decides for a state (null = erased); `app` is the registry's app name, undefined for an erasure. */
  decide(
    state: DeviceView | null,
    app: string | undefined,
    acked: AckedState<Desired> | undefined,
    nowMs: number,
  ): SyncDecision<Desired, Operation>;
  /** Makes the calls of a decision for a device. */
  execute(
    deviceKey: string,
    desired: Desired,
    operations: readonly Operation[],
  ): Promise<{ ok: true } | { ok: false; failure: PartnerFailure }>;
  /** The partner's id of the registration, recorded in the acknowledgement. */
  registrationId(desired: Desired): string | null;
  /** Whether the calls count as sending a registration (Intilery's re-send clock). */
  sends(operations: readonly Operation[]): boolean;
  readonly parseAcked: (value: unknown) => Desired | undefined;
}

/** The Infobip adapter. */
export function infobipAdapter(
  context: SyncContext,
  settingsOf: (app: string) => Parameters<typeof infobipDesired>[1] | undefined,
): TargetAdapter<InfobipDesired, InfobipOperation> {
  return {
    target: 'infobip',
    decide(state, app, acked) {
      if (state === null) return decideInfobip(undefined, acked, true);
      const settings = app === undefined ? undefined : settingsOf(app);
      if (settings === undefined) return { kind: 'not-applicable', reason: 'no-account' };
      return decideInfobip(infobipDesired(state, settings), acked, false);
    },
    execute: (_deviceKey, desired, operations) =>
      executeInfobipPlan(context, desired.app, desired.registrationId, operations),
    registrationId: (desired) => desired.registrationId,
    sends: (operations) => operations.length > 0,
    parseAcked: parseInfobipDesired,
  };
}

/** The Intilery adapter (its calls go through one shared batcher). */
export function intileryAdapter(context: SyncContext): TargetAdapter<IntileryDesired, IntileryItem> {
  const batcher = new IntileryBatcher(context, {
    maxItems: context.settings.intileryBatchMaxItems,
    lingerMs: context.settings.intileryBatchLingerMs,
  });
  return {
    target: 'intilery',
    decide(state, app, acked, nowMs) {
      const signOfLifeAt = state?.lastSignOfLifeAt ?? state?.lastSeenAt ?? 0;
      const callContext = {
        deviceKey: state?.deviceKey ?? '',
        stateVersion: state?.version ?? 0,
        occurredAt: state?.lastSeenAt ?? nowMs,
        signOfLifeAt,
        nowMs,
        resendAfterMs: context.settings.intileryResendAfterMs,
      };
      if (state === null) return decideIntilery(undefined, acked, true, callContext);
      const desired = app === undefined ? undefined : intileryDesired(state, app);
      return decideIntilery(desired, acked, false, callContext);
    },
    execute: (_deviceKey, desired, items) => executeIntileryItems(context, batcher, desired.app, items),
    registrationId: () => null,
    sends: (items) => items.some((item) => item.event === 'register push'),
    parseAcked: parseIntileryDesired,
  };
}
