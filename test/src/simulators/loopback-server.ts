import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A simulator's HTTP server listening on 127.0.0.1. */
export interface LoopbackServer {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Stops listening and closes every connection, idle or busy, so tests never wait on keep-alive. */
  close(): Promise<void>;
}

/** Listens on 127.0.0.1 (`port` 0: any free port); rejects when the port is taken. */
export async function listenOnLoopback(server: Server, port = 0): Promise<LoopbackServer> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${bound}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
