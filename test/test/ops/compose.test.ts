import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { APICURIO_VERSION, DEFAULT_KAFKA_VERSION } from '../../src/infra/infra-settings.js';
import { OPS_TOOLS, ensureOpsTool, runTool } from '../../src/ops/ops-tools.js';
import { repositoryRoot } from '../../src/ops/repository-root.js';

const root = repositoryRoot();
const SERVICES = ['connector', 'normalizer', 'sessionizer', 'sink'] as const;

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string>;
  profiles?: string[];
  volumes?: Array<{ type: string; source: string; target: string }>;
  stop_grace_period?: string;
}

/** `docker compose config` output: the file validated against the Compose specification and resolved. */
function resolvedCompose(profile?: string): { services: Record<string, ComposeService> } {
  const compose = ensureOpsTool(OPS_TOOLS.dockerCompose);
  const args = ['--project-directory', root, '-f', 'docker-compose.yml'];
  if (profile !== undefined) args.push('--profile', profile);
  // An empty environment: the defaults of the file, not whatever the machine has set.
  const output = runTool(compose, [...args, 'config', '--format', 'json'], {
    cwd: root,
    env: { PATH: process.env.PATH, HOME: process.env.HOME },
  });
  return JSON.parse(output) as { services: Record<string, ComposeService> };
}

describe('docker-compose.yml', () => {
  it('passes `docker compose config` (Compose specification) with and without the simulators profile', () => {
    const plain = resolvedCompose();
    expect(Object.keys(plain.services).sort()).toEqual(
      ['connector', 'grafana', 'kafka', 'normalizer', 'prometheus', 'registry', 'sessionizer', 'sink'].sort(),
    );
    const withSimulators = resolvedCompose('simulators');
    expect(Object.keys(withSimulators.services)).toContain('simulators');
  });

  it('runs the same Kafka and Apicurio versions as the test harness', () => {
    const { services } = resolvedCompose();
    expect(services.kafka?.image).toBe(`apache/kafka:${DEFAULT_KAFKA_VERSION}`);
    expect(services.registry?.image).toBe(`apicurio/apicurio-registry:${APICURIO_VERSION}`);
  });

  it.each(SERVICES)(
    '%s: built from its Dockerfile, named, on the compose Kafka, with a grace period above its shutdown',
    (service) => {
      const spec = resolvedCompose().services[service];
      expect(spec?.build?.dockerfile).toBe(`services/${service}/Dockerfile`);
      expect(spec?.environment?.SERVICE_NAME).toBe(service);
      expect(spec?.environment?.KAFKA_BROKERS).toBe('kafka:29092');
      expect(spec?.environment?.HTTP_PORT).toBe('9464');
      const graceSeconds = Number(/^(\d+)s$/.exec(spec?.stop_grace_period ?? '')?.[1]);
      expect(graceSeconds * 1000).toBeGreaterThan(Number(spec?.environment?.SHUTDOWN_TIMEOUT_MS));
    },
  );

  it('Prometheus scrapes every service with its `service` label and loads the rules; Grafana gets both provisioned', () => {
    const config = parse(
      readFileSync(path.join(root, 'deploy/monitoring/prometheus/prometheus.compose.yml'), 'utf8'),
    ) as {
      rule_files: string[];
      scrape_configs: Array<{ static_configs: Array<{ targets: string[]; labels: { service: string } }> }>;
    };
    const targets = config.scrape_configs.flatMap((job) =>
      job.static_configs.map((c) => [c.labels.service, c.targets[0]]),
    );
    expect(targets).toEqual(SERVICES.map((service) => [service, `${service}:9464`]));
    expect(config.rule_files).toEqual(['/etc/prometheus/rules/*.rules.yml']);
    const { services } = resolvedCompose();
    const mounts = (name: string) =>
      (services[name]?.volumes ?? []).map((v) => `${path.relative(root, v.source)}:${v.target}`);
    expect(mounts('prometheus')).toContain('deploy/monitoring/rules:/etc/prometheus/rules');
    expect(mounts('grafana')).toEqual(
      expect.arrayContaining([
        'deploy/monitoring/grafana/provisioning:/etc/grafana/provisioning',
        'deploy/monitoring/dashboards:/var/lib/grafana/dashboards',
      ]),
    );
  });

  it('the simulators share the connector network and carry the credentials the connector accepts', () => {
    const { services } = resolvedCompose('simulators');
    const connector = services.connector?.environment ?? {};
    const simulators = services.simulators?.environment ?? {};
    expect(simulators.RTDS_APP_KEY).toBe(connector.RTDS_APP_KEY);
    expect(simulators.RTDS_TOKEN).toBe(connector.RTDS_TOKEN);
    expect(connector.RTDS_BASE_URL).toBe(`http://127.0.0.1:${simulators.RTDS_SIMULATOR_PORT ?? ''}`);
    const sources = JSON.parse(connector.WEBHOOK_SOURCES ?? '[]') as Array<{
      source: string;
      auth: { mode: string; username?: string; password?: string; token?: string };
    }>;
    const cm = sources.find((source) => source.source === 'cm');
    const track = sources.find((source) => source.source === 'track');
    expect(simulators.CM_AUTHORIZATION).toBe(
      `Basic ${Buffer.from(`${cm?.auth.username ?? ''}:${cm?.auth.password ?? ''}`).toString('base64')}`,
    );
    expect(simulators.TRACK_AUTHORIZATION).toBe(`Bearer ${track?.auth.token ?? ''}`);
  });
});
