import { APP_KEY_SOURCES, type AppRegistry } from '@pushstream/runtime';
import { guidForm } from '../core/event-id.js';
import type { AppDirectory, AppKeySource, RegisteredApp } from '../core/map/normalize-context.js';

function keyForm(source: AppKeySource, appKey: string): string {
  // CM.com app keys are GUIDs that arrive with or without hyphens, in either case.
  return source === 'cm' ? guidForm(appKey) : appKey;
}

/** The app registry as the core's lookup: app key per source → name, environment, sinks. */
export function appDirectoryOf(registry: AppRegistry): AppDirectory {
  const apps = new Map<string, RegisteredApp>();
  for (const app of registry.apps) {
    const info: RegisteredApp = { name: app.name, environment: app.environment, sinks: [...app.sinks] };
    for (const source of APP_KEY_SOURCES) {
      const key = app.appKeys[source];
      if (key !== undefined) apps.set(`${source}:${keyForm(source, key)}`, info);
    }
  }
  return (source, appKey) => apps.get(`${source}:${keyForm(source, appKey)}`);
}
