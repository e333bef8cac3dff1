import type { LatencyPercentiles } from './stats.ts';

/** What a row compares against: ingest stages only produce, the others consume and produce. */
export type CeilingKind = 'produce' | 'passthrough';

/** The role of a row in the report (`state`: restoring a stage's state, no ceiling). */
export type RowKind = 'broker-ceiling' | 'client-ceiling' | 'stage' | 'state' | 'end-to-end';

/** One line of the results table, declared by a scenario before it runs (so "not built" rows still show). */
export interface RowInfo {
  /** Stable id, e.g. `rtds-ingest`, `e2e-1000`. */
  readonly id: string;
  readonly title: string;
  readonly kind: RowKind;
  /** Unit of `throughput`, e.g. `records/s`, `requests/s`, `events/s`. */
  readonly unit: string;
  /** The ceiling a stage is compared to; unset for ceilings and end-to-end rows. */
  readonly ceiling?: CeilingKind;
}

/** What one run measured for one row. Every figure is optional: a row reports what applies to it. */
export interface RunFigures {
  /** Headline throughput in the row's unit. */
  readonly throughput?: number;
  /** Latency percentiles in milliseconds. */
  readonly latencyMs?: LatencyPercentiles;
  /** Peak resident set size per process (`connector`, `normalizer`, `java`…), bytes. */
  readonly rssBytes?: Readonly<Record<string, number>>;
  /** Further named figures; the unit is part of the name (`dedupeBytesPerId`, `restoreSecondsPer1MKeys`). */
  readonly extra?: Readonly<Record<string, number>>;
  /** Caveats worth printing (`sink in dry-run mode`). */
  readonly notes?: readonly string[];
}

/** One run's figures, tagged with the row they belong to. */
export interface RowFigures extends RunFigures {
  readonly row: string;
}

/** How a row ended up. */
export type RowStatus = 'measured' | 'not-built' | 'skipped' | 'failed';

/** A row after every run: the per-run figures, their medians and the ratios against the ceilings. */
export interface RowResult {
  readonly info: RowInfo;
  readonly status: RowStatus;
  /** Why the row is not built, skipped or failed. */
  readonly reason?: string;
  readonly runs: readonly RunFigures[];
  /** Median over the runs of every figure. */
  readonly median?: RunFigures;
  /** Median throughput divided by the matching ceiling's median throughput (1 = as fast as the ceiling). */
  readonly ratios?: { readonly client?: number; readonly broker?: number };
}

/** Where, when and with what the benchmark ran. */
export interface BenchMeta {
  /** ISO-8601 start time. */
  readonly date: string;
  readonly wallSeconds: number;
  readonly runs: number;
  readonly machine: {
    readonly cpuModel: string;
    readonly cores: number;
    readonly memoryBytes: number;
    readonly os: string;
    readonly loadAverage: readonly number[];
  };
  readonly versions: Readonly<Record<string, string>>;
  /** Workload parameters (records per run, record size, partitions…). */
  readonly workload: Readonly<Record<string, number | string>>;
  /** `local` (the harness started Kafka for this run) or `external` (KAFKA_BROKERS was given). */
  readonly infraMode: string;
  /** The git commit of the checkout, when known. */
  readonly commit?: string;
  readonly notes: readonly string[];
}

/** A target from the issue, checked against the measured medians. */
export interface TargetCheck {
  readonly target: string;
  /** The measured value as text, or `—` when not measured. */
  readonly measured: string;
  /** Undefined when it could not be checked (not measured). */
  readonly met: boolean | undefined;
}

/** Everything a benchmark run produced: written as results.json, rendered as results.md and chart.svg. */
export interface BenchReport {
  readonly meta: BenchMeta;
  readonly rows: readonly RowResult[];
  readonly targets: readonly TargetCheck[];
}
