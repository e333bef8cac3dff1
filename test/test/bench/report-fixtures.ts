import type { BenchMeta, RowInfo, RunFigures } from '../../bench/core/bench-results.ts';
import type { RowOutcome } from '../../bench/core/build-report.ts';

/** A fixed BenchMeta for report tests. */
export const META: BenchMeta = {
  date: '2026-11-22T08:30:12.345Z',
  wallSeconds: 553,
  runs: 3,
  machine: {
    cpuModel: 'AMD EPYC',
    cores: 2,
    memoryBytes: 24 * 1024 ** 3,
    os: 'Linux 6.1 x64',
    loadAverage: [1.5, 1.2, 1],
  },
  versions: { node: 'v24.21.0', kafka: '4.3.1' },
  workload: { 'records per run': 50000, partitions: 6 },
  infraMode: 'local harness',
  commit: 'abc1234',
  notes: ['shared machine'],
};

/** Row infos as the scenarios declare them. */
export const ROWS = {
  brokerProduce: {
    id: 'broker-produce',
    title: 'Broker ceiling: ProducerPerformance',
    kind: 'broker-ceiling',
    unit: 'records/s',
  },
  brokerConsume: {
    id: 'broker-consume',
    title: 'Broker ceiling: ConsumerPerformance',
    kind: 'broker-ceiling',
    unit: 'records/s',
  },
  clientProduce: {
    id: 'client-produce',
    title: 'Client ceiling: kafkajs produce',
    kind: 'client-ceiling',
    unit: 'records/s',
  },
  clientPassthrough: {
    id: 'client-passthrough',
    title: 'Client ceiling: passthrough',
    kind: 'client-ceiling',
    unit: 'records/s',
  },
  rtds: { id: 'rtds-ingest', title: 'RTDS ingest', kind: 'stage', unit: 'events/s', ceiling: 'produce' },
  normalizer: {
    id: 'normalizer',
    title: 'Normalizer',
    kind: 'stage',
    unit: 'records/s',
    ceiling: 'passthrough',
  },
  sink: { id: 'sink', title: 'Sink | partners', kind: 'stage', unit: 'records/s', ceiling: 'passthrough' },
  e2e1000: { id: 'e2e-1000', title: 'End to end at 1,000 events/s', kind: 'end-to-end', unit: 'events/s' },
} as const satisfies Record<string, RowInfo>;

/** An outcome with the given runs and no errors. */
export function measured(info: RowInfo, ...runs: RunFigures[]): RowOutcome {
  return { info, runs, errors: [] };
}

/** The outcomes of a typical run: ceilings, two stages, a service not built, end to end. */
export function typicalOutcomes(): RowOutcome[] {
  return [
    measured(ROWS.brokerProduce, { throughput: 30_000 }, { throughput: 20_000 }, { throughput: 25_000 }),
    measured(ROWS.brokerConsume, { throughput: 40_000 }),
    measured(ROWS.clientProduce, { throughput: 20_000 }),
    measured(ROWS.clientPassthrough, { throughput: 10_000 }),
    measured(ROWS.rtds, { throughput: 18_000, rssBytes: { connector: 200 * 1024 ** 2 } }),
    measured(
      ROWS.normalizer,
      { throughput: 4000, extra: { dedupeBytesPerId: 80 } },
      { throughput: 6000, extra: { dedupeBytesPerId: 120 } },
    ),
    { info: ROWS.sink, notBuilt: 'services/sink/dist/main.js missing', runs: [], errors: [] },
    measured(ROWS.e2e1000, { throughput: 1000, latencyMs: { p50: 100, p95: 300, p99: 450 } }),
  ];
}
