import type { InfraEndpoints } from './infra-types.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Kafka and schema registry of this test run; read with `inject('infra')`. */
    infra: InfraEndpoints;
  }
}

/** The value integration tests get from `inject('infra')`. */
export type ProvidedInfra = InfraEndpoints;
