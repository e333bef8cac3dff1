import { createHash } from 'node:crypto';

/** The namespace of pushstream's sink message ids (a fixed random UUID). */
const SINK_NAMESPACE = Buffer.from('6f1d2c3e8a4b4f0e9c7d5b3a1e2f4d6c', 'hex');

/**
 * A name-based UUID (version 5, RFC 9562): the same name always gives the same id, so a retried or
 * replayed call carries the messageId of the first try and Segment-compatible backends can drop it.
 */
export function uuidV5(name: string): string {
  const hash = createHash('sha1').update(SINK_NAMESPACE).update(name, 'utf8').digest();
  const bytes = hash.subarray(0, 16);
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x50;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
