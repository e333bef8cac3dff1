import { readFileSync } from 'node:fs';
import { SINK_TARGETS, type SinkTarget } from '@pushstream/schemas';
import { z } from 'zod';
import { PushstreamError, errorMessage } from '../errors/pushstream-error.js';
import { envString } from './env-values.js';

/** Deployment environment of an app, as the app registry records it. */
export const APP_ENVIRONMENTS = ['production', 'staging', 'development'] as const;
/** One of APP_ENVIRONMENTS. */
export type AppEnvironment = (typeof APP_ENVIRONMENTS)[number];

/** The three sources whose events carry an app key. */
export const APP_KEY_SOURCES = ['airship', 'cm', 'track'] as const;
/** One of APP_KEY_SOURCES (lower case, as in device keys). */
export type AppKeySource = (typeof APP_KEY_SOURCES)[number];

const appEntrySchema = z.strictObject({
  /** Human name of the app, e.g. "Shop". */
  name: envString,
  environment: z.enum(APP_ENVIRONMENTS).default('production'),
  /** The app's key at each source: Airship app key, CM.com app key, Segment write key / source id. */
  appKeys: z
    .strictObject({
      airship: envString.optional(),
      cm: envString.optional(),
      track: envString.optional(),
    })
    .refine((keys) => Object.values(keys).some((key) => key !== undefined), {
      error: 'an app needs at least one of appKeys.airship, appKeys.cm, appKeys.track',
    }),
  /** Partners this app's registrations are pushed to. @default [] */
  sinks: z.array(z.enum(SINK_TARGETS)).default([]),
});

/** The app registry as written in config: `{ "apps": [ { name, environment, appKeys, sinks } ] }`. */
export const appRegistrySchema = z.strictObject({ apps: z.array(appEntrySchema) });

/** One app of the registry. */
export type AppEntry = z.output<typeof appEntrySchema>;

/** What the pipeline knows about an app key. */
export interface AppInfo {
  readonly name: string;
  readonly environment: AppEnvironment;
  readonly sinks: readonly SinkTarget[];
}

/** App key → app, per source. Unknown app keys are not an error: the pipeline carries them without a name. */
export interface AppRegistry {
  readonly apps: readonly AppEntry[];
  /** The app registered for `appKey` at `source`, or undefined. */
  lookup(source: AppKeySource, appKey: string): AppInfo | undefined;
}

/** Builds the lookup of a validated registry; rejects an app key claimed twice at the same source. */
export function createAppRegistry(apps: readonly AppEntry[]): AppRegistry {
  const bySource = new Map<string, AppInfo>();
  for (const app of apps) {
    const info: AppInfo = { name: app.name, environment: app.environment, sinks: app.sinks };
    for (const source of APP_KEY_SOURCES) {
      const key = app.appKeys[source];
      if (key === undefined) continue;
      const id = `${source}:${key}`;
      if (bySource.has(id)) {
        throw new PushstreamError('CONFIG_INVALID', `APP_REGISTRY: ${source} app key ${key} is listed twice`);
      }
      bySource.set(id, info);
    }
  }
  return { apps, lookup: (source, appKey) => bySource.get(`${source}:${appKey}`) };
}

/**
 * Parses the app registry from JSON text (the `APP_REGISTRY` variable or the file `APP_REGISTRY_FILE`
 * names). Throws CONFIG_INVALID naming the bad path, e.g. `apps.0.sinks.1: Invalid option`.
 */
export function parseAppRegistry(json: string, origin = 'APP_REGISTRY'): AppRegistry {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch (error) {
    throw new PushstreamError('CONFIG_INVALID', `${origin}: not valid JSON (${errorMessage(error)})`);
  }
  const result = appRegistrySchema.safeParse(raw);
  if (!result.success) {
    const problems = result.error.issues.map(
      (issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`,
    );
    throw new PushstreamError('CONFIG_INVALID', `${origin}:\n  ${problems.join('\n  ')}`);
  }
  return createAppRegistry(result.data.apps);
}

/** Environment variables that configure the app registry (spread into a service's env schema). */
export const appRegistryEnvShape = {
  /** Inline JSON app registry (see README "App registry"). */
  APP_REGISTRY: z.string().optional(),
  /** Path of a JSON file holding the app registry; wins over APP_REGISTRY. */
  APP_REGISTRY_FILE: envString.optional(),
} as const;

/** Loads the registry the env names; an empty registry when neither variable is set. */
export function loadAppRegistry(env: {
  readonly APP_REGISTRY?: string | undefined;
  readonly APP_REGISTRY_FILE?: string | undefined;
}): AppRegistry {
  if (env.APP_REGISTRY_FILE !== undefined) {
    let text: string;
    try {
      text = readFileSync(env.APP_REGISTRY_FILE, 'utf8');
    } catch (error) {
      throw new PushstreamError('CONFIG_INVALID', `APP_REGISTRY_FILE: cannot read (${errorMessage(error)})`);
    }
    return parseAppRegistry(text, `APP_REGISTRY_FILE ${env.APP_REGISTRY_FILE}`);
  }
  if (env.APP_REGISTRY !== undefined) return parseAppRegistry(env.APP_REGISTRY);
  return createAppRegistry([]);
}
