import path from 'node:path';
import { createTraffic } from '@pushstream/schemas';
import { serviceScript, startPipeline } from '@pushstream/test-kit';
import { existsSync } from 'node:fs';
import type { BenchContext, Scenario } from '../scenario.ts';
import { OffsetWatcher } from '../shell/offset-watcher.ts';
import { PeakRss } from '../shell/process-memory.ts';
import type { ChainStep } from '../shell/stage-chain.ts';

/** Row id of the RTDS ingest stage. */
export const RTDS_INGEST_ROW = 'rtds-ingest';
const RAW_TOPIC = 'raw.airship-rtds.v1';

/**
 * RTDS ingest: the real connector process (`services/connector/dist/main.js`, started by the local
 * pipeline launcher) streams `records` generated events (1 % duplicates) from the RTDS simulator (gzip,
 * NDJSON) into the raw topic. Throughput counts from the first record in Kafka to the last, so process
 * start and topic provisioning are excluded (they are reported separately). Its raw topic is what the
 * normalizer stage then drains.
 */
export function rtdsIngestScenario(): Scenario {
  return {
    id: RTDS_INGEST_ROW,
    rows: [
      {
        id: RTDS_INGEST_ROW,
        title: 'RTDS ingest (simulator → raw)',
        kind: 'stage',
        unit: 'events/s',
        ceiling: 'produce',
      },
    ],
    notBuilt: () => connectorMissing(),
    async run(context: BenchContext, runIndex: number) {
      return [...(await context.chain.get(context, 'raw', runIndex)).figures];
    },
  };
}

/** Why the connector cannot run, or undefined. */
export function connectorMissing(): string | undefined {
  const script = serviceScript('connector');
  return existsSync(script) ? undefined : `${script} missing (build it)`;
}

/** Fills the raw RTDS topic of a run through the connector, measuring the ingest on the way. */
export async function fillRawThroughConnector(
  context: BenchContext,
  runIndex: number,
  variant: string,
): Promise<ChainStep> {
  const suffix = variant === '' ? '' : `-${variant}`;
  const prefix = `${context.namePrefix}r${runIndex}${suffix}.`;
  const spawnedAt = performance.now();
  const pipeline = await startPipeline({
    log: () => undefined,
    runDir: path.join(context.logDir, `rtds-ingest-r${runIndex}${suffix}`),
    env: { LOG_LEVEL: 'warn' },
    demoEventsPerSecond: 0,
    topicPrefix: prefix,
    services: ['connector'],
    infra: context.infra,
  });
  const watcher = new OffsetWatcher(context.kafka);
  const peak = new PeakRss();
  try {
    const simulator = pipeline.rtds;
    if (simulator === undefined) throw new Error('the launcher started no RTDS simulator');
    const connector = pipeline.instance('connector');
    const traffic = createTraffic({
      seed: `bench-rtds-r${runIndex}${suffix}`,
      devices: context.options.devices,
      rtds: { events: context.options.records, appKey: simulator.appKey, duplicateRate: 0.01 },
    });
    const lines = [...traffic.rtds.lines()].filter((line) => line.trim() !== '');
    simulator.append(lines);
    const topic = `${prefix}${RAW_TOPIC}`;
    let first: { at: number; count: number } | undefined;
    let last = 0;
    let lastChange = performance.now();
    for (;;) {
      if (!connector.running)
        throw new Error(`the connector exited (${connector.exitReason() ?? '?'}):\n${connector.tail(15)}`);
      peak.sample('connector', connector.pid);
      const count = await watcher.endOffsetTotal(topic);
      const now = performance.now();
      if (count > 0 && first === undefined) first = { at: now, count };
      if (count !== last) lastChange = now;
      last = count;
      if (count >= lines.length) break;
      if (now - lastChange > 60_000)
        throw new Error(`RTDS ingest stalled at ${count}/${lines.length} records:\n${connector.tail(15)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ended = performance.now();
    const start = first ?? { at: spawnedAt, count: 0 };
    const measured = ended - start.at > 0 && lines.length > start.count;
    return {
      prefix,
      records: lines.length,
      figures: [
        {
          row: RTDS_INGEST_ROW,
          throughput: measured
            ? (lines.length - start.count) / ((ended - start.at) / 1000)
            : lines.length / ((ended - spawnedAt) / 1000),
          rssBytes: peak.values(),
          extra: {
            recordsPerSecondWithStart: lines.length / ((ended - spawnedAt) / 1000),
            inputRecords: lines.length,
          },
        },
      ],
    };
  } finally {
    await watcher.close();
    await pipeline.stop();
  }
}
