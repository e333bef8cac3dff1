import { createPopulation } from '../population.js';
import { Prng } from '../prng.js';
import { resolveTrafficOptions, type ResolvedTrafficOptions } from '../resolve-options.js';
import type { CampaignStep, LaneContext, ScriptStep } from '../script-step.js';
import { TimelineQueue } from '../timeline-queue.js';
import { deviceLanes } from '../traffic-lanes.js';
import type { TrafficOptions } from '../traffic-options.js';
import { collectTrackGroundTruth, type TrackGroundTruth } from './track-ground-truth.js';
import type { TrackMessageDraft, TrackRequestRecord } from './track-records.js';
import { TrackRenderer } from './track-renderer.js';
import { writeTrackRequests } from './track-request-writer.js';

/** A generated sequence of Segment-spec track requests: the same on every iteration. */
export interface TrackRequestStream {
  readonly options: ResolvedTrafficOptions;
  /** Every request with what the generator knows about it, produced lazily. */
  records(): Generator<TrackRequestRecord, void>;
  /** Every request body as posted. */
  bodies(): Generator<string, void>;
  /** The ground truth of the whole sequence (reads it once, then remembers). */
  groundTruth(): TrackGroundTruth;
}

/** Track traffic of the iOS, Android and web devices of the population (Intilery pushes through FCM only). */
export function createTrackRequests(options: TrafficOptions = {}): TrackRequestStream {
  const resolved = resolveTrafficOptions(options);
  let truth: TrackGroundTruth | undefined;
  function* records(): Generator<TrackRequestRecord, void> {
    const population = createPopulation(resolved);
    const renderer = new TrackRenderer(new Prng(resolved.seed, 'track-render'), resolved);
    const lanes = [...deviceLanes(resolved, population, ['IOS', 'ANDROID', 'WEB'])];
    const queue = new TimelineQueue<LaneContext, ScriptStep | CampaignStep, TrackMessageDraft>(
      lanes,
      (step, context, schedule) => {
        renderer.render(step, context, schedule);
      },
    );
    yield* writeTrackRequests(queue, resolved.track, new Prng(resolved.seed, 'track-uploads'));
  }
  return {
    options: resolved,
    records,
    *bodies() {
      for (const record of records()) yield record.body;
    },
    groundTruth() {
      truth ??= collectTrackGroundTruth(records());
      return truth;
    },
  };
}
