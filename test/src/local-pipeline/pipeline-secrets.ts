import { randomBytes } from 'node:crypto';
import type { AppSpec } from '@pushstream/schemas';
import type { InfobipSimulator } from '../simulators/infobip/index.js';
import type { IntilerySimulator } from '../simulators/intilery/index.js';

/** Webhook credentials the launcher generated for one run (never printed; the feed uses them). */
export interface WebhookCredentials {
  /** The connector's WEBHOOK_SOURCES value. */
  readonly sources: ReadonlyArray<Record<string, unknown>>;
  /** `Authorization` header per route (`cm/<appKey>`, `track/<writeKey>`). */
  readonly authorization: ReadonlyMap<string, string>;
  /** The generated passwords and tokens themselves. */
  readonly secrets: readonly string[];
}

const secret = () => randomBytes(24).toString('base64url');

/**
 * Webhook auth is on by default, even locally: every CM route gets basic auth and every track route a bearer
 * token, freshly generated per run, so the quick start exercises the same checks as production.
 */
export function generateWebhookCredentials(apps: readonly AppSpec[]): WebhookCredentials {
  const sources: Array<Record<string, unknown>> = [];
  const authorization = new Map<string, string>();
  const secrets: string[] = [];
  for (const app of apps) {
    const username = 'cm';
    const password = secret();
    sources.push({ source: 'cm', id: app.cmAppKey, auth: { mode: 'basic', username, password } });
    authorization.set(
      `cm/${app.cmAppKey}`,
      `Basic ${Buffer.from(`${username}:${password}`).toString('base64')}`,
    );
    const token = secret();
    sources.push({ source: 'track', id: app.writeKey, auth: { mode: 'bearer', token } });
    authorization.set(`track/${app.writeKey}`, `Bearer ${token}`);
    secrets.push(password, token);
  }
  return { sources, authorization, secrets };
}

/** The app registry (APP_REGISTRY) of the demo apps: every app synced to both partners. */
export function demoAppRegistry(apps: readonly AppSpec[]): string {
  return JSON.stringify({
    apps: apps.map((app) => ({
      name: app.name,
      environment: 'development',
      appKeys: { airship: app.airshipAppKey, cm: app.cmAppKey, track: app.writeKey },
      sinks: ['infobip', 'intilery'],
    })),
  });
}

/** SINK_PARTNERS for the partner simulators: every demo app on the simulated Infobip and Intilery accounts. */
export function simulatedPartnerAccounts(
  apps: readonly AppSpec[],
  partners: { readonly infobip: InfobipSimulator; readonly intilery: IntilerySimulator },
): string {
  const { infobip, intilery } = partners;
  return JSON.stringify({
    infobip: Object.fromEntries(
      apps.map((app) => [
        app.name,
        { baseUrl: infobip.url, apiKey: infobip.apiKey(), appCode: infobip.appCode },
      ]),
    ),
    intilery: Object.fromEntries(
      apps.map((app) => [
        app.name,
        {
          baseUrl: intilery.url,
          clientId: intilery.clientId,
          accountId: intilery.accountId,
          brandId: intilery.brandId,
          authToken: intilery.authToken(),
        },
      ]),
    ),
  });
}
