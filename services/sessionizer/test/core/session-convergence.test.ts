import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DeviceEvent, DeviceSession, EventKind } from '@pushstream/schemas';
import {
  DEFAULT_CORE_CONFIG,
  MINUTE_MS,
  PartitionProcessor,
  type SessionizerCoreConfig,
} from '../../src/core/index.js';
import { deviceEvent } from '../fixtures/device-event.js';
import { HISTORY_START } from '../fixtures/history-arbitrary.js';
import { referenceSessions, type ReferenceSession } from '@pushstream/test-kit';

const GAP = 30 * MINUTE_MS;
const GRACE = 10 * MINUTE_MS;
const config: SessionizerCoreConfig = {
  ...DEFAULT_CORE_CONFIG,
  sessions: { ...DEFAULT_CORE_CONFIG.sessions, gapMs: GAP, graceMs: GRACE },
};
const NOW = HISTORY_START + 86_400_000 * 3;
const ACTIVITY: readonly EventKind[] = [
  'OPENED',
  'CLOSED',
  'ACTIVITY',
  'PUSH_OPENED',
  'UPDATED',
  'PUSH_SENT',
];

/** Activity of a few devices: bursts of events minutes apart, bursts hours or minutes apart. */
const partitionTraffic: fc.Arbitrary<DeviceEvent[]> = fc
  .array(
    fc.record({
      device: fc.integer({ min: 0, max: 3 }),
      burstStart: fc.integer({ min: 0, max: 24 * 60 }),
      steps: fc.array(
        fc.record({
          afterMinutes: fc.integer({ min: 0, max: 40 }),
          kind: fc.constantFrom(...ACTIVITY),
          pushId: fc.option(fc.constantFrom('push-1', 'push-2'), { nil: null }),
        }),
        { minLength: 1, maxLength: 6 },
      ),
    }),
    { minLength: 1, maxLength: 12 },
  )
  .map((bursts) =>
    bursts.flatMap((burst, burstIndex) => {
      let at = HISTORY_START + burst.burstStart * MINUTE_MS;
      return burst.steps.map((draft, stepIndex) => {
        at += draft.afterMinutes * MINUTE_MS;
        return deviceEvent({
          eventId: `e-${burstIndex}-${stepIndex}`,
          kind: draft.kind,
          deviceKey: `airship:app:dev-${burst.device}`,
          occurredAt: at,
          pushId: draft.pushId,
        });
      });
    }),
  );

/** The events in arrival order where no event is later than the grace: each arrives at its time + up to grace. */
function boundedShuffle(events: readonly DeviceEvent[]): fc.Arbitrary<DeviceEvent[]> {
  return fc
    .tuple(
      fc.array(fc.integer({ min: 0, max: GRACE }), {
        minLength: events.length * 2,
        maxLength: events.length * 2,
      }),
      fc.array(fc.nat({ max: Math.max(0, events.length - 1) }), { maxLength: events.length }),
    )
    .map(([delays, repeats]) => {
      const all = [
        ...events,
        ...repeats.flatMap((index) => (events[index] === undefined ? [] : [events[index]])),
      ];
      return all
        .map((event, index) => ({ event, arrival: event.occurredAt + (delays[index] ?? 0) }))
        .sort((a, b) => a.arrival - b.arrival)
        .map(({ event }) => event);
    });
}

/** Runs events through one partition, then a far-future event so stream time closes every window. */
function closedSessions(events: readonly DeviceEvent[]): DeviceSession[] {
  const partition = new PartitionProcessor(config);
  const sessions: DeviceSession[] = [];
  const watermark = deviceEvent({
    eventId: 'watermark',
    kind: 'OTHER',
    deviceKey: 'airship:app:watermark',
    occurredAt: NOW,
  });
  [...events, watermark].forEach((event, offset) => {
    for (const output of partition.process(event, offset, NOW).outputs)
      if (output.kind === 'session') sessions.push(output.session);
  });
  return sessions.sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1));
}

function asReference(session: DeviceSession): ReferenceSession {
  return {
    sessionId: session.sessionId,
    startedAt: session.startedAt,
    endedAt: session.endedAt,
    eventCount: session.eventCount,
    openingPushId: session.openingPushId,
  };
}

describe('session windows (property)', () => {
  it('sorted input yields the gap clustering of the activity events', () => {
    fc.assert(
      fc.property(partitionTraffic, (events) => {
        const sorted = [...events].sort((a, b) => a.occurredAt - b.occurredAt);
        expect(closedSessions(sorted).map(asReference)).toEqual(referenceSessions(events, GAP));
      }),
      { numRuns: 300 },
    );
  });

  it('shuffled input with duplicates, no event later than the grace, yields the sessions of sorted input', () => {
    fc.assert(
      fc.property(
        partitionTraffic.chain((events) => fc.tuple(fc.constant(events), boundedShuffle(events))),
        ([events, shuffled]) => {
          const sorted = [...events].sort((a, b) => a.occurredAt - b.occurredAt);
          expect(closedSessions(shuffled)).toEqual(closedSessions(sorted));
        },
      ),
      { numRuns: 300 },
    );
  });
});
