import { describe, expect, it } from 'vitest';
import { CM_FIXTURES } from '../../src/fixtures/index.js';
import { parseCmEvent, parseCmRequest } from '../../src/raw/cm/parse-cm.js';
import { expectOutcome } from './expect-outcome.js';
import { fieldAt } from './field-at.js';

const base = {
  from: { number: '8f1c2a7e4b9d4e0fa3c65d2b7e91f0aa' },
  to: { number: '2b7c4d9e1f3a4c5b8d6e7f8091a2b3c4' },
  event: { type: 'MessageOpened', reference: '5dbc0313-9031-4f4f-8dc8-5ab712b20722' },
  timeUtc: '2024-06-19T21:44:03',
  channel: 'MobilePush',
};

describe('CM.com webhook examples', () => {
  it.each(CM_FIXTURES.map((fixture) => [fixture.name, fixture] as const))('%s', (_name, fixture) => {
    expectOutcome(parseCmRequest(fixture.text), fixture.expected, (event) => fieldAt(event, 'event.type'));
  });
});

describe('CM.com pass-through', () => {
  it('keeps unknown fields at every level', () => {
    const result = parseCmEvent({
      ...base,
      brandNew: { nested: true },
      from: { ...base.from, kind: 'installation' },
      event: { ...base.event, readAt: '2024-06-19T21:44:04' },
    });
    expect(result).toMatchObject({
      ok: true,
      event: {
        brandNew: { nested: true },
        from: { kind: 'installation' },
        event: { readAt: '2024-06-19T21:44:04' },
      },
    });
  });

  it('keeps an unknown event type with its custom data', () => {
    const result = parseCmEvent({
      ...base,
      event: { type: 'ClientMigrated', custom: { clientId: 'x', newField: 1 } },
    });
    expect(result).toMatchObject({
      ok: true,
      event: { event: { type: 'ClientMigrated', custom: { newField: 1 } } },
    });
  });
});

describe('CM.com readable errors', () => {
  it.each([
    [
      'installation id missing',
      { ...base, from: {} },
      'from.number',
      'from.number: required field missing (expected string)',
    ],
    [
      'app key a number',
      { ...base, to: { number: 42 } },
      'to.number',
      'to.number: expected string, received number',
    ],
    [
      'time not CM time',
      { ...base, timeUtc: 'yesterday' },
      'timeUtc',
      'timeUtc: expected yyyy-MM-ddTHH:mm:ss (UTC)',
    ],
    [
      'message event without reference',
      { ...base, event: { type: 'MessageDismissed' } },
      'event.reference',
      'event.reference: required field missing (expected string)',
    ],
    [
      'client event without profile data',
      { ...base, event: { type: 'ClientInstalled' } },
      'event.custom',
      'event.custom: required field missing (expected object)',
    ],
    [
      'profile language list of numbers',
      { ...base, event: { type: 'ClientUpdated', custom: { preferredLanguages: [1] } } },
      'event.custom.preferredLanguages[0]',
      'event.custom.preferredLanguages[0]: expected string, received number',
    ],
    [
      'event type a number',
      { ...base, event: { type: 7 } },
      'event.type',
      'event.type: expected string, received number',
    ],
    ['a batch', [base], '', '(root): expected object, received array'],
  ])('%s', (_name, body, path, message) => {
    expect(parseCmEvent(body)).toEqual({
      ok: false,
      error: { code: 'RECORD_SCHEMA_VIOLATION', path, message },
    });
  });

  it('reports text that is not JSON, and an oversized body', () => {
    expect(parseCmRequest('{"from":')).toMatchObject({
      ok: false,
      error: { code: 'RECORD_INVALID_JSON', path: '' },
    });
    const bytes = Buffer.byteLength(JSON.stringify(base));
    expect(parseCmRequest(JSON.stringify(base), { maxBytes: 64 })).toEqual({
      ok: false,
      error: { code: 'RECORD_TOO_LARGE', path: '', message: `input is ${bytes} bytes, the limit is 64` },
    });
  });
});

describe('CM.com typing', () => {
  it('narrows the event object by its type', () => {
    const result = parseCmEvent(base);
    if (!result.ok) throw new Error(result.error.message);
    const { event } = result.event;
    expect(event.type === 'MessageOpened' ? event.reference : undefined).toBe(
      '5dbc0313-9031-4f4f-8dc8-5ab712b20722',
    );
  });
});
