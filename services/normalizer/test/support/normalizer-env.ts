import { DEFAULT_APPS } from '@pushstream/schemas';
import { inject } from 'vitest';
import { integrationServiceEnv } from '@pushstream/test-kit';

/** The app registry of the generator's default apps, as APP_REGISTRY JSON. */
export const APP_REGISTRY_JSON = JSON.stringify({
  apps: DEFAULT_APPS.map((app) => ({
    name: app.name,
    environment: 'production',
    appKeys: { airship: app.airshipAppKey, cm: app.cmAppKey, track: app.writeKey },
    sinks: ['infobip'],
  })),
});

/** Environment of a normalizer under test against the integration Kafka and registry. */
export function normalizerTestEnv(
  prefix: string,
  extra: Record<string, string> = {},
): Record<string, string> {
  return integrationServiceEnv(inject('infra'), 'normalizer', {
    TOPIC_PREFIX: prefix,
    APP_REGISTRY: APP_REGISTRY_JSON,
    NORMALIZER_SESSION_TIMEOUT_MS: '6000',
    NORMALIZER_HEARTBEAT_INTERVAL_MS: '1000',
    NORMALIZER_REBALANCE_TIMEOUT_MS: '10000',
    ...extra,
  });
}
