import { afterEach, describe, expect, it } from 'vitest';
import { startRtdsSimulator, type RtdsSimulator, type RtdsSimulatorOptions } from '../../../src/index.js';
import { eventLine, openStream } from './stream-client.js';

const running: RtdsSimulator[] = [];
async function simulator(options: RtdsSimulatorOptions = {}): Promise<RtdsSimulator> {
  const sim = await startRtdsSimulator({ keepaliveMs: 50, ...options });
  running.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

/** Opens a stream with `body`, waits for `count` events and returns their offsets. */
async function offsetsOf(sim: RtdsSimulator, body: unknown, count: number): Promise<unknown[]> {
  const stream = await openStream(sim, { body });
  expect(stream.status).toBe(200);
  await stream.waitForEvents(count);
  // Give an extra event (one that should not come) a chance to arrive before judging.
  await new Promise((resolve) => setTimeout(resolve, 60));
  stream.close();
  return stream.events().map((event) => event.offset);
}

describe('RTDS simulator: start and resume_offset', () => {
  it('assigns increasing offsets to lines without one and keeps the offsets lines carry', async () => {
    const sim = await simulator({ firstOffset: 5000n });
    expect(sim.append([eventLine(), eventLine()])).toEqual(['5000', '5001']);
    expect(sim.append([eventLine({ offset: '9000' }), '', eventLine()])).toEqual(['9000', '9001']);
    expect(() => sim.append([eventLine({ offset: '9000' })])).toThrow(/already in the log/);
    expect(sim.events.at(0)?.line).toMatch(/^\{"offset":"5000","id":/);
  });

  it('EARLIEST replays the retained log; LATEST sends only what is appended afterwards', async () => {
    const sim = await simulator();
    const first = sim.append([eventLine(), eventLine(), eventLine()]);
    expect(await offsetsOf(sim, { start: 'EARLIEST' }, 3)).toEqual(first);

    const latest = await openStream(sim, { body: { start: 'LATEST' } });
    await new Promise((resolve) => setTimeout(resolve, 30));
    const later = sim.append([eventLine(), eventLine()]);
    await latest.waitForEvents(2);
    latest.close();
    expect(latest.events().map((event) => event.offset)).toEqual(later);
  });

  it('resumes after resume_offset: the event with that offset is not sent again (spec: "greater than")', async () => {
    const sim = await simulator();
    const offsets = sim.append([eventLine(), eventLine(), eventLine(), eventLine()]);
    expect(await offsetsOf(sim, { resume_offset: offsets[1] }, 2)).toEqual(offsets.slice(2));
    expect(await offsetsOf(sim, { resume_offset: offsets[3] }, 0)).toEqual([]);
  });

  it('resends the resume event when configured inclusive, the quirk clients guard against', async () => {
    const sim = await simulator({ resumeInclusive: true });
    const offsets = sim.append([eventLine(), eventLine(), eventLine()]);
    expect(await offsetsOf(sim, { resume_offset: offsets[1] }, 2)).toEqual(offsets.slice(1));
  });

  it('places a decimal offset it never handed out by number (e.g. after an OFFSET_UPDATE or a gap)', async () => {
    const sim = await simulator();
    sim.append([10, 20, 30].map((n) => eventLine({ offset: String(n) })));
    expect(await offsetsOf(sim, { resume_offset: '15' }, 2)).toEqual(['20', '30']);
    expect(await offsetsOf(sim, { resume_offset: '5' }, 3)).toEqual(['10', '20', '30']);
  });

  it('serves an aged-out offset from the oldest retained event', async () => {
    const sim = await simulator();
    const offsets = sim.append([eventLine(), eventLine(), eventLine(), eventLine()]);
    expect(sim.events.expire(2)).toBe(2);
    expect(sim.stats().events).toMatchObject({ start: 2, end: 4, firstOffset: offsets[2] });
    expect(await offsetsOf(sim, { resume_offset: offsets[0] }, 2)).toEqual(offsets.slice(2));
    expect(await offsetsOf(sim, { start: 'EARLIEST' }, 2)).toEqual(offsets.slice(2));
  });

  it('handles opaque offsets it cannot place per `unknownOffset`, or by a given rank', async () => {
    const lines = ['MTIzNQ', 'NTIxMDM1'].map((offset) => eventLine({ offset }));
    const earliest = await simulator({ events: lines });
    expect(await offsetsOf(earliest, { resume_offset: 'bm9wZQ' }, 2)).toEqual(['MTIzNQ', 'NTIxMDM1']);

    const reject = await simulator({ events: lines, unknownOffset: 'reject' });
    const refused = await openStream(reject, { body: { resume_offset: 'bm9wZQ' } });
    expect(refused.status).toBe(400);

    const decodeBase64 = (offset: string): bigint | undefined => {
      const digits = Buffer.from(offset, 'base64').toString('utf8');
      return /^\d+$/.test(digits) ? BigInt(digits) : undefined;
    };
    const ranked = await simulator({ events: lines, offsetRank: decodeBase64 });
    // "MjAwMA" is base64 of 2000: after 1235, before 521035.
    expect(await offsetsOf(ranked, { resume_offset: 'MjAwMA' }, 1)).toEqual(['NTIxMDM1']);
  });

  it('re-serves a duplicate with the same id, a new offset and a new processed time', async () => {
    const now = Date.parse('2026-05-01T10:00:00.000Z');
    const sim = await simulator({ now: () => now });
    const line = eventLine({ id: 'dup-1', type: 'CUSTOM', body: { name: 'purchase', value: 0 } });
    const [original = ''] = sim.append([line.replace('"value":0', '"value":123456789012345678901234567890')]);
    const copy = sim.events.duplicate(original);
    const stream = await openStream(sim);
    const [a, b] = await stream.waitForEvents(2);
    stream.close();
    expect(a).toMatchObject({ id: 'dup-1', offset: original, processed: '2026-01-01T00:00:01.000Z' });
    expect(b).toMatchObject({ id: 'dup-1', offset: copy, processed: '2026-05-01T10:00:00.000Z' });
    // The rest of the line is byte-identical: the big number is not re-serialized.
    expect(stream.lines[1]).toContain('"value":123456789012345678901234567890');
    expect(sim.events.at(1)?.line.replace(/"offset":"\d+"|"processed":"[^"]+"/g, '')).toBe(
      sim.events.at(0)?.line.replace(/"offset":"\d+"|"processed":"[^"]+"/g, ''),
    );
  });
});
