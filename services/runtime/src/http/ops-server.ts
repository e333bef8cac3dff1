import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Registry } from 'prom-client';
import type { HealthState } from './health-state.js';

/** The operations HTTP server of a service: /metrics, /healthz (liveness), /readyz (readiness). */
export interface OpsServer {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  close(): Promise<void>;
}

/** Starts the operations server on `port` (0 = any free port) of `host`. */
export async function startOpsServer(options: {
  port: number;
  host?: string;
  registry: Registry;
  health: HealthState;
}): Promise<OpsServer> {
  const { registry, health } = options;
  const server: Server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    if (path === '/metrics') {
      registry
        .metrics()
        .then((body) => response.writeHead(200, { 'content-type': registry.contentType }).end(body))
        .catch((error: unknown) =>
          response.writeHead(500, { 'content-type': 'text/plain' }).end(String(error)),
        );
      return;
    }
    if (path === '/healthz' || path === '/livez') {
      const state = health.liveness();
      json(response, state.ok ? 200 : 503, state);
      return;
    }
    if (path === '/readyz') {
      const state = health.readiness();
      json(response, state.ok ? 200 : 503, state);
      return;
    }
    json(response, 404, { error: 'not found', paths: ['/metrics', '/healthz', '/readyz'] });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '0.0.0.0', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));
}
