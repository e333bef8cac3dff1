import { describe, expect, it } from 'vitest';
import { normalizeRecord } from '../src/core/normalize.js';
import type { RawSource } from '../src/core/raw-input.js';
import { TEST_CONTEXT, rawInput } from './support/context.js';

function rejection(source: RawSource, value: string | Buffer | null, key?: string) {
  const input = rawInput(source, value ?? '', { key, ...(value === null ? { value: null } : {}) });
  const result = normalizeRecord(input, TEST_CONTEXT);
  return result.kind === 'reject' ? { code: result.code, message: result.message } : result.kind;
}

describe('poison records get a specific code (the DLQ reason)', () => {
  it.each(['airship-rtds', 'cm-push', 'track'] as const)(
    '%s: bad JSON, empty, non-UTF-8, non-object',
    (source) => {
      expect(rejection(source, '{"id": ', 'x:y:z')).toMatchObject({ code: 'RECORD_INVALID_JSON' });
      expect(rejection(source, null)).toMatchObject({
        code: 'RECORD_INVALID_JSON',
        message: 'the record has no value',
      });
      expect(rejection(source, Buffer.from([0x7b, 0xff, 0x7d]))).toMatchObject({
        code: 'RECORD_INVALID_JSON',
      });
      expect(rejection(source, '[1,2]')).toMatchObject({ code: 'RECORD_SCHEMA_VIOLATION' });
    },
  );

  it('names the failing field of a schema violation', () => {
    const send = JSON.stringify({
      id: 's1',
      offset: '1',
      occurred: '2024-06-01T10:00:00Z',
      processed: '2024-06-01T10:00:01Z',
      type: 'SEND',
      device: { channel: 'c1', device_type: 'IOS' },
      body: {},
    });
    expect(rejection('airship-rtds', send, 'airship:A:c1')).toMatchObject({
      code: 'RECORD_SCHEMA_VIOLATION',
      message: expect.stringContaining('body.push_id') as string,
    });
    expect(
      rejection(
        'cm-push',
        JSON.stringify({ from: { number: 'i' }, to: { number: 'a' }, event: { type: 'X' }, timeUtc: 'noon' }),
      ),
    ).toMatchObject({
      code: 'RECORD_SCHEMA_VIOLATION',
      message: expect.stringContaining('timeUtc') as string,
    });
  });

  it('refuses an RTDS record without any app key (no airship key, no stream header)', () => {
    const open = JSON.stringify({
      id: 'o1',
      offset: '1',
      occurred: '2024-06-01T10:00:00Z',
      processed: '2024-06-01T10:00:01Z',
      type: 'OPEN',
    });
    expect(rejection('airship-rtds', open)).toMatchObject({ code: 'RECORD_MISSING_KEY' });
    expect(rejection('airship-rtds', open, 'cm:A:x')).toMatchObject({ code: 'RECORD_MISSING_KEY' });
  });

  it('refuses a track message naming no source', () => {
    const message = JSON.stringify({ type: 'track', event: 'X', userId: 'u1', messageId: 'm' });
    expect(normalizeRecord(rawInput('track', message, { headers: {} }), TEST_CONTEXT)).toMatchObject({
      kind: 'reject',
      code: 'RECORD_MISSING_KEY',
    });
  });

  it('skips an OFFSET_UPDATE that reached a raw topic instead of dead-lettering it', () => {
    const update = JSON.stringify({
      type: 'OFFSET_UPDATE',
      offset: '5',
      occurred: '2024-06-01T10:00:00Z',
      processed: '2024-06-01T10:00:00Z',
    });
    expect(rejection('airship-rtds', update, 'airship:A:x')).toBe('skip');
  });
});
