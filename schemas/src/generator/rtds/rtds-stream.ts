import { createPopulation } from '../population.js';
import { Prng } from '../prng.js';
import type { CampaignStep, LaneContext, ScriptStep } from '../script-step.js';
import { resolveTrafficOptions, type ResolvedTrafficOptions } from '../resolve-options.js';
import { TimelineQueue } from '../timeline-queue.js';
import { campaignLanes, deviceLanes } from '../traffic-lanes.js';
import type { TrafficOptions } from '../traffic-options.js';
import { collectRtdsGroundTruth, type RtdsGroundTruth } from './rtds-ground-truth.js';
import { writeRtdsLines } from './rtds-line-writer.js';
import type { RtdsDraft } from './rtds-draft.js';
import type { RtdsLineRecord } from './rtds-records.js';
import { RtdsRenderer } from './rtds-renderer.js';

/** A generated RTDS response stream: iterate it as often as needed, it is the same every time. */
export interface RtdsStream {
  readonly options: ResolvedTrafficOptions;
  /** Every line with what the generator knows about it, produced lazily. */
  records(): Generator<RtdsLineRecord, void>;
  /** Every line as the server writes it, without the `\n`; `''` is a keepalive. */
  lines(): Generator<string, void>;
  /** The ground truth of the whole stream (reads it once, then remembers; needs a finite `events`). */
  groundTruth(): RtdsGroundTruth;
}

/** Wraps a record factory into a stream. */
export function rtdsStreamOf(
  options: ResolvedTrafficOptions,
  records: () => Generator<RtdsLineRecord, void>,
): RtdsStream {
  let truth: RtdsGroundTruth | undefined;
  return {
    options,
    records,
    *lines() {
      for (const record of records()) yield record.line;
    },
    groundTruth() {
      truth ??= collectRtdsGroundTruth(records());
      return truth;
    },
  };
}

/**
 * The device event stream of `POST /api/events` for the population: all platforms, plus each app's
 * PUSH_BODY campaign events, with the quirks of `options.rtds`.
 */
export function createRtdsStream(options: TrafficOptions = {}): RtdsStream {
  const resolved = resolveTrafficOptions(options);
  return rtdsStreamOf(resolved, function* records() {
    const population = createPopulation(resolved);
    const renderer = new RtdsRenderer(new Prng(resolved.seed, 'rtds-render'), resolved);
    const lanes = [
      ...deviceLanes(resolved, population, ['IOS', 'ANDROID', 'AMAZON', 'WEB'], resolved.rtds.appKey),
      ...campaignLanes(resolved, resolved.rtds.appKey),
    ];
    const queue = new TimelineQueue<LaneContext, ScriptStep | CampaignStep, RtdsDraft>(
      lanes,
      (step, context, schedule) => {
        renderer.render(step, context, schedule);
      },
    );
    yield* writeRtdsLines(queue, resolved.rtds, new Prng(resolved.seed, 'rtds-stream'));
  });
}
