import { z } from 'zod';
import { schemaViolation } from '../format-issues.js';
import type { ParseFailure, ParseResult } from '../parse-result.js';
import { SegmentMessageSchema, type SegmentMessage } from './segment-message.js';

/** The envelope of a batch call; root `context` applies to every item (merging it is the consumer's job). */
export const SegmentBatchSchema = z.looseObject({
  type: z.literal('batch').optional(),
  batch: z.array(z.unknown()).min(1),
  context: z.record(z.string(), z.unknown()).optional(),
  integrations: z.record(z.string(), z.unknown()).optional(),
  writeKey: z.string().optional(),
  sentAt: z.string().optional(),
});

/** A batch envelope (items unvalidated; see {@link SegmentBatchResult}). */
export type SegmentBatch = z.infer<typeof SegmentBatchSchema>;

/**
 * A parsed batch: the envelope, and one result per item in order — a bad item does not sink its neighbours,
 * its error path names its index (`batch[3].event`). `ok: false` only when the envelope itself is invalid.
 */
export type SegmentBatchResult =
  | {
      readonly ok: true;
      readonly event: SegmentBatch;
      readonly items: readonly ParseResult<SegmentMessage>[];
    }
  | ParseFailure;

/** Validates a decoded batch body. Never throws. */
export function parseSegmentBatch(body: unknown): SegmentBatchResult {
  const envelope = SegmentBatchSchema.safeParse(body);
  if (!envelope.success) return schemaViolation(envelope.error.issues, body);
  const items = envelope.data.batch.map((item, index): ParseResult<SegmentMessage> => {
    const result = SegmentMessageSchema.safeParse(item);
    return result.success
      ? { ok: true, event: result.data }
      : schemaViolation(result.error.issues, item, ['batch', index]);
  });
  return { ok: true, event: envelope.data, items };
}
