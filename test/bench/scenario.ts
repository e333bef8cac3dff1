import type { Kafka } from 'kafkajs';
import type { RunningInfra } from '@pushstream/test-kit/infra';
import type { BenchOptions } from './core/bench-options.ts';
import type { RowFigures, RowInfo } from './core/bench-results.ts';
import type { StageChain } from './shell/stage-chain.ts';
import type { Workload } from './shell/workload.ts';

/** What every scenario gets: the infrastructure, the options, the shared workload and the stage chain. */
export interface BenchContext {
  readonly infra: RunningInfra;
  /** A plain kafkajs client for setup and reading back (not the code under test). */
  readonly kafka: Kafka;
  readonly options: BenchOptions;
  readonly workload: Workload;
  /** Pre-filled inputs of the stages, one set per run (see StageChain). */
  readonly chain: StageChain;
  /** Prefix of every topic and group this benchmark run creates, e.g. `bench-20261122t0830-`. */
  readonly namePrefix: string;
  /** Folder for service and tool logs of this benchmark run (not committed). */
  readonly logDir: string;
  /** Kafka version of the broker (the harness's, or the configured one for an external cluster). */
  readonly kafkaVersion: string;
  readonly log: (line: string) => void;
}

/**
 * One pluggable benchmark scenario. It declares its table rows up front (so a scenario whose service is
 * not built still shows its rows as "not built"), may say why it cannot run, and measures one run at a
 * time; the runner repeats runs and takes the medians.
 */
export interface Scenario {
  /** Selects the scenario with `--only`. */
  readonly id: string;
  readonly rows: readonly RowInfo[];
  /** Why the scenario cannot run in this checkout (e.g. `services/sink/dist/main.js missing`), else undefined. */
  notBuilt?(context: BenchContext): string | undefined;
  /** Why the scenario is left out with these options (a setting it needs is not given), else undefined. */
  skipped?(context: BenchContext): string | undefined;
  /** Once before the first run (resolve tools, create shared topics…). */
  setup?(context: BenchContext): Promise<void>;
  /** One run (0-based index); returns figures for some or all of its rows. */
  run(context: BenchContext, runIndex: number): Promise<RowFigures[]>;
}
