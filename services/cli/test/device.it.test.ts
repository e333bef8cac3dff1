import { afterAll, describe, expect, it } from 'vitest';
import { readTopic } from '@pushstream/test-kit';
import { partitionForKey } from '@pushstream/runtime';
import type { DeviceEvent, DeviceSession, DeviceState } from '@pushstream/schemas';
import type { DeviceReport } from '../src/index.js';
import { CliWorld, sampleValue } from './support/cli-harness.js';

const world = new CliWorld();
afterAll(() => world.close());

const KEY = 'airship:APP:channel-42';
const OTHER = 'airship:APP:channel-7';
const ERASED = 'cm:APP:gone';
const T0 = Date.parse('2026-11-20T10:00:00Z');

describe('pushstream device', () => {
  it("shows one device's state, recent events and sessions, read from its key's partition", async () => {
    const names = ['device-state.v1', 'device-events.v1', 'device-sessions.v1'];
    await world.provision(names, 6);
    const state = (deviceKey: string, version: number) =>
      sampleValue<DeviceState>('DeviceState', {
        deviceKey,
        version,
        status: 'ACTIVE',
        openCount: version,
        lastSeenAt: T0 + version,
      });
    const event = (deviceKey: string, i: number) =>
      sampleValue<DeviceEvent>('DeviceEvent', {
        deviceKey,
        eventId: `${deviceKey}#${i}`,
        kind: 'OPENED',
        occurredAt: T0 + i * 1000,
      });
    const session = (deviceKey: string, i: number) =>
      sampleValue<DeviceSession>('DeviceSession', {
        deviceKey,
        sessionId: `${deviceKey}:${i}`,
        startedAt: T0 + i,
        endedAt: T0 + i + 60_000,
        durationMs: 60_000,
        eventCount: 3,
      });
    const records = [
      ...[1, 2, 3].map((v) => ({ name: 'device-state.v1', key: KEY, value: state(KEY, v) })),
      { name: 'device-state.v1', key: OTHER, value: state(OTHER, 9) },
      { name: 'device-state.v1', key: ERASED, value: state(ERASED, 1) },
      ...[0, 1, 2, 3, 4].map((i) => ({
        name: 'device-events.v1',
        key: KEY,
        value: event(KEY, i),
      })),
      ...[0, 1].map((i) => ({ name: 'device-events.v1', key: OTHER, value: event(OTHER, i) })),
      ...[0, 1].map((i) => ({ name: 'device-sessions.v1', key: KEY, value: session(KEY, i) })),
    ];
    await world.produce(
      await Promise.all(
        records.map(async (r) => ({
          topic: world.topic(r.name),
          key: r.key,
          value: await world.encode(r.name, r.value),
        })),
      ),
    );
    await world.produce([{ topic: world.topic('device-state.v1'), key: ERASED, value: null }]);

    // Where the producer really put the key is where the CLI reads.
    const stored = await readTopic(world.kafka, world.topic('device-events.v1'));
    const expectedPartition = partitionForKey(KEY, 6);
    expect(new Set(stored.filter((r) => r.key === KEY).map((r) => r.partition))).toEqual(
      new Set([expectedPartition]),
    );

    const report = await world.json<DeviceReport>(['device', KEY, '--events', '3']);
    expect(report.key).toBe(KEY);
    expect(report.partitions).toEqual({
      state: expectedPartition,
      events: expectedPartition,
      sessions: expectedPartition,
    });
    expect(report.erased).toBe(false);
    expect(report.state).toMatchObject({ deviceKey: KEY, version: 3, status: 'ACTIVE', openCount: 3 });
    expect(report.eventsFound).toBe(5);
    expect(report.events.map((e) => e.eventId)).toEqual([`${KEY}#2`, `${KEY}#3`, `${KEY}#4`]);
    expect(report.sessionsFound).toBe(2);
    expect(report.sessions.map((s) => s.sessionId)).toEqual([`${KEY}:0`, `${KEY}:1`]);

    const erased = await world.json<DeviceReport>(['device', ERASED]);
    expect(erased).toMatchObject({ erased: true, state: null, eventsFound: 0, sessionsFound: 0 });
    const unknown = await world.json<DeviceReport>(['device', 'cm:APP:never-seen']);
    expect(unknown).toMatchObject({ erased: false, state: null, events: [], sessions: [] });

    const text = await world.cli(['device', KEY]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain(`Device ${KEY}`);
    expect(text.stdout).toMatch(/│ status +│ ACTIVE +│/);
    expect(text.stdout).toMatch(/│ version +│ 3 +│/);
    expect(text.stdout).toContain(`Events (5 most recent of 5, partition ${expectedPartition})`);
    expect(text.stdout).toContain(`${KEY}#4`);
    expect((await world.cli(['device', ERASED])).stdout).toContain('State: erased (tombstone)');
  });
});
