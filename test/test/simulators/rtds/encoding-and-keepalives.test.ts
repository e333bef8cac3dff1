import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startRtdsSimulator, type RtdsSimulator, type RtdsSimulatorOptions } from '../../../src/index.js';
import { waitFor } from '../../../src/wait-for.js';
import { eventLine, openStream, RTDS_ACCEPT } from './stream-client.js';

const running: RtdsSimulator[] = [];
async function simulator(options: RtdsSimulatorOptions = {}): Promise<RtdsSimulator> {
  const sim = await startRtdsSimulator(options);
  running.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

const manyLines = (count: number): string[] =>
  Array.from({ length: count }, (_, i) =>
    eventLine({ id: `event-${i}`, device: { channel: `channel-${i % 10}`, device_type: 'IOS' } }),
  );

describe('RTDS simulator: encoding', () => {
  it('gzips when the request accepts gzip: Content-Encoding set, wire bytes really compressed', async () => {
    const sim = await simulator({ events: manyLines(200) });
    const stream = await openStream(sim, { acceptEncoding: 'gzip, deflate' });
    expect(stream.status).toBe(200);
    expect(stream.headers['content-encoding']).toBe('gzip');
    expect(stream.headers['content-type']).toBe('application/vnd.urbanairship+x-ndjson; version=3;');
    await stream.waitForEvents(200);
    stream.close();
    const raw = stream.raw();
    expect([...raw.subarray(0, 2)]).toEqual([0x1f, 0x8b]);
    const plain = sim.events
      .offsets()
      .map((_, i) => `${sim.events.at(i)?.line ?? ''}\n`)
      .join('');
    expect(raw.length).toBeLessThan(Buffer.byteLength(plain) / 3);
    // The stream is open (no gzip trailer yet); everything sent so far decodes as a prefix.
    const decoded = gunzipSync(raw, { finishFlush: 2 /* Z_SYNC_FLUSH */ }).toString('utf8');
    expect(decoded).toBe(plain);
    expect(sim.stats().connections[0]).toMatchObject({
      encoding: 'gzip',
      eventsServed: 200,
      bytesWritten: raw.length,
    });
  });

  it('sends identity without Accept-Encoding, deflate when only deflate is accepted', async () => {
    const sim = await simulator({ events: manyLines(3) });
    const plain = await openStream(sim);
    expect(plain.headers['content-encoding']).toBeUndefined();
    await plain.waitForEvents(3);
    expect(plain.raw().toString('utf8')).toBe(plain.lines.map((line) => `${line}\n`).join(''));
    plain.close();
    const deflate = await openStream(sim, { acceptEncoding: 'deflate, gzip;q=0' });
    expect(deflate.headers['content-encoding']).toBe('deflate');
    expect(await deflate.waitForEvents(3)).toHaveLength(3);
    deflate.close();
  });

  it('can force gzip regardless of Accept-Encoding (as the real server behaves for the Node client)', async () => {
    const sim = await simulator({ events: manyLines(2), contentEncoding: 'gzip' });
    const stream = await openStream(sim);
    expect(stream.headers['content-encoding']).toBe('gzip');
    expect(await stream.waitForEvents(2)).toHaveLength(2);
    stream.close();
  });

  it('is decoded transparently by fetch', async () => {
    const sim = await simulator({ events: manyLines(5) });
    const controller = new AbortController();
    const response = await fetch(sim.eventsUrl, {
      method: 'POST',
      headers: {
        authorization: sim.bearerAuthorization,
        'x-ua-appkey': sim.appKey,
        accept: RTDS_ACCEPT,
        'content-type': 'application/json',
        'accept-encoding': 'gzip',
      },
      body: JSON.stringify({ start: 'EARLIEST' }),
      signal: controller.signal,
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    const reader = response.body?.getReader();
    let text = '';
    while (reader !== undefined && text.split('\n').length <= 5) {
      const { value } = (await reader.read()) as { value?: Uint8Array };
      text += Buffer.from(value ?? new Uint8Array()).toString('utf8');
    }
    controller.abort();
    expect(
      text
        .split('\n')
        .slice(0, 5)
        .map((line) => (JSON.parse(line) as { id: string }).id),
    ).toEqual(['event-0', 'event-1', 'event-2', 'event-3', 'event-4']);
  });
});

describe('RTDS simulator: keepalives, OFFSET_UPDATE and live appends', () => {
  it('writes blank keepalive lines while idle, also through gzip', async () => {
    const sim = await simulator({ keepaliveMs: 40, events: manyLines(1) });
    const stream = await openStream(sim, { acceptEncoding: 'gzip' });
    await waitFor('three keepalives', () => stream.lines.filter((line) => line === '').length >= 3, {
      timeoutMs: 2000,
      intervalMs: 10,
    });
    stream.close();
    expect(stream.lines[0]).toContain('"event-0"');
    expect(stream.lines.slice(1).every((line) => line === '')).toBe(true);
    expect(sim.stats().connections[0]?.keepalives).toBeGreaterThanOrEqual(3);
  });

  it('replaces keepalives with OFFSET_UPDATE when enabled, carrying the last offset considered', async () => {
    const sim = await simulator({ keepaliveMs: 40, now: () => Date.parse('2026-03-03T03:03:03.333Z') });
    const offsets = sim.append([eventLine({ type: 'OPEN' }), eventLine({ type: 'SEND' })]);
    const stream = await openStream(sim, {
      body: { start: 'EARLIEST', enable_offset_updates: true, filters: [{ types: ['OPEN'] }] },
    });
    await waitFor('an OFFSET_UPDATE', () => stream.events().find((event) => event.type === 'OFFSET_UPDATE'), {
      timeoutMs: 2000,
      intervalMs: 10,
    });
    stream.close();
    const [open, update] = stream.events();
    expect(open).toMatchObject({ type: 'OPEN', offset: offsets[0] });
    // The SEND was filtered out but considered: the update reports its offset.
    expect(update).toEqual({
      type: 'OFFSET_UPDATE',
      offset: offsets[1],
      occurred: '2026-03-03T03:03:03.333Z',
      processed: '2026-03-03T03:03:03.333Z',
    });
    expect(stream.lines).not.toContain('');
  });

  it('streams events appended while a client is connected, after the backlog', async () => {
    const sim = await simulator({ keepaliveMs: 1000, events: manyLines(2) });
    const stream = await openStream(sim, { acceptEncoding: 'gzip' });
    await stream.waitForEvents(2);
    const appended = sim.append([eventLine({ id: 'live-1' }), eventLine({ id: 'live-2' })]);
    const events = await stream.waitForEvents(4, 1000);
    stream.close();
    expect(events.slice(2).map((event) => event.offset)).toEqual(appended);
    expect(events.slice(2).map((event) => event.id)).toEqual(['live-1', 'live-2']);
  });
});
