import type { TopicSpec } from '@pushstream/schemas';

/** Where the generated script lives in the checkout (the pushstream-topics Job runs it). */
export const TOPIC_SCRIPT_PATH = 'deploy/k8s/base/topics/provision-topics.sh';

/**
 * The topic provisioning script of the Kubernetes Job, generated from the topology declaration: one
 * idempotent `kafka-topics.sh --create --if-not-exists` per topic with its partitions and required configs
 * (cleanup policy, retention, …). Prefix, replication factor, brokers and client settings come from the
 * environment (the pushstream-config ConfigMap), so one script serves every overlay.
 */
export function renderTopicProvisioningScript(topology: readonly TopicSpec[]): string {
  const lines = topology.map((spec) => {
    const configs: Record<string, string> = { 'cleanup.policy': spec.cleanupPolicy, ...spec.configs };
    if (spec.retentionMs !== undefined) configs['retention.ms'] = String(spec.retentionMs);
    const args = Object.entries(configs).map(([name, value]) => `${name}=${value}`);
    return `create ${[spec.name, String(spec.partitions), ...args].join(' ')}`;
  });
  return `#!/usr/bin/env bash
# GENERATED from schemas/src/topology/topology.ts; do not edit. Regenerate with
#   npx turbo run build --filter=@pushstream/test-kit && npx node test/dist/ops/generate-ops.js
# Creates every pushstream topic that does not exist yet; existing topics are left alone (the services
# verify their configuration at start and refuse a misconfigured one).
set -euo pipefail
: "\${KAFKA_BROKERS:?KAFKA_BROKERS is required}"
prefix="\${TOPIC_PREFIX-pushstream.}"
replication="\${TOPIC_REPLICATION_FACTOR:-3}"
kafka_topics="\${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"
client=(--bootstrap-server "$KAFKA_BROKERS")
# SASL / TLS client settings, as a Kafka client properties file (mounted from a Secret).
if [ -n "\${KAFKA_COMMAND_CONFIG:-}" ]; then client+=(--command-config "$KAFKA_COMMAND_CONFIG"); fi

create() {
  local topic="$prefix$1" partitions="$2"
  shift 2
  local configs=()
  for config in "$@"; do configs+=(--config "$config"); done
  echo "topic $topic: $partitions partitions, replication $replication, $*"
  "$kafka_topics" "\${client[@]}" --create --if-not-exists --topic "$topic" \\
    --partitions "$partitions" --replication-factor "$replication" "\${configs[@]}"
}

${lines.join('\n')}
echo "all ${topology.length} topics present"
`;
}
