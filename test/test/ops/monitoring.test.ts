import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { TOPOLOGY } from '@pushstream/schemas';
import { expandGrafanaVariables, panelQueries, readDashboard } from '../../src/ops/dashboard-queries.js';
import { exportedMetricNames } from '../../src/ops/exported-metrics.js';
import { OPS_TOOLS, ensureOpsTool, runTool } from '../../src/ops/ops-tools.js';
import {
  PROMETHEUS_RULE_PATH,
  RULES_PATH,
  alertRules,
  renderPrometheusRule,
} from '../../src/ops/prometheus-rule.js';
import { analyzePromql, baseMetricName } from '../../src/ops/promql.js';
import { repositoryRoot } from '../../src/ops/repository-root.js';
import { TOPIC_SCRIPT_PATH, renderTopicProvisioningScript } from '../../src/ops/topic-provisioning-script.js';

const root = repositoryRoot();
const rulesYaml = readFileSync(path.join(root, RULES_PATH), 'utf8');
const rules = alertRules(rulesYaml);
const dashboard = readDashboard(root);
const runbook = readFileSync(path.join(root, 'docs/runbook.md'), 'utf8');

/** GitHub-style anchors of the runbook's headings. */
const runbookAnchors = new Set(
  [...runbook.matchAll(/^#{2,3} (.+)$/gm)].map((match) =>
    (match[1] ?? '')
      .trim()
      .toLowerCase()
      .replace(/[^a-z0-9 -]/g, '')
      .replace(/ /g, '-'),
  ),
);

describe('alert rules', () => {
  it('pass `promtool check rules`', () => {
    const promtool = ensureOpsTool(OPS_TOOLS.promtool);
    expect(runTool(promtool, ['check', 'rules', RULES_PATH], { cwd: root })).toContain(
      `SUCCESS: ${rules.length} rules found`,
    );
  });

  it('pass their `promtool test rules` unit tests', () => {
    const promtool = ensureOpsTool(OPS_TOOLS.promtool);
    const output = runTool(promtool, ['test', 'rules', 'pushstream.rules.test.yml'], {
      cwd: path.join(root, 'deploy/monitoring/rules'),
    });
    expect(output).toContain('SUCCESS');
  });

  it('every alert is unit-tested both firing and not firing', () => {
    const tests = parse(
      readFileSync(path.join(root, 'deploy/monitoring/rules/pushstream.rules.test.yml'), 'utf8'),
    ) as {
      tests: Array<{ alert_rule_test?: Array<{ alertname: string; exp_alerts: unknown[] }> }>;
    };
    const cases = tests.tests.flatMap((test) => test.alert_rule_test ?? []);
    expect(rules.length).toBeGreaterThanOrEqual(9);
    for (const rule of rules) {
      const mine = cases.filter((testCase) => testCase.alertname === rule.alert);
      expect(
        mine.some((testCase) => testCase.exp_alerts.length > 0),
        `${rule.alert} firing`,
      ).toBe(true);
      expect(
        mine.some((testCase) => testCase.exp_alerts.length === 0),
        `${rule.alert} not firing`,
      ).toBe(true);
    }
  });

  it('every alert has a severity, a summary and a runbook section that exists', () => {
    for (const rule of rules) {
      expect(['warning', 'critical'], rule.alert).toContain(rule.labels.severity);
      expect(rule.annotations.summary, rule.alert).toBeTruthy();
      expect(rule.annotations.runbook, rule.alert).toBe(`docs/runbook.md#${rule.alert.toLowerCase()}`);
      expect(runbookAnchors.has(rule.alert.toLowerCase()), `runbook section ${rule.alert}`).toBe(true);
    }
  });

  it('cover the issue: lag growing, no progress, RTDS disconnected / checkpoint stale, DLQ rate, partner errors and auth, freshness', () => {
    expect(rules.map((rule) => rule.alert)).toEqual(
      expect.arrayContaining([
        'PushstreamConsumerLagGrowing',
        'PushstreamNoProgress',
        'PushstreamRtdsDisconnected',
        'PushstreamRtdsCheckpointStale',
        'PushstreamDeadLetterRateHigh',
        'PushstreamPartnerErrorRatioHigh',
        'PushstreamPartnerAuthFailed',
        'PushstreamFreshnessSloBreached',
      ]),
    );
  });

  it('the PrometheusRule for Kubernetes is the rules file, regenerated', () => {
    // Compared as data: Prettier may re-indent the committed YAML.
    const committed: unknown = parse(readFileSync(path.join(root, PROMETHEUS_RULE_PATH), 'utf8'));
    expect(committed).toEqual(parse(renderPrometheusRule(rulesYaml)));
    expect(committed).toMatchObject({ spec: { groups: (parse(rulesYaml) as { groups: unknown[] }).groups } });
  });
});

describe('dashboard', () => {
  const queries = [...panelQueries(dashboard.panels), ...dashboard.annotations].map((query) => ({
    ...query,
    expr: expandGrafanaVariables(query.expr),
  }));

  it('every query parses as PromQL', () => {
    expect(queries.length).toBeGreaterThan(40);
    for (const query of queries) expect(analyzePromql(query.expr).errorsAt, query.where).toEqual([]);
  });

  it('every metric the dashboard or the alerts use is exported by some service (source, metrics contract or defaults)', () => {
    const exported = exportedMetricNames(root);
    const used = new Set<string>();
    for (const expr of [...queries.map((query) => query.expr), ...rules.map((rule) => rule.expr)]) {
      for (const name of analyzePromql(expr).metrics) used.add(baseMetricName(name, exported));
    }
    expect(used.size).toBeGreaterThan(35);
    expect([...used].filter((name) => !exported.has(name))).toEqual([]);
  });

  it('panels follow the linter rules: title, description, unit, datasource variable, rate windows from $__rate_interval', () => {
    for (const panel of dashboard.panels) {
      expect(panel.title, panel.title).not.toBe('');
      expect(panel.description, panel.title).toBeTruthy();
      expect(panel.unit, panel.title).toBeTruthy();
      for (const target of panel.targets) {
        for (const match of target.expr.matchAll(/\b(rate|irate|increase)\([^[]*\[([^\]]+)\]/g)) {
          expect(match[2], `${panel.title}: ${target.expr}`).toBe('$__rate_interval');
        }
      }
    }
    const variables = (dashboard.json.templating as { list: Array<{ name: string; type: string }> }).list;
    expect(variables.find((variable) => variable.name === 'datasource')?.type).toBe('datasource');
  });

  it('rows are in data-flow order and cover every stage', () => {
    const rows = [...new Set(dashboard.panels.map((panel) => panel.row))];
    expect(rows).toEqual([
      'Overview',
      'RTDS connection and ingest',
      'Webhooks',
      'Normalizer',
      'Sessionizer',
      'Sink and partners',
      'Process',
    ]);
    for (const stage of ['normalizer', 'sessionizer', 'sink']) {
      const exprs = dashboard.panels
        .filter((panel) => panel.row.toLowerCase().startsWith(stage))
        .flatMap((p) => p.targets.map((t) => t.expr));
      for (const metric of [
        'pushstream_consumer_lag',
        'pushstream_record_age_seconds_bucket',
        'pushstream_dead_lettered_total',
        'pushstream_rebalances_total',
        'pushstream_batch_duration_seconds_bucket',
      ]) {
        expect(
          exprs.some((expr) => expr.includes(metric) && expr.includes(`stage="${stage}"`)),
          `${stage}: ${metric}`,
        ).toBe(true);
      }
    }
  });
});

describe('topic provisioning Job script', () => {
  it('is generated from the topology', () => {
    expect(readFileSync(path.join(root, TOPIC_SCRIPT_PATH), 'utf8')).toBe(
      renderTopicProvisioningScript(TOPOLOGY),
    );
  });

  it('creates every declared topic with its partitions and configs', () => {
    const script = renderTopicProvisioningScript(TOPOLOGY);
    for (const spec of TOPOLOGY) {
      expect(script).toMatch(
        new RegExp(
          `^create ${spec.name.replaceAll('.', '\\.')} ${spec.partitions} cleanup\\.policy=${spec.cleanupPolicy}`,
          'm',
        ),
      );
    }
  });
});
