import { describe, expect, it } from 'vitest';
import { ERROR_CODES, isErrorCode } from '@pushstream/schemas';
import {
  WEBHOOK_STATUS_BY_CODE,
  kafkaRejection,
  shutdownRejection,
  rawInputRejection,
  webhookErrorBody,
  webhookRejection,
  type WebhookErrorCode,
} from '../../src/core/webhook-rejection.js';

describe('webhook error mapping', () => {
  it.each(Object.entries(WEBHOOK_STATUS_BY_CODE))(
    '%s → HTTP %i, a code of the closed list',
    (code, status) => {
      expect(isErrorCode(code)).toBe(true);
      expect(webhookRejection(code as WebhookErrorCode, 'm').status).toBe(status);
    },
  );

  it('maps only Kafka trouble and shutdown to 503, which are the retriable codes', () => {
    const unavailable = Object.entries(WEBHOOK_STATUS_BY_CODE).filter(([, status]) => status === 503);
    expect(unavailable.map(([code]) => code).sort()).toEqual([
      'KAFKA_PRODUCE_FAILED',
      'KAFKA_UNAVAILABLE',
      'SHUTDOWN_IN_PROGRESS',
    ]);
    for (const [code] of unavailable) expect(ERROR_CODES[code as WebhookErrorCode].retriable).toBe(true);
    for (const [code, status] of Object.entries(WEBHOOK_STATUS_BY_CODE)) {
      if (status >= 400 && status < 500)
        expect(ERROR_CODES[code as WebhookErrorCode].retriable, code).toBe(false);
    }
  });

  it('lets a code that spans statuses carry its own (408, 431)', () => {
    expect(webhookRejection('REQUEST_UNREADABLE', 'slow', { status: 408 }).status).toBe(408);
  });

  it('renders { error: { code, message, path } } and leaves path out when there is none', () => {
    expect(
      webhookErrorBody(webhookRejection('RECORD_SCHEMA_VIOLATION', 'to.number: bad', { path: 'to.number' })),
    ).toEqual({
      error: { code: 'RECORD_SCHEMA_VIOLATION', message: 'to.number: bad', path: 'to.number' },
    });
    expect(webhookErrorBody(webhookRejection('REQUEST_UNAUTHENTICATED', 'authentication required'))).toEqual({
      error: { code: 'REQUEST_UNAUTHENTICATED', message: 'authentication required' },
    });
  });

  it('turns a schemas-package parse error into a 400 (413 for size) that keeps its path', () => {
    expect(
      rawInputRejection({
        code: 'RECORD_SCHEMA_VIOLATION',
        message: 'batch[3].event: x',
        path: 'batch[3].event',
      }),
    ).toEqual({
      status: 400,
      code: 'RECORD_SCHEMA_VIOLATION',
      message: 'batch[3].event: x',
      path: 'batch[3].event',
    });
    expect(rawInputRejection({ code: 'RECORD_TOO_LARGE', message: 'big', path: '' }).status).toBe(413);
  });

  it.each([
    ['overloaded', 'KAFKA_UNAVAILABLE', 'not keeping up'],
    ['timeout', 'KAFKA_UNAVAILABLE', 'did not acknowledge in time'],
    ['failed', 'KAFKA_PRODUCE_FAILED', 'did not take the write'],
  ] as const)('Kafka %s → 503 %s with Retry-After, saying nothing was accepted', (trouble, code, text) => {
    const rejection = kafkaRejection(trouble, 7);
    expect(rejection).toMatchObject({ status: 503, code, headers: { 'retry-after': '7' } });
    expect(rejection.message).toContain(text);
    expect(rejection.message).toContain('not accepted');
  });

  it('shutdown → 503 with Retry-After that closes the connection', () => {
    expect(shutdownRejection(2)).toMatchObject({
      status: 503,
      code: 'SHUTDOWN_IN_PROGRESS',
      headers: { 'retry-after': '2', connection: 'close' },
    });
  });
});
