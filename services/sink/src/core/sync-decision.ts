/** What the partner last acknowledged for a device (restored from sink-acks.<target>.v1). */
export interface AckedState<Desired> {
  readonly hash: string;
  readonly desired: Desired;
  /** When a registration was last sent (ms). */
  readonly lastSentAt: number;
  /** DeviceState.version the acknowledged state was computed from. */
  readonly stateVersion: number;
}

/**
 * True when the partner already acknowledged a newer state of the device than `stateVersion`: an older
 * record (a replay of the topic from the beginning, before compaction removed it) must not roll the
 * partner back, so it is skipped.
 */
export function supersededBy(acked: AckedState<unknown> | undefined, stateVersion: number): boolean {
  return acked !== undefined && stateVersion < acked.stateVersion;
}

/**
 * Why a target does not apply to a device state (a closed list: a metric label):
 * - `app-not-served`: the app is not in the registry, or does not list this target;
 * - `no-account`: the app lists the target but has no partner account configured;
 * - `no-registration-id`: Infobip — the configured identifier or attribute is absent from the state;
 * - `no-fcm-token`: Intilery — no FCM platform (iOS, Android, web) or no push token on the state;
 * - `never-synced`: an erased device the partner never heard of.
 */
export const NOT_APPLICABLE_REASONS = [
  'app-not-served',
  'no-account',
  'no-registration-id',
  'no-fcm-token',
  'never-synced',
] as const;

/** One of NOT_APPLICABLE_REASONS. */
export type NotApplicableReason = (typeof NOT_APPLICABLE_REASONS)[number];

/**
 * What to do for one device state: nothing (the target does not apply to it, or the partner already has
 * the desired state), or calls (possibly none, when only our record of the partner state changes) and then
 * an acknowledgement — a tombstone when `erase`.
 */
export type SyncDecision<Desired, Operation> =
  | { readonly kind: 'not-applicable'; readonly reason: NotApplicableReason }
  | { readonly kind: 'in-sync' }
  | {
      readonly kind: 'sync';
      readonly desired: Desired;
      readonly hash: string;
      readonly operations: readonly Operation[];
      readonly erase: boolean;
    };
