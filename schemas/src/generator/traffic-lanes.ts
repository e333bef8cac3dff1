import { campaignNumber, type CampaignPlan } from './campaigns.js';
import { deviceScript } from './device-script.js';
import type { SimulatedDevice } from './population.js';
import type { ResolvedTrafficOptions } from './resolve-options.js';
import type { CampaignStep, LaneContext, ScriptStep } from './script-step.js';
import type { Lane } from './timeline-queue.js';
import type { AppPlatform } from './traffic-options.js';

/** A lane of the traffic model: a device's script, or an app's campaign sends. */
export type TrafficLane = Lane<LaneContext, ScriptStep | CampaignStep>;

/**
 * One lane per device of the given platforms (a source that does not support a platform never sees it),
 * of one app when `airshipAppKey` is given.
 */
export function* deviceLanes(
  options: ResolvedTrafficOptions,
  population: readonly SimulatedDevice[],
  platforms: readonly AppPlatform[],
  airshipAppKey?: string,
): Generator<TrafficLane, void> {
  for (const device of population) {
    if (
      platforms.includes(device.platform) &&
      (airshipAppKey === undefined || device.app.airshipAppKey === airshipAppKey)
    ) {
      yield { context: { kind: 'device', device }, steps: deviceScript(device, options) };
    }
  }
}

/** One lane per app (or for the app of `airshipAppKey`): its campaigns, one per interval, forever. */
export function* campaignLanes(
  options: ResolvedTrafficOptions,
  airshipAppKey?: string,
): Generator<TrafficLane, void> {
  const plan: CampaignPlan = {
    seed: options.seed,
    start: options.start,
    intervalMs: options.lifecycle.campaignIntervalMs,
  };
  for (const app of options.apps) {
    if (airshipAppKey !== undefined && app.airshipAppKey !== airshipAppKey) continue;
    yield { context: { kind: 'app', app }, steps: campaignSteps(plan, app) };
  }
}

function* campaignSteps(
  plan: CampaignPlan,
  app: ResolvedTrafficOptions['apps'][number],
): Generator<CampaignStep, void> {
  for (let number = 0; ; number++) {
    const push = campaignNumber(plan, app, number);
    yield { kind: 'campaign', at: push.sentAt, push };
  }
}
