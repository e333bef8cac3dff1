import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startInfobipSimulator, type InfobipSimulator } from '../../../src/index.js';

describe('Infobip simulator', () => {
  let sim: InfobipSimulator;
  const call = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => {
    const response = await fetch(`${sim.url}${path}`, {
      method,
      headers: {
        authorization: `App ${sim.apiKey()}`,
        appcode: sim.appCode,
        'content-type': 'application/json',
        ...headers,
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await response.text();
    return { status: response.status, text, json: text === '' ? undefined : (JSON.parse(text) as unknown) };
  };
  const push = '/people/2/contactInformation/push';

  beforeEach(async () => {
    sim = await startInfobipSimulator({ rateLimit: { perSecond: 1000 } });
    sim.register(['r1', 'r2']);
  });
  afterEach(() => sim.close());

  it('checks App auth and AppCode with the documented error shapes', async () => {
    expect(await call('GET', `${push}/r1`, undefined, { authorization: 'App wrong' })).toMatchObject({
      status: 401,
      json: { requestError: { serviceException: { messageId: 'UNAUTHORIZED' } } },
    });
    expect(await call('GET', `${push}/r1`, undefined, { appcode: '' })).toMatchObject({
      status: 400,
      json: { errorCode: 48001 },
    });
    expect(await call('GET', `${push}/r1`, undefined, { appcode: 'other' })).toMatchObject({
      status: 400,
      json: { errorCode: 48012, errorMessage: 'Push application not found' },
    });
    expect(await call('GET', `${push}/nope`)).toMatchObject({
      status: 400,
      json: { errorCode: 48013, errorMessage: 'Push registration not found' },
    });
    sim.setApiKey('rotated');
    expect((await call('GET', `${push}/r1`)).status).toBe(200);
    expect(sim.stats().unauthorized).toBe(1);
  });

  it('patches writable fields, ignores unknown ones, removes null attributes', async () => {
    const patched = await call('PATCH', `${push}/r1`, {
      isPrmary: true,
      systemData: { registrationEnabled: false },
      additionalData: { lifecycleState: 'UNINSTALLED', lastSeenAt: '2024-06-20' },
    });
    expect(patched).toMatchObject({
      status: 200,
      json: { registrationId: 'r1', isPrimary: false, systemData: { registrationEnabled: false } },
    });
    await call('PATCH', `${push}/r1`, { additionalData: { lastSeenAt: null } });
    expect(sim.registration('r1')).toMatchObject({
      registrationEnabled: false,
      additionalData: { lifecycleState: 'UNINSTALLED' },
    });
    expect((await call('PATCH', `${push}/r1`, { isPrimary: 'yes' })).status).toBe(400);
  });

  it('personalizes by identity, refuses a second person without forceDepersonalize, depersonalizes with an empty 200', async () => {
    expect(
      await call('POST', `${push}/r1/personalize`, { identity: { externalId: 'cust-1' } }),
    ).toMatchObject({
      status: 200,
      json: { externalId: 'cust-1' },
    });
    expect(
      await call('POST', `${push}/r2/personalize`, { identity: { externalId: 'cust-1' } }),
    ).toMatchObject({
      status: 200,
    });
    expect(
      await call('POST', `${push}/r1/personalize`, { identity: { externalId: 'cust-2' } }),
    ).toMatchObject({
      status: 400,
      json: { requestError: { serviceException: { messageId: 'PERSONALIZATION_IMPOSSIBLE' } } },
    });
    expect(
      (
        await call('POST', `${push}/r1/personalize?forceDepersonalize=true`, {
          identity: { externalId: 'cust-2' },
        })
      ).status,
    ).toBe(200);
    expect(sim.registration('r1')?.person).toMatchObject({ externalId: 'cust-2' });
    expect(await call('POST', `${push}/r1/personalize`, { identity: { externalId: 'NULL' } })).toMatchObject({
      status: 400,
      json: { requestError: { serviceException: { messageId: 'USER_IDENTITY_INVALID' } } },
    });
    expect(await call('POST', `${push}/r2/depersonalize`)).toEqual({
      status: 200,
      text: '',
      json: undefined,
    });
    expect(sim.registration('r2')?.person).toBeNull();
    sim.failIdentity('cust-9', 'USER_MERGE_INTERRUPTED');
    expect(
      await call('POST', `${push}/r2/personalize`, { identity: { externalId: 'cust-9' } }),
    ).toMatchObject({
      status: 400,
      json: { requestError: { serviceException: { messageId: 'USER_MERGE_INTERRUPTED' } } },
    });
  });

  it('answers 429 beyond its rate limit, in both shapes, and counts it', async () => {
    await sim.close();
    sim = await startInfobipSimulator({ rateLimit: { perSecond: 1, burst: 2 }, now: () => 0 });
    sim.register(['r1']);
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push(await call('GET', `${push}/r1`));
    expect(statuses.map((answer) => answer.status)).toEqual([200, 200, 429, 429]);
    expect(statuses[2]?.json).toEqual({
      requestError: { serviceException: { messageId: 'TOO_MANY_REQUESTS', text: 'Too many requests' } },
    });
    expect(statuses[3]?.json).toMatchObject({ errorCode: 'E429', description: 'Too many requests sent.' });
    expect(sim.stats().rateLimited).toBe(2);
  });

  it('injects scripted faults: status with Retry-After, reset, timeout after applying', async () => {
    await sim.close();
    sim = await startInfobipSimulator({ hangMs: 50 });
    sim.register(['r1']);
    sim.script(
      { kind: 'status', status: 503, retryAfter: 2 },
      { kind: 'reset' },
      { kind: 'timeout', afterApply: true },
    );
    const first = await fetch(`${sim.url}${push}/r1`, {
      headers: { authorization: `App ${sim.apiKey()}`, appcode: sim.appCode },
    });
    expect([first.status, first.headers.get('retry-after')]).toEqual([503, '2']);
    await expect(call('GET', `${push}/r1`)).rejects.toThrow();
    await expect(call('PATCH', `${push}/r1`, { additionalData: { a: 1 } })).rejects.toThrow();
    expect(sim.registration('r1')?.additionalData).toEqual({ a: 1 });
    expect(sim.requests().map((request) => request.status)).toEqual([503, 'reset', 'timeout']);
    expect(sim.stats().faultsInjected).toBe(3);
  });
});
