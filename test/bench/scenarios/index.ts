import type { BenchOptions } from '../core/bench-options.ts';
import type { Scenario } from '../scenario.ts';
import type { ChainFiller, ChainTopic } from '../shell/stage-chain.ts';
import { brokerCeilingScenario } from './broker-ceiling.ts';
import { clientCeilingScenario } from './client-ceiling.ts';
import { endToEndScenario } from './end-to-end.ts';
import { fillRawThroughConnector, rtdsIngestScenario } from './rtds-ingest.ts';
import { fillDeviceEvents, fillDeviceState, serviceStageScenarios } from './service-stages.ts';
import { sessionizerRestoreScenario } from './sessionizer-restore.ts';
import { webhookIngestScenario } from './webhook-ingest.ts';

/** Every scenario, in the order they run within a run (ceilings first, then the data flow, then end to end). */
export function allScenarios(options: BenchOptions): Scenario[] {
  return [
    brokerCeilingScenario(),
    clientCeilingScenario(),
    rtdsIngestScenario(),
    webhookIngestScenario(),
    ...serviceStageScenarios(),
    sessionizerRestoreScenario(),
    endToEndScenario(options.e2eLoads),
  ];
}

/** Who fills each topic of the stage chain. */
export const CHAIN_FILLERS: ReadonlyMap<ChainTopic, ChainFiller> = new Map<ChainTopic, ChainFiller>([
  ['raw', fillRawThroughConnector],
  ['device-events', fillDeviceEvents],
  ['device-state', fillDeviceState],
]);
