import { afterEach, describe, expect, it } from 'vitest';
import { uniqueName } from '@pushstream/test-kit';
import { infraEnv } from './support/infra-env.js';
import {
  createLogger,
  loadConfig,
  runtimeEnvSchema,
  startServiceRuntime,
  type ServiceRuntime,
} from '../src/index.js';

/**
 * /readyz answers ready only once the service says its start-up is over (`markStarted`, after its loops
 * exist): a runtime that has connected its producer but whose service is still provisioning, registering
 * schemas or has not created its consumer loop is not ready — else a rolling update would count a pod
 * ready before it joined its group and restored its state.
 */
describe('service runtime readiness against real Kafka', () => {
  let runtime: ServiceRuntime | undefined;
  afterEach(async () => {
    await runtime?.shutdown.run();
  });

  it('stays not ready after start until markStarted', async () => {
    const env = loadConfig(runtimeEnvSchema, infraEnv({ TOPIC_PREFIX: `${uniqueName('readiness')}.` }));
    runtime = await startServiceRuntime({
      env,
      logger: createLogger({ serviceName: 'readiness', level: 'silent' }),
    });
    const readyz = async () => {
      const response = await fetch(`http://127.0.0.1:${runtime?.opsServer.port ?? 0}/readyz`);
      return { status: response.status, body: await response.json() };
    };
    expect(await readyz()).toEqual({
      status: 503,
      body: { ok: false, reasons: ['service is starting'] },
    });
    await runtime.provision();
    expect((await readyz()).status).toBe(503);
    runtime.markStarted();
    expect(await readyz()).toEqual({ status: 200, body: { ok: true, reasons: [] } });
  }, 120_000);
});
