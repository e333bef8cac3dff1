import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RECONNECT,
  decideReconnect,
  parseRetryAfter,
  type StreamEnding,
} from '../src/core/reconnect-policy.js';

const middle = () => 0.5;

describe('decideReconnect', () => {
  it('treats 400 as a fatal configuration error', () => {
    const decision = decideReconnect({ kind: 'status', status: 400 }, 0);
    expect(decision.action).toBe('fatal');
    expect(decision.action === 'fatal' ? decision.reason : '').toContain('HTTP 400: the request is invalid');
  });

  it.each<[StreamEnding, number, object]>([
    [
      { kind: 'status', status: 401 },
      3,
      { delayMs: 60_000, reason: 'http_401', alert: true, dropCookie: true },
    ],
    [{ kind: 'status', status: 403 }, 0, { delayMs: 60_000, reason: 'http_403', alert: true }],
    [{ kind: 'status', status: 402 }, 0, { delayMs: 30_000, reason: 'http_402', alert: true }],
    [{ kind: 'status', status: 404 }, 0, { delayMs: 60_000, reason: 'http_404', alert: false }],
    [{ kind: 'status', status: 429, retryAfterMs: 7000 }, 0, { delayMs: 7000, reason: 'http_429' }],
    [{ kind: 'status', status: 429 }, 2, { delayMs: 2000, reason: 'http_429' }],
    [{ kind: 'status', status: 503 }, 1, { delayMs: 1000, reason: 'http_5xx', dropCookie: true }],
    [{ kind: 'network', message: 'ECONNRESET' }, 0, { delayMs: 500, reason: 'network', dropCookie: true }],
    [{ kind: 'eof' }, 0, { delayMs: 500, reason: 'eof', dropCookie: false }],
    [{ kind: 'stall' }, 0, { delayMs: 500, reason: 'stall' }],
    [{ kind: 'backpressure' }, 5, { delayMs: 0, reason: 'backpressure' }],
  ])('%j after %i failures → %j', (ending, attempt, expected) => {
    expect(decideReconnect(ending, attempt, DEFAULT_RECONNECT, middle)).toMatchObject({
      action: 'retry',
      ...expected,
    });
  });

  it('backs off exponentially with ±50 % jitter up to the cap, and never gives up', () => {
    const nominal = [0, 1, 2, 3, 10, 100].map((attempt) =>
      decideReconnect({ kind: 'eof' }, attempt, DEFAULT_RECONNECT, middle),
    );
    expect(nominal.map((decision) => (decision.action === 'retry' ? decision.delayMs : -1))).toEqual([
      500, 1000, 2000, 4000, 30_000, 30_000,
    ]);
    const low = decideReconnect({ kind: 'eof' }, 2, DEFAULT_RECONNECT, () => 0);
    const high = decideReconnect({ kind: 'eof' }, 2, DEFAULT_RECONNECT, () => 0.999);
    expect(low).toMatchObject({ delayMs: 1000 });
    expect(high).toMatchObject({ delayMs: 2998 });
  });
});

describe('parseRetryAfter', () => {
  it('reads seconds and HTTP dates', () => {
    expect(parseRetryAfter('12', 0)).toBe(12_000);
    expect(parseRetryAfter('Thu, 01 Jan 1970 00:00:30 GMT', 10_000)).toBe(20_000);
    expect(parseRetryAfter('soon', 0)).toBeUndefined();
    expect(parseRetryAfter(undefined, 0)).toBeUndefined();
  });
});
