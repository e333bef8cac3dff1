import type { DeviceState } from '@pushstream/schemas';
import type { LifecycleConfig } from './sessionizer-config.js';

/** Soft/hard staleness flags. */
export interface StaleFlags {
  readonly softStale: boolean;
  readonly hardStale: boolean;
}

/**
 * Staleness at wall-clock `nowMs`, measured from the device's latest sign of life in event time (its first
 * event when it never sent one): a backfilled device that last spoke 40 days ago is soft-stale at once.
 */
export function staleFlags(
  state: Pick<DeviceState, 'lastSignOfLifeAt' | 'firstSeenAt'>,
  nowMs: number,
  config: Pick<LifecycleConfig, 'softStaleMs' | 'hardStaleMs'>,
): StaleFlags {
  const silentFor = nowMs - (state.lastSignOfLifeAt ?? state.firstSeenAt);
  return { softStale: silentFor >= config.softStaleMs, hardStale: silentFor >= config.hardStaleMs };
}
