import { afterEach, describe, expect, it } from 'vitest';
import { startRtdsSimulator, type RtdsSimulator, type RtdsSimulatorOptions } from '../../../src/index.js';
import { eventLine, openStream, RTDS_ACCEPT } from './stream-client.js';

const running: RtdsSimulator[] = [];
async function simulator(options: RtdsSimulatorOptions): Promise<RtdsSimulator> {
  const sim = await startRtdsSimulator({ events: [eventLine({ id: 'only' })], ...options });
  running.push(sim);
  return sim;
}
afterEach(async () => {
  await Promise.all(running.splice(0).map((sim) => sim.close()));
});

/** The `name=value` part of a Set-Cookie header. */
function cookiePair(setCookie: string | string[] | undefined): string {
  const header = Array.isArray(setCookie) ? setCookie[0] : setCookie;
  return (header ?? '').split(';')[0] ?? '';
}

describe('RTDS simulator: 307 + cookie affinity', () => {
  it('307s a request without the cookie, then serves the same POST carrying it', async () => {
    const sim = await simulator({ affinity: {} });
    const first = await openStream(sim);
    expect(first.status).toBe(307);
    expect(first.headers.location).toBeUndefined();
    const setCookie = String(first.headers['set-cookie']);
    expect(setCookie).toMatch(/^SRV=h1-[0-9a-f]{16}; Path=\/; HttpOnly$/);

    const second = await openStream(sim, { headers: { cookie: cookiePair(setCookie) } });
    expect(second.status).toBe(200);
    expect(await second.waitForEvents(1)).toMatchObject([{ id: 'only' }]);
    second.close();
    // A client may send the whole Set-Cookie string back (the Node client does): still served.
    const raw = await openStream(sim, { headers: { cookie: setCookie } });
    expect(raw.status).toBe(200);
    raw.close();

    const connections = sim.stats().connections;
    expect(connections.map((c) => c.status)).toEqual([307, 200, 200]);
    expect(connections[0]?.setCookie).toBe(setCookie);
    expect(connections[1]?.cookie).toBe(cookiePair(setCookie));
    expect(connections[1]?.body).toBe(connections[0]?.body);
  });

  it('follows a configurable chain of hops; stale or unknown cookies start a new chain', async () => {
    const sim = await simulator({ affinity: { hops: 3, cookieName: 'leaderHost' } });
    let cookie: string | undefined;
    const statuses: number[] = [];
    for (let attempt = 0; attempt < 5; attempt++) {
      const response = await openStream(sim, { headers: cookie === undefined ? {} : { cookie } });
      statuses.push(response.status);
      if (response.status !== 307) {
        response.close();
        break;
      }
      cookie = cookiePair(response.headers['set-cookie']);
      expect(cookie).toMatch(new RegExp(`^leaderHost=h${attempt + 1}-`));
    }
    expect(statuses).toEqual([307, 307, 307, 200]);
    expect((await openStream(sim, { headers: { cookie: 'leaderHost=forged' } })).status).toBe(307);

    sim.rotateAffinity();
    expect((await openStream(sim, { headers: { cookie: cookie ?? '' } })).status).toBe(307);
  });

  it('works with fetch and redirect: "manual", the way a connector should drive it', async () => {
    const sim = await simulator({ affinity: { hops: 2 } });
    const post = (cookie?: string): Promise<Response> =>
      fetch(sim.eventsUrl, {
        method: 'POST',
        redirect: 'manual',
        headers: {
          authorization: sim.bearerAuthorization,
          'x-ua-appkey': sim.appKey,
          accept: RTDS_ACCEPT,
          'content-type': 'application/json',
          ...(cookie === undefined ? {} : { cookie }),
        },
        body: JSON.stringify({ start: 'EARLIEST' }),
      });
    let response = await post();
    let hops = 0;
    while (response.status === 307 && hops < 5) {
      hops++;
      await response.body?.cancel();
      response = await post(cookiePair(response.headers.get('set-cookie') ?? undefined));
    }
    expect([hops, response.status]).toEqual([2, 200]);
    const reader = response.body?.getReader();
    const { value } = ((await reader?.read()) ?? {}) as { value?: Uint8Array };
    await reader?.cancel();
    expect(Buffer.from(value ?? new Uint8Array()).toString('utf8')).toContain('"only"');
  });

  it('can point Location at a foreign origin and records Authorization sent there', async () => {
    const sim = await simulator({ affinity: { location: 'foreign' } });
    const first = await openStream(sim);
    expect(first.status).toBe(307);
    const location = String(first.headers.location);
    expect(location).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/events$/);
    expect(new URL(location).port).not.toBe(new URL(sim.url).port);

    // A naive client that follows Location with every header leaks the token.
    const leaked = await fetch(location, {
      method: 'POST',
      headers: { authorization: sim.bearerAuthorization, 'x-ua-appkey': sim.appKey },
      body: '{"start":"EARLIEST"}',
    });
    expect(leaked.status).toBe(404);
    // fetch's own redirect handling strips Authorization across origins.
    const followed = await fetch(sim.eventsUrl, {
      method: 'POST',
      headers: {
        authorization: sim.bearerAuthorization,
        'x-ua-appkey': sim.appKey,
        'content-type': 'application/json',
      },
      body: '{"start":"EARLIEST"}',
    });
    expect(followed.status).toBe(404);

    const stats = sim.stats();
    expect(stats.foreignRequests.map((r) => r.hadAuthorization)).toEqual([true, false]);
    expect(stats.authorizationLeaks).toBe(1);
  });

  it('can point Location at itself', async () => {
    const sim = await simulator({ affinity: { location: 'same' } });
    const first = await openStream(sim);
    expect(first.headers.location).toBe(`${sim.url}/api/events`);
  });
});
