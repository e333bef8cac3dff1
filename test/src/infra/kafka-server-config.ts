/** What varies between local single-node brokers. */
export interface KafkaServerConfigInput {
  brokerPort: number;
  controllerPort: number;
  dataDir: string;
}

/**
 * `server.properties` of a combined broker+controller KRaft node on 127.0.0.1, tuned for tests: replication
 * factor 1 for internal topics, one partition each (fewer files and faster coordinator loading), no initial
 * rebalance delay, and no topic auto-creation (provisioning creates topics, as in production).
 */
export function kafkaServerProperties(input: KafkaServerConfigInput): string {
  const broker = `127.0.0.1:${input.brokerPort}`;
  const controller = `127.0.0.1:${input.controllerPort}`;
  const entries: [string, string | number][] = [
    ['process.roles', 'broker,controller'],
    ['node.id', 1],
    ['controller.quorum.bootstrap.servers', controller],
    ['listeners', `PLAINTEXT://${broker},CONTROLLER://${controller}`],
    ['advertised.listeners', `PLAINTEXT://${broker},CONTROLLER://${controller}`],
    ['controller.listener.names', 'CONTROLLER'],
    ['inter.broker.listener.name', 'PLAINTEXT'],
    ['listener.security.protocol.map', 'CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT'],
    ['log.dirs', input.dataDir],
    ['num.partitions', 1],
    ['default.replication.factor', 1],
    ['min.insync.replicas', 1],
    ['auto.create.topics.enable', 'false'],
    ['offsets.topic.replication.factor', 1],
    ['offsets.topic.num.partitions', 1],
    ['transaction.state.log.replication.factor', 1],
    ['transaction.state.log.min.isr', 1],
    ['transaction.state.log.num.partitions', 1],
    ['share.coordinator.state.topic.replication.factor', 1],
    ['share.coordinator.state.topic.min.isr', 1],
    ['group.initial.rebalance.delay.ms', 0],
    ['num.network.threads', 2],
    ['num.io.threads', 4],
    ['num.recovery.threads.per.data.dir', 1],
    ['log.cleaner.dedupe.buffer.size', 8 * 1024 * 1024],
    // Small segments keep the temp directory small when tests write a lot.
    ['log.segment.bytes', 16 * 1024 * 1024],
    ['log.index.size.max.bytes', 1024 * 1024],
  ];
  return `${entries.map(([key, value]) => `${key}=${String(value)}`).join('\n')}\n`;
}
