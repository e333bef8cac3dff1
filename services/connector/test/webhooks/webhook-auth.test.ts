import { createHmac } from 'node:crypto';
import * as crypto from 'node:crypto';
import type * as Crypto from 'node:crypto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  authNeedsBody,
  checkWebhookAuth,
  constantTimeEqual,
  type WebhookAuth,
} from '../../src/core/webhook-auth.js';

vi.mock('node:crypto', async (importOriginal) => {
  const original = await importOriginal<typeof Crypto>();
  return { ...original, timingSafeEqual: vi.fn(original.timingSafeEqual) };
});

const timingSafeEqual = vi.mocked(crypto.timingSafeEqual);

const BASIC: WebhookAuth = { mode: 'basic', username: 'cm', password: 's3cret:with:colons' };
const SEGMENT_BASIC: WebhookAuth = { mode: 'basic', username: 'wk_shop', password: '' };
const BEARER: WebhookAuth = { mode: 'bearer', token: 'tok-123' };
const HMAC_HEX: WebhookAuth = {
  mode: 'hmac-sha256',
  secret: 'k',
  header: 'x-signature',
  encoding: 'hex',
  prefix: 'sha256=',
};
const HMAC_B64: WebhookAuth = {
  mode: 'hmac-sha256',
  secret: 'k',
  header: 'x-sig',
  encoding: 'base64',
  prefix: '',
};

const body = Buffer.from('{"a":1}');
const mac = createHmac('sha256', 'k').update(body).digest();

function headers(values: Record<string, string>): (name: string) => string | undefined {
  return (name) => values[name];
}

function basic(user: string, password: string): string {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

beforeEach(() => {
  timingSafeEqual.mockClear();
});

describe('webhook auth', () => {
  it.each([
    ['basic', BASIC, { authorization: basic('cm', 's3cret:with:colons') }],
    [
      'basic, scheme in other case',
      BASIC,
      { authorization: basic('cm', 's3cret:with:colons').replace('Basic', 'bASIC') },
    ],
    ['basic, Segment write key with empty password', SEGMENT_BASIC, { authorization: basic('wk_shop', '') }],
    ['bearer', BEARER, { authorization: 'Bearer tok-123' }],
    ['hmac hex with prefix', HMAC_HEX, { 'x-signature': `sha256=${mac.toString('hex')}` }],
    ['hmac hex, upper case', HMAC_HEX, { 'x-signature': `SHA256=${mac.toString('hex').toUpperCase()}` }],
    ['hmac base64', HMAC_B64, { 'x-sig': mac.toString('base64') }],
  ])('%s: accepts the right credentials', (_name, auth, given) => {
    expect(checkWebhookAuth([auth], headers(given), body)).toBe(true);
  });

  it.each([
    ['basic, missing', BASIC, {}],
    ['basic, wrong password', BASIC, { authorization: basic('cm', 's3cret') }],
    ['basic, wrong user', BASIC, { authorization: basic('cmx', 's3cret:with:colons') }],
    ['basic, no colon', BASIC, { authorization: `Basic ${Buffer.from('cm').toString('base64')}` }],
    ['basic, not base64', BASIC, { authorization: 'Basic !!!' }],
    ['basic, bearer scheme', BASIC, { authorization: 'Bearer s3cret:with:colons' }],
    ['segment basic, password given', SEGMENT_BASIC, { authorization: basic('wk_shop', 'x') }],
    ['bearer, missing', BEARER, {}],
    ['bearer, wrong', BEARER, { authorization: 'Bearer tok-124' }],
    ['bearer, prefix of the token', BEARER, { authorization: 'Bearer tok' }],
    ['bearer, empty', BEARER, { authorization: 'Bearer ' }],
    ['bearer, basic scheme', BEARER, { authorization: 'Basic tok-123' }],
    ['hmac, missing', HMAC_HEX, {}],
    ['hmac, no prefix', HMAC_HEX, { 'x-signature': mac.toString('hex') }],
    [
      'hmac, of other bytes',
      HMAC_HEX,
      { 'x-signature': `sha256=${createHmac('sha256', 'k').update('x').digest('hex')}` },
    ],
    [
      'hmac, other secret',
      HMAC_HEX,
      { 'x-signature': `sha256=${createHmac('sha256', 'j').update(body).digest('hex')}` },
    ],
    ['hmac, truncated', HMAC_HEX, { 'x-signature': `sha256=${mac.toString('hex').slice(0, 62)}` }],
    ['hmac, not hex', HMAC_HEX, { 'x-signature': `sha256=${'zz'.repeat(32)}` }],
    ['hmac, in another header', HMAC_HEX, { 'x-sig': `sha256=${mac.toString('hex')}` }],
  ])('%s: refuses', (_name, auth, given) => {
    expect(checkWebhookAuth([auth], headers(given), body)).toBe(false);
  });

  it('refuses HMAC without the body, and says HMAC needs it', () => {
    expect(
      checkWebhookAuth([HMAC_HEX], headers({ 'x-signature': `sha256=${mac.toString('hex')}` }), undefined),
    ).toBe(false);
    expect(authNeedsBody([BEARER, HMAC_HEX])).toBe(true);
    expect(authNeedsBody([BASIC, BEARER])).toBe(false);
  });

  it('accepts any of several credentials (rotation) and checks every one of them', () => {
    const auths = [BEARER, { mode: 'bearer', token: 'tok-new' } as const];
    expect(checkWebhookAuth(auths, headers({ authorization: 'Bearer tok-new' }), body)).toBe(true);
    expect(checkWebhookAuth(auths, headers({ authorization: 'Bearer tok-123' }), body)).toBe(true);
    timingSafeEqual.mockClear();
    checkWebhookAuth(auths, headers({ authorization: 'Bearer tok-123' }), body);
    // The second credential is compared even though the first matched.
    expect(timingSafeEqual).toHaveBeenCalledTimes(2);
  });

  it('accepts everything in mode none', () => {
    expect(checkWebhookAuth([{ mode: 'none' }], headers({}), undefined)).toBe(true);
  });

  describe('is timing-safe', () => {
    it.each([
      ['bearer', BEARER, (guess: string) => ({ authorization: `Bearer ${guess}` }), 1],
      ['basic', BASIC, (guess: string) => ({ authorization: basic('cm', guess) }), 2],
      ['hmac', HMAC_HEX, (guess: string) => ({ 'x-signature': `sha256=${guess}` }), 1],
    ] as const)(
      '%s: every guess, of any length, goes through timingSafeEqual with equal-length inputs',
      (_name, auth, given, comparisonsPerCheck) => {
        const guesses = ['', 'a', 't', 'tok', 'tok-12', 'tok-1234567890', 'ab'.repeat(32), 'x'.repeat(5000)];
        for (const guess of guesses) {
          timingSafeEqual.mockClear();
          checkWebhookAuth([auth], headers(given(guess)), body);
          expect(timingSafeEqual).toHaveBeenCalledTimes(comparisonsPerCheck);
          for (const [left, right] of timingSafeEqual.mock.calls) {
            expect((left as Buffer).length).toBe(32);
            expect((right as Buffer).length).toBe(32);
          }
        }
      },
    );

    it('compares even when the header is missing (no early return that a clock could see)', () => {
      checkWebhookAuth([BEARER], headers({}), body);
      checkWebhookAuth([BASIC], headers({}), body);
      expect(timingSafeEqual).toHaveBeenCalledTimes(3);
    });

    it('constantTimeEqual is plain equality in its answers', () => {
      expect(constantTimeEqual('abc', 'abc')).toBe(true);
      expect(constantTimeEqual('abc', 'abd')).toBe(false);
      expect(constantTimeEqual('abc', 'abcd')).toBe(false);
      expect(constantTimeEqual('', '')).toBe(true);
      expect(constantTimeEqual(Buffer.from([1, 2]), Buffer.from([1, 2]))).toBe(true);
    });
  });
});
