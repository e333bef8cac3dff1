import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig, startServiceRuntime, topicSerde, type ServiceRuntime } from '@pushstream/runtime';
import type { DeviceState } from '@pushstream/schemas';
import { ChildService, uniqueName } from '@pushstream/test-kit';
import { sinkEnvSchema } from '../src/index.js';
import { deviceState, identity, juneDay } from './support/device-states.js';
import { infraEnv } from './support/infra-env.js';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));

describe('sink main (dist) in dry-run mode', () => {
  let child: ChildService | undefined;
  let producer: ServiceRuntime | undefined;

  afterAll(async () => {
    child?.kill('SIGKILL');
    await producer?.shutdown.run();
  });

  it('starts from the environment, logs the calls it would make, reloads on SIGHUP, stops on SIGTERM', async () => {
    const prefix = `${uniqueName('it-sink-main')}.`;
    const registry = JSON.stringify({
      apps: [{ name: 'Shop', appKeys: { cm: 'cm-key' }, sinks: ['infobip', 'intilery'] }],
    });
    const env = infraEnv({
      TOPIC_PREFIX: prefix,
      SERVICE_NAME: 'sink',
      APP_REGISTRY: registry,
      SINK_DRY_RUN: 'true',
    });
    child = new ChildService(MAIN, { env: { ...env, LOG_LEVEL: 'info' } });
    await child.waitForLine(
      'both targets running',
      (line) => line.msg === 'sink running' && line.target === 'intilery',
    );

    producer = await startServiceRuntime({
      env: loadConfig(sinkEnvSchema, { ...env, SERVICE_NAME: 'sink-it-producer' }),
    });
    const topic = producer.topic('device-state.v1');
    await producer.registerSchemas(producer.topics.filter((t) => t.name === 'device-state.v1'));
    const serde = topicSerde<DeviceState>(producer.serde, topic, 'DeviceState');
    const state = deviceState({
      deviceKey: 'cm:cm-key:reg-1',
      appKey: 'cm-key',
      deviceId: 'reg-1',
      source: 'CM',
      platform: 'ANDROID',
      status: 'ACTIVE',
      version: 1,
      lastSeenAt: juneDay(2),
      identity: identity({ externalId: 'cust-1' }),
    });
    await producer.producer.send([
      { topic, key: 'cm:cm-key:reg-1', value: await serde.encode(state as unknown as DeviceState) },
    ]);

    const personalize = await child.waitForLine(
      'a logged personalize',
      (line) =>
        line.dryRun === true && typeof line.url === 'string' && line.url.endsWith('/reg-1/personalize'),
    );
    expect(personalize).toMatchObject({
      method: 'POST',
      url: 'https://dry-run.invalid/people/2/contactInformation/push/reg-1/personalize',
      headers: { authorization: '[redacted]', appcode: 'dry-run' },
      body: '{"identity":{"externalId":"cust-1"}}',
    });
    child.kill('SIGHUP');
    await child.waitForLine('SIGHUP handled', (line) => line.msg === 'SIGHUP: re-reading the partner config');
    child.kill('SIGTERM');
    expect(await child.exited).toEqual({ code: 0, signal: null });
  }, 300_000);
});
