import { createServer } from 'node:http';
import { listenOnLoopback, type LoopbackServer } from '../loopback-server.js';
import { sendError } from './error-response.js';
import type { ForeignRequestRecord } from './simulator-stats.js';
import { flatHeaders } from './flat-headers.js';

/** A second loopback server on another port: another origin, where no client should send its token. */
export type ForeignOrigin = LoopbackServer;

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
  return listenOnLoopback(server);
}
