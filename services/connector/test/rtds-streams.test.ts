import { describe, expect, it } from 'vitest';
import { loadConfig } from '@pushstream/runtime';
import { connectorEnvSchema } from '../src/config/connector-env.js';
import { rtdsStreams } from '../src/config/rtds-streams.js';

const base = {
  SERVICE_NAME: 'connector',
  KAFKA_BROKERS: 'k:9092',
  SCHEMA_REGISTRY_URL: 'http://r:8080/apis/ccompat/v7',
};
const streams = (extra: Record<string, string>) =>
  rtdsStreams(loadConfig(connectorEnvSchema, { ...base, ...extra }));

describe('rtdsStreams', () => {
  it('configures nothing without an app key (webhooks only)', () => {
    expect(streams({})).toEqual([]);
  });

  it('configures the event stream (Bearer) and the compliance stream (Basic) of the app', () => {
    const configured = streams({
      RTDS_APP_KEY: 'APP',
      RTDS_TOKEN: 'tok',
      RTDS_MASTER_SECRET: 'secret',
      RTDS_FILTERS: '[{"types":["OPEN"]}]',
    });
    expect(configured).toEqual([
      {
        baseUrl: 'https://connect.urbanairship.com',
        appKey: 'APP',
        start: 'EARLIEST',
        filters: [{ types: ['OPEN'] }],
        endpoint: 'events',
        credentials: { kind: 'bearer', token: 'tok' },
      },
      {
        baseUrl: 'https://connect.urbanairship.com',
        appKey: 'APP',
        start: 'EARLIEST',
        filters: [{ types: ['OPEN'] }],
        endpoint: 'compliance',
        credentials: { kind: 'basic', username: 'APP', password: 'secret' },
      },
    ]);
  });

  it('takes the PARTITION selection from the StatefulSet ordinal, or explicitly', () => {
    expect(
      streams({ RTDS_APP_KEY: 'APP', RTDS_TOKEN: 't', RTDS_PARTITIONS: '4', HOSTNAME: 'connector-2' })[0]
        ?.subset,
    ).toEqual({ type: 'PARTITION', count: 4, selection: 2 });
    expect(
      streams({
        RTDS_APP_KEY: 'APP',
        RTDS_TOKEN: 't',
        RTDS_PARTITIONS: '4',
        RTDS_PARTITION_INDEX: '0',
        HOSTNAME: 'connector-2',
      })[0]?.subset,
    ).toEqual({ type: 'PARTITION', count: 4, selection: 0 });
  });

  it.each([
    [{ RTDS_APP_KEY: 'APP' }, 'neither RTDS_TOKEN nor RTDS_MASTER_SECRET'],
    [
      { RTDS_APP_KEY: 'APP', RTDS_TOKEN: 't', RTDS_PARTITIONS: '4', HOSTNAME: 'laptop' },
      'RTDS_PARTITION_INDEX: required with RTDS_PARTITIONS',
    ],
    [
      { RTDS_APP_KEY: 'APP', RTDS_TOKEN: 't', RTDS_PARTITIONS: '4', RTDS_PARTITION_INDEX: '4' },
      'must be less than RTDS_PARTITIONS (4)',
    ],
  ])('rejects %j naming the problem', (extra, message) => {
    expect(() => streams(extra)).toThrow(message);
  });

  it('rejects filters that are not a non-empty JSON array', () => {
    expect(() => streams({ RTDS_APP_KEY: 'APP', RTDS_TOKEN: 't', RTDS_FILTERS: '{}' })).toThrow(
      'RTDS_FILTERS: expected a non-empty JSON array of filter objects',
    );
    expect(() => streams({ RTDS_APP_KEY: 'APP', RTDS_TOKEN: 't', RTDS_FILTERS: 'types=OPEN' })).toThrow(
      'RTDS_FILTERS: expected a JSON array of filter objects',
    );
  });
});
