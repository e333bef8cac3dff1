import { describe, expect, it } from 'vitest';
import { HEADERS, PushstreamError, deadLetterRecord, type ConsumedRecord } from '../src/index.js';

const record: ConsumedRecord = {
  topic: 'pushstream.raw.cm-push.v1',
  partition: 3,
  offset: '9007199254740993',
  key: Buffer.from('cm:app:inst-1'),
  value: Buffer.from('{"not json'),
  headers: { 'pushstream-source': Buffer.from('cm') },
  timestampMs: 1_700_000_000_000,
};

describe('deadLetterRecord', () => {
  it('keeps key, value and headers and adds the error and source coordinates', () => {
    const dlq = deadLetterRecord({
      dlqTopic: 'pushstream.dlq.normalizer.v1',
      stage: 'normalizer',
      record,
      error: new PushstreamError('RECORD_INVALID_JSON', 'Unterminated string in JSON at position 10'),
      now: new Date('2026-11-22T10:00:00Z'),
    });
    expect(dlq.topic).toBe('pushstream.dlq.normalizer.v1');
    expect(dlq.key).toBe(record.key);
    expect(dlq.value).toBe(record.value);
    expect(dlq.headers).toEqual({
      'pushstream-source': Buffer.from('cm'),
      [HEADERS.errorCode]: 'RECORD_INVALID_JSON',
      [HEADERS.errorMessage]: 'Unterminated string in JSON at position 10',
      [HEADERS.errorStage]: 'normalizer',
      [HEADERS.errorAt]: '2026-11-22T10:00:00.000Z',
      [HEADERS.sourceTopic]: 'pushstream.raw.cm-push.v1',
      [HEADERS.sourcePartition]: '3',
      [HEADERS.sourceOffset]: '9007199254740993',
    });
  });

  it('truncates a huge error message but never the value', () => {
    const dlq = deadLetterRecord({
      dlqTopic: 'd',
      stage: 's',
      record,
      error: new PushstreamError('PROCESSING_FAILED', 'é'.repeat(5000)),
      now: new Date(0),
    });
    const message = dlq.headers?.[HEADERS.errorMessage];
    expect(typeof message === 'string' && Buffer.byteLength(message) <= 2048).toBe(true);
    expect(String(message).endsWith('...')).toBe(true);
  });
});
