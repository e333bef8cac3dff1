#!/usr/bin/env bash
# GENERATED from schemas/src/topology/topology.ts; do not edit. Regenerate with
#   npx turbo run build --filter=@pushstream/test-kit && npx node test/dist/ops/generate-ops.js
# Creates every pushstream topic that does not exist yet; existing topics are left alone (the services
# verify their configuration at start and refuse a misconfigured one).
set -euo pipefail
: "${KAFKA_BROKERS:?KAFKA_BROKERS is required}"
prefix="${TOPIC_PREFIX-pushstream.}"
replication="${TOPIC_REPLICATION_FACTOR:-3}"
kafka_topics="${KAFKA_TOPICS:-/opt/kafka/bin/kafka-topics.sh}"
client=(--bootstrap-server "$KAFKA_BROKERS")
# SASL / TLS client settings, as a Kafka client properties file (mounted from a Secret).
if [ -n "${KAFKA_COMMAND_CONFIG:-}" ]; then client+=(--command-config "$KAFKA_COMMAND_CONFIG"); fi

create() {
  local topic="$prefix$1" partitions="$2"
  shift 2
  local configs=()
  for config in "$@"; do configs+=(--config "$config"); done
  echo "topic $topic: $partitions partitions, replication $replication, $*"
  "$kafka_topics" "${client[@]}" --create --if-not-exists --topic "$topic" \
    --partitions "$partitions" --replication-factor "$replication" "${configs[@]}"
}

create raw.airship-rtds.v1 6 cleanup.policy=delete retention.ms=604800000
create raw.airship-compliance.v1 6 cleanup.policy=delete retention.ms=604800000
create raw.cm-push.v1 6 cleanup.policy=delete retention.ms=604800000
create raw.track.v1 6 cleanup.policy=delete retention.ms=604800000
create device-events.v1 6 cleanup.policy=delete retention.ms=2592000000
create device-state.v1 6 cleanup.policy=compact
create device-sessions.v1 6 cleanup.policy=delete retention.ms=2592000000
create open-sessions.v1 6 cleanup.policy=compact segment.ms=3600000 min.cleanable.dirty.ratio=0.1
create sink-acks.infobip.v1 6 cleanup.policy=compact
create sink-acks.intilery.v1 6 cleanup.policy=compact
create connector-checkpoints.v1 1 cleanup.policy=compact
create normalizer-dedupe.airship-rtds.v1 6 cleanup.policy=delete retention.ms=691200000
create normalizer-dedupe.airship-compliance.v1 6 cleanup.policy=delete retention.ms=691200000
create normalizer-dedupe.cm-push.v1 6 cleanup.policy=delete retention.ms=691200000
create normalizer-dedupe.track.v1 6 cleanup.policy=delete retention.ms=691200000
create dlq.connector.v1 1 cleanup.policy=delete retention.ms=1209600000
create dlq.normalizer.v1 1 cleanup.policy=delete retention.ms=1209600000
create dlq.sessionizer.v1 1 cleanup.policy=delete retention.ms=1209600000
create dlq.sink.v1 1 cleanup.policy=delete retention.ms=1209600000
echo "all 19 topics present"
