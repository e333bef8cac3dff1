/**
 * @pushstream/test-kit — what integration tests, simulators and benchmarks share. The local
 * infrastructure harness is exported separately as `@pushstream/test-kit/infra`.
 */
export * from './wait-for.js';
export * from './kafka/test-kafka.js';
export * from './kafka/topic-reader.js';
export * from './process/child-service.js';
export type { ProvidedInfra } from './infra/vitest-context.js';
export { integrationServiceEnv } from './infra/service-env.js';
export * from './simulators/rtds/index.js';
export * from './simulators/infobip/index.js';
export * from './simulators/intilery/index.js';
export { parsePrometheusText, sumOf, sumBy, type MetricSample } from './local-pipeline/prometheus-text.js';
export { ServiceProcess, type ServiceProcessSpec } from './local-pipeline/service-process.js';
export {
  startPipeline,
  serviceScript,
  type PipelineOptions,
  type RunningPipeline,
} from './local-pipeline/start-pipeline.js';
export { PIPELINE_SERVICES, type PipelineService } from './local-pipeline/service-environments.js';
export { simulatedPartnerAccounts } from './local-pipeline/pipeline-secrets.js';
export { startPartnerSimulators, type PartnerSimulators } from './local-pipeline/partner-simulators.js';
export * from './models/session-reference.js';
