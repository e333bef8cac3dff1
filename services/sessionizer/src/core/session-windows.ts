import type { DeviceSession, OpenSession, Platform, SessionCloseReason } from '@pushstream/schemas';
import type { SessionConfig } from './sessionizer-config.js';

/** An activity event as the session windows see it. */
export interface ActivityEvent {
  readonly at: number;
  readonly eventId: string;
  /** An app open: may name the push that opened the session. */
  readonly isOpen: boolean;
  readonly pushId: string | null;
}

/** What adding an activity did. */
export type ActivityOutcome = 'added' | 'duplicate' | 'late';

/**
 * True when stream time has passed the event's time by more than the grace: the event may belong to a
 * session already closed, so it is dropped (and counted), as Kafka Streams drops records of closed windows.
 */
export function isLate(at: number, streamTime: number, config: Pick<SessionConfig, 'graceMs'>): boolean {
  return at < streamTime - config.graceMs;
}

/** Event time after which stream time closes the session. */
export function closesAfter(session: OpenSession, config: Pick<SessionConfig, 'gapMs' | 'graceMs'>): number {
  return session.endedAt + config.gapMs + config.graceMs;
}

function mergeSorted(a: readonly string[], b: readonly string[]): string[] {
  const out: string[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const left = a[i];
    const right = b[j];
    if (right === undefined || (left !== undefined && left <= right)) {
      if (left !== undefined && out.at(-1) !== left) out.push(left);
      i += 1;
    } else {
      if (out.at(-1) !== right) out.push(right);
      j += 1;
    }
  }
  return out;
}

/** The earlier opening of two (same time: one with a push, then the greater push id). */
function earlierOpening(
  a: Pick<OpenSession, 'openingAt' | 'openingPushId'>,
  b: Pick<OpenSession, 'openingAt' | 'openingPushId'>,
): Pick<OpenSession, 'openingAt' | 'openingPushId'> {
  if (a.openingAt === null) return b;
  if (b.openingAt === null) return a;
  if (a.openingAt !== b.openingAt) return a.openingAt < b.openingAt ? a : b;
  return (b.openingPushId ?? '') > (a.openingPushId ?? '') ? b : a;
}

function mergeTwo(a: OpenSession, b: OpenSession): OpenSession {
  const opening = earlierOpening(a, b);
  return {
    startedAt: Math.min(a.startedAt, b.startedAt),
    endedAt: Math.max(a.endedAt, b.endedAt),
    eventIds: mergeSorted(a.eventIds, b.eventIds),
    openingAt: opening.openingAt,
    openingPushId: opening.openingPushId,
  };
}

/**
 * Adds an activity event to a device's open session windows (sorted by start). The event joins every
 * window within the inactivity gap of it — a late event that bridges two windows merges them — or opens
 * a new one. Ids already in a window are duplicates (or replays) and change nothing.
 */
export function addActivity(
  sessions: readonly OpenSession[],
  event: ActivityEvent,
  streamTime: number,
  config: Pick<SessionConfig, 'gapMs' | 'graceMs'>,
): { readonly sessions: readonly OpenSession[]; readonly outcome: ActivityOutcome } {
  if (sessions.some((session) => session.eventIds.includes(event.eventId))) {
    return { sessions, outcome: 'duplicate' };
  }
  if (isLate(event.at, streamTime, config)) return { sessions, outcome: 'late' };
  let merged: OpenSession = {
    startedAt: event.at,
    endedAt: event.at,
    eventIds: [event.eventId],
    openingAt: event.isOpen ? event.at : null,
    openingPushId: event.isOpen ? event.pushId : null,
  };
  const rest: OpenSession[] = [];
  for (const session of sessions) {
    const touches =
      event.at >= session.startedAt - config.gapMs && event.at <= session.endedAt + config.gapMs;
    if (touches) merged = mergeTwo(merged, session);
    else rest.push(session);
  }
  rest.push(merged);
  rest.sort((a, b) => a.startedAt - b.startedAt);
  return { sessions: rest, outcome: 'added' };
}

/** Splits windows into those stream time has closed (end + gap + grace passed) and those still open. */
export function closeDue(
  sessions: readonly OpenSession[],
  streamTime: number,
  config: Pick<SessionConfig, 'gapMs' | 'graceMs'>,
): { readonly open: readonly OpenSession[]; readonly closed: readonly OpenSession[] } {
  const open: OpenSession[] = [];
  const closed: OpenSession[] = [];
  for (const session of sessions) (closesAfter(session, config) < streamTime ? closed : open).push(session);
  return { open, closed };
}

/** The device a session belongs to. */
export interface SessionOwner {
  readonly deviceKey: string;
  readonly appKey: string;
  readonly platform: Platform;
}

/** The deterministic id of a session: `<deviceKey>:<startedAt ms>` (a replayed close repeats it). */
export function sessionIdOf(deviceKey: string, startedAt: number): string {
  return `${deviceKey}:${startedAt}`;
}

/** The closed session record of device-sessions.v1. */
export function closedSession(
  owner: SessionOwner,
  session: OpenSession,
  reason: SessionCloseReason,
  closedAtMs: number,
): DeviceSession {
  return {
    sessionId: sessionIdOf(owner.deviceKey, session.startedAt),
    deviceKey: owner.deviceKey,
    appKey: owner.appKey,
    platform: owner.platform,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    durationMs: session.endedAt - session.startedAt,
    eventCount: session.eventIds.length,
    openingPushId: session.openingPushId,
    closeReason: reason,
    closedAt: closedAtMs,
  };
}
