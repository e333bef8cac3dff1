import { DEFAULT_APPS } from '@pushstream/schemas';
import type { AppDirectory, NormalizeContext } from '../../src/core/map/normalize-context.js';
import type { RawInput, RawSource } from '../../src/core/raw-input.js';

/** The generator's default apps as the app registry would list them (CM keys compared as GUIDs). */
export const TEST_APPS: AppDirectory = (source, appKey) => {
  const app = DEFAULT_APPS.find((spec) =>
    source === 'airship'
      ? spec.airshipAppKey === appKey
      : source === 'cm'
        ? spec.cmAppKey === appKey.replaceAll('-', '').toLowerCase()
        : spec.writeKey === appKey,
  );
  return app === undefined ? undefined : { name: app.name, environment: 'production', sinks: ['infobip'] };
};

/** The context of most tests: the default apps, NL as the phone region. */
export const TEST_CONTEXT: NormalizeContext = { apps: TEST_APPS, defaultRegion: 'NL' };

/** A raw input of `source` with the given bytes and lineage defaults. */
export function rawInput(
  source: RawSource,
  text: string | Buffer,
  overrides: Partial<RawInput> = {},
): RawInput {
  return {
    source,
    topic: `test.raw.${source}.v1`,
    partition: 2,
    offset: '41',
    key: undefined,
    value: typeof text === 'string' ? Buffer.from(text) : text,
    headers: { receivedAt: '2024-06-01T12:00:00.000Z' },
    timestampMs: Date.parse('2024-06-01T12:00:00.000Z'),
    ...overrides,
  };
}
