import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, inject, it } from 'vitest';
import { uniqueName } from '@pushstream/test-kit';
import type {} from '@pushstream/test-kit';
import { infraEnv } from './support/infra-env.js';
import {
  createLogger,
  loadConfig,
  runtimeEnvSchema,
  startServiceRuntime,
  type ServiceRuntime,
} from '../src/index.js';

/**
 * A registry that is away at start-up (503, then unreachable-like errors) must not crash a starting service:
 * schema registration waits it out and succeeds once the registry answers.
 */
describe('service start-up while the registry is away', () => {
  let runtime: ServiceRuntime | undefined;
  let proxy: http.Server | undefined;
  afterEach(async () => {
    await runtime?.shutdown.run();
    await new Promise<void>((resolve) => (proxy === undefined ? resolve() : proxy.close(() => resolve())));
  });

  it('retries schema registration until the registry answers', async () => {
    const infra = inject('infra');
    const registry = new URL(infra.schemaRegistryUrl);
    let refused = 0;
    proxy = http.createServer((request, response) => {
      if (refused < 3) {
        refused += 1;
        response
          .writeHead(503, { 'content-type': 'application/json' })
          .end('{"error_code":50301,"message":"starting"}');
        return;
      }
      const upstream = http.request(
        {
          host: registry.hostname,
          port: registry.port,
          method: request.method,
          path: `${registry.pathname}${request.url ?? ''}`,
          headers: request.headers,
        },
        (answer) => {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
        },
      );
      request.pipe(upstream);
    });
    await new Promise<void>((resolve) => proxy?.listen(0, '127.0.0.1', resolve));
    const port = (proxy.address() as AddressInfo).port;
    const warnings: string[] = [];
    const logger = createLogger({ serviceName: 'startup-retry', level: 'warn' });
    const env = loadConfig(
      runtimeEnvSchema,
      infraEnv({
        SCHEMA_REGISTRY_URL: `http://127.0.0.1:${port}`,
        TOPIC_PREFIX: `${uniqueName('startup')}.`,
      }),
    );
    runtime = await startServiceRuntime({
      env,
      logger: Object.assign(Object.create(logger) as typeof logger, {
        warn: (object: unknown, message?: string) => warnings.push(message ?? String(object)),
      }),
    });
    const stateTopic = runtime.topics.filter((topic) => topic.name === 'device-state.v1');
    const ids = await runtime.registerSchemas(stateTopic);
    expect(refused).toBe(3);
    expect(
      warnings.filter((line) => line === 'schema registration failed; retrying').length,
    ).toBeGreaterThanOrEqual(1);
    expect([...ids.keys()]).toEqual([`${env.TOPIC_PREFIX}device-state.v1-value`]);
  }, 120_000);
});
