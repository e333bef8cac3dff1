import { createTraffic, decodeOffset } from '@pushstream/schemas';
import { afterEach, describe, expect, it } from 'vitest';
import { startRtdsSimulator, type RtdsSimulator, type RtdsSimulatorOptions } from '../../../src/index.js';
import { openStream } from './stream-client.js';

const running: RtdsSimulator[] = [];
async function simulator(options: RtdsSimulatorOptions): Promise<RtdsSimulator> {
  const sim = await startRtdsSimulator(options);
  running.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

describe('RTDS simulator fed by the seeded traffic generator', () => {
  it('serves the generated event lines byte for byte, duplicates included, keepalives its own', async () => {
    const traffic = createTraffic({
      seed: 11,
      devices: 40,
      rtds: { events: 400, duplicateRate: 0.05, keepaliveRate: 0.1 },
    });
    const truth = traffic.rtds.groundTruth();
    const sim = await simulator({ events: traffic.rtds.lines() });
    const expected = [...traffic.rtds.records()]
      .filter((record) => record.kind === 'event')
      .map((record) => record.line);
    expect(sim.stats().events.end).toBe(truth.eventLines);

    const stream = await openStream(sim, { acceptEncoding: 'gzip' });
    const events = await stream.waitForEvents(truth.eventLines, 5000);
    stream.close();
    expect(stream.lines.filter((line) => line !== '')).toEqual(expected);
    expect(new Set(events.map((event) => event.id))).toEqual(truth.uniqueIds);
    expect(events.at(-1)?.offset).toBe(truth.lastOffset);
  });

  it('resumes a base64-offset stream after an offset only an OFFSET_UPDATE carried, given the rank', async () => {
    const traffic = createTraffic({
      seed: 3,
      devices: 20,
      rtds: { events: 200, offsetEncoding: 'base64', enableOffsetUpdates: true, keepaliveRate: 0.3 },
    });
    const records = [...traffic.rtds.records()];
    const sim = await simulator({
      events: traffic.rtds.lines(),
      offsetRank: (offset) => BigInt(decodeOffset(offset, 'base64')),
      unknownOffset: 'reject',
    });
    const retained = new Set(sim.events.offsets());
    const index = records.findIndex(
      (record, i) => i > 50 && record.kind === 'offset-update' && !retained.has(record.offset),
    );
    const update = records[index];
    if (update?.kind !== 'offset-update')
      throw new Error('the generator wrote no OFFSET_UPDATE with an unused offset');
    const after = records
      .slice(index)
      .filter((record) => record.kind === 'event')
      .map((record) => record.line);

    const stream = await openStream(sim, { body: { resume_offset: update.offset } });
    expect(stream.status).toBe(200);
    await stream.waitForEvents(after.length, 5000);
    stream.close();
    expect(stream.lines.filter((line) => line !== '')).toEqual(after);
  });
});
