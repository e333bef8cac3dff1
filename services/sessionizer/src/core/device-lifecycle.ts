import type { DeviceEvent, DeviceState } from '@pushstream/schemas';
import { isErasureRequest } from './erasure.js';
import { kindRule } from './event-kinds.js';
import { fnv1a32, isLater } from './event-order.js';
import { PLATFORM_KEY, factWins, mergeFacts } from './fact-merge.js';
import { EMPTY_HISTORY, addPoint, lifecyclePoint, seededHistory, summarize } from './lifecycle-history.js';
import type { LifecycleConfig } from './sessionizer-config.js';
import { staleFlags } from './staleness.js';
import { sameFacts } from './same-facts.js';

/** The fields of a DeviceEvent the lifecycle reads. */
export type LifecycleEvent = Pick<
  DeviceEvent,
  | 'eventId'
  | 'source'
  | 'sourceType'
  | 'kind'
  | 'deviceKey'
  | 'appKey'
  | 'deviceId'
  | 'platform'
  | 'occurredAt'
  | 'profile'
  | 'identity'
  | 'detail'
>;

/** What one step emits for the device: its new state, or a tombstone (erasure). */
export type LifecycleOutput =
  | { readonly type: 'state'; readonly state: DeviceState }
  | { readonly type: 'tombstone'; readonly deviceKey: string };

/** The device after a step (undefined = unknown or erased) and what to emit (nothing = nothing changed). */
export interface LifecycleStep {
  readonly state: DeviceState | undefined;
  readonly outputs: readonly LifecycleOutput[];
}

/** Wall-clock time of the step (staleness, `updatedAt`) and the settings. */
export interface LifecycleContext {
  readonly nowMs: number;
  readonly config: LifecycleConfig;
}

function newState(event: LifecycleEvent & { deviceId: string }): DeviceState {
  return {
    deviceKey: event.deviceKey,
    appKey: event.appKey,
    deviceId: event.deviceId,
    source: event.source,
    platform: 'UNKNOWN',
    status: 'INSTALLED',
    installedAt: null,
    firstSeenAt: event.occurredAt,
    lastSeenAt: event.occurredAt,
    lastOpenedAt: null,
    unregisteredAt: null,
    reinstallCount: 0,
    openCount: 0,
    pushOptIn: null,
    profile: null,
    identity: null,
    fieldUpdatedAt: {},
    lastEventId: event.eventId,
    version: 0,
    softStale: false,
    hardStale: false,
    updatedAt: 0,
    lastSignOfLifeAt: null,
    lifecycle: EMPTY_HISTORY,
  };
}

function maxOrNull(current: number | null, at: number): number {
  return current === null || at > current ? at : current;
}

/** Applies one event's facts to a state (no version, no emission decision). */
function applyEvent(state: DeviceState, event: LifecycleEvent, context: LifecycleContext): DeviceState {
  const rule = kindRule(event.kind);
  const at = event.occurredAt;
  const next: DeviceState = { ...state };
  if (at < next.firstSeenAt) next.firstSeenAt = at;
  if (isLater(at, event.eventId, next.lastSeenAt, next.lastEventId)) {
    next.lastSeenAt = at;
    next.lastEventId = event.eventId;
  }
  if (rule.signOfLife) next.lastSignOfLifeAt = maxOrNull(next.lastSignOfLifeAt, at);
  const platformAt = next.fieldUpdatedAt[PLATFORM_KEY];
  const knownPlatform = next.platform === 'UNKNOWN' ? null : next.platform;
  if (event.platform !== 'UNKNOWN' && factWins(event.platform, at, knownPlatform, platformAt)) {
    next.platform = event.platform;
    next.fieldUpdatedAt = { ...next.fieldUpdatedAt, [PLATFORM_KEY]: at };
  }
  if (rule.effect !== 'none') {
    if (rule.effect === 'install') next.installedAt = maxOrNull(next.installedAt, at);
    if (rule.effect === 'open') next.lastOpenedAt = maxOrNull(next.lastOpenedAt, at);
    if (rule.effect === 'unregister') next.unregisteredAt = maxOrNull(next.unregisteredAt, at);
    const history = seededHistory(next.lifecycle, next);
    next.lifecycle = addPoint(
      history,
      lifecyclePoint(rule.effect, at, fnv1a32(event.eventId)),
      context.config.reorderHorizonMs,
    );
    const summary = summarize(next.lifecycle);
    next.status = summary.status;
    next.reinstallCount = summary.reinstallCount;
    next.openCount = summary.openCount;
  }
  const facts = mergeFacts(next, event, at, rule.pushOptIn ?? null);
  if (facts !== next) Object.assign(next, facts);
  Object.assign(next, staleFlags(next, context.nowMs, context.config));
  return next;
}

function emitted(previous: DeviceState | undefined, next: DeviceState, nowMs: number): LifecycleStep {
  if (previous !== undefined && sameFacts(previous, next)) return { state: previous, outputs: [] };
  const state = { ...next, version: (previous?.version ?? 0) + 1, updatedAt: nowMs };
  return { state, outputs: [{ type: 'state', state }] };
}

/**
 * The lifecycle state machine: the device's state after one more event. Facts merge by event time, the
 * status folds from the event-time-ordered lifecycle history, so the same set of events in any order and
 * with duplicates reaches the same state (version and updatedAt aside). An erasure request drops the
 * device and emits a tombstone; an event without a device id changes nothing.
 */
export function step(
  state: DeviceState | undefined,
  event: LifecycleEvent,
  context: LifecycleContext,
): LifecycleStep {
  const deviceId = event.deviceId;
  if (deviceId === null) return { state, outputs: [] };
  if (isErasureRequest(event, context.config.erasure)) {
    return { state: undefined, outputs: [{ type: 'tombstone', deviceKey: event.deviceKey }] };
  }
  const base = state ?? newState({ ...event, deviceId });
  return emitted(state, applyEvent(base, event, context), context.nowMs);
}

/**
 * The wall-clock sweep of one device: staleness flags at `nowMs`. Emits the state (version + 1) only when
 * a flag flipped.
 */
export function expire(state: DeviceState, nowMs: number, config: LifecycleConfig): LifecycleStep {
  const flags = staleFlags(state, nowMs, config);
  if (flags.softStale === state.softStale && flags.hardStale === state.hardStale) {
    return { state, outputs: [] };
  }
  return emitted(state, { ...state, ...flags }, nowMs);
}
