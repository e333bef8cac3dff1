import { linearSlope, median, type TimedSample } from './stats.ts';

/** What one offered-load step observed. */
export interface LoadStepObservation {
  /** The load asked for, events/s. */
  readonly offeredPerSecond: number;
  /** What the feeder actually emitted, events/s. */
  readonly emittedPerSecond: number;
  /** Pipeline lag (events not yet through every stage) over the step; `t` in seconds. */
  readonly lag: readonly TimedSample[];
  /** End-to-end latencies (ms) of events emitted in the step, with their emission time (s). */
  readonly latencies: readonly TimedSample[];
  /** Whether the backlog drained after the feed stopped (within the runner's limit). @default true */
  readonly drained?: boolean;
}

/** Whether a load was sustained, and why not. */
export interface SustainVerdict {
  readonly sustained: boolean;
  readonly reason: string;
  /** Lag growth over the second half of the step, events/s. */
  readonly lagSlopePerSecond: number;
}

/** Thresholds of {@link judgeSustained}. */
export interface SustainThresholds {
  /** The feeder must emit at least this share of the offered load. @default 0.95 */
  readonly minEmittedShare?: number;
  /** Lag may grow by at most this share of the offered load per second. @default 0.1 */
  readonly maxLagGrowthShare?: number;
  /** The median latency of the last quarter may exceed the first quarter's by at most this. @default 1000 ms */
  readonly maxLatencyRiseMs?: number;
}

/**
 * Decides whether the pipeline kept up with a load: the feeder reached it, the lag did not keep growing over
 * the second half of the step (the first half may hold the start-up ramp), the latency of late events is
 * not far above that of early ones (a growing queue shows as rising latency even where lag is sampled
 * coarsely), and the backlog drained once the feed stopped. Pure: the caller samples lag and latencies.
 */
export function judgeSustained(
  step: LoadStepObservation,
  thresholds: SustainThresholds = {},
): SustainVerdict {
  const minEmittedShare = thresholds.minEmittedShare ?? 0.95;
  const maxLagGrowth = (thresholds.maxLagGrowthShare ?? 0.1) * step.offeredPerSecond;
  const maxLatencyRiseMs = thresholds.maxLatencyRiseMs ?? 1000;
  const lagSlopePerSecond = linearSlope(secondHalf(step.lag));
  if (step.emittedPerSecond < minEmittedShare * step.offeredPerSecond) {
    return {
      sustained: false,
      reason: `emitted ${Math.round(step.emittedPerSecond)}/s of ${step.offeredPerSecond}/s offered`,
      lagSlopePerSecond,
    };
  }
  if (step.emittedPerSecond > 0 && step.latencies.length === 0) {
    // A stage that never processed a batch reports no lag at all; no arrival at the end exposes it.
    return {
      sustained: false,
      reason: 'no emitted event reached the end of the pipeline',
      lagSlopePerSecond,
    };
  }
  if (lagSlopePerSecond > maxLagGrowth) {
    return {
      sustained: false,
      reason: `lag grew by ${Math.round(lagSlopePerSecond)} events/s (limit ${Math.round(maxLagGrowth)})`,
      lagSlopePerSecond,
    };
  }
  const rise = latencyRise(step.latencies);
  if (rise !== undefined && rise > maxLatencyRiseMs) {
    return {
      sustained: false,
      reason: `median latency rose by ${Math.round(rise)} ms from the first to the last quarter`,
      lagSlopePerSecond,
    };
  }
  if (step.drained === false) {
    return { sustained: false, reason: 'the backlog did not drain after the step', lagSlopePerSecond };
  }
  return { sustained: true, reason: 'kept up', lagSlopePerSecond };
}

function secondHalf(samples: readonly TimedSample[]): TimedSample[] {
  if (samples.length === 0) return [];
  const first = samples[0]?.t ?? 0;
  const last = samples.at(-1)?.t ?? 0;
  const middle = first + (last - first) / 2;
  return samples.filter((sample) => sample.t >= middle);
}

/** Median latency of the last quarter of the step minus that of the first quarter (by emission time). */
function latencyRise(latencies: readonly TimedSample[]): number | undefined {
  if (latencies.length < 8) return undefined;
  const times = latencies.map((sample) => sample.t);
  const first = Math.min(...times);
  const span = Math.max(...times) - first;
  const early = median(latencies.filter((s) => s.t <= first + span / 4).map((s) => s.value));
  const late = median(latencies.filter((s) => s.t >= first + (3 * span) / 4).map((s) => s.value));
  return early === undefined || late === undefined ? undefined : late - early;
}
