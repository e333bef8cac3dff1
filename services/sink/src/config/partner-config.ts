import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { PushstreamError, envString, envUrl, errorMessage, type AppRegistry } from '@pushstream/runtime';
import type { SinkTarget } from '@pushstream/schemas';
import { PRIMARY_POLICIES } from '../core/infobip-desired.js';
import { REGISTRATION_ID_FIELDS } from '../core/registration-id.js';

const infobipAppSchema = z.strictObject({
  /** The account's own base URL (https://xxxxx.api.infobip.com). */
  baseUrl: envUrl,
  /** API key with people:manage or mobile-app-messaging:manage (`Authorization: App <apiKey>`). */
  apiKey: envString,
  /** Application code of the app's mobile application profile (`AppCode` header). */
  appCode: envString,
  /** The DeviceState field holding the Infobip push registration id. @default deviceId */
  registrationIdField: z.enum(REGISTRATION_ID_FIELDS).default('deviceId'),
  /** `isPrimary`: unmanaged, or true while enabled and personalized. @default unmanaged */
  primary: z.enum(PRIMARY_POLICIES).default('unmanaged'),
  /** Retry once with forceDepersonalize=true after PERSONALIZATION_IMPOSSIBLE (our state owns the device). @default true */
  forceDepersonalizeOnConflict: z.boolean().default(true),
});

const intileryAppSchema = z
  .strictObject({
    /** Tracking API base URL. @default https://tracking.intilery.com */
    baseUrl: envUrl.default('https://tracking.intilery.com'),
    clientId: envString,
    accountId: envString,
    /** @default the accountId in upper case */
    brandId: envString.optional(),
    /** The `auth-token` shared secret of the account or brand. */
    authToken: envString,
  })
  .transform((app) => ({ ...app, brandId: app.brandId ?? app.accountId.toUpperCase() }));

/**
 * Partner accounts per app (by app-registry name): `{"infobip": {"<app>": {...}}, "intilery": {"<app>":
 * {...}}}`. Credentials live here, so this is what a reload re-reads.
 */
export const partnersSchema = z.strictObject({
  infobip: z.record(z.string(), infobipAppSchema).default({}),
  intilery: z.record(z.string(), intileryAppSchema).default({}),
});

/** The validated partner accounts. */
export type Partners = z.output<typeof partnersSchema>;
/** One app's Infobip account. */
export type InfobipApp = Partners['infobip'][string];
/** One app's Intilery account. */
export type IntileryApp = Partners['intilery'][string];

/** Parses partner accounts from JSON text; CONFIG_INVALID names each bad path. */
export function parsePartners(json: string, origin: string): Partners {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new PushstreamError('CONFIG_INVALID', `${origin}: not valid JSON (${errorMessage(error)})`);
  }
  const result = partnersSchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new PushstreamError('CONFIG_INVALID', `${origin}:\n  ${problems.join('\n  ')}`);
  }
  return result.data;
}

/** The partner accounts now, and a way to re-read them (credentials rotated after a 401). */
export interface PartnersSource {
  current(): Partners;
  /** Re-reads the file, if the config came from one; keeps the old config when the new one is invalid. */
  reload(): { changed: boolean; error?: string };
}

/**
 * Partner accounts from `SINK_PARTNERS_FILE` (re-readable) or the inline `SINK_PARTNERS`; `complete`
 * post-processes every read (dry run: placeholder accounts).
 */
export function partnersSource(
  env: { SINK_PARTNERS?: string | undefined; SINK_PARTNERS_FILE?: string | undefined },
  complete: (partners: Partners) => Partners = (partners) => partners,
): PartnersSource {
  const file = env.SINK_PARTNERS_FILE;
  const read = (): { text: string; partners: Partners } => {
    if (file === undefined) {
      const text = env.SINK_PARTNERS ?? '{}';
      return { text, partners: complete(parsePartners(text, 'SINK_PARTNERS')) };
    }
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      throw new PushstreamError('CONFIG_INVALID', `SINK_PARTNERS_FILE: cannot read (${errorMessage(error)})`);
    }
    return { text, partners: complete(parsePartners(text, `SINK_PARTNERS_FILE ${file}`)) };
  };
  let loaded = read();
  return {
    current: () => loaded.partners,
    reload() {
      if (file === undefined) return { changed: false };
      try {
        const next = read();
        const changed = next.text !== loaded.text;
        loaded = next;
        return { changed };
      } catch (error) {
        return { changed: false, error: errorMessage(error) };
      }
    },
  };
}

/** Fails fast when an app that the registry sends to `target` has no account for it. */
export function checkPartnersCover(registry: AppRegistry, partners: Partners, target: SinkTarget): void {
  const accounts = partners[target];
  const missing = registry.apps
    .filter((app) => app.sinks.includes(target) && accounts[app.name] === undefined)
    .map((app) => app.name);
  if (missing.length > 0) {
    throw new PushstreamError(
      'CONFIG_INVALID',
      `SINK_PARTNERS: no ${target} account for app(s) ${missing.join(', ')} whose sinks include ${target}`,
    );
  }
}

/** The base URL of placeholder accounts (dry run only: nothing is ever sent there). */
export const DRY_RUN_BASE_URL = 'https://dry-run.invalid';

/**
 * Dry run without real accounts: every app the registry sends to a target gets a placeholder account, so
 * the calls can be computed and logged.
 */
export function withDryRunPlaceholders(registry: AppRegistry): (partners: Partners) => Partners {
  return (partners) => {
    const infobip = { ...partners.infobip };
    const intilery = { ...partners.intilery };
    for (const app of registry.apps) {
      if (app.sinks.includes('infobip'))
        infobip[app.name] ??= {
          baseUrl: DRY_RUN_BASE_URL,
          apiKey: 'dry-run',
          appCode: 'dry-run',
          registrationIdField: 'deviceId',
          primary: 'unmanaged',
          forceDepersonalizeOnConflict: true,
        };
      if (app.sinks.includes('intilery'))
        intilery[app.name] ??= {
          baseUrl: DRY_RUN_BASE_URL,
          clientId: 'dry-run',
          accountId: 'dry-run',
          brandId: 'DRY-RUN',
          authToken: 'dry-run',
        };
    }
    return { infobip, intilery };
  };
}
