import { describe, expect, it } from 'vitest';
import { describeInfra } from '../../src/infra/describe-infra.js';
import { DEFAULT_KAFKA_VERSION, readInfraSettings } from '../../src/infra/infra-settings.js';
import { kafkaServerProperties } from '../../src/infra/kafka-server-config.js';

describe('readInfraSettings', () => {
  it('defaults to Kafka 4.3.1 and no external endpoints', () => {
    const settings = readInfraSettings({});
    expect(DEFAULT_KAFKA_VERSION).toBe('4.3.1');
    expect(settings.kafkaVersion).toBe('4.3.1');
    expect(settings.externalKafkaBrokers).toBeUndefined();
    expect(settings.forcedMode).toBeUndefined();
  });

  it('reads versions, endpoints and timeouts from the environment', () => {
    const settings = readInfraSettings({
      PUSHSTREAM_KAFKA_VERSION: '3.9.1',
      KAFKA_BROKERS: ' a:1, b:2 ',
      SCHEMA_REGISTRY_URL: 'http://r:8080/apis/ccompat/v7/',
      PUSHSTREAM_KAFKA_START_TIMEOUT_MS: '5000',
      PUSHSTREAM_INFRA_MODE: 'local',
    });
    expect(settings.kafkaVersion).toBe('3.9.1');
    expect(settings.externalKafkaBrokers).toEqual(['a:1', 'b:2']);
    expect(settings.externalRegistryUrl).toBe('http://r:8080/apis/ccompat/v7');
    expect(settings.kafkaStartTimeoutMs).toBe(5000);
    expect(settings.forcedMode).toBe('local');
  });

  it('rejects a bad mode or timeout with the variable name', () => {
    expect(() => readInfraSettings({ PUSHSTREAM_INFRA_MODE: 'docker' })).toThrow(/PUSHSTREAM_INFRA_MODE/);
    expect(() => readInfraSettings({ PUSHSTREAM_REGISTRY_START_TIMEOUT_MS: 'soon' })).toThrow(
      /PUSHSTREAM_REGISTRY_START_TIMEOUT_MS/,
    );
  });
});

describe('kafkaServerProperties', () => {
  it('describes a single combined KRaft node on loopback for tests', () => {
    const properties = kafkaServerProperties({ brokerPort: 1111, controllerPort: 2222, dataDir: '/d' });
    expect(properties).toContain('process.roles=broker,controller\n');
    expect(properties).toContain('controller.quorum.bootstrap.servers=127.0.0.1:2222\n');
    expect(properties).toContain(
      'advertised.listeners=PLAINTEXT://127.0.0.1:1111,CONTROLLER://127.0.0.1:2222\n',
    );
    expect(properties).toContain('auto.create.topics.enable=false\n');
    expect(properties).toContain('transaction.state.log.min.isr=1\n');
    expect(properties).toContain('group.initial.rebalance.delay.ms=0\n');
  });
});

describe('describeInfra', () => {
  it('prints one line with versions and addresses', () => {
    const line = describeInfra({
      mode: 'local',
      kafkaBrokers: ['127.0.0.1:1'],
      schemaRegistryUrl: 'http://127.0.0.1:2/apis/ccompat/v7',
      kafkaVersion: '4.3.1',
      registryVersion: '3.3.3',
    });
    expect(line).toBe(
      'infra: Apache Kafka 4.3.1 (KRaft, local JVM) at 127.0.0.1:1; Apicurio Registry 3.3.3 at http://127.0.0.1:2/apis/ccompat/v7',
    );
  });
});
