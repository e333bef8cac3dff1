import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sendError } from './error-response.js';
import type { ForeignRequestRecord } from './simulator-stats.js';
import { flatHeaders } from './flat-headers.js';

/** A second loopback server on another port: another origin, where no client should send its token. */
export interface ForeignOrigin {
  readonly url: string;
  close(): Promise<void>;
}

/**
 * Starts the foreign origin a 307's `Location` can point at. Every request is recorded (with whether it
 * carried `Authorization`) and refused with `404` (not 421, which HTTP clients retry on a new connection).
 */
export async function startForeignOrigin(records: ForeignRequestRecord[]): Promise<ForeignOrigin> {
  const server = createServer((req, res) => {
    records.push({
      method: req.method ?? '',
      path: req.url ?? '',
      headers: flatHeaders(req.headers),
      hadAuthorization: req.headers.authorization !== undefined,
    });
    req.resume();
    sendError(res, 404, 'Not Found', 'this origin does not serve the event stream');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
