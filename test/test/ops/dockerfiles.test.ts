import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPS_TOOLS, ensureOpsTool, runTool } from '../../src/ops/ops-tools.js';
import { repositoryRoot } from '../../src/ops/repository-root.js';

const root = repositoryRoot();
const SERVICES = ['connector', 'normalizer', 'sessionizer', 'sink'] as const;
const dockerfile = (service: string) =>
  readFileSync(path.join(root, 'services', service, 'Dockerfile'), 'utf8');

describe('service Dockerfiles', () => {
  it('lint clean with hadolint (warnings and infos included)', () => {
    const hadolint = ensureOpsTool(OPS_TOOLS.hadolint);
    const files = [
      ...SERVICES.map((service) => path.join('services', service, 'Dockerfile')),
      'deploy/docker/simulators.Dockerfile',
    ];
    const output = runTool(hadolint, ['--failure-threshold', 'info', '--no-color', ...files], { cwd: root });
    expect(output.trim()).toBe('');
  });

  it.each(SERVICES)(
    '%s: multi-stage node:24-slim, runs as a numeric non-root user, node is PID 1',
    (service) => {
      const text = dockerfile(service);
      expect(text).toMatch(/^ARG NODE_IMAGE=node:24-slim$/m);
      expect(text.match(/^FROM /gm)).toHaveLength(2);
      expect(text).toMatch(/^FROM \$\{NODE_IMAGE\} AS build$/m);
      expect(text).toMatch(/^USER 1000:1000$/m);
      expect(text).toMatch(/^WORKDIR \/app\/services\/[a-z]+$/m);
      expect(text).toContain(`--filter=@pushstream/${service}`);
      expect(text.trim().split('\n').at(-1)).toBe('CMD ["node", "dist/main.js"]');
    },
  );

  it('are one file with the service name swapped in (only the connector exposes its webhook port)', () => {
    const normalize = (service: string) =>
      dockerfile(service)
        .replaceAll(service, 'SERVICE')
        .replace('; 8080: webhooks (WEBHOOK_PORT)', '')
        .replace('EXPOSE 9464 8080', 'EXPOSE 9464');
    for (const service of SERVICES) expect(normalize(service)).toBe(normalize('normalizer'));
  });

  it('the build context leaves out dependencies, outputs and local state', () => {
    const ignored = readFileSync(path.join(root, '.dockerignore'), 'utf8').split('\n');
    for (const entry of ['**/node_modules', '**/dist', '.git', '.pushstream', '.env'])
      expect(ignored).toContain(entry);
  });
});
