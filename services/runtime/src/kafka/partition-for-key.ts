import { Partitioners } from './kafkajs-values.js';

// The producer's own partitioner, so the answer is by construction where `createPipelineProducer` (and any
// Java client) puts the key: murmur2 of the key bytes, made positive, modulo the partition count.
const defaultPartitioner = Partitioners.DefaultPartitioner();

/**
 * The partition a record with this key lands in on a topic of `partitionCount` partitions under the
 * default (Java-compatible murmur2) partitioner — lets a reader fetch one device from one partition.
 */
export function partitionForKey(key: Buffer | string, partitionCount: number): number {
  if (!Number.isInteger(partitionCount) || partitionCount < 1)
    throw new RangeError(`partition count must be a positive integer, got ${partitionCount}`);
  return defaultPartitioner({
    topic: '',
    // Only the count matters for keyed records; the leaders are never consulted.
    partitionMetadata: Array.from({ length: partitionCount }, (_, partitionId) => ({
      partitionErrorCode: 0,
      partitionId,
      leader: 0,
      replicas: [0],
      isr: [0],
    })),
    message: { key, value: null },
  });
}
