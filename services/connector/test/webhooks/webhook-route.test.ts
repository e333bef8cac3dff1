import { describe, expect, it } from 'vitest';
import { checkBodyFormat } from '../../src/core/webhook-body-format.js';
import { matchWebhookRoute, type WebhookSourceKind } from '../../src/core/webhook-route.js';

const configured = (kind: WebhookSourceKind, id: string): string | undefined =>
  (kind === 'cm' && id === 'app1') || (kind === 'track' && id === 'wk_shop') ? `${kind}:${id}` : undefined;

describe('request classification: route and method', () => {
  it.each([
    ['POST', '/webhooks/cm/app1', 'cm', 'app1'],
    ['POST', '/webhooks/track/wk_shop', 'track', 'wk_shop'],
    ['POST', '/webhooks/track/wk_shop?ignored=1', 'track', 'wk_shop'],
  ])('%s %s → %s/%s', (method, url, kind, id) => {
    expect(matchWebhookRoute(method, url, configured)).toEqual({
      ok: true,
      kind,
      id,
      path: url.split('?')[0],
      source: `${kind}:${id}`,
    });
  });

  it.each([
    ['/webhooks/cm/app2', 'cm'],
    ['/webhooks/cm/', 'cm'],
    ['/webhooks/cm', 'cm'],
    ['/webhooks/cm/app1/', undefined],
    ['/webhooks/cm/app%31', 'cm'],
    ['/webhooks/sms/app1', undefined],
    ['/webhooks/track/wk_shop/batch', undefined],
    ['//webhooks/cm/app1', undefined],
    ['/WEBHOOKS/cm/app1', undefined],
    ['', undefined],
    [undefined, undefined],
    ['*', undefined],
    [`/webhooks/cm/${'a'.repeat(129)}`, 'cm'],
  ])('%s → 404 (route label %s)', (url, kind) => {
    const match = matchWebhookRoute('POST', url, configured);
    expect(match.ok).toBe(false);
    if (match.ok) return;
    expect(match.kind).toBe(kind);
    expect(match.rejection).toMatchObject({ status: 404, code: 'REQUEST_ROUTE_NOT_FOUND' });
  });

  it.each(['GET', 'PUT', 'HEAD', 'OPTIONS', 'DELETE', 'post', undefined])(
    '%s on a route → 405 with Allow: POST',
    (method) => {
      const match = matchWebhookRoute(method, '/webhooks/cm/app1', configured);
      expect(match).toMatchObject({
        ok: false,
        kind: 'cm',
        rejection: { status: 405, headers: { allow: 'POST' } },
      });
    },
  );

  it('prefers 404 over 405 for paths that are not routes', () => {
    expect(matchWebhookRoute('GET', '/', configured)).toMatchObject({ rejection: { status: 404 } });
  });
});

describe('request classification: body format', () => {
  it.each([
    ['application/json', undefined, 'identity'],
    ['Application/JSON', 'identity', 'identity'],
    ['application/json; charset=utf-8', undefined, 'identity'],
    ['application/json;charset="UTF-8"', 'gzip', 'gzip'],
    ['application/json', 'x-gzip', 'gzip'],
    ['application/json; boundary=x', ' GZIP ', 'gzip'],
  ])('%s + %s → %s', (type, encoding, expected) => {
    expect(checkBodyFormat(type, encoding)).toEqual({ ok: true, encoding: expected });
  });

  it.each([
    [undefined, undefined],
    ['', undefined],
    ['text/plain', undefined],
    ['application/jsonx', undefined],
    ['application/json/x', undefined],
    ['application/x-www-form-urlencoded', undefined],
    ['application/json; charset=iso-8859-1', undefined],
    ['application/json', 'br'],
    ['application/json', 'deflate'],
    ['application/json', 'gzip, gzip'],
  ])('%s + %s → 415', (type, encoding) => {
    expect(checkBodyFormat(type, encoding)).toMatchObject({
      ok: false,
      rejection: { status: 415, code: 'REQUEST_UNSUPPORTED_MEDIA_TYPE' },
    });
  });
});
