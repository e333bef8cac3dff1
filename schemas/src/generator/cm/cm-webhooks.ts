import { createPopulation } from '../population.js';
import { Prng } from '../prng.js';
import { resolveTrafficOptions, type ResolvedTrafficOptions } from '../resolve-options.js';
import type { CampaignStep, LaneContext, ScriptStep } from '../script-step.js';
import { TimelineQueue } from '../timeline-queue.js';
import { deviceLanes } from '../traffic-lanes.js';
import type { TrafficOptions } from '../traffic-options.js';
import { collectCmGroundTruth, type CmGroundTruth } from './cm-ground-truth.js';
import type { CmRequestRecord } from './cm-records.js';
import { CmRenderer } from './cm-renderer.js';
import { writeCmRequests, type QueuedCmDelivery } from './cm-request-writer.js';

/** A generated sequence of CM.com webhook requests: the same on every iteration. */
export interface CmWebhookStream {
  readonly options: ResolvedTrafficOptions;
  /** Every request with what the generator knows about it, produced lazily. */
  records(): Generator<CmRequestRecord, void>;
  /** Every request body as posted. */
  bodies(): Generator<string, void>;
  /** The ground truth of the whole sequence (reads it once, then remembers). */
  groundTruth(): CmGroundTruth;
}

/** CM.com push webhooks for the iOS and Android devices of the population (CM has no web or Amazon SDK). */
export function createCmWebhooks(options: TrafficOptions = {}): CmWebhookStream {
  const resolved = resolveTrafficOptions(options);
  let truth: CmGroundTruth | undefined;
  function* records(): Generator<CmRequestRecord, void> {
    const population = createPopulation(resolved);
    const renderer = new CmRenderer(new Prng(resolved.seed, 'cm-render'), resolved);
    const lanes = [...deviceLanes(resolved, population, ['IOS', 'ANDROID'])];
    const queue = new TimelineQueue<LaneContext, ScriptStep | CampaignStep, QueuedCmDelivery>(
      lanes,
      (step, context, schedule) => {
        renderer.render(step, context, (time, draft) => {
          schedule(time, { draft, delivery: 0 });
        });
      },
    );
    yield* writeCmRequests(queue, resolved.cm, new Prng(resolved.seed, 'cm-deliveries'));
  }
  return {
    options: resolved,
    records,
    *bodies() {
      for (const record of records()) yield record.body;
    },
    groundTruth() {
      truth ??= collectCmGroundTruth(records());
      return truth;
    },
  };
}
