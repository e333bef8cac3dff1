/** Milliseconds in a day. */
export const DAY_MS = 24 * 60 * 60 * 1000;
/** Milliseconds in a minute. */
export const MINUTE_MS = 60 * 1000;

/** One rule that makes an event an erasure request: every given field must match. */
export interface ErasureRule {
  /** The event's `sourceType`, exactly (e.g. `COMPLIANCE`, `pushstream.erase`). */
  readonly sourceType: string;
  /** Optional `kind` the event must have. */
  readonly kind?: string;
  /** Values that dotted paths of the event's `detail` JSON must equal, e.g. `{ "body.event_type": "uninstall" }`. */
  readonly detail?: Readonly<Record<string, string | number | boolean>>;
}

/** Settings of the lifecycle state machine. */
export interface LifecycleConfig {
  /**
   * How far behind a device's newest lifecycle event an install/open/unregister may arrive and still be
   * ordered exactly (and an open still be recognised as a duplicate). Older ones are folded approximately.
   */
  readonly reorderHorizonMs: number;
  /** No sign of life for this long makes a device soft-stale. */
  readonly softStaleMs: number;
  /** No sign of life for this long makes a device hard-stale. */
  readonly hardStaleMs: number;
  /** Events that erase a device (tombstone). */
  readonly erasure: readonly ErasureRule[];
}

/** Settings of the session windows. */
export interface SessionConfig {
  /** Inactivity that separates two sessions. */
  readonly gapMs: number;
  /** How far stream time may pass an event's time before the event is too late for sessions. */
  readonly graceMs: number;
  /** Wall-clock silence of a device after which the sweep closes its open sessions. */
  readonly silenceCloseMs: number;
  /** Stream-time progress between two writes of the partition clock record. */
  readonly clockRecordEveryMs: number;
}

/** Every setting of the sessionizer core. */
export interface SessionizerCoreConfig {
  readonly lifecycle: LifecycleConfig;
  readonly sessions: SessionConfig;
}

/** The erasure rule of the admin command (`sourceType` `pushstream.erase`). */
export const ADMIN_ERASE_RULE: ErasureRule = { sourceType: 'pushstream.erase' };

/** Defaults of DESIGN.md §5: 30 min gap, 30/60-day staleness, the 7-day RTDS window as reorder horizon. */
export const DEFAULT_CORE_CONFIG: SessionizerCoreConfig = {
  lifecycle: {
    reorderHorizonMs: 7 * DAY_MS,
    softStaleMs: 30 * DAY_MS,
    hardStaleMs: 60 * DAY_MS,
    erasure: [ADMIN_ERASE_RULE],
  },
  sessions: {
    gapMs: 30 * MINUTE_MS,
    graceMs: 5 * MINUTE_MS,
    silenceCloseMs: 35 * MINUTE_MS,
    clockRecordEveryMs: MINUTE_MS,
  },
};
