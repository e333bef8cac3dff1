import type { EventEmitter } from 'node:events';
import { createRequire } from 'node:module';
import { afterEach, describe, expect, it } from 'vitest';
import { startRtdsSimulator, type RtdsSimulator, type RtdsSimulatorOptions } from '../../../src/index.js';
import { waitFor } from '../../../src/wait-for.js';
import { eventLine } from './stream-client.js';

/**
 * Airship's own Node client, `urban-airship-connect` 2.0.4. Its typings name the parser option `parse`
 * while index.js reads `opts.parser`, and they reference through2 types that are not installed, so it is
 * loaded through require with the shape index.js really has.
 */
interface ConnectStream extends EventEmitter {
  write(request: Record<string, unknown>): boolean;
  end(): void;
}
type Connect = (appKey: string, accessToken: string, opts?: { uri?: string }) => ConnectStream;
const connect = createRequire(import.meta.url)('urban-airship-connect') as Connect;

const running: RtdsSimulator[] = [];
const clients: ConnectStream[] = [];
async function simulator(options: RtdsSimulatorOptions = {}): Promise<RtdsSimulator> {
  const sim = await startRtdsSimulator({
    events: Array.from({ length: 20 }, (_, i) => eventLine({ id: `event-${i}` })),
    // The client pipes every 200 body through gunzip without sending Accept-Encoding.
    contentEncoding: 'gzip',
    ...options,
  });
  running.push(sim);
  return sim;
}
afterEach(async () => {
  for (const client of clients.splice(0)) client.end();
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

/** Starts the client against the simulator (`uri` is its documented override of the base URL). */
function client(sim: RtdsSimulator): {
  stream: ConnectStream;
  events: Record<string, unknown>[];
  errors: Error[];
  redirects: number;
} {
  // The same path shape as its default, https://connect.urbanairship.com/api/events/ (trailing slash).
  const stream = connect(sim.appKey, sim.token, { uri: `${sim.url}/api/events/` });
  clients.push(stream);
  const seen = { stream, events: [] as Record<string, unknown>[], errors: [] as Error[], redirects: 0 };
  stream.on('data', (event: Record<string, unknown>) => seen.events.push(event));
  stream.on('error', (error: Error) => seen.errors.push(error));
  stream.on('redirect', () => seen.redirects++);
  return seen;
}

describe('urban-airship-connect against the RTDS simulator', () => {
  it('receives every event over plain-http loopback, gzip-decoded and parsed', async () => {
    const sim = await simulator();
    const seen = client(sim);
    seen.stream.write({ start: 'EARLIEST' });
    await waitFor('20 events', () => seen.events.length === 20, { timeoutMs: 3000, intervalMs: 10 });
    expect(seen.events.map((event) => event.id)).toEqual(Array.from({ length: 20 }, (_, i) => `event-${i}`));
    expect(seen.events.map((event) => event.offset)).toEqual(sim.events.offsets());
    expect(seen.errors).toEqual([]);

    const [request] = sim.stats().connections;
    expect(request).toMatchObject({
      status: 200,
      path: '/api/events/',
      body: '{"start":"EARLIEST"}',
      encoding: 'gzip',
    });
    expect(request?.headers).toMatchObject({
      accept: 'application/vnd.urbanairship+x-ndjson;version=3;',
      'content-type': 'application/json',
      'content-length': '20',
      authorization: `Bearer ${sim.token}`,
      'x-ua-appkey': sim.appKey,
    });
    expect(request?.headers['accept-encoding']).toBeUndefined();
  });

  it('streams live appends and ignores blank keepalives', async () => {
    const sim = await simulator({ keepaliveMs: 20 });
    const seen = client(sim);
    seen.stream.write({ start: 'LATEST' });
    await waitFor('keepalives to be written', () => (sim.stats().connections[0]?.keepalives ?? 0) >= 2, {
      timeoutMs: 2000,
      intervalMs: 10,
    });
    sim.append([eventLine({ id: 'live' })]);
    await waitFor('the live event', () => seen.events.length === 1, { timeoutMs: 2000, intervalMs: 10 });
    expect(seen.events[0]?.id).toBe('live');
    expect(seen.errors).toEqual([]);
  });

  it('cannot read an identity (uncompressed) stream: it gunzips every 200 body unconditionally', async () => {
    const sim = await simulator({ contentEncoding: 'negotiate' });
    const seen = client(sim);
    seen.stream.write({ start: 'EARLIEST' });
    await waitFor('an error', () => seen.errors[0], { timeoutMs: 2000, intervalMs: 10 });
    expect(seen.errors[0]?.message).toMatch(/incorrect header check/);
    expect(seen.events).toEqual([]);
  });

  it('follows 307 + Set-Cookie by re-POSTing the same body with the raw Set-Cookie string as Cookie', async () => {
    const sim = await simulator({ affinity: { hops: 2 } });
    const seen = client(sim);
    seen.stream.write({ start: 'EARLIEST' });
    await waitFor('20 events', () => seen.events.length === 20, { timeoutMs: 3000, intervalMs: 10 });
    expect(seen.redirects).toBe(2);
    const connections = sim.stats().connections;
    expect(connections.map((c) => c.status)).toEqual([307, 307, 200]);
    expect(connections[1]?.cookie).toBe(connections[0]?.setCookie);
    expect(connections[2]?.cookie).toMatch(/^SRV=h2-[0-9a-f]+; Path=\/; HttpOnly$/);
    expect(new Set(connections.map((c) => c.body))).toEqual(new Set(['{"start":"EARLIEST"}']));
  });

  it('reconnects after a clean end with both start and resume_offset — which the server refuses (400)', async () => {
    const sim = await simulator();
    sim.script({ kind: 'disconnect', afterEvents: 5, how: 'end' });
    const seen = client(sim);
    seen.stream.write({ start: 'EARLIEST' });
    await waitFor('an error', () => seen.errors[0], { timeoutMs: 3000, intervalMs: 10 });
    expect(seen.errors[0]?.message).toBe('400: Bad Request');
    const [first, second] = sim.stats().connections;
    expect(first?.endReason).toBe('fault-end');
    expect(JSON.parse(second?.body ?? '{}')).toEqual({
      start: 'EARLIEST',
      resume_offset: sim.events.offsets()[4],
    });
    expect(second?.status).toBe(400);
    expect(seen.events).toHaveLength(5);
  });

  it('resumes without loss or repeat after a clean end when it was started with resume_offset', async () => {
    const sim = await simulator();
    const offsets = sim.events.offsets();
    sim.script({ kind: 'disconnect', afterEvents: 6, how: 'end' });
    const seen = client(sim);
    seen.stream.write({ resume_offset: offsets[1] });
    await waitFor('18 events', () => seen.events.length === 18, { timeoutMs: 3000, intervalMs: 10 });
    expect(seen.events.map((event) => event.offset)).toEqual(offsets.slice(2));
    const [, second] = sim.stats().connections;
    expect(JSON.parse(second?.body ?? '{}')).toEqual({ resume_offset: offsets[7] });
    expect(seen.errors).toEqual([]);
  });

  it('hangs silently when the socket drops mid-stream: no error, no reconnect (it has no watchdog)', async () => {
    const sim = await simulator();
    sim.script({ kind: 'disconnect', afterEvents: 4 });
    const seen = client(sim);
    seen.stream.write({ start: 'EARLIEST' });
    await waitFor('the drop', () => sim.stats().connections[0]?.endReason === 'fault-disconnect', {
      timeoutMs: 2000,
      intervalMs: 10,
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(seen.events).toHaveLength(4);
    expect(seen.errors).toEqual([]);
    expect(sim.stats().connections).toHaveLength(1);
  });
});
