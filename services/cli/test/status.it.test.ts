import { afterAll, describe, expect, it } from 'vitest';
import { withAdmin } from '@pushstream/test-kit';
import { PushstreamError, deadLetterRecord, errorHeaders } from '@pushstream/runtime';
import type { DeviceEvent } from '@pushstream/schemas';
import type { StatusReport } from '../src/index.js';
import { CliWorld, sampleValue } from './support/cli-harness.js';

const world = new CliWorld();
afterAll(() => world.close());

describe('pushstream status', () => {
  it('shows topics, the lag of each stage group and DLQ depths', async () => {
    await world.provision(['raw.cm-push.v1', 'raw.track.v1', 'device-events.v1']);
    await world.provision(['dlq.normalizer.v1'], 1);
    const raw = world.topic('raw.cm-push.v1');
    await world.produce(
      Array.from({ length: 6 }, (_, i) => ({
        topic: raw,
        key: `cm:app:${i}`,
        value: `{"n":${i}}`,
        partition: 0,
      })),
    );
    await world.produce([{ topic: world.topic('raw.track.v1'), key: 't:1', value: '{}', partition: 1 }]);
    const event = sampleValue<DeviceEvent>('DeviceEvent', { deviceKey: 'cm:app:1' });
    await world.produce([
      {
        topic: world.topic('device-events.v1'),
        key: 'cm:app:1',
        value: await world.encode('device-events.v1', event),
        partition: 2,
      },
    ]);
    // The normalizer (group <prefix>normalizer) consumed 4 of the 6 cm records and nothing of track yet.
    await withAdmin(world.kafka, (admin) =>
      admin.setOffsets({
        groupId: `${world.prefix}normalizer`,
        topic: raw,
        partitions: [{ partition: 0, offset: '4' }],
      }),
    );
    // The sessionizer's group has a name of its own, given with --group.
    const sessionizerGroup = `${world.prefix}custom-sessionizer`;
    await withAdmin(world.kafka, (admin) =>
      admin.setOffsets({
        groupId: sessionizerGroup,
        topic: world.topic('device-events.v1'),
        partitions: [{ partition: 2, offset: '1' }],
      }),
    );
    const dlq = world.topic('dlq.normalizer.v1');
    await world.produce([
      deadLetterRecord({
        dlqTopic: dlq,
        stage: 'normalizer',
        record: {
          topic: raw,
          partition: 0,
          offset: '5',
          key: Buffer.from('cm:app:5'),
          value: Buffer.from('x'),
          headers: {},
          timestampMs: 0,
        },
        error: new PushstreamError('RECORD_INVALID_JSON', 'bad'),
        now: new Date(),
      }),
      {
        topic: dlq,
        key: 'k',
        value: 'line',
        headers: errorHeaders(new PushstreamError('RECORD_INVALID_JSON', 'bad'), 'normalizer', new Date()),
      },
    ]);

    const report = await world.json<StatusReport>(['status', '--group', `sessionizer=${sessionizerGroup}`]);
    expect(report.prefix).toBe(world.prefix);
    const cm = report.topics.find((t) => t.name === 'raw.cm-push.v1');
    expect(cm).toMatchObject({ topic: raw, exists: true, partitions: 3, records: 6, endOffset: 6 });
    expect(report.topics.find((t) => t.name === 'device-state.v1')).toMatchObject({
      exists: false,
      partitions: null,
    });

    const normalizer = report.stages.find((s) => s.stage === 'normalizer');
    expect(normalizer).toMatchObject({
      groupId: `${world.prefix}normalizer`,
      found: true,
      state: 'Empty',
      members: 0,
    });
    // 2 cm records not consumed + 1 track record in a partition the group never committed on.
    expect(normalizer?.lag).toBe(3);
    expect(normalizer?.topics.find((t) => t.topic === raw)?.partitions[0]).toEqual({
      partition: 0,
      committed: '4',
      high: '6',
      lag: 2,
    });
    expect(report.stages.find((s) => s.stage === 'sessionizer')).toMatchObject({
      groupId: sessionizerGroup,
      found: true,
      lag: 0,
    });
    expect(report.stages.find((s) => s.stage === 'sink')).toMatchObject({ found: false, lag: null });
    expect(report.stages.map((s) => s.stage)).toEqual(['normalizer', 'sessionizer', 'sink', 'sink']);

    expect(report.dlq.find((d) => d.service === 'normalizer')).toEqual({
      service: 'normalizer',
      topic: dlq,
      exists: true,
      depth: 2,
      replayGroup: `${world.prefix}cli.dlq-replay.normalizer`,
      pendingReplay: 2,
    });
    expect(report.dlq.find((d) => d.service === 'sink')).toMatchObject({ exists: false, depth: null });

    const text = await world.cli(['status', '--group', `sessionizer=${sessionizerGroup}`]);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(new RegExp(`│ ${raw.replace(/\./g, '\\.')} +│ +3 │ +6 │ +6 │`));
    expect(text.stdout).toMatch(/│ normalizer +│ \S+normalizer +│ Empty +│ +0 │ \S+raw\.cm-push\.v1 +│ +2 │/);
    expect(text.stdout).toMatch(new RegExp(`│ normalizer +│ ${dlq.replace(/\./g, '\\.')} +│ +2 │ +2 │`));
  });

  it('fails in one line naming the brokers when Kafka cannot be reached', async () => {
    const result = await world.cli(['status'], { env: world.env({ KAFKA_BROKERS: '127.0.0.1:1' }) });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(
      /^pushstream: KAFKA_UNAVAILABLE: cannot reach Kafka brokers 127\.0\.0\.1:1: .+\n$/,
    );
    expect(result.stderr.split('\n')).toHaveLength(2);
  });

  it('never prints credentials: SASL password and registry URL user:pass are redacted', async () => {
    // The broker speaks PLAINTEXT: the SASL handshake fails, and the error must not carry the password.
    const sasl = await world.cli(['--json', 'status'], {
      env: world.env({
        KAFKA_SASL_MECHANISM: 'plain',
        KAFKA_SASL_USERNAME: 'operator',
        KAFKA_SASL_PASSWORD: 'hunter2-sasl-secret',
        KAFKA_CONNECTION_TIMEOUT_MS: '3000',
      }),
    });
    expect(sasl.code).toBe(1);
    expect(`${sasl.stdout}${sasl.stderr}`).not.toContain('hunter2');
    expect(JSON.parse(sasl.stderr)).toMatchObject({ error: { code: 'KAFKA_UNAVAILABLE' } });

    // A registry URL with credentials: the registry client's error quotes its URL, which must come out masked.
    await world.provision(['connector-checkpoints.v1'], 1);
    // (Unreachable, so that it fails: a reachable registry accepts the URL's credentials.)
    const registry = new URL(world.infra.schemaRegistryUrl);
    registry.port = '1';
    registry.username = 'ops';
    registry.password = 'reg-pass-secret';
    const set = await world.cli(['rtds', 'checkpoint', 'set', 'APP:events', '42', '--yes'], {
      env: world.env({
        SCHEMA_REGISTRY_URL: registry.toString(),
        SCHEMA_REGISTRY_USERNAME: 'ops',
        SCHEMA_REGISTRY_PASSWORD: 'other-secret',
      }),
    });
    expect(set.code).toBe(1);
    expect(set.stderr).toMatch(/^pushstream: REGISTRY_UNAVAILABLE: .*ECONNREFUSED 127\.0\.0\.1:1$/m);
    expect(`${set.stdout}${set.stderr}`).not.toContain('reg-pass-secret');
    expect(`${set.stdout}${set.stderr}`).not.toContain('other-secret');

    // status names the registry it would use, without its credentials, in text and JSON.
    const env = world.env({ SCHEMA_REGISTRY_URL: registry.toString() });
    const status = await world.cli(['status'], { env });
    expect(status.code).toBe(0);
    expect(status.stdout).toContain('registry http://[redacted]@127.0.0.1:1/apis/ccompat/v7');
    const json = await world.json<StatusReport>(['status'], { env });
    expect(json.registry).toBe('http://[redacted]@127.0.0.1:1/apis/ccompat/v7');
    expect(`${status.stdout}${JSON.stringify(json)}`).not.toContain('reg-pass-secret');
  });
});
