import { parse, stringify } from 'yaml';

/** The alert rules, plain Prometheus format: what promtool checks and tests, and what compose loads. */
export const RULES_PATH = 'deploy/monitoring/rules/pushstream.rules.yml';
/** The prometheus-operator wrapper of the same rules, generated. */
export const PROMETHEUS_RULE_PATH = 'deploy/monitoring/prometheusrule.yaml';

/**
 * Wraps a plain rules file (`groups:`) into a prometheus-operator PrometheusRule, so Kubernetes gets exactly
 * the rules promtool tested. promtool cannot read the CRD form itself.
 */
export function renderPrometheusRule(rulesYaml: string): string {
  const rules: unknown = parse(rulesYaml);
  if (typeof rules !== 'object' || rules === null || !('groups' in rules)) {
    throw new Error(`${RULES_PATH} has no groups`);
  }
  const resource = {
    apiVersion: 'monitoring.coreos.com/v1',
    kind: 'PrometheusRule',
    metadata: { name: 'pushstream', labels: { 'app.kubernetes.io/name': 'pushstream' } },
    spec: { groups: rules.groups },
  };
  return `# GENERATED from rules/pushstream.rules.yml; do not edit. Regenerate with
#   npx turbo run build --filter=@pushstream/test-kit && npx node test/dist/ops/generate-ops.js
${stringify(resource, { lineWidth: 0 })}`;
}

/** One alerting rule of the rules file. */
export interface AlertRule {
  readonly alert: string;
  readonly expr: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly annotations: Readonly<Record<string, string>>;
}

/** The alerting rules of a plain rules file. */
export function alertRules(rulesYaml: string): AlertRule[] {
  const parsed = parse(rulesYaml) as {
    groups?: Array<{ rules?: Array<Partial<AlertRule> & { record?: string }> }>;
  };
  return (parsed.groups ?? []).flatMap((group) =>
    (group.rules ?? [])
      .filter((rule) => typeof rule.alert === 'string')
      .map((rule) => ({
        alert: rule.alert ?? '',
        expr: rule.expr ?? '',
        labels: rule.labels ?? {},
        annotations: rule.annotations ?? {},
      })),
  );
}
