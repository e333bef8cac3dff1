export type {
  InfraEndpoints,
  InfraMode,
  InfraTimings,
  RunningInfra,
  StartInfraOptions,
} from './infra-types.js';
export { startInfra } from './start-infra.js';
export { describeInfra, toEndpoints } from './describe-infra.js';
export {
  APICURIO_VERSION,
  DEFAULT_KAFKA_VERSION,
  readInfraSettings,
  type InfraSettings,
} from './infra-settings.js';
export { startLocalInfra, type LocalInfraOptions, type LocalRunningInfra } from './local-infra.js';
export { sweepStaleInstances, type SweepResult } from './stale-sweep.js';
export { ReadinessError } from './readiness.js';
export { mavenClasspath, type MavenClasspathOptions } from './kafka-classpath.js';
export { ensureJava } from './pypi-java.js';
export type { JavaRuntime } from './java-runtime.js';
