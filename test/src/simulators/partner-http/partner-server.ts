import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenOnLoopback, type LoopbackServer } from '../loopback-server.js';
import { sendJson } from './http-io.js';

/**
 * Serves `handle` on 127.0.0.1 (`port` 0: any free one) with keep-alive connections, as partner APIs do. A
 * handler that throws is answered 500 with `errorBody(error)` in the partner's own error shape, or the
 * connection is dropped when the answer had already begun.
 */
export async function startPartnerServer(options: {
  readonly port?: number;
  readonly handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  readonly errorBody: (error: unknown) => unknown;
}): Promise<LoopbackServer> {
  const server = createServer((req, res) => {
    options.handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, options.errorBody(error));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  return listenOnLoopback(server, options.port);
}
