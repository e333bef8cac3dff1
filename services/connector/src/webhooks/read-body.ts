import type { IncomingMessage } from 'node:http';
import { promisify } from 'node:util';
import { gunzip } from 'node:zlib';
import type { BodyEncoding } from '../core/webhook-body-format.js';
import { webhookRejection, type WebhookRejection } from '../core/webhook-rejection.js';

const gunzipAsync = promisify(gunzip);

/** A body read whole, or why not. */
export type BodyRead =
  | { readonly ok: true; readonly body: Buffer }
  | { readonly ok: false; readonly rejection: WebhookRejection; readonly wireBytes: number };

/**
 * Reads the request body up to `limit` bytes. A declared Content-Length above the limit is refused before
 * reading; a body that grows past it stops being kept (the rest is drained and dropped, so the caller still
 * gets the 413 instead of a reset connection).
 */
export function readRequestBody(request: IncomingMessage, limit: number): Promise<BodyRead> {
  const declared = Number(request.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    request.resume();
    return Promise.resolve({ ok: false, rejection: tooLarge(declared, limit), wireBytes: 0 });
  }
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let received = 0;
    let settled = false;
    const settle = (result: BodyRead): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    request.on('data', (chunk: Buffer) => {
      received += chunk.length;
      if (received > limit) {
        chunks.length = 0;
        settle({ ok: false, rejection: tooLarge(received, limit), wireBytes: received });
      } else if (!settled) chunks.push(chunk);
    });
    request.once('end', () => settle({ ok: true, body: Buffer.concat(chunks, received) }));
    request.once('close', () =>
      settle({
        ok: false,
        rejection: webhookRejection('REQUEST_UNREADABLE', 'the request body ended early'),
        wireBytes: received,
      }),
    );
    // An aborted upload also emits 'error'; 'close' settles it, and an unheard 'error' would crash the process.
    request.once('error', () => undefined);
  });
}

/** The body after its Content-Encoding is undone, within `limit` bytes. */
export async function decodeBody(
  body: Buffer,
  encoding: BodyEncoding,
  limit: number,
): Promise<
  { readonly ok: true; readonly body: Buffer } | { readonly ok: false; readonly rejection: WebhookRejection }
> {
  if (encoding === 'identity') return { ok: true, body };
  try {
    return { ok: true, body: await gunzipAsync(body, { maxOutputLength: limit }) };
  } catch (error) {
    if (error instanceof RangeError) {
      return {
        ok: false,
        rejection: webhookRejection(
          'RECORD_TOO_LARGE',
          `the decompressed body exceeds the limit of ${limit} bytes`,
        ),
      };
    }
    return {
      ok: false,
      rejection: webhookRejection('RECORD_INVALID_JSON', 'invalid JSON: the body is not valid gzip data', {
        path: '',
      }),
    };
  }
}

function tooLarge(bytes: number, limit: number): WebhookRejection {
  return webhookRejection('RECORD_TOO_LARGE', `the body has at least ${bytes} bytes; the limit is ${limit}`);
}
