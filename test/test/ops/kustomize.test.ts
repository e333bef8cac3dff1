import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseAllDocuments, stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { ConfigMap, Service, ServiceAccount } from 'kubernetes-models/v1';
import { Deployment, StatefulSet } from 'kubernetes-models/apps/v1';
import { Job } from 'kubernetes-models/batch/v1';
import { PodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Ingress } from 'kubernetes-models/networking.k8s.io/v1';
import { ScaledObject, TriggerAuthentication } from '@kubernetes-models/keda/keda.sh/v1alpha1';
import { PodMonitor, PrometheusRule } from '@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1';
import { DEFAULT_PARTITIONS, SINK_TARGETS, TOPOLOGY } from '@pushstream/schemas';
import { OPS_TOOLS, ensureOpsTool, runTool, toolEnv } from '../../src/ops/ops-tools.js';
import { repositoryRoot } from '../../src/ops/repository-root.js';

const root = repositoryRoot();
const OVERLAYS = ['dev', 'prod'] as const;

/** A rendered Kubernetes object, loosely typed: the model classes check the shape. */
interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; labels?: Record<string, string> };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
}

interface Container {
  name: string;
  image: string;
  env?: Array<{ name: string; value?: string }>;
  envFrom?: Array<{ configMapRef?: { name: string }; secretRef?: { name: string; optional?: boolean } }>;
  ports?: Array<{ name: string; containerPort: number }>;
  livenessProbe?: { httpGet?: { path: string; port: string } };
  readinessProbe?: { httpGet?: { path: string; port: string } };
  startupProbe?: { httpGet?: { path: string; port: string } };
  resources?: { requests?: Record<string, string>; limits?: Record<string, string> };
  securityContext?: { allowPrivilegeEscalation?: boolean; readOnlyRootFilesystem?: boolean };
}

interface PodTemplate {
  metadata: { labels: Record<string, string> };
  spec: {
    terminationGracePeriodSeconds?: number;
    securityContext?: { runAsNonRoot?: boolean };
    containers: Container[];
  };
}

/** Model class of every kind the manifests may contain; anything else is an error. */
const MODELS: Record<string, new (data: never) => { validate(): void }> = {
  'v1/ServiceAccount': ServiceAccount,
  'v1/ConfigMap': ConfigMap,
  'v1/Service': Service,
  'apps/v1/Deployment': Deployment,
  'apps/v1/StatefulSet': StatefulSet,
  'batch/v1/Job': Job,
  'policy/v1/PodDisruptionBudget': PodDisruptionBudget,
  'networking.k8s.io/v1/Ingress': Ingress,
  'keda.sh/v1alpha1/ScaledObject': ScaledObject,
  'keda.sh/v1alpha1/TriggerAuthentication': TriggerAuthentication,
  'monitoring.coreos.com/v1/PodMonitor': PodMonitor,
  'monitoring.coreos.com/v1/PrometheusRule': PrometheusRule,
};

const rendered = new Map<string, { yaml: string; objects: K8sObject[] }>();

/** `kubectl kustomize` of an overlay, as YAML and parsed (rendered once per overlay). */
function renderOverlay(overlay: string): { yaml: string; objects: K8sObject[] } {
  const cached = rendered.get(overlay);
  if (cached !== undefined) return cached;
  const kubectl = ensureOpsTool(OPS_TOOLS.kubectl);
  const yaml = runTool(kubectl, ['kustomize', path.join(root, 'deploy/k8s/overlays', overlay)]);
  const objects = parseAllDocuments(yaml).map((document) => {
    if (document.errors.length > 0) throw new Error(document.errors.map((e) => e.message).join('\n'));
    return document.toJS() as K8sObject;
  });
  rendered.set(overlay, { yaml, objects });
  return { yaml, objects };
}

/** The parsed objects of an overlay. */
function render(overlay: string): K8sObject[] {
  return renderOverlay(overlay).objects;
}

/** API groups whose kinds the Kubernetes schemas do not cover (validated by their models above). */
const CUSTOM_GROUPS = ['keda.sh/', 'monitoring.coreos.com/'];
/** The oldest and the newest Kubernetes the manifests are checked against. */
const KUBERNETES_VERSIONS = ['1.31.0', '1.37.0'];

/**
 * `kubernetes-validate --strict` of some YAML against one Kubernetes version: the names of the objects
 * that passed; throws with the tool's report when one did not (an unknown field, a wrong type).
 */
function validateStrictly(yaml: string, version: string): string[] {
  const tool = OPS_TOOLS.kubernetesValidate;
  const executable = ensureOpsTool(tool);
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'k8s-validate-')), 'objects.yaml');
  writeFileSync(file, yaml);
  const report = runTool(executable, ['--strict', '--no-warn', '-k', version, file], {
    env: toolEnv(tool, executable),
  });
  return [...report.matchAll(/passed for resource (\S+) against/g)].map((match) => match[1] ?? '');
}

const byKind = (objects: K8sObject[], kind: string) => objects.filter((object) => object.kind === kind);
const named = (objects: K8sObject[], kind: string, name: string) => {
  const found = objects.find((object) => object.kind === kind && object.metadata.name === name);
  if (found === undefined) throw new Error(`no ${kind} ${name}`);
  return found;
};
const template = (workload: K8sObject) => (workload.spec as { template: PodTemplate }).template;
const workloads = (objects: K8sObject[]) =>
  objects.filter((object) => ['Deployment', 'StatefulSet'].includes(object.kind));
const envOf = (container: Container) =>
  Object.fromEntries((container.env ?? []).map((variable) => [variable.name, variable.value]));
const configOf = (objects: K8sObject[]) => {
  const config = byKind(objects, 'ConfigMap').find((map) =>
    map.metadata.name.startsWith('pushstream-config'),
  );
  if (config?.data === undefined) throw new Error('no pushstream-config ConfigMap');
  return config.data;
};

describe.each(OVERLAYS)('deploy/k8s overlay %s', (overlay) => {
  it('renders, and every object validates against its Kubernetes / KEDA / prometheus-operator schema', () => {
    const objects = render(overlay);
    expect(objects.length).toBeGreaterThan(20);
    for (const object of objects) {
      const model = MODELS[`${object.apiVersion}/${object.kind}`];
      if (model === undefined) throw new Error(`no schema for ${object.apiVersion} ${object.kind}`);
      expect(
        () => new model(object as never).validate(),
        `${object.kind} ${object.metadata.name}`,
      ).not.toThrow();
      expect(object.metadata.namespace, `${object.kind} ${object.metadata.name}`).toBe(
        overlay === 'prod' ? 'pushstream' : 'pushstream-dev',
      );
    }
  });

  it.each(KUBERNETES_VERSIONS)(
    'every core object validates strictly (unknown fields refused) against the Kubernetes %s API',
    (version) => {
      const { yaml, objects } = renderOverlay(overlay);
      const core = objects
        .filter((object) => !CUSTOM_GROUPS.some((group) => object.apiVersion.startsWith(group)))
        .map((object) => `${object.kind.toLowerCase()}/${object.metadata.name}`);
      expect(validateStrictly(yaml, version).sort()).toEqual(core.sort());
    },
    120_000,
  );

  it('deploys the three consumers as Deployments, the RTDS connector as a StatefulSet, the webhooks behind a Service and Ingress', () => {
    const objects = render(overlay);
    expect(
      byKind(objects, 'Deployment')
        .map((d) => d.metadata.name)
        .sort(),
    ).toEqual(['connector-webhooks', 'normalizer', 'sessionizer', 'sink'].sort());
    expect(byKind(objects, 'StatefulSet').map((s) => s.metadata.name)).toEqual(['connector-rtds']);
    const service = named(objects, 'Service', 'connector-webhooks').spec as {
      selector: Record<string, string>;
      ports: Array<{ targetPort: string }>;
    };
    const webhookPods = template(named(objects, 'Deployment', 'connector-webhooks'));
    for (const [key, value] of Object.entries(service.selector))
      expect(webhookPods.metadata.labels[key]).toBe(value);
    expect(webhookPods.spec.containers[0]?.ports?.map((port) => port.name)).toContain(
      service.ports[0]?.targetPort,
    );
    const ingress = named(objects, 'Ingress', 'connector-webhooks').spec as {
      rules: Array<{
        host?: string;
        http: { paths: Array<{ path: string; backend: { service: { name: string } } }> };
      }>;
    };
    expect(ingress.rules[0]?.host).toMatch(/\./);
    expect(ingress.rules[0]?.http.paths.map((p) => [p.path, p.backend.service.name])).toEqual([
      ['/webhooks/', 'connector-webhooks'],
    ]);
  });

  it('the RTDS StatefulSet has one replica per PARTITION subset', () => {
    const objects = render(overlay);
    const rtds = named(objects, 'StatefulSet', 'connector-rtds');
    const container = template(rtds).spec.containers[0];
    if (container === undefined) throw new Error('no container');
    const replicas = (rtds.spec as { replicas: number }).replicas;
    expect(Number(envOf(container).RTDS_PARTITIONS)).toBe(replicas);
    expect(envOf(container).RTDS_PARTITION_INDEX).toBeUndefined(); // the ordinal of HOSTNAME selects it
    expect(container.envFrom?.map((source) => source.secretRef?.name)).toContain('pushstream-rtds');
    if (overlay === 'prod') expect(replicas).toBe(3);
  });

  it('every pod: probes on the ops port, grace period above the shutdown deadline, resources, non-root', () => {
    const objects = render(overlay);
    const shutdownMs = Number(configOf(objects).SHUTDOWN_TIMEOUT_MS);
    expect(shutdownMs).toBeGreaterThan(0);
    for (const workload of workloads(objects)) {
      const pod = template(workload);
      const where = `${workload.kind} ${workload.metadata.name}`;
      // The grace period also covers the preStop-free TERM → exit path plus a margin for the final flush.
      expect((pod.spec.terminationGracePeriodSeconds ?? 30) * 1000, where).toBeGreaterThanOrEqual(
        shutdownMs + 10_000,
      );
      expect(pod.spec.securityContext?.runAsNonRoot, where).toBe(true);
      for (const container of pod.spec.containers) {
        expect(container.ports?.find((port) => port.name === 'ops')?.containerPort, where).toBe(9464);
        expect(container.livenessProbe?.httpGet, where).toEqual({ path: '/healthz', port: 'ops' });
        expect(container.readinessProbe?.httpGet, where).toEqual({ path: '/readyz', port: 'ops' });
        expect(container.startupProbe?.httpGet, where).toEqual({ path: '/healthz', port: 'ops' });
        expect(container.resources?.requests?.cpu, where).toBeDefined();
        expect(container.resources?.requests?.memory, where).toBeDefined();
        expect(container.resources?.limits?.memory, where).toBeDefined();
        expect(container.securityContext?.allowPrivilegeEscalation, where).toBe(false);
        expect(container.securityContext?.readOnlyRootFilesystem, where).toBe(true);
        expect(container.image, where).toMatch(/:[\w.-]+$/);
        expect(container.image, where).not.toMatch(/:latest$/);
        // The heap limit stays under the memory limit.
        const heapMb = Number(/--max-old-space-size=(\d+)/.exec(envOf(container).NODE_OPTIONS ?? '')?.[1]);
        const limitMi =
          Number(/^(\d+)Mi$/.exec(container.resources?.limits?.memory ?? '')?.[1] ?? NaN) ||
          Number(/^(\d+)Gi$/.exec(container.resources?.limits?.memory ?? '')?.[1]) * 1024;
        expect(heapMb, where).toBeLessThanOrEqual(limitMi * 0.8);
        expect(container.envFrom?.[0]?.configMapRef?.name, where).toMatch(/^pushstream-config/);
      }
    }
  });

  it('a PodDisruptionBudget with maxUnavailable 1 covers every workload', () => {
    const objects = render(overlay);
    const budgets = byKind(objects, 'PodDisruptionBudget').map(
      (pdb) => pdb.spec as { maxUnavailable: number; selector: { matchLabels: Record<string, string> } },
    );
    for (const budget of budgets) expect(budget.maxUnavailable).toBe(1);
    for (const workload of workloads(objects)) {
      const labels = template(workload).metadata.labels;
      const covering = budgets.filter((budget) =>
        Object.entries(budget.selector.matchLabels).every(([key, value]) => labels[key] === value),
      );
      expect(covering, `${workload.kind} ${workload.metadata.name}`).toHaveLength(1);
    }
  });

  it('KEDA scales each consumer on its own group lag, capped at the partition count; the Deployment leaves replicas to it', () => {
    const objects = render(overlay);
    const prefix = configOf(objects).TOPIC_PREFIX ?? '';
    const scaled = byKind(objects, 'ScaledObject');
    expect(scaled.map((object) => object.metadata.name).sort()).toEqual([
      'normalizer',
      'sessionizer',
      'sink',
    ]);
    for (const object of scaled) {
      const spec = object.spec as {
        scaleTargetRef: { name: string; kind: string };
        minReplicaCount: number;
        maxReplicaCount: number;
        triggers: Array<{ type: string; metadata: Record<string, string> }>;
      };
      const deployment = named(objects, 'Deployment', spec.scaleTargetRef.name);
      expect(spec.scaleTargetRef.kind).toBe('Deployment');
      expect((deployment.spec as { replicas?: number }).replicas).toBeUndefined();
      const container = template(deployment).spec.containers[0];
      if (container === undefined) throw new Error('no container');
      // The runtime's convention (consumerGroupOf): <TOPIC_PREFIX><SERVICE_NAME>; the sink runs one group per
      // partner target, <group>.<target>.
      const group = `${prefix}${envOf(container).SERVICE_NAME ?? '?'}`;
      const expectedGroups =
        object.metadata.name === 'sink' ? SINK_TARGETS.map((target) => `${group}.${target}`) : [group];
      expect(spec.triggers.map((trigger) => trigger.metadata.consumerGroup)).toEqual(expectedGroups);
      for (const trigger of spec.triggers) {
        expect(trigger.type).toBe('kafka');
        expect(trigger.metadata.bootstrapServersFromEnv).toBe('KAFKA_BROKERS');
        expect(trigger.metadata.excludePersistentLag).toBe('true');
        if (overlay === 'prod') expect(trigger.metadata.sasl).toBe('scram_sha512');
        const topic = trigger.metadata.topic;
        if (topic !== undefined) {
          const declared = TOPOLOGY.find((topicSpec) => `${prefix}${topicSpec.name}` === topic);
          expect(declared?.consumers, topic).toContain(object.metadata.name);
        }
      }
      const inputPartitions = Math.min(
        ...TOPOLOGY.filter((spec) => spec.consumers.includes(object.metadata.name)).map(
          (spec) => spec.partitions,
        ),
      );
      expect(inputPartitions).toBe(DEFAULT_PARTITIONS);
      expect(spec.maxReplicaCount).toBeLessThanOrEqual(inputPartitions);
      expect(spec.minReplicaCount).toBeGreaterThanOrEqual(1);
    }
  });

  it('references Secrets without committing any, and creates topics with a Job before the services (which only verify)', () => {
    const objects = render(overlay);
    expect(byKind(objects, 'Secret')).toEqual([]);
    expect(configOf(objects).TOPIC_AUTO_CREATE).toBe('false');
    const job = named(objects, 'Job', 'pushstream-topics');
    const pod = (
      job.spec as { template: PodTemplate & { spec: { volumes: Array<{ configMap?: { name: string } }> } } }
    ).template;
    const scriptMap = named(objects, 'ConfigMap', pod.spec.volumes[0]?.configMap?.name ?? '?');
    expect(Object.keys(scriptMap.data ?? {})).toEqual(['provision-topics.sh']);
    const script = readFileSync(path.join(root, 'deploy/k8s/base/topics/provision-topics.sh'), 'utf8');
    expect(scriptMap.data?.['provision-topics.sh']).toBe(script);
  });

  it('Prometheus scrapes every pod through one PodMonitor, and gets the alert rules', () => {
    const objects = render(overlay);
    const monitor = named(objects, 'PodMonitor', 'pushstream').spec as {
      selector: { matchLabels: Record<string, string> };
      podMetricsEndpoints: Array<{ port: string; path: string; relabelings: Array<{ targetLabel: string }> }>;
    };
    for (const workload of workloads(objects)) {
      const labels = template(workload).metadata.labels;
      for (const [key, value] of Object.entries(monitor.selector.matchLabels))
        expect(labels[key]).toBe(value);
    }
    expect(monitor.podMetricsEndpoints[0]?.port).toBe('ops');
    expect(monitor.podMetricsEndpoints[0]?.relabelings.map((r) => r.targetLabel)).toContain('service');
    expect(byKind(objects, 'PrometheusRule').map((rule) => rule.metadata.name)).toEqual(['pushstream']);
    const dashboard = byKind(objects, 'ConfigMap').find(
      (map) => map.metadata.name === 'pushstream-dashboard',
    );
    expect(dashboard?.metadata.labels?.grafana_dashboard).toBe('1');
  });
});

describe('the strict Kubernetes validation', () => {
  it('refuses a field the API does not have', () => {
    const deployment = byKind(render('dev'), 'Deployment')[0];
    if (deployment === undefined) throw new Error('no Deployment in the dev overlay');
    const typo = { ...deployment, spec: { ...deployment.spec, replicaz: 2 } };
    expect(() => validateStrictly(stringify(typo), '1.37.0')).toThrow(/'replicaz' was unexpected/);
  }, 120_000);
});
