import { describe, expect, it } from 'vitest';
import { isPushstreamError, loadAppRegistry, parseAppRegistry } from '../src/index.js';

const SHOP = {
  name: 'Shop',
  appKeys: { airship: 'ISex_TTJRuarzs9-o_Gkhg', cm: '2b7c', track: 'wk_shop' },
  sinks: ['infobip'],
};

function configError(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    if (isPushstreamError(error, 'CONFIG_INVALID')) return error.message;
    throw error;
  }
  throw new Error('expected CONFIG_INVALID');
}

describe('app registry', () => {
  it('looks an app up by each of its source keys, with defaults filled in', () => {
    const registry = parseAppRegistry(JSON.stringify({ apps: [SHOP] }));
    const expected = { name: 'Shop', environment: 'production', sinks: ['infobip'] };
    expect(registry.lookup('airship', 'ISex_TTJRuarzs9-o_Gkhg')).toEqual(expected);
    expect(registry.lookup('cm', '2b7c')).toEqual(expected);
    expect(registry.lookup('track', 'wk_shop')).toEqual(expected);
    expect(registry.lookup('cm', 'ISex_TTJRuarzs9-o_Gkhg')).toBeUndefined();
  });

  it('is empty when nothing is configured', () => {
    expect(loadAppRegistry({}).apps).toEqual([]);
  });

  it('names the bad path of an invalid registry', () => {
    const message = configError(() =>
      parseAppRegistry(JSON.stringify({ apps: [{ ...SHOP, sinks: ['infobip', 'braze'] }] })),
    );
    expect(message).toContain('apps.0.sinks.1');
  });

  it('rejects bad JSON, an app without keys and a key claimed twice', () => {
    expect(configError(() => parseAppRegistry('{apps'))).toContain('not valid JSON');
    expect(
      configError(() => parseAppRegistry(JSON.stringify({ apps: [{ name: 'X', appKeys: {} }] }))),
    ).toContain('at least one of appKeys');
    const twice = { apps: [SHOP, { name: 'Copy', appKeys: { cm: '2b7c' } }] };
    expect(configError(() => parseAppRegistry(JSON.stringify(twice)))).toContain(
      'cm app key 2b7c is listed twice',
    );
  });

  it('reports an unreadable registry file', () => {
    expect(configError(() => loadAppRegistry({ APP_REGISTRY_FILE: '/nonexistent/apps.json' }))).toContain(
      'APP_REGISTRY_FILE: cannot read',
    );
  });
});
