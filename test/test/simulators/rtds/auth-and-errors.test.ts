import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startRtdsSimulator, type RtdsSimulator } from '../../../src/index.js';
import { eventLine, openStream, RTDS_ACCEPT } from './stream-client.js';

let sim: RtdsSimulator;

beforeAll(async () => {
  sim = await startRtdsSimulator({ events: [eventLine(), eventLine()] });
});
afterAll(async () => {
  await sim.close();
});

async function errorOf(stream: Awaited<ReturnType<typeof openStream>>): Promise<Record<string, unknown>> {
  await stream.ended;
  return JSON.parse(stream.raw().toString('utf8')) as Record<string, unknown>;
}

describe('RTDS simulator: authentication and error statuses', () => {
  it('serves /api/events with Bearer and /api/events/general with Basic', async () => {
    const events = await openStream(sim);
    const compliance = await openStream(sim, { endpoint: 'compliance' });
    expect(events.status).toBe(200);
    expect(compliance.status).toBe(200);
    events.close();
    compliance.close();
  });

  it('answers 401 with the Airship error envelope for a missing or wrong token', async () => {
    const missing = await openStream(sim, { headers: { authorization: null } });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer');
    expect(missing.headers['content-type']).toBe('application/vnd.urbanairship+json; version=3');
    expect(await errorOf(missing)).toEqual({
      ok: false,
      error: 'Unauthorized',
      error_code: 40101,
      details: { error: 'missing or unsupported Authorization header' },
    });
    const wrong = await openStream(sim, { headers: { authorization: 'Bearer nope' } });
    expect(wrong.status).toBe(401);
    const wrongSecret = Buffer.from(`${sim.appKey}:nope`).toString('base64');
    const basic = await openStream(sim, {
      endpoint: 'compliance',
      headers: { authorization: `Basic ${wrongSecret}` },
    });
    expect(basic.status).toBe(401);
  });

  it('answers 403 to the other scheme: Basic on /api/events, Bearer on /api/events/general', async () => {
    const basicOnEvents = await openStream(sim, { headers: { authorization: sim.basicAuthorization } });
    expect(basicOnEvents.status).toBe(403);
    const bearerOnCompliance = await openStream(sim, {
      endpoint: 'compliance',
      headers: { authorization: sim.bearerAuthorization },
    });
    expect(bearerOnCompliance.status).toBe(403);
    expect((await errorOf(bearerOnCompliance)).error_code).toBe(40301);
  });

  it('answers 400 without X-UA-Appkey and 404 for an app key it has no data for', async () => {
    expect((await openStream(sim, { headers: { 'x-ua-appkey': null } })).status).toBe(400);
    const unknown = await openStream(sim, { headers: { 'x-ua-appkey': 'another-app' } });
    expect(unknown.status).toBe(404);
    expect(await errorOf(unknown)).toMatchObject({
      error_code: 40401,
      details: { error: 'We do not have data for the specified App key.' },
    });
  });

  it('checks Accept (406) and Content-Type (415), tolerating the clients’ variants', async () => {
    expect((await openStream(sim, { headers: { accept: 'application/json' } })).status).toBe(406);
    expect((await openStream(sim, { headers: { accept: null } })).status).toBe(406);
    expect((await openStream(sim, { headers: { 'content-type': 'text/plain' } })).status).toBe(415);
    // The Node client's Accept has no space; the Java client sends no Content-Type.
    const node = await openStream(sim, {
      headers: { accept: 'application/vnd.urbanairship+x-ndjson;version=3;' },
    });
    const java = await openStream(sim, { headers: { 'content-type': null } });
    expect([node.status, java.status]).toEqual([200, 200]);
    node.close();
    java.close();
    expect(RTDS_ACCEPT).toBe('application/vnd.urbanairship+x-ndjson; version=3;');
  });

  it('answers 400 to both start and resume_offset, to neither, and to unexpected attributes', async () => {
    const both = await openStream(sim, { body: { start: 'EARLIEST', resume_offset: '1000000000000' } });
    expect(both.status).toBe(400);
    expect(await errorOf(both)).toEqual({
      ok: false,
      error: 'Bad Request',
      error_code: 40001,
      details: { error: 'specify only one of "start" and "resume_offset"' },
    });
    const bodies: unknown[] = [
      {},
      { start: 'NOW' },
      { resume_offset: 1000 },
      { start: 'LATEST', whatever: 'who cares' },
      { start: 'LATEST', filters: [] },
      { start: 'LATEST', filters: [{ types: [] }] },
      { start: 'LATEST', filters: [{ types: ['OFFSET_UPDATE'] }] },
      { start: 'LATEST', filters: [{ colour: 'red' }] },
      { start: 'LATEST', subset: { type: 'PARTITION', count: 4, selection: 4 } },
      { start: 'LATEST', subset: { type: 'SAMPLE', proportion: 1.5 } },
      { start: 'LATEST', enable_offset_updates: 'yes' },
      'not json',
    ];
    for (const body of bodies) {
      const response = await openStream(sim, { body });
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
  });

  it('limits compliance filters to device_types email/sms and latency', async () => {
    const ok = await openStream(sim, {
      endpoint: 'compliance',
      body: { start: 'EARLIEST', filters: [{ device_types: ['email'], latency: 1000 }] },
    });
    expect(ok.status).toBe(200);
    ok.close();
    const types = await openStream(sim, {
      endpoint: 'compliance',
      body: { start: 'EARLIEST', filters: [{ types: ['COMPLIANCE'] }] },
    });
    const ios = await openStream(sim, {
      endpoint: 'compliance',
      body: { start: 'EARLIEST', filters: [{ device_types: ['ios'] }] },
    });
    expect([types.status, ios.status]).toEqual([400, 400]);
  });

  it('routes the trailing-slash paths the Java and Node clients use, and nothing else', async () => {
    const post = (path: string, method = 'POST'): Promise<Response> =>
      fetch(`${sim.url}${path}`, {
        method,
        headers: {
          authorization: sim.bearerAuthorization,
          'x-ua-appkey': sim.appKey,
          accept: RTDS_ACCEPT,
          // fetch would label a string body text/plain, which the simulator refuses with 415.
          'content-type': 'application/json',
        },
        body: method === 'POST' ? '{"start":"LATEST"}' : null,
        signal: AbortSignal.timeout(2000),
      });
    const slash = await post('/api/events/');
    expect(slash.status).toBe(200);
    await slash.body?.cancel();
    expect((await post('/api/other')).status).toBe(404);
    expect((await post('/api/events', 'GET')).status).toBe(405);
  });

  it('records every request with its headers, body and status', () => {
    const stats = sim.stats();
    const unknownApp = stats.connections.find((c) => c.headers['x-ua-appkey'] === 'another-app');
    expect(unknownApp).toMatchObject({
      status: 404,
      method: 'POST',
      path: '/api/events',
      body: '{"start":"EARLIEST"}',
    });
    expect(stats.connections.map((c) => c.index)).toEqual(stats.connections.map((_, i) => i + 1));
  });
});
