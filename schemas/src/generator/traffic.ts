import type { CmGroundTruth } from './cm/cm-ground-truth.js';
import { createCmWebhooks, type CmWebhookStream } from './cm/cm-webhooks.js';
import { createComplianceStream } from './compliance/compliance-stream.js';
import { isoTime } from './iso-time.js';
import { createPopulation, type SimulatedDevice } from './population.js';
import { resolveTrafficOptions, type ResolvedTrafficOptions } from './resolve-options.js';
import type { RtdsGroundTruth } from './rtds/rtds-ground-truth.js';
import { createRtdsStream, type RtdsStream } from './rtds/rtds-stream.js';
import type { TrackGroundTruth } from './track/track-ground-truth.js';
import { createTrackRequests, type TrackRequestStream } from './track/track-requests.js';
import type { TrafficOptions } from './traffic-options.js';

/** The ground truth of every source, for a fault test to compare a pipeline's outputs against. */
export interface TrafficSummary {
  readonly seed: ResolvedTrafficOptions['seed'];
  /** `start` as ISO-8601. */
  readonly start: string;
  /** Size of the device population. */
  readonly devices: number;
  readonly rtds: RtdsGroundTruth;
  readonly compliance: RtdsGroundTruth;
  readonly cm: CmGroundTruth;
  readonly track: TrackGroundTruth;
}

/** All the traffic of one simulated company: one device population rendered into every source. */
export interface Traffic {
  readonly options: ResolvedTrafficOptions;
  /** The device population (computed on each call; deterministic). */
  population(): readonly SimulatedDevice[];
  /** Airship RTDS `/api/events`. */
  readonly rtds: RtdsStream;
  /** Airship RTDS `/api/events/general` (COMPLIANCE). */
  readonly compliance: RtdsStream;
  /** CM.com push webhooks. */
  readonly cm: CmWebhookStream;
  /** Segment/Intilery track requests. */
  readonly track: TrackRequestStream;
  /** Every source's ground truth (reads each stream once; needs finite budgets). */
  summary(): TrafficSummary;
}

/**
 * Seeded, deterministic, realistic traffic for tests, protocol simulators and benchmarks: the same seed and
 * options give byte-identical lines and bodies. Nothing is generated until a stream is iterated, and streams
 * are lazy, so a 100k-event run holds no big arrays. Throws a RangeError for invalid options.
 *
 * @example
 * const traffic = createTraffic({ seed: 7, devices: 200, rtds: { events: 5000, duplicateRate: 0.02 } });
 * for (const line of traffic.rtds.lines()) socket.write(`${line}\n`);
 * expect(consumedIds).toEqual(traffic.rtds.groundTruth().uniqueIds);
 */
export function createTraffic(options: TrafficOptions = {}): Traffic {
  const resolved = resolveTrafficOptions(options);
  const rtds = createRtdsStream(resolved);
  const compliance = createComplianceStream(resolved);
  const cm = createCmWebhooks(resolved);
  const track = createTrackRequests(resolved);
  return {
    options: resolved,
    population: () => createPopulation(resolved),
    rtds,
    compliance,
    cm,
    track,
    summary: () => ({
      seed: resolved.seed,
      start: isoTime(resolved.start),
      devices: resolved.devices,
      rtds: rtds.groundTruth(),
      compliance: compliance.groundTruth(),
      cm: cm.groundTruth(),
      track: track.groundTruth(),
    }),
  };
}
