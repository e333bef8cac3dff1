import type { Duplex } from 'node:stream';
import { webhookErrorBody, webhookRejection } from '../core/webhook-rejection.js';

const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  408: 'Request Timeout',
  431: 'Request Header Fields Too Large',
};

/**
 * Answers a request Node's HTTP parser gave up on (malformed HTTP, headers too large, too slow) with the
 * same JSON error shape as every other refusal, then closes the connection.
 */
export function answerClientError(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || !socket.writable) {
    socket.destroy();
    return;
  }
  const status =
    error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
  const message =
    status === 431
      ? 'the request headers are too large'
      : status === 408
        ? 'the request was not received in time'
        : 'the request is not valid HTTP/1.1';
  const body = JSON.stringify(webhookErrorBody(webhookRejection('REQUEST_UNREADABLE', message, { status })));
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_TEXT[status] ?? 'Bad Request'}\r\n` +
      'content-type: application/json; charset=utf-8\r\n' +
      `content-length: ${Buffer.byteLength(body)}\r\n` +
      'connection: close\r\n\r\n' +
      body,
  );
}
