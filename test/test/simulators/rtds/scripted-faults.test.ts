import { gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { startRtdsSimulator, type RtdsSimulator, type RtdsSimulatorOptions } from '../../../src/index.js';
import { waitFor } from '../../../src/wait-for.js';
import { eventLine, openStream } from './stream-client.js';

const running: RtdsSimulator[] = [];
async function simulator(options: RtdsSimulatorOptions = {}): Promise<RtdsSimulator> {
  const sim = await startRtdsSimulator({
    events: Array.from({ length: 50 }, (_, i) => eventLine({ id: `event-${i}` })),
    ...options,
  });
  running.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

describe('RTDS simulator: scripted disconnects', () => {
  it('drops the socket after N events, mid-stream', async () => {
    const sim = await simulator();
    sim.script({ kind: 'disconnect', afterEvents: 10 });
    const stream = await openStream(sim, { acceptEncoding: 'gzip' });
    expect(await stream.ended).toBe('error');
    expect(stream.events().map((event) => event.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => `event-${i}`),
    );
    expect(sim.stats().connections[0]).toMatchObject({ eventsServed: 10, endReason: 'fault-disconnect' });
    // The next connection is not affected.
    const next = await openStream(sim);
    expect(await next.waitForEvents(50)).toHaveLength(50);
    next.close();
  });

  it('cuts mid-line: half of the next line arrives, then the socket drops', async () => {
    const sim = await simulator();
    sim.script({ kind: 'disconnect', afterEvents: 3, midLine: true });
    const stream = await openStream(sim);
    expect(await stream.ended).toBe('error');
    expect(stream.events()).toHaveLength(3);
    const fourth = sim.events.at(3)?.line ?? '';
    expect(stream.tail().length).toBeGreaterThan(0);
    expect(fourth.startsWith(stream.tail())).toBe(true);
    expect(stream.tail().length).toBeLessThan(fourth.length);
  });

  it('cuts after N wire bytes, inside a gzip frame: a strict gunzip of the body fails', async () => {
    const sim = await simulator();
    sim.script({ kind: 'disconnect', afterBytes: 700 });
    const stream = await openStream(sim, { acceptEncoding: 'gzip' });
    expect(await stream.ended).toBe('error');
    expect(stream.raw().length).toBe(700);
    expect(() => gunzipSync(stream.raw())).toThrow(/unexpected end of file/);
    // A tolerant decoder (finishFlush: Z_SYNC_FLUSH) still yields every line that arrived whole.
    expect(stream.events().length).toBeGreaterThan(0);
    expect(sim.stats().connections[0]).toMatchObject({ bytesWritten: 700, endReason: 'fault-disconnect' });
  });

  it('ends the response cleanly when scripted with how: "end" (a stream the server should never end)', async () => {
    const sim = await simulator();
    sim.script({ kind: 'disconnect', afterEvents: 5, how: 'end' });
    const stream = await openStream(sim, { acceptEncoding: 'gzip' });
    expect(await stream.ended).toBe('end');
    expect(stream.events()).toHaveLength(5);
    expect(sim.stats().connections[0]?.endReason).toBe('fault-end');
  });

  it('applies a fault pinned to the k-th request only', async () => {
    const sim = await simulator();
    sim.script({ kind: 'disconnect', afterEvents: 1, at: 2 });
    const first = await openStream(sim);
    await first.waitForEvents(50);
    first.close();
    const second = await openStream(sim);
    expect(await second.ended).toBe('error');
    expect(second.events()).toHaveLength(1);
  });

  it('drops every stream on disconnectAll()', async () => {
    const sim = await simulator();
    const streams = [await openStream(sim), await openStream(sim)];
    await Promise.all(streams.map((stream) => stream.waitForEvents(50)));
    sim.disconnectAll();
    expect(await Promise.all(streams.map((stream) => stream.ended))).toEqual(['error', 'error']);
    expect(sim.stats().connections.map((c) => c.endReason)).toEqual(['server-closed', 'server-closed']);
  });
});

describe('RTDS simulator: stalls', () => {
  it('goes silent — no events, no keepalives — for the stall, then carries on', async () => {
    // A frozen content clock does not freeze the stall: stalls run on real time.
    const sim = await simulator({ keepaliveMs: 20, now: () => 0 });
    sim.script({ kind: 'stall', afterEvents: 5, durationMs: 600 });
    const stream = await openStream(sim);
    await stream.waitForEvents(5);
    const silentFrom = Date.now();
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(stream.lines).toHaveLength(5);
    await stream.waitForEvents(50, 2000);
    expect(Date.now() - silentFrom).toBeGreaterThanOrEqual(400);
    await waitFor('keepalives after the stall', () => stream.lines.includes(''), {
      timeoutMs: 1000,
      intervalMs: 10,
    });
    stream.close();
  });

  it('stalls forever (a half-open connection) with durationMs: Infinity', async () => {
    const sim = await simulator({ keepaliveMs: 20 });
    sim.script({ kind: 'stall', afterEvents: 0, durationMs: Number.POSITIVE_INFINITY });
    const stream = await openStream(sim);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect(stream.raw().length).toBe(0);
    expect(sim.stats().activeStreams).toBe(1);
    stream.close();
    await waitFor('the server to notice the close', () => sim.stats().activeStreams === 0, {
      timeoutMs: 1000,
      intervalMs: 10,
    });
  });
});

describe('RTDS simulator: scripted statuses and limits', () => {
  it('answers scripted statuses in order: 429 with Retry-After, then 503, then serves', async () => {
    const sim = await simulator();
    sim.script({ kind: 'status', status: 429, retryAfter: 7 }, { kind: 'status', status: 503 });
    const limited = await openStream(sim);
    expect(limited.status).toBe(429);
    expect(limited.headers['retry-after']).toBe('7');
    await limited.ended;
    expect(JSON.parse(limited.raw().toString('utf8'))).toMatchObject({ ok: false, error_code: 42901 });
    expect((await openStream(sim)).status).toBe(503);
    const served = await openStream(sim);
    expect(served.status).toBe(200);
    served.close();
  });

  it('answers a status pinned to the k-th request', async () => {
    const sim = await simulator();
    sim.script({ kind: 'status', status: 500, at: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      const stream = await openStream(sim, { body: { start: 'LATEST' } });
      statuses.push(stream.status);
      stream.close();
    }
    expect(statuses).toEqual([200, 200, 500, 200]);
  });

  it('answers 402 beyond the connection limit, holding a closed stream’s slot for the linger time', async () => {
    const sim = await simulator({ maxConnections: 1, connectionLingerMs: 800 });
    const first = await openStream(sim);
    expect(first.status).toBe(200);
    const second = await openStream(sim);
    expect(second.status).toBe(402);
    await second.ended;
    expect(JSON.parse(second.raw().toString('utf8'))).toMatchObject({ error_code: 40201 });
    first.close();
    await waitFor('the server to notice the close', () => sim.stats().activeStreams === 0, {
      timeoutMs: 1000,
      intervalMs: 5,
    });
    expect((await openStream(sim)).status).toBe(402);
    await new Promise((resolve) => setTimeout(resolve, 900));
    const later = await openStream(sim);
    expect(later.status).toBe(200);
    later.close();
  });

  it('answers 404 while the log is empty when notFoundUntilData is set', async () => {
    const sim = await startRtdsSimulator({ notFoundUntilData: true });
    running.push(sim);
    expect((await openStream(sim)).status).toBe(404);
    sim.append([eventLine()]);
    const stream = await openStream(sim);
    expect(stream.status).toBe(200);
    stream.close();
  });
});
