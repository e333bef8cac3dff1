import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { startPipeline, type RunningPipeline } from '../../src/local-pipeline/start-pipeline.js';
import { PIPELINE_SERVICES } from '../../src/local-pipeline/service-environments.js';
import { expandGrafanaVariables, panelQueries, readDashboard } from '../../src/ops/dashboard-queries.js';
import { CONTRACT_METRICS, DEFAULT_METRICS, registeredMetrics } from '../../src/ops/exported-metrics.js';
import { OPS_TOOLS, ensureOpsTool } from '../../src/ops/ops-tools.js';
import { RULES_PATH, alertRules } from '../../src/ops/prometheus-rule.js';
import { startPrometheus, type PrometheusServer } from '../../src/ops/prometheus-server.js';
import { analyzePromql, baseMetricName } from '../../src/ops/promql.js';
import { repositoryRoot } from '../../src/ops/repository-root.js';
import { waitFor } from '../../src/wait-for.js';

/**
 * End to end: the pipeline's services (those built: `services/<name>/dist/main.js`) run against the real
 * Kafka + registry with the RTDS simulator and the demo webhook feed, a real Prometheus scrapes them and
 * evaluates the alert rules, and every dashboard query is run against it.
 */
const root = repositoryRoot();
const dashboard = readDashboard(root);
const rules = alertRules(readFileSync(path.join(root, RULES_PATH), 'utf8'));
const panelExprs = panelQueries(dashboard.panels).map((query) => ({
  ...query,
  expr: expandGrafanaVariables(query.expr, '15s'),
}));
// Annotation queries mark events (a rebalance): they parse, and are empty while nothing happens.
const annotationExprs = dashboard.annotations.map((query) => ({
  ...query,
  expr: expandGrafanaVariables(query.expr, '15s'),
}));
const queries = [...panelExprs, ...annotationExprs];

/** Runtime metrics that only a consumer loop fills (the connector has none). */
const CONSUMER_ONLY = new Set([
  'pushstream_records_consumed_total',
  'pushstream_batch_duration_seconds',
  'pushstream_record_age_seconds',
  'pushstream_last_processed_timestamp_seconds',
  'pushstream_consumer_lag',
]);
const CONSUMERS = ['normalizer', 'sessionizer', 'sink'];

const registered = registeredMetrics(root);
const known = new Set<string>(DEFAULT_METRICS);
for (const names of [...registered.values(), ...Object.values(CONTRACT_METRICS)])
  for (const name of names) known.add(name);

/** Services that fill a metric; 'any' for runtime and process metrics every service has. */
function ownersOf(metric: string): readonly string[] | 'any' {
  if (CONSUMER_ONLY.has(metric)) return CONSUMERS;
  if (DEFAULT_METRICS.includes(metric) || registered.get('runtime')?.has(metric) === true) return 'any';
  const owners = [...registered.entries()]
    .filter(([, names]) => names.has(metric))
    .map(([service]) => service);
  for (const [service, names] of Object.entries(CONTRACT_METRICS))
    if (names.includes(metric)) owners.push(service);
  return owners;
}

/**
 * Series that exist only once something happened: an RTDS reconnect, an in-place retry, an RTDS auth
 * answer. Panels over them fall back to 0 where they can.
 */
const ON_EVENT = new Set([
  'pushstream_rtds_reconnects_total',
  'pushstream_retries_total',
  'pushstream_rtds_auth_alert',
]);
/** What only partner calls produce: nothing while the launcher runs the sink dry (SINK_DRY_RUN=true). */
const PARTNER_CALLS = new Set(['pushstream_partner_request_duration_seconds']);
let sinkDryRun = false;

/** Whether a query must return data with these services running: every metric and stage it names runs. */
function expectsData(expr: string, running: ReadonlySet<string>): boolean {
  const metrics = analyzePromql(expr).metrics.map((series) => baseMetricName(series, known));
  if (metrics.every((metric) => ON_EVENT.has(metric))) return false;
  if (sinkDryRun) {
    if (metrics.some((metric) => PARTNER_CALLS.has(metric))) return false;
    // A dry sink acknowledges nothing, so it writes no sink-acks records.
    if (metrics.includes('pushstream_records_produced_total') && expr.includes('stage="sink"')) return false;
  }
  const stages = [...expr.matchAll(/stage="([a-z]+)"/g)].map((match) => match[1] ?? '');
  if (!stages.every((stage) => running.has(stage))) return false;
  return analyzePromql(expr).metrics.every((series) => {
    const owners = ownersOf(baseMetricName(series, known));
    return owners === 'any' || owners.some((owner) => running.has(owner));
  });
}

describe('Prometheus against the running pipeline', () => {
  let pipeline: RunningPipeline | undefined;
  let prometheus: PrometheusServer | undefined;
  let workDir = '';
  let running = new Set<string>();

  beforeAll(async () => {
    const prometheusBinary = ensureOpsTool(OPS_TOOLS.prometheus);
    const infra = inject('infra');
    // The harness's Kafka and registry: startPipeline's infrastructure step uses them instead of starting any.
    process.env.KAFKA_BROKERS = infra.kafkaBrokers.join(',');
    process.env.SCHEMA_REGISTRY_URL = infra.schemaRegistryUrl;
    workDir = mkdtempSync(path.join(os.tmpdir(), 'pushstream-ops-it-'));
    pipeline = await startPipeline({
      log: () => undefined,
      // Service logs stay for a look after a failure (.pushstream/ is git-ignored, as for `npm start`).
      runDir: path.join(
        root,
        '.pushstream',
        'runs',
        `ops-it-${new Date().toISOString().replace(/[:.]/g, '-')}`,
      ),
      env: {
        KAFKA_BROKERS: process.env.KAFKA_BROKERS,
        SCHEMA_REGISTRY_URL: process.env.SCHEMA_REGISTRY_URL,
        LOG_LEVEL: 'warn',
      },
      topicPrefix: `it-ops-${Date.now().toString(36)}.`,
      // PUSHSTREAM_OPS_IT_SERVICES=connector,normalizer narrows the run (to tell a service's fault from the checks').
      services: PIPELINE_SERVICES.filter((service) =>
        (process.env.PUSHSTREAM_OPS_IT_SERVICES ?? PIPELINE_SERVICES.join(',')).split(',').includes(service),
      ),
      // At least 50/s: the feed sends ticks of eventsPerSecond / 10 events, RTDS first, webhooks from the 4th.
      demoEventsPerSecond: 100,
    });
    const started = pipeline;
    sinkDryRun = started.context.sinkEnv.SINK_DRY_RUN === 'true';
    let notReady: string[] = [];
    await waitFor(
      'every started service to be ready',
      async () => {
        notReady = [];
        for (const instance of started.instances) {
          if (!instance.running) throw new Error(`${instance.spec.name} exited:\n${instance.tail(20)}`);
          const answer = await fetch(`${instance.opsUrl}/readyz`, { signal: AbortSignal.timeout(1000) }).then(
            async (response) => (response.ok ? undefined : await response.text()),
            (error: unknown) => String(error),
          );
          if (answer !== undefined) notReady.push(`${instance.spec.name}: ${answer}`);
        }
        return notReady.length === 0;
      },
      { timeoutMs: 180_000, intervalMs: 500, lastSeen: () => notReady },
    );
    running = new Set(started.instances.map((instance) => instance.spec.env.SERVICE_NAME ?? ''));
    prometheus = await startPrometheus({
      executable: prometheusBinary,
      dir: path.join(workDir, 'prometheus'),
      targets: started.instances.map((instance) => ({
        service: instance.spec.env.SERVICE_NAME ?? instance.spec.name,
        instance: instance.spec.name,
        port: instance.spec.httpPort,
      })),
      ruleFiles: [path.join(root, RULES_PATH)],
    });
    const server = prometheus;
    // Rates need a few scrapes; the downstream stages need the demo traffic to reach them.
    const pending = () => panelExprs.filter((query) => expectsData(query.expr, running));
    let empty: string[] = [];
    await waitFor(
      'every dashboard query of a running service to return data',
      async () => {
        const results = await Promise.all(
          pending().map(async (query) => [query, await server.query(query.expr)] as const),
        );
        empty = results
          .filter(([, result]) => (result.data?.result.length ?? 0) === 0)
          .map(([query]) => query.where);
        return empty.length === 0;
      },
      { timeoutMs: 150_000, intervalMs: 2000, lastSeen: () => empty },
    ).catch(() => undefined); // the test below reports what stayed empty
  }, 420_000);

  afterAll(async () => {
    await prometheus?.stop();
    await pipeline?.stop();
    if (workDir !== '') rmSync(workDir, { recursive: true, force: true });
  }, 120_000);

  it('runs at least the connector, and a service of each stage that is built', () => {
    const wanted = process.env.PUSHSTREAM_OPS_IT_SERVICES?.split(',') ?? PIPELINE_SERVICES;
    expect(pipeline?.missing ?? []).toEqual(
      PIPELINE_SERVICES.filter((s) => wanted.includes(s) && !running.has(s)),
    );
    expect(running.has('connector')).toBe(true);
  });

  it('every dashboard query parses, and returns data when the services it reads run', async () => {
    const server = prometheus;
    if (server === undefined) throw new Error('Prometheus did not start');
    const failures: string[] = [];
    let withData = 0;
    for (const query of queries) {
      const result = await server.query(query.expr);
      if (result.status !== 'success') {
        failures.push(`${query.where}: ${result.error ?? 'error'}`);
        continue;
      }
      const rows = result.data?.result.length ?? 0;
      if (panelExprs.includes(query) && expectsData(query.expr, running)) {
        if (rows === 0) failures.push(`${query.where}: no data (${query.expr})`);
        else withData += 1;
      }
    }
    expect(failures).toEqual([]);
    // With the connector alone: its RTDS, webhook, overview and process panels; more with every built stage.
    expect(withData).toBeGreaterThanOrEqual(running.size > 1 ? 25 : 12);
  });

  it('every alert rule loads into the real Prometheus and evaluates without error', async () => {
    const server = prometheus;
    if (server === undefined) throw new Error('Prometheus did not start');
    const loaded = await waitFor(
      'every rule evaluated once',
      async () => {
        const list = await server.rules();
        return list.length === rules.length && list.every((rule) => rule.health !== 'unknown') ? list : false;
      },
      { timeoutMs: 30_000, intervalMs: 500 },
    );
    expect(loaded.filter((rule) => rule.health !== 'ok')).toEqual([]);
    expect(loaded.map((rule) => rule.name).sort()).toEqual(rules.map((rule) => rule.alert).sort());
    for (const rule of rules) expect((await server.query(rule.expr)).status, rule.alert).toBe('success');
  });

  it('every metric the dashboard and the alerts use is in the scrape of the services that own it', async () => {
    const server = prometheus;
    if (server === undefined) throw new Error('Prometheus did not start');
    const scraped = new Set((await server.metricNames()).map((name) => baseMetricName(name, known)));
    const used = new Set<string>();
    for (const expr of [...queries.map((query) => query.expr), ...rules.map((rule) => rule.expr)]) {
      for (const series of analyzePromql(expr).metrics) used.add(baseMetricName(series, known));
    }
    const owned = [...used].filter((metric) => {
      const owners = ownersOf(metric);
      return owners === 'any' || owners.some((owner) => running.has(owner));
    });
    const lazy = (metric: string) => ON_EVENT.has(metric) || (sinkDryRun && PARTNER_CALLS.has(metric));
    expect(owned.filter((metric) => !scraped.has(metric) && !lazy(metric))).toEqual([]);
    expect(owned.length).toBeGreaterThan(20);
  });
});
