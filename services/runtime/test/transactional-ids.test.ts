import { describe, expect, it } from 'vitest';
import { isFencingError, transactionalIdOf } from '../src/index.js';

describe('transactional ids', () => {
  it('encode the input partition, so the next owner of a partition fences the previous one', () => {
    expect(transactionalIdOf('ps.', 'ps.normalizer', { topic: 'ps.raw.track.v1', partition: 3 })).toBe(
      'ps.ps.normalizer.ps.raw.track.v1.3',
    );
    expect(transactionalIdOf('', 'g', { topic: 't', partition: 0 })).not.toBe(
      transactionalIdOf('', 'g', { topic: 't', partition: 1 }),
    );
  });

  it.each([
    [{ type: 'INVALID_PRODUCER_EPOCH' }, true],
    [{ type: 'PRODUCER_FENCED' }, true],
    [{ type: 'INVALID_TXN_STATE' }, true],
    [{ message: 'wrapped', cause: { type: 'INVALID_PRODUCER_EPOCH' } }, true],
    [{ type: 'NOT_COORDINATOR' }, false],
    [{ type: 'CONCURRENT_TRANSACTIONS' }, false],
    [new Error('network'), false],
    ['text', false],
    [null, false],
  ])('%j is fencing: %s', (error, fencing) => {
    expect(isFencingError(error)).toBe(fencing);
  });
});
