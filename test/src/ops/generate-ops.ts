/**
 * Regenerates the deploy/ files derived from other sources: the topic provisioning script (from the
 * topology) and the PrometheusRule (from the plain rules file). Run from the repository root:
 *   npx turbo run build --filter=@pushstream/test-kit && npx node test/dist/ops/generate-ops.js
 * Tests fail while a committed copy differs from what this writes.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { TOPOLOGY } from '@pushstream/schemas';
import { repositoryRoot } from './repository-root.js';
import { PROMETHEUS_RULE_PATH, RULES_PATH, renderPrometheusRule } from './prometheus-rule.js';
import { TOPIC_SCRIPT_PATH, renderTopicProvisioningScript } from './topic-provisioning-script.js';

const root = repositoryRoot();
writeFileSync(path.join(root, TOPIC_SCRIPT_PATH), renderTopicProvisioningScript(TOPOLOGY), { mode: 0o755 });
writeFileSync(
  path.join(root, PROMETHEUS_RULE_PATH),
  renderPrometheusRule(readFileSync(path.join(root, RULES_PATH), 'utf8')),
);
console.log(`wrote ${TOPIC_SCRIPT_PATH} and ${PROMETHEUS_RULE_PATH}`);
