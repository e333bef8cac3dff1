import { describe, expect, it } from 'vitest';
import { loadConfig } from '@pushstream/runtime';
import { sessionizerEnvSchema, toCoreConfig } from '../../src/config/sessionizer-env.js';

const base = {
  SERVICE_NAME: 'sessionizer',
  KAFKA_BROKERS: 'localhost:9092',
  SCHEMA_REGISTRY_URL: 'http://localhost:8080/apis/ccompat/v7',
};

describe('sessionizer configuration', () => {
  it('defaults to a 30 min gap, 5 min grace, silence = gap + grace, 30/60-day staleness and the admin erase rule', () => {
    const core = toCoreConfig(loadConfig(sessionizerEnvSchema, base));
    expect(core.sessions).toMatchObject({ gapMs: 1_800_000, graceMs: 300_000, silenceCloseMs: 2_100_000 });
    expect(core.lifecycle).toMatchObject({
      softStaleMs: 30 * 86_400_000,
      hardStaleMs: 60 * 86_400_000,
      reorderHorizonMs: 7 * 86_400_000,
      erasure: [{ sourceType: 'pushstream.erase' }],
    });
  });

  it('reads erasure rules with kind and detail paths', () => {
    const env = loadConfig(sessionizerEnvSchema, {
      ...base,
      ERASURE_RULES:
        '[{"sourceType":"COMPLIANCE","kind":"UNREGISTERED","detail":{"body.event_type":"uninstall"}}]',
    });
    expect(env.ERASURE_RULES).toEqual([
      { sourceType: 'COMPLIANCE', kind: 'UNREGISTERED', detail: { 'body.event_type': 'uninstall' } },
    ]);
  });

  it('names the variable of a bad value', () => {
    expect(() => loadConfig(sessionizerEnvSchema, { ...base, ERASURE_RULES: '{"sourceType":1}' })).toThrow(
      /ERASURE_RULES: expected \[\{"sourceType"/,
    );
    expect(() => loadConfig(sessionizerEnvSchema, { ...base, ERASURE_RULES: 'not json' })).toThrow(
      /ERASURE_RULES: expected a JSON array of erasure rules/,
    );
    expect(() => loadConfig(sessionizerEnvSchema, { ...base, SESSION_GAP_MS: '-5' })).toThrow(
      /SESSION_GAP_MS/,
    );
  });

  it('refuses a hard staleness shorter than the soft one', () => {
    const env = loadConfig(sessionizerEnvSchema, { ...base, SOFT_STALE_MS: '1000', HARD_STALE_MS: '500' });
    expect(() => toCoreConfig(env)).toThrow(/HARD_STALE_MS/);
  });
});
