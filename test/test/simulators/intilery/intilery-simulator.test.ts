import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startIntilerySimulator, type IntilerySimulator } from '../../../src/index.js';

describe('Intilery simulator', () => {
  let sim: IntilerySimulator;
  const post = async (action: string, body: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${sim.url}/track/shop/shop/SHOP/v1/${action}`, {
      method: 'POST',
      headers: { 'auth-token': sim.authToken(), 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
    return { status: response.status, json: (await response.json()) as Record<string, unknown> };
  };
  const registerPush = (userId: string, token: string, messageId?: string) => ({
    userId,
    event: 'register push',
    properties: { deviceId: 'fcm-1', fcmToken: token, deviceType: 'Android' },
    ...(messageId === undefined ? {} : { messageId }),
  });

  beforeEach(async () => {
    sim = await startIntilerySimulator();
  });
  afterEach(() => sim.close());

  it('needs the auth-token (403) and answers success with an eventId', async () => {
    expect((await post('track', registerPush('fcm-1', 't1'), { 'auth-token': 'wrong' })).status).toBe(403);
    const ok = await post('track', registerPush('fcm-1', 't1'));
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({
      success: true,
      eventId: expect.stringMatching(/^[0-9a-f-]{36}$/) as unknown,
    });
    expect(sim.device('fcm-1')).toMatchObject({ fcmToken: 't1', userId: 'fcm-1', deviceType: 'Android' });
    expect(sim.stats().forbidden).toBe(1);
  });

  it('validates like the tracking API: 400 {"success":false,"message":…}', async () => {
    expect(await post('track', { event: 'register push', properties: {} })).toEqual({
      status: 400,
      json: { success: false, message: 'userId must not be empty' },
    });
    expect(
      (
        await post('track', {
          ...registerPush('u', 't'),
          properties: { deviceId: 'd', fcmToken: 't', deviceType: 'Symbian' },
        })
      ).json,
    ).toEqual({
      success: false,
      message: 'properties.deviceType must be one of iOS, Android, Web',
    });
    expect((await post('identify', { userId: 'u' })).json.message).toBe('traits must not be empty');
    expect((await post('track', registerPush('u', 't'), { 'content-type': 'text/plain' })).status).toBe(400);
  });

  it('applies batches in order, merges traits, drops repeated messageIds', async () => {
    const batch = {
      batch: [
        { event: 'identify', userId: 'cust-1', traits: { email: 'a@b.nl' }, messageId: 'm1' },
        registerPush('cust-1', 't2', 'm2'),
      ],
    };
    expect((await post('batch', batch)).status).toBe(200);
    expect((await post('batch', batch)).status).toBe(200);
    await post('identify', { event: 'identify', userId: 'cust-1', traits: { phone: '+31612345678' } });
    expect(sim.traits('cust-1')).toEqual({ email: 'a@b.nl', phone: '+31612345678' });
    expect(sim.device('fcm-1')).toMatchObject({ fcmToken: 't2', userId: 'cust-1' });
    expect(sim.events().map((event) => event.event)).toEqual(['identify', 'register push', 'identify']);
    expect(sim.stats().duplicatesDropped).toBe(2);
  });

  it('refuses oversized batch items (413) and rate-limits beyond its bucket (429)', async () => {
    const huge = {
      ...registerPush('u', 't'),
      properties: { deviceId: 'd', fcmToken: 'x'.repeat(40_000), deviceType: 'iOS' },
    };
    expect((await post('batch', { batch: [huge] })).status).toBe(413);
    await sim.close();
    sim = await startIntilerySimulator({ rateLimit: { perSecond: 1, burst: 1 }, now: () => 0 });
    expect((await post('track', registerPush('u', 't'))).status).toBe(200);
    expect((await post('track', registerPush('u', 't'))).status).toBe(429);
    expect(sim.stats().rateLimited).toBe(1);
  });

  it('forgets registrations older than two months', async () => {
    let now = 0;
    await sim.close();
    sim = await startIntilerySimulator({ now: () => now });
    await post('track', registerPush('fcm-1', 't1'));
    now = 61 * 86_400_000;
    expect(sim.expireStaleTokens(now)).toBe(1);
    expect(sim.device('fcm-1')).toBeUndefined();
  });
});
