import {
  PushstreamError,
  type AppRegistry,
  type ConsumedRecord,
  type Logger,
  type OutputRecord,
  type RecordResult,
  type TopicSerde,
} from '@pushstream/runtime';
import type { DeviceState, SinkAck } from '@pushstream/schemas';
import { appKeySourceOf } from '../core/device-view.js';
import { sinkAck } from '../core/sink-ack.js';
import { supersededBy } from '../core/sync-decision.js';
import { deadLetterOf } from '../delivery/partner-failure.js';
import type { SinkMetrics } from '../delivery/sink-metrics.js';
import type { AckStore, OutOfSyncSet } from './ack-store.js';
import type { TargetAdapter } from './target-adapter.js';

/** What the record handler works with. */
export interface SinkHandlerDeps<Desired, Operation> {
  readonly adapter: TargetAdapter<Desired, Operation>;
  readonly registry: AppRegistry;
  readonly stateSerde: TopicSerde<DeviceState>;
  readonly ackSerde: TopicSerde<SinkAck>;
  readonly ackTopic: string;
  readonly store: AckStore<Desired>;
  readonly outOfSync: OutOfSyncSet;
  readonly metrics: SinkMetrics;
  readonly logger: Logger;
  readonly dryRun: boolean;
  readonly now: () => number;
}

/**
 * The handler of device-state.v1 for one target: computes the desired partner state, compares it with
 * the acknowledged one, calls the partner only on difference, and emits the new acknowledgement (to the
 * same partition number of the acks topic, so a partition's acknowledgements restore with it).
 */
export function createSinkHandler<Desired, Operation>(
  deps: SinkHandlerDeps<Desired, Operation>,
): (record: ConsumedRecord) => Promise<RecordResult> {
  const { adapter, store, outOfSync, metrics } = deps;
  const target = adapter.target;
  return async (record) => {
    if (record.key === null || record.key.length === 0)
      return { reject: new PushstreamError('RECORD_MISSING_KEY', 'device-state record has no device key') };
    const deviceKey = record.key.toString('utf8');
    const state = record.value === null ? null : await deps.stateSerde.decode(record.value);
    let app: string | undefined;
    if (state !== null) {
      const source = appKeySourceOf(state.source);
      const info = source === undefined ? undefined : deps.registry.lookup(source, state.appKey);
      if (info === undefined || !info.sinks.includes(target)) {
        metrics.notApplicable.inc({ target, reason: 'app-not-served' });
        return { outputs: [] };
      }
      app = info.name;
    }
    const acked = store.get(record.partition, deviceKey);
    if (state !== null && supersededBy(acked, state.version)) {
      metrics.callsSkipped.inc({ target });
      return { outputs: [] };
    }
    const nowMs = deps.now();
    const decision = adapter.decide(state, app, acked, nowMs);
    if (decision.kind === 'not-applicable') {
      metrics.notApplicable.inc({ target, reason: decision.reason });
      return { outputs: [] };
    }
    if (decision.kind === 'in-sync') {
      metrics.callsSkipped.inc({ target });
      outOfSync.delete(record.partition, deviceKey);
      return { outputs: [] };
    }
    outOfSync.add(record.partition, deviceKey);
    const result = await adapter.execute(deviceKey, decision.desired, decision.operations);
    if (!result.ok) {
      deps.logger.warn(
        {
          deviceKey,
          code: result.failure.code,
          operation: result.failure.operation,
          reason: result.failure.message,
        },
        'partner refused the device state; dead-lettered',
      );
      return deadLetterOf(result.failure);
    }
    if (deps.dryRun) {
      outOfSync.delete(record.partition, deviceKey);
      return { outputs: [] };
    }
    const output = await acknowledgement(
      record,
      deviceKey,
      decision,
      acked?.lastSentAt,
      state?.version,
      nowMs,
    );
    outOfSync.delete(record.partition, deviceKey);
    return { outputs: [output] };
  };

  async function acknowledgement(
    record: ConsumedRecord,
    deviceKey: string,
    decision: { desired: Desired; hash: string; operations: readonly Operation[]; erase: boolean },
    previousSentAt: number | undefined,
    stateVersion: number | undefined,
    nowMs: number,
  ): Promise<OutputRecord> {
    if (decision.erase) {
      store.delete(record.partition, deviceKey);
      return { topic: deps.ackTopic, key: deviceKey, value: null, partition: record.partition };
    }
    const sent = adapter.sends(decision.operations);
    const ack = sinkAck({
      deviceKey,
      target,
      registrationId: adapter.registrationId(decision.desired),
      desired: decision.desired,
      hash: decision.hash,
      stateVersion: stateVersion ?? 0,
      nowMs,
      sent,
      previousSentAt,
    });
    store.set(record.partition, deviceKey, {
      hash: decision.hash,
      desired: decision.desired,
      lastSentAt: ack.lastSentAt,
      stateVersion: ack.stateVersion,
    });
    return {
      topic: deps.ackTopic,
      key: deviceKey,
      value: await deps.ackSerde.encode(ack),
      partition: record.partition,
    };
  }
}
