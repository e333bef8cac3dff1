import { describe, expect, it } from 'vitest';
import { decideReplay, summarizeReplay, type DeadLetter } from '../src/core/dead-letter-replay.js';

const NAMES = {
  errorCode: 'pushstream-error-code',
  errorMessage: 'pushstream-error-message',
  errorStage: 'pushstream-error-stage',
  errorAt: 'pushstream-error-at',
  sourceTopic: 'pushstream-source-topic',
  sourcePartition: 'pushstream-source-partition',
  sourceOffset: 'pushstream-source-offset',
};

function deadLetter(overrides: Partial<DeadLetter> & { extra?: Record<string, string> } = {}): DeadLetter {
  return {
    partition: 0,
    offset: '7',
    key: Buffer.from('cm:app:1'),
    value: Buffer.from('{"bad":'),
    headers: {
      'pushstream-source': Buffer.from('cm'),
      'pushstream-error-code': Buffer.from('RECORD_INVALID_JSON'),
      'pushstream-error-message': 'Unexpected end',
      'pushstream-error-stage': 'normalizer',
      'pushstream-error-at': '2026-11-22T10:00:00.000Z',
      'pushstream-source-topic': Buffer.from('pushstream.raw.cm-push.v1'),
      'pushstream-source-partition': '3',
      'pushstream-source-offset': '41',
      ...overrides.extra,
    },
    ...overrides,
  };
}

describe('dead-letter replay', () => {
  it('sends a dead letter back to its source topic with its key, value and original headers only', () => {
    const decision = decideReplay(deadLetter(), NAMES);
    expect(decision).toEqual({
      action: 'replay',
      topic: 'pushstream.raw.cm-push.v1',
      partition: undefined,
      key: Buffer.from('cm:app:1'),
      value: Buffer.from('{"bad":'),
      headers: { 'pushstream-source': Buffer.from('cm') },
      errorCode: 'RECORD_INVALID_JSON',
    });
  });

  it('keeps the original partition for a record without a key', () => {
    const decision = decideReplay(deadLetter({ key: null }), NAMES);
    expect(decision.action === 'replay' && decision.partition).toBe(3);
  });

  it('skips a dead letter that never was in a topic, naming why', () => {
    const record = deadLetter();
    const headers = { ...record.headers };
    delete headers['pushstream-source-topic'];
    expect(decideReplay({ ...record, headers }, NAMES)).toEqual({
      action: 'skip',
      reason: 'no pushstream-source-topic header',
      errorCode: 'RECORD_INVALID_JSON',
    });
  });

  it('summarizes decisions per target and error code in a stable order', () => {
    const other = deadLetter({
      extra: {
        'pushstream-source-topic': 'pushstream.raw.track.v1',
        'pushstream-error-code': 'RECORD_SCHEMA_VIOLATION',
      },
    });
    const noSource = { ...deadLetter(), headers: { 'pushstream-error-code': 'RECORD_INVALID_JSON' } };
    const decisions = [other, deadLetter(), deadLetter(), noSource].map((r) => decideReplay(r, NAMES));
    expect(summarizeReplay(decisions)).toEqual([
      {
        target: '(skipped: no pushstream-source-topic header)',
        errorCode: 'RECORD_INVALID_JSON',
        records: 1,
      },
      { target: 'pushstream.raw.cm-push.v1', errorCode: 'RECORD_INVALID_JSON', records: 2 },
      { target: 'pushstream.raw.track.v1', errorCode: 'RECORD_SCHEMA_VIOLATION', records: 1 },
    ]);
  });
});
