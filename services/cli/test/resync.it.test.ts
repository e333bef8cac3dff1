import { afterAll, describe, expect, it } from 'vitest';
import { readTopic, waitFor, withAdmin } from '@pushstream/test-kit';
import type { DeviceState, SinkAck } from '@pushstream/schemas';
import type { ResyncReport } from '../src/index.js';
import { CliWorld, sampleValue } from './support/cli-harness.js';

const world = new CliWorld();
afterAll(() => world.close());

async function committed(groupId: string, topic: string): Promise<string[]> {
  return withAdmin(world.kafka, async (admin) => {
    const [entry] = await admin.fetchOffsets({ groupId, topics: [topic] });
    return (entry?.partitions ?? []).sort((a, b) => a.partition - b.partition).map((p) => p.offset);
  });
}

describe('pushstream resync', () => {
  it("resets the stopped sink group to the start of device-state, refuses while it runs, and --force clears the target's acks", async () => {
    await world.provision(['device-state.v1', 'sink-acks.infobip.v1'], 3);
    const stateTopic = world.topic('device-state.v1');
    const acksTopic = world.topic('sink-acks.infobip.v1');
    const devices = { a: 2, b: 3, c: 1, d: 5 } as const;
    await world.produce(
      await Promise.all(
        Object.entries(devices).flatMap(([key, version]) =>
          Array.from({ length: version }, async (_, i) => ({
            topic: stateTopic,
            key,
            value: await world.encode(
              'device-state.v1',
              sampleValue<DeviceState>('DeviceState', { deviceKey: key, version: i + 1 }),
            ),
          })),
        ),
      ),
    );
    const ack = (deviceKey: string, stateVersion: number) =>
      world.encode(
        'sink-acks.infobip.v1',
        sampleValue<SinkAck>('SinkAck', { deviceKey, target: 'infobip', stateVersion }),
      );
    // a and b acked at their current version, c at an older one (it has 1: acked 0), d never.
    await world.produce([
      { topic: acksTopic, key: 'a', value: await ack('a', 2) },
      { topic: acksTopic, key: 'b', value: await ack('b', 3) },
      { topic: acksTopic, key: 'c', value: await ack('c', 0) },
    ]);
    // The infobip sink (group <prefix>sink.infobip) had read everything.
    const group = `${world.prefix}sink.infobip`;
    const ends = await withAdmin(world.kafka, (admin) => admin.fetchTopicOffsets(stateTopic));
    await withAdmin(world.kafka, (admin) =>
      admin.setOffsets({
        groupId: group,
        topic: stateTopic,
        partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
      }),
    );
    const atEnd = ends.sort((a, b) => a.partition - b.partition).map((e) => e.high);

    const dry = await world.json<ResyncReport>(['resync', 'infobip', '--dry-run']);
    expect(dry).toMatchObject({
      target: 'infobip',
      group,
      groupState: 'Empty',
      stateTopic,
      acksTopic,
      dryRun: true,
      recordsToReplay: 11,
      estimate: { devices: 4, inSync: 2, behind: 1, neverAcked: 1, erasedWithAck: 0, acks: 3 },
      applied: false,
    });
    expect(dry.offsets.map((o) => [o.from, o.to])).toEqual(atEnd.map((high) => [high, '0']));
    expect(await committed(group, stateTopic)).toEqual(atEnd);

    // A running sink: refused with the reason and what to do.
    const sink = world.kafka.consumer({ groupId: group });
    await sink.connect();
    await sink.subscribe({ topics: [stateTopic] });
    let joined = false;
    sink.on(sink.events.GROUP_JOIN, () => (joined = true));
    await sink.run({ eachMessage: () => Promise.resolve() });
    await waitFor('the running sink joined its group', () => joined);
    const refused = await world.cli(['resync', 'infobip', '--yes']);
    await sink.disconnect();
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(
      new RegExp(
        `^pushstream: CONSUMER_GROUP_ACTIVE: the sink group ${group.replace(/\./g, '\\.')} is active \\(Stable, 1 member\\(s\\): .*stop the sink`,
      ),
    );

    const applied = await world.json<ResyncReport>(['resync', 'infobip', '--yes']);
    expect(applied).toMatchObject({ applied: true, force: false, acksCleared: 0 });
    expect(await committed(group, stateTopic)).toEqual(['0', '0', '0']);
    expect(await readTopic(world.kafka, acksTopic)).toHaveLength(3);

    const forced = await world.json<ResyncReport>(['resync', 'infobip', '--force', '--yes']);
    expect(forced).toMatchObject({ applied: true, force: true, acksCleared: 3 });
    const acks = await readTopic(world.kafka, acksTopic);
    const latest = new Map(acks.map((r) => [r.key, r.value]));
    expect(
      [...latest]
        .filter(([, value]) => value === null)
        .map(([key]) => key)
        .sort(),
    ).toEqual(['a', 'b', 'c']);
    const after = await world.json<ResyncReport>(['resync', 'infobip', '--dry-run']);
    expect(after.estimate).toMatchObject({ inSync: 0, neverAcked: 4, acks: 0 });
  });
});
