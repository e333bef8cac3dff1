import type { ServerResponse } from 'node:http';

/**
 * Writes a JSON answer unless the response is already over (the client left, or a timeout answered it).
 * `no-store` because answers describe one delivery attempt and must not be replayed from a cache.
 */
export function sendJson(
  response: ServerResponse,
  status: number,
  body: unknown,
  headers: Readonly<Record<string, string>> = {},
): void {
  if (response.headersSent || response.writableEnded || response.destroyed) return;
  const text = JSON.stringify(body);
  response.writeHead(status, {
    ...headers,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(text)),
    'cache-control': 'no-store',
  });
  response.end(text);
}
