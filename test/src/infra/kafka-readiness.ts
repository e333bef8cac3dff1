import { Kafka, logLevel } from 'kafkajs';

/**
 * One readiness check of a broker, all through kafkajs (the client the services use): the cluster answers
 * `describeCluster`, a probe topic can be created (the controller and metadata propagation work) and
 * deleted, and a group coordinator can be found (which creates `__consumer_offsets`, so the first test does
 * not pay for it). Resolves true when all of that worked.
 */
export async function kafkaIsReady(brokers: readonly string[]): Promise<boolean> {
  const kafka = new Kafka({
    clientId: 'pushstream-infra-probe',
    brokers: [...brokers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2_000,
    requestTimeout: 10_000,
    retry: { retries: 2, initialRetryTime: 200 },
  });
  const admin = kafka.admin();
  try {
    await admin.connect();
    const cluster = await admin.describeCluster();
    if (cluster.brokers.length === 0) return false;
    const topic = `__pushstream-infra-probe-${process.pid}-${Date.now()}`;
    await admin.createTopics({
      topics: [{ topic, numPartitions: 1, replicationFactor: 1 }],
      waitForLeaders: true,
    });
    await admin.deleteTopics({ topics: [topic] });
    await admin.describeGroups(['pushstream-infra-probe']);
    return true;
  } finally {
    await admin.disconnect();
  }
}
