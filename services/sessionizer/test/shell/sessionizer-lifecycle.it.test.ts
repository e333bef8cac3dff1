import { afterAll, describe, expect, inject, it } from 'vitest';
import { createTraffic, type DeviceEvent, type DeviceSession, type DeviceState } from '@pushstream/schemas';
import {
  DAY_MS,
  DEFAULT_CORE_CONFIG,
  MINUTE_MS,
  deepEqual,
  factsOf,
  step,
  type LifecycleConfig,
} from '../../src/core/index.js';
import { deviceEvent } from '../fixtures/device-event.js';
import { rtdsDeviceEvents } from '../fixtures/rtds-device-events.js';
import { referenceSessions, uniqueName, type ReferenceSession } from '@pushstream/test-kit';
import { SessionizerHarness } from '../support/sessionizer-harness.js';

const DEVICES = 10_000;
// The population is larger: some devices have not spoken yet when the event budget ends.
const POPULATION = 12_000;
const EVENTS = Number(process.env.SESSIONIZER_IT_EVENTS ?? 100_000);
const PARTITIONS = 6;
const GAP = 30 * MINUTE_MS;
// Grace longer than any lateness in the stream (latent CLOSE up to 5 days): no event is dropped, so the
// sessions must equal plain gap clustering of all activity.
const GRACE = 7 * DAY_MS;
const ERASED = 25;

const lifecycle: LifecycleConfig = DEFAULT_CORE_CONFIG.lifecycle;

/** The reference: each device's distinct events folded in event-time order by the pure state machine. */
function referenceStates(events: readonly DeviceEvent[], nowMs: number): Map<string, DeviceState | null> {
  const byDevice = new Map<string, Map<string, DeviceEvent>>();
  for (const event of events) {
    if (event.deviceId === null) continue;
    const device = byDevice.get(event.deviceKey) ?? new Map<string, DeviceEvent>();
    device.set(event.eventId, event);
    byDevice.set(event.deviceKey, device);
  }
  const states = new Map<string, DeviceState | null>();
  for (const [key, unique] of byDevice) {
    let state: DeviceState | undefined;
    const sorted = [...unique.values()].sort(
      (a, b) => a.occurredAt - b.occurredAt || (a.eventId < b.eventId ? -1 : 1),
    );
    for (const event of sorted) state = step(state, event, { nowMs, config: lifecycle }).state;
    states.set(key, state ?? null);
  }
  return states;
}

function asReference(session: DeviceSession): ReferenceSession {
  const { sessionId, startedAt, endedAt, eventCount, openingPushId } = session;
  return { sessionId, startedAt, endedAt, eventCount, openingPushId };
}

describe('the sessionizer process against real Kafka', () => {
  const infra = inject('infra');
  const harness = new SessionizerHarness(infra, `${uniqueName('sess')}.`, uniqueName('sessionizer'));
  afterAll(() => harness.stopAll());

  it(`derives the lifecycle and sessions of ${DEVICES} devices through a SIGKILL, a rebalance and a handover`, async () => {
    const traffic = createTraffic({
      seed: 'sessionizer-it',
      devices: POPULATION,
      rtds: { events: EVENTS, duplicateRate: 0.02, latentCloseRate: 0.3 },
      lifecycle: {
        installSpreadMs: 2 * 60 * MINUTE_MS,
        uninstallRate: 0.05,
        reinstallRate: 0.5,
        meanReinstallGapMs: 3 * 60 * MINUTE_MS,
      },
    });
    const truth = traffic.rtds.groundTruth();
    const generated = rtdsDeviceEvents(traffic);
    const lastAt = Math.max(...generated.map((event) => event.occurredAt));
    // An admin erasure request for a few devices, at the end of the stream.
    const erasedKeys = [...truth.devices.keys()].slice(0, ERASED);
    const erasures = erasedKeys.map((deviceKey, index) =>
      deviceEvent({
        eventId: `erase-${index}`,
        kind: 'OTHER',
        sourceType: 'pushstream.erase',
        deviceKey,
        occurredAt: lastAt,
      }),
    );
    const events = [...generated, ...erasures];
    expect(truth.devices.size).toBeGreaterThanOrEqual(DEVICES);
    expect(truth.latentEvents).toBeGreaterThan(0);
    expect([...truth.devices.values()].filter((device) => device.reinstallCount > 0).length).toBeGreaterThan(
      0,
    );

    await harness.provision();
    await harness.produce(events.map((event) => ({ event })));
    const env = {
      SESSION_GAP_MS: String(GAP),
      SESSION_GRACE_MS: String(GRACE),
      SESSION_SWEEP_INTERVAL_MS: '1000',
      STALE_SWEEP_INTERVAL_MS: '2000',
    };
    const total = events.length;
    const first = harness.start('sessionizer-a', env);
    await harness.waitCommitted(Math.floor(total * 0.25), 90_000, () => first.tail(5));
    first.kill('SIGKILL');
    await first.exited;
    const restarted = harness.start('sessionizer-a2', env);
    await harness.waitCommitted(Math.floor(total * 0.5), 90_000, () => restarted.tail(5));
    const second = harness.start('sessionizer-b', env);
    await second.waitForLine(
      'second instance restored its partitions',
      (line) => line.msg === 'restored partition state',
    );
    await harness.waitCommitted(Math.floor(total * 0.75), 90_000, () => second.tail(5));
    restarted.kill('SIGTERM');
    expect((await restarted.exited).code).toBe(0);
    await harness.waitCommitted(total, 90_000, () => second.tail(5));

    // Stream time far ahead in every partition closes every window.
    const watermarks = Array.from({ length: PARTITIONS }, (_, partition) => ({
      partition,
      event: deviceEvent({
        eventId: `watermark-${partition}`,
        kind: 'PUSH_SENT',
        deviceKey: `airship:watermark:p${partition}`,
        occurredAt: lastAt + 30 * DAY_MS,
      }),
    }));
    await harness.produce(watermarks);
    await harness.waitCommitted(total + PARTITIONS, 60_000, () => second.tail(5));

    // Compaction-readiness: the last value per key of device-state.v1 is the state of every device.
    const records = await harness.stateRecords();
    const latest = new Map<string, DeviceState | null>();
    const versions = new Map<string, number[]>();
    for (const record of records) {
      latest.set(record.key, record.state);
      if (record.state !== null)
        versions.set(record.key, [...(versions.get(record.key) ?? []), record.state.version]);
    }
    for (const key of latest.keys()) if (key.startsWith('airship:watermark:')) latest.delete(key);
    const expected = referenceStates(events, Date.now());
    expect(new Set(latest.keys())).toEqual(new Set(expected.keys()));
    const mismatches: string[] = [];
    for (const [key, state] of expected) {
      const actual = latest.get(key) ?? null;
      const same =
        state === null || actual === null ? state === actual : deepEqual(factsOf(actual), factsOf(state));
      if (!same) mismatches.push(key);
    }
    const firstMismatch = mismatches[0];
    if (firstMismatch !== undefined) {
      // Shows the differing fields of the first device that differs.
      const actual = latest.get(firstMismatch);
      const wanted = expected.get(firstMismatch);
      expect({ key: firstMismatch, facts: actual ? factsOf(actual) : actual }).toEqual({
        key: firstMismatch,
        facts: wanted ? factsOf(wanted) : wanted,
      });
    }
    expect(mismatches).toEqual([]);
    // The generator's own ground truth (independent of the core) agrees on status and reinstalls.
    for (const [key, device] of truth.devices) {
      if (erasedKeys.includes(key)) {
        expect(latest.get(key)).toBeNull();
        continue;
      }
      const state = latest.get(key);
      expect({
        key,
        status: state?.status,
        reinstallCount: state?.reinstallCount,
        firstSeenAt: state?.firstSeenAt,
      }).toEqual({
        key,
        status: device.status,
        reinstallCount: device.reinstallCount,
        firstSeenAt: device.firstSeenMs,
      });
    }
    // A new record only on a change, each one the next version: nothing emitted twice across the faults.
    const badVersions = [...versions].filter(([, list]) =>
      list.some((version, index) => version !== index + 1),
    );
    expect(badVersions.slice(0, 3)).toEqual([]);

    // Sessions: duplicates (re-closed after the SIGKILL) are identical; together they are the gap clustering.
    const sessions = await harness.sessions();
    const byId = new Map<string, ReferenceSession>();
    for (const session of sessions) {
      const seen = byId.get(session.sessionId);
      if (seen !== undefined) expect(asReference(session)).toEqual(seen);
      byId.set(session.sessionId, asReference(session));
    }
    const erased = new Set(erasedKeys);
    const actualSessions = [...byId.values()]
      .filter((session) => !erased.has(session.sessionId.slice(0, session.sessionId.lastIndexOf(':'))))
      .sort((a, b) => (a.sessionId < b.sessionId ? -1 : 1));
    const expectedSessions = referenceSessions(
      events.filter((event) => !erased.has(event.deviceKey)),
      GAP,
    );
    expect(actualSessions.length).toBe(expectedSessions.length);
    expect(actualSessions).toEqual(expectedSessions);
    console.log(
      `sessionizer it: ${total} events, ${truth.devices.size} devices, ${records.length} state records, ${sessions.length} session records (${byId.size} distinct)`,
    );
  }, 300_000);
});
