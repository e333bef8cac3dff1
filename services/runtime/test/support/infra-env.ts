import { inject } from 'vitest';
import { integrationServiceEnv } from '@pushstream/test-kit';

/** Env of a runtime under test pointed at the integration infrastructure (real Kafka + Apicurio). */
export function infraEnv(extra: Record<string, string> = {}): Record<string, string> {
  return integrationServiceEnv(inject('infra'), 'runtime-it', extra);
}

/** The brokers of the integration infrastructure. */
export function infraBrokers(): string[] {
  return inject('infra').kafkaBrokers;
}
