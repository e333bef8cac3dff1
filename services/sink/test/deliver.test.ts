import { describe, expect, it } from 'vitest';
import type { PartnerVerdict, RetryPolicy } from '../src/index.js';
import { AuthGate } from '../src/delivery/auth-gate.js';
import { deliver, type DeliveryContext } from '../src/delivery/deliver.js';

const policy: RetryPolicy = {
  initialMs: 1,
  maxMs: 4,
  maxAttempts: 4,
  maxElapsedMs: 60_000,
  retryAfterCapMs: 50,
};

function context(
  gate: AuthGate,
  overrides: Partial<DeliveryContext> = {},
): DeliveryContext & { delays: number[]; reloads: number } {
  const state = { delays: [] as number[], reloads: 0 };
  return Object.assign(state, {
    policy,
    gate,
    signal: new AbortController().signal,
    authRetryMs: 5,
    reloadCredentials: () => {
      state.reloads += 1;
    },
    onRetry: (_verdict: PartnerVerdict, _attempt: number, delayMs: number) => state.delays.push(delayMs),
    random: () => 0.5,
    ...overrides,
  });
}

const retry = (retryAfterMs?: number): PartnerVerdict =>
  retryAfterMs === undefined
    ? { kind: 'retry', reason: 'unavailable', detail: '503' }
    : { kind: 'retry', reason: 'rate-limited', retryAfterMs, detail: '429' };

describe('deliver', () => {
  it('retries in place with backoff, honouring Retry-After, until the partner answers', async () => {
    const answers: PartnerVerdict[] = [retry(), retry(30), retry(), { kind: 'ok' }];
    const ctx = context(new AuthGate());
    const outcome = await deliver(() => Promise.resolve(answers.shift() ?? { kind: 'ok' }), ctx);
    expect(outcome).toEqual({ kind: 'ok' });
    expect(ctx.delays).toEqual([0, 30, 2]);
  });

  it('gives up after maxAttempts with the last reason', async () => {
    const ctx = context(new AuthGate());
    const outcome = await deliver(() => Promise.resolve(retry(1)), ctx);
    expect(outcome).toEqual({ kind: 'exhausted', reason: 'rate-limited', detail: '429', attempts: 4 });
  });

  it('returns final verdicts to the caller', async () => {
    const verdict: PartnerVerdict = { kind: 'reject', code: 'PARTNER_REJECTED', detail: '400' };
    expect(await deliver(() => Promise.resolve(verdict), context(new AuthGate()))).toEqual({
      kind: 'final',
      verdict,
    });
  });

  it('halts on a credentials rejection: one prober, the others wait, all finish once it works', async () => {
    const events: string[] = [];
    const gate = new AuthGate({ onHalt: () => events.push('halt'), onOpen: () => events.push('open') });
    let fixed = false;
    let calls = 0;
    const attempt = (): Promise<PartnerVerdict> => {
      calls += 1;
      return Promise.resolve(fixed ? { kind: 'ok' } : { kind: 'halt', detail: '401' });
    };
    const ctx = context(gate, {
      reloadCredentials: () => {
        // The third probe finds rotated credentials.
        if (++probes === 3) fixed = true;
      },
    });
    let probes = 0;
    const all = Promise.all(Array.from({ length: 10 }, () => deliver(attempt, ctx)));
    const outcomes = await all;
    expect(outcomes.every((outcome) => outcome.kind === 'ok')).toBe(true);
    expect(events).toEqual(['halt', 'open']);
    expect(probes).toBe(3);
    // 10 first tries (401), 3 probes, then the 9 waiters once.
    expect(calls).toBe(10 + 3 + 9);
    expect(gate.isHalted).toBe(false);
  });

  it('stops waiting when the sink stops', async () => {
    const gate = new AuthGate();
    gate.halt('401');
    expect(gate.claimProbe()).toBe(true);
    const controller = new AbortController();
    const waiting = deliver(
      () => Promise.resolve({ kind: 'ok' }),
      context(gate, { signal: controller.signal }),
    );
    controller.abort();
    await expect(waiting).rejects.toMatchObject({ code: 'SHUTDOWN_IN_PROGRESS' });
  });
});
