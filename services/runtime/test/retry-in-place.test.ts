import { describe, expect, it } from 'vitest';
import { PushstreamError, retryInPlace } from '../src/index.js';

const noSleep = () => Promise.resolve();

describe('retryInPlace', () => {
  it('retries until the step succeeds, with growing jittered delays', async () => {
    let attempts = 0;
    const delays: number[] = [];
    const outcome = await retryInPlace(
      async () => {
        attempts += 1;
        if (attempts < 4) throw new Error('broker not available');
        return 'sent';
      },
      {
        shouldContinue: () => true,
        sleep: noSleep,
        random: () => 1,
        initialMs: 100,
        maxMs: 300,
        onRetry: (_e, _a, delay) => delays.push(delay),
      },
    );
    expect(outcome).toEqual({ ok: true, value: 'sent' });
    expect(delays).toEqual([100, 200, 300]);
  });

  it('draws each delay between half and all of the ceiling', async () => {
    const delays: number[] = [];
    let attempts = 0;
    await retryInPlace(
      async () => {
        attempts += 1;
        if (attempts < 3) throw new Error('x');
      },
      {
        shouldContinue: () => true,
        sleep: noSleep,
        random: () => 0,
        initialMs: 100,
        onRetry: (_e, _a, delay) => delays.push(delay),
      },
    );
    expect(delays).toEqual([50, 100]);
  });

  it('rethrows a non-retriable error at once', async () => {
    let attempts = 0;
    await expect(
      retryInPlace(
        async () => {
          attempts += 1;
          throw new PushstreamError('RECORD_SCHEMA_VIOLATION', 'bad');
        },
        { shouldContinue: () => true, sleep: noSleep },
      ),
    ).rejects.toMatchObject({ code: 'RECORD_SCHEMA_VIOLATION' });
    expect(attempts).toBe(1);
  });

  it('gives up without a value once asked to stop', async () => {
    let keepGoing = true;
    let attempts = 0;
    const outcome = await retryInPlace(
      async () => {
        attempts += 1;
        if (attempts === 2) keepGoing = false;
        throw new PushstreamError('KAFKA_UNAVAILABLE', 'down');
      },
      { shouldContinue: () => keepGoing, sleep: noSleep },
    );
    expect(outcome).toEqual({ ok: false });
    expect(attempts).toBe(2);
  });
});
