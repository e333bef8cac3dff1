import { PushstreamError } from '@pushstream/runtime';
import type { RtdsStreamConfig, RtdsSubset } from '../core/rtds-request.js';
import type { ConnectorEnv } from './connector-env.js';

/**
 * The RTDS streams this replica consumes: the app's event stream when a token is configured, its
 * compliance stream when the master secret is. With RTDS_PARTITIONS = N, replica i takes PARTITION i of N
 * of each, with its own checkpoint.
 */
export function rtdsStreams(env: ConnectorEnv): RtdsStreamConfig[] {
  if (env.RTDS_APP_KEY === undefined) return [];
  if (env.RTDS_TOKEN === undefined && env.RTDS_MASTER_SECRET === undefined) {
    throw new PushstreamError(
      'CONFIG_INVALID',
      'Invalid configuration:\n  RTDS_TOKEN: RTDS_APP_KEY is set but neither RTDS_TOKEN nor RTDS_MASTER_SECRET is',
    );
  }
  const subset = partitionSubset(env);
  const common = {
    baseUrl: env.RTDS_BASE_URL,
    appKey: env.RTDS_APP_KEY,
    start: env.RTDS_START,
    ...(env.RTDS_FILTERS === undefined ? {} : { filters: env.RTDS_FILTERS }),
    ...(subset === undefined ? {} : { subset }),
  };
  const streams: RtdsStreamConfig[] = [];
  if (env.RTDS_TOKEN !== undefined)
    streams.push({ ...common, endpoint: 'events', credentials: { kind: 'bearer', token: env.RTDS_TOKEN } });
  if (env.RTDS_MASTER_SECRET !== undefined) {
    streams.push({
      ...common,
      endpoint: 'compliance',
      credentials: { kind: 'basic', username: env.RTDS_APP_KEY, password: env.RTDS_MASTER_SECRET },
    });
  }
  return streams;
}

function partitionSubset(env: ConnectorEnv): RtdsSubset | undefined {
  const count = env.RTDS_PARTITIONS;
  if (count === undefined || count === 1) return undefined;
  const selection = env.RTDS_PARTITION_INDEX ?? ordinalOf(env.HOSTNAME);
  if (selection === undefined) {
    throw new PushstreamError(
      'CONFIG_INVALID',
      'Invalid configuration:\n  RTDS_PARTITION_INDEX: required with RTDS_PARTITIONS unless HOSTNAME ends with a StatefulSet ordinal (name-3)',
    );
  }
  if (selection >= count) {
    throw new PushstreamError(
      'CONFIG_INVALID',
      `Invalid configuration:\n  RTDS_PARTITION_INDEX: ${selection} must be less than RTDS_PARTITIONS (${count})`,
    );
  }
  return { type: 'PARTITION', count, selection };
}

function ordinalOf(hostname: string | undefined): number | undefined {
  const match = /-(\d+)$/.exec(hostname ?? '');
  return match?.[1] === undefined ? undefined : Number(match[1]);
}
