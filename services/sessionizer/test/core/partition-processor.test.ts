import { describe, expect, it } from 'vitest';
import type { DeviceEvent, DeviceSession, EventKind } from '@pushstream/schemas';
import {
  DEFAULT_CORE_CONFIG,
  PartitionProcessor,
  STREAM_TIME_KEY,
  type PartitionOutput,
  type SessionizerCoreConfig,
} from '../../src/core/index.js';
import { deviceEvent } from '../fixtures/device-event.js';

const T0 = Date.UTC(2026, 5, 1);
const GAP = 5;
const config: SessionizerCoreConfig = {
  ...DEFAULT_CORE_CONFIG,
  sessions: { gapMs: GAP, graceMs: 0, silenceCloseMs: 1000, clockRecordEveryMs: 60_000 },
};

function ev(id: string, kind: EventKind, at: number, deviceKey = 'airship:app:a'): DeviceEvent {
  return deviceEvent({ eventId: id, kind, deviceKey, occurredAt: T0 + at });
}

function sessionsOf(outputs: readonly PartitionOutput[]): DeviceSession[] {
  return outputs.flatMap((output) => (output.kind === 'session' ? [output.session] : []));
}

describe('partition processor: session windows', () => {
  it('merges the Kafka Streams example: A@10, A@12, A@20, then a late A@16 bridges them into [10, 20]', () => {
    const partition = new PartitionProcessor({
      ...config,
      sessions: { ...config.sessions, graceMs: 100 },
    });
    let offset = 0;
    for (const [id, at] of [
      ['a', 10],
      ['b', 12],
      ['c', 20],
      ['d', 16],
    ] as const)
      partition.process(ev(id, 'ACTIVITY', at), offset++, 0);
    expect(partition.openSessions('airship:app:a')).toEqual([
      {
        startedAt: T0 + 10,
        endedAt: T0 + 20,
        eventIds: ['a', 'b', 'c', 'd'],
        openingAt: null,
        openingPushId: null,
      },
    ]);
  });

  it('closes a window once stream time passes end + gap + grace, and drops events later than the grace', () => {
    const partition = new PartitionProcessor(config);
    partition.process(ev('open', 'OPENED', 0), 0, 0);
    partition.process(ev('screen', 'ACTIVITY', 3), 1, 0);
    const closing = partition.process(ev('other-device', 'ACTIVITY', 9, 'airship:app:b'), 2, 77);
    expect(sessionsOf(closing.outputs)).toEqual([
      {
        sessionId: `airship:app:a:${T0}`,
        deviceKey: 'airship:app:a',
        appKey: 'app',
        platform: 'IOS',
        startedAt: T0,
        endedAt: T0 + 3,
        durationMs: 3,
        eventCount: 2,
        openingPushId: null,
        closeReason: 'INACTIVITY_GAP',
        closedAt: 77,
      },
    ]);
    expect(closing.outputs).toContainEqual({
      kind: 'open-sessions',
      deviceKey: 'airship:app:a',
      value: null,
      inputOffset: 1,
    });
    const late = partition.process(ev('late-close', 'CLOSED', 4), 3, 0);
    expect(late.lateForSessions).toBe(true);
    // The late event still counts for the lifecycle.
    expect(late.outputs.some((output) => output.kind === 'state')).toBe(true);
  });

  it('the sweep closes the windows of a device silent for silenceCloseMs of wall-clock time', () => {
    const partition = new PartitionProcessor(config);
    partition.process(
      deviceEvent({ eventId: 'o', kind: 'OPENED', deviceKey: 'airship:app:a', occurredAt: T0, pushId: 'p1' }),
      0,
      1000,
    );
    expect(partition.sweepSilent(1999)).toEqual([]);
    const swept = partition.sweepSilent(2000);
    expect(sessionsOf(swept)).toEqual([
      expect.objectContaining({ closeReason: 'SWEEP', openingPushId: 'p1', closedAt: 2000 }),
    ]);
    expect(partition.stats().openSessions).toBe(0);
  });

  it('skips replays: events at or below the offset a restored record reflects change nothing', () => {
    const first = new PartitionProcessor(config);
    const events = [ev('o', 'OPENED', 0), ev('s', 'ACTIVITY', 2), ev('c', 'CLOSED', 4)];
    const written = events.flatMap((event, offset) => first.process(event, offset, 0).outputs);
    const restored = new PartitionProcessor(config);
    for (const output of written) {
      if (output.kind === 'state') restored.restoreState(output.deviceKey, output.state, output.inputOffset);
      if (output.kind === 'open-sessions')
        restored.restoreOpenSessions(output.deviceKey, output.value, output.inputOffset, 0);
    }
    restored.finishRestore();
    const replay = events.map((event, offset) => restored.process(event, offset, 0));
    expect(replay.map((result) => result.skipped)).toEqual([true, true, true]);
    expect(replay.flatMap((result) => result.outputs)).toEqual([]);
    expect(restored.state('airship:app:a')).toEqual(first.state('airship:app:a'));
    expect(restored.openSessions('airship:app:a')).toEqual(first.openSessions('airship:app:a'));
    expect(restored.currentStreamTime()).toBe(first.currentStreamTime());
  });

  it('writes the partition clock record as stream time advances, and restores stream time from it', () => {
    const partition = new PartitionProcessor(config);
    const result = partition.process(ev('x', 'PUSH_SENT', 0), 0, 0);
    const clock = result.outputs.find(
      (output) => output.kind === 'open-sessions' && output.deviceKey === STREAM_TIME_KEY,
    );
    expect(clock).toMatchObject({ value: { streamTime: T0, sessions: [] } });
    const restored = new PartitionProcessor(config);
    if (clock?.kind === 'open-sessions') restored.restoreOpenSessions(STREAM_TIME_KEY, clock.value, 0, 0);
    expect(restored.currentStreamTime()).toBe(T0);
  });

  it('an erasure drops the device, its open windows (without emitting them) and tombstones both', () => {
    const partition = new PartitionProcessor(config);
    partition.process(ev('o', 'OPENED', 0), 0, 0);
    const erase = partition.process(
      deviceEvent({
        eventId: 'erase',
        kind: 'OTHER',
        sourceType: 'pushstream.erase',
        deviceKey: 'airship:app:a',
        occurredAt: T0 + 1,
      }),
      1,
      0,
    );
    expect(erase.outputs.filter((output) => output.deviceKey === 'airship:app:a')).toEqual([
      { kind: 'state', deviceKey: 'airship:app:a', state: null, inputOffset: 1 },
      { kind: 'open-sessions', deviceKey: 'airship:app:a', value: null, inputOffset: 1 },
    ]);
    expect(partition.state('airship:app:a')).toBeUndefined();
    expect(partition.stats()).toMatchObject({ devices: 0, openSessions: 0 });
  });
});
