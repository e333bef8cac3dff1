import { describe, expect, it } from 'vitest';
import {
  decideInfobip,
  desiredHash,
  infobipDesired,
  infobipRequest,
  planInfobip,
  supersededBy,
  type InfobipDesired,
  type InfobipSettings,
} from '../src/index.js';
import { view, who } from './support/views.js';

const settings: InfobipSettings = { app: 'Shop', registrationIdField: 'deviceId', primary: 'unmanaged' };
const acked = (desired: InfobipDesired) => ({
  hash: desiredHash(desired),
  desired,
  lastSentAt: 0,
  stateVersion: 1,
});

describe('infobipDesired', () => {
  it('holds lifecycle fields as dates, registrationEnabled and one identity', () => {
    expect(
      infobipDesired(
        view({
          lastOpenedAt: Date.UTC(2024, 5, 2),
          identity: who({ externalId: ' cust-1 ', msisdn: '+31612345678' }),
        }),
        settings,
      ),
    ).toEqual({
      app: 'Shop',
      registrationId: 'reg-1',
      registrationEnabled: true,
      additionalData: {
        lifecycleState: 'ACTIVE',
        lastSeenAt: '2024-06-02',
        installedAt: '2024-06-01',
        lastOpenedAt: '2024-06-02',
        reinstallCount: 0,
      },
      identity: { externalId: 'cust-1' },
    });
  });

  it('uses the phone as E.164 digits without "+" when there is no usable externalId, never "null"', () => {
    for (const externalId of ['null', 'NULL', 'Null', '  ', null]) {
      expect(
        infobipDesired(view({ identity: who({ externalId, msisdn: '+31612345678' }) }), settings)?.identity,
      ).toEqual({ phoneNumber: '31612345678' });
    }
    expect(infobipDesired(view({ identity: who({ email: 'a@b.nl' }) }), settings)?.identity).toEqual({
      email: 'a@b.nl',
    });
    expect(infobipDesired(view({ identity: who({ msisdn: '0031612' }) }), settings)?.identity).toBeNull();
  });

  it('disables and depersonalizes an unregistered or opted-out device', () => {
    const gone = infobipDesired(
      view({
        status: 'UNREGISTERED',
        unregisteredAt: Date.UTC(2024, 5, 3),
        identity: who({ externalId: 'c' }),
      }),
      settings,
    );
    expect(gone).toMatchObject({ registrationEnabled: false, identity: null });
    expect(gone?.additionalData.unregisteredAt).toBe('2024-06-03');
    expect(infobipDesired(view({ pushOptIn: false }), settings)?.registrationEnabled).toBe(false);
  });

  it('reads the registration id from the configured field, and manages isPrimary when asked', () => {
    const state = view({ identity: who({ contactId: 'contact-9', externalId: 'c' }) });
    expect(
      infobipDesired(state, { ...settings, registrationIdField: 'identity.contactId' })?.registrationId,
    ).toBe('contact-9');
    expect(infobipDesired(state, { ...settings, registrationIdField: 'profile.pushToken' })).toBeUndefined();
    expect(infobipDesired(state, { ...settings, primary: 'active' })?.isPrimary).toBe(true);
    expect(infobipDesired(state, settings)).not.toHaveProperty('isPrimary');
  });
});

describe('planInfobip', () => {
  const installed = infobipDesired(view({ status: 'INSTALLED' }), settings) as InfobipDesired;
  const personalized = infobipDesired(
    view({ identity: who({ externalId: 'cust-1' }) }),
    settings,
  ) as InfobipDesired;

  it('sends everything for an unknown partner state: PATCH, then personalize', () => {
    expect(planInfobip(personalized, undefined).map((op) => op.op)).toEqual(['patch', 'personalize']);
    expect(planInfobip(installed, undefined)).toEqual([
      {
        op: 'patch',
        body: {
          systemData: { registrationEnabled: true },
          additionalData: installed.additionalData,
        },
      },
    ]);
  });

  it('only calls what changed; an identity change depersonalizes before personalizing', () => {
    expect(planInfobip(personalized, installed).map((op) => op.op)).toEqual(['patch', 'personalize']);
    const other = { ...personalized, identity: { externalId: 'cust-2' } };
    expect(planInfobip(other, personalized).map((op) => op.op)).toEqual(['depersonalize', 'personalize']);
    expect(planInfobip(personalized, personalized)).toEqual([]);
  });

  it('unregisters with PATCH registrationEnabled:false then depersonalize, and removes dropped attributes', () => {
    const gone = infobipDesired(
      view({ status: 'UNREGISTERED', unregisteredAt: 1 }),
      settings,
    ) as InfobipDesired;
    expect(planInfobip(gone, personalized).map((op) => op.op)).toEqual(['patch', 'depersonalize']);
    expect(planInfobip(gone, undefined).map((op) => op.op)).toEqual(['patch', 'depersonalize']);
    const lessData = { ...personalized, additionalData: { lifecycleState: 'ACTIVE' } };
    const [patch] = planInfobip(lessData, personalized);
    expect(patch).toEqual({
      op: 'patch',
      body: {
        systemData: { registrationEnabled: true },
        additionalData: {
          lifecycleState: 'ACTIVE',
          lastSeenAt: null,
          installedAt: null,
          reinstallCount: null,
        },
      },
    });
  });
});

describe('decideInfobip', () => {
  const desired = infobipDesired(view({ identity: who({ externalId: 'c' }) }), settings) as InfobipDesired;

  it('is in sync when the hash matches, and erases what was acknowledged', () => {
    expect(decideInfobip(desired, acked(desired), false)).toEqual({ kind: 'in-sync' });
    expect(decideInfobip(undefined, undefined, false).kind).toBe('not-applicable');
    const erased = decideInfobip(undefined, acked(desired), true);
    expect(erased).toMatchObject({ kind: 'sync', erase: true });
    expect(erased.kind === 'sync' ? erased.operations.map((op) => op.op) : []).toEqual([
      'patch',
      'depersonalize',
    ]);
    expect(decideInfobip(undefined, undefined, true).kind).toBe('not-applicable');
  });

  it('hashes only partner-visible facts: a new version or a later time on the same day is in sync', () => {
    const later = infobipDesired(
      view({ version: 9, lastSeenAt: Date.UTC(2024, 5, 2, 1), identity: who({ externalId: 'c' }) }),
      settings,
    );
    expect(decideInfobip(later, acked(desired), false)).toEqual({ kind: 'in-sync' });
  });

  it('skips states older than the acknowledged one', () => {
    expect(supersededBy({ ...acked(desired), stateVersion: 5 }, 4)).toBe(true);
    expect(supersededBy({ ...acked(desired), stateVersion: 5 }, 5)).toBe(false);
    expect(supersededBy(undefined, 1)).toBe(false);
  });
});

describe('infobipRequest', () => {
  const credentials = { apiKey: 'key-1', appCode: 'code-1' };
  it('builds the documented calls with App auth and AppCode', () => {
    expect(infobipRequest('A B/1', { op: 'depersonalize' }, credentials)).toEqual({
      method: 'POST',
      path: '/people/2/contactInformation/push/A%20B%2F1/depersonalize',
      headers: { authorization: 'App key-1', appcode: 'code-1', accept: 'application/json' },
    });
    const personalize = infobipRequest(
      'r',
      { op: 'personalize', identity: { externalId: 'c' } },
      credentials,
      {
        forceDepersonalize: true,
      },
    );
    expect(personalize.path).toBe('/people/2/contactInformation/push/r/personalize?forceDepersonalize=true');
    expect(JSON.parse(personalize.body ?? '')).toEqual({ identity: { externalId: 'c' } });
    expect(personalize.headers['content-type']).toBe('application/json');
  });
});
