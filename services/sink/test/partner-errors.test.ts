import { describe, expect, it } from 'vitest';
import { classifyInfobip, classifyIntilery, parseInfobipError, type PartnerResponse } from '../src/index.js';

const NOW = 0;
const response = (status: number, body: unknown, headers: Record<string, string> = {}): PartnerResponse => ({
  status,
  headers,
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

describe('Infobip error shapes', () => {
  it('parses all three shapes and tolerates anything else', () => {
    expect(parseInfobipError('{"errorCode":48013,"errorMessage":"Push registration not found"}')).toEqual({
      shape: 'push',
      errorCode: 48013,
      text: 'Push registration not found',
    });
    expect(
      parseInfobipError(
        '{"requestError":{"serviceException":{"messageId":"PERSONALIZATION_IMPOSSIBLE","text":"Installation is not depersonalized. Personalization is prohibited"}}}',
      ),
    ).toEqual({
      shape: 'legacy',
      messageId: 'PERSONALIZATION_IMPOSSIBLE',
      text: 'Installation is not depersonalized. Personalization is prohibited',
    });
    expect(
      parseInfobipError(
        '{"errorCode":"E429","description":"Too many requests sent.","action":"…","violations":[],"resources":[]}',
      ),
    ).toEqual({ shape: 'platform', errorCode: 'E429', text: 'Too many requests sent.' });
    expect(parseInfobipError('')).toEqual({ shape: 'none', text: '' });
    expect(parseInfobipError('<html>bad gateway</html>')).toEqual({
      shape: 'none',
      text: '<html>bad gateway</html>',
    });
    expect(parseInfobipError('[1,2]')).toEqual({ shape: 'none', text: '[1,2]' });
  });
});

describe('classifyInfobip', () => {
  const legacy = (messageId: string) => ({
    requestError: { serviceException: { messageId, text: messageId } },
  });
  it.each([
    ['200 with a body', response(200, { registrationId: 'x' }), 'ok'],
    ['200 empty (depersonalize)', response(200, ''), 'ok'],
    ['401 UNAUTHORIZED', response(401, legacy('UNAUTHORIZED')), 'halt'],
    ['403 FORBIDDEN', response(403, legacy('FORBIDDEN')), 'halt'],
    [
      '400 48001 AppCode missing',
      response(400, { errorCode: 48001, errorMessage: 'Application code missing' }),
      'halt',
    ],
    [
      '400 48012 app not found',
      response(400, { errorCode: 48012, errorMessage: 'Push application not found' }),
      'halt',
    ],
    [
      '400 48013 registration not found',
      response(400, { errorCode: 48013, errorMessage: 'not found' }),
      'not-found',
    ],
    ['404 NOT_FOUND', response(404, legacy('NOT_FOUND')), 'not-found'],
    ['429 legacy', response(429, legacy('TOO_MANY_REQUESTS')), 'retry'],
    ['429 platform', response(429, { errorCode: 'E429', description: 'Too many requests sent.' }), 'retry'],
    ['500 GENERAL_ERROR', response(500, legacy('GENERAL_ERROR')), 'retry'],
    ['503 html', response(503, '<html/>'), 'retry'],
    [
      '400 PERSONALIZATION_IMPOSSIBLE',
      response(400, legacy('PERSONALIZATION_IMPOSSIBLE')),
      'personalization-impossible',
    ],
    ['400 USER_MERGE_INTERRUPTED', response(400, legacy('USER_MERGE_INTERRUPTED')), 'reject'],
    ['400 PHONE_INVALID', response(400, legacy('PHONE_INVALID')), 'reject'],
    ['409 undocumented', response(409, 'conflict'), 'reject'],
  ])('%s → %s', (_name, reply, kind) => {
    expect(classifyInfobip(reply, NOW).kind).toBe(kind);
  });

  it('names the code of a rejection and keeps the retry reason and Retry-After', () => {
    expect(classifyInfobip(response(400, legacy('USER_MERGE_INTERRUPTED')), NOW)).toMatchObject({
      kind: 'reject',
      code: 'PARTNER_MERGE_CONFLICT',
      partnerCode: 'USER_MERGE_INTERRUPTED',
    });
    expect(classifyInfobip(response(400, legacy('EMAIL_INVALID')), NOW)).toMatchObject({
      kind: 'reject',
      code: 'PARTNER_REJECTED',
      partnerCode: 'EMAIL_INVALID',
    });
    expect(classifyInfobip(response(429, legacy('TOO_MANY_REQUESTS'), { 'retry-after': '3' }), NOW)).toEqual({
      kind: 'retry',
      reason: 'rate-limited',
      retryAfterMs: 3000,
      detail:
        'HTTP 429 {"requestError":{"serviceException":{"messageId":"TOO_MANY_REQUESTS","text":"TOO_MANY_REQUESTS"}}}',
    });
  });
});

describe('classifyIntilery', () => {
  it.each([
    ['200 success', response(200, { success: true, eventId: 'e' }), 'ok'],
    ['200 success:false', response(200, { success: false, message: 'x' }), 'reject'],
    ['400 message', response(400, { success: false, message: 'userId must not be empty' }), 'reject'],
    ['403 token', response(403, { success: false }), 'halt'],
    ['401', response(401, ''), 'halt'],
    ['413', response(413, 'too large'), 'too-large'],
    ['429', response(429, ''), 'retry'],
    ['502', response(502, ''), 'retry'],
    ['504 (may still be processed)', response(504, ''), 'retry'],
  ])('%s → %s', (_name, reply, kind) => {
    expect(classifyIntilery(reply, NOW).kind).toBe(kind);
  });
});
