import type { TopicPartition } from './records.js';

/**
 * The transactional id of one input partition: `<prefix><groupId>.<topic>.<partition>`. It is a static
 * encoding of the input partition (the pre-KIP-447 rule kafkajs needs, since its `sendOffsets` cannot fence
 * by group generation): whichever member processes the partition next initializes a producer with the same
 * id, which fences the previous owner — a zombie's open transaction is aborted and its later commits fail.
 */
export function transactionalIdOf(prefix: string, groupId: string, tp: TopicPartition): string {
  return `${prefix}${groupId}.${tp.topic}.${tp.partition}`;
}

const FENCING_ERROR_TYPES = new Set([
  'INVALID_PRODUCER_EPOCH',
  'PRODUCER_FENCED',
  'INVALID_PRODUCER_ID_MAPPING',
  'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
  'INVALID_TXN_STATE',
]);

/** True for errors after which the producer is unusable: fenced by a newer owner, or its transaction state lost. */
export function isFencingError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const type = (error as { type?: unknown }).type;
  if (typeof type === 'string' && FENCING_ERROR_TYPES.has(type)) return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isFencingError(cause);
}
