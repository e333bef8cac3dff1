import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('Node runtime', () => {
  it('runs on the Node version pinned by the `node` devDependency, not the machine default', () => {
    const rootPackage = JSON.parse(
      readFileSync(new URL('../../../package.json', import.meta.url), 'utf8'),
    ) as { devDependencies: Record<string, string> };
    const pinned = rootPackage.devDependencies.node;
    expect(pinned).toMatch(/^24\.\d+\.\d+$/);
    expect(process.versions.node).toBe(pinned);
  });
});
