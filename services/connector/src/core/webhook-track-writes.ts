import {
  isRegisterPush,
  parseJsonText,
  parseSegmentBatch,
  parseSegmentMessage,
  type SegmentMessage,
} from '@pushstream/schemas';
import { findBatchSpans } from './webhook-batch-spans.js';
import { bodyText } from './webhook-body-text.js';
import { trackDeviceKey } from './webhook-device-key.js';
import {
  lineageHeaders,
  WEBHOOK_RAW_HEADERS,
  type RawWrite,
  type WebhookLineage,
  type WebhookWrites,
} from './webhook-raw-write.js';
import { rawInputRejection, webhookRejection, type WebhookRejection } from './webhook-rejection.js';

/**
 * Validates a Segment-spec body — one `track`/`identify`/… message, or a `batch` — and yields one raw record
 * per message keyed `track:<sourceId>:<device id>`. A single message is written as the whole body; a batch
 * item as its own bytes cut out of the body (see {@link findBatchSpans}), with the batch envelope in a
 * header. A batch is all or nothing: one invalid item refuses the request, naming that item's field.
 */
export function trackWebhookWrites(sourceId: string, body: Buffer, lineage: WebhookLineage): WebhookWrites {
  const text = bodyText(body);
  if (!text.ok) return text;
  const json = parseJsonText(text.text);
  if (!json.ok) return { ok: false, rejection: rawInputRejection(json.error) };
  if (isBatchBody(json.event)) return batchWrites(sourceId, body, json.event, lineage);
  const parsed = parseSegmentMessage(json.event);
  if (!parsed.ok) return { ok: false, rejection: rawInputRejection(parsed.error) };
  const write = messageWrite(sourceId, parsed.event, body, lineage, '');
  return 'rejection' in write ? { ok: false, rejection: write.rejection } : { ok: true, writes: [write] };
}

function batchWrites(sourceId: string, body: Buffer, json: unknown, lineage: WebhookLineage): WebhookWrites {
  const parsed = parseSegmentBatch(json);
  if (!parsed.ok) return { ok: false, rejection: rawInputRejection(parsed.error) };
  const failures = parsed.items.flatMap((item) => (item.ok ? [] : [item.error]));
  const [first] = failures;
  if (first !== undefined) {
    const summary = `${failures.length} of ${parsed.items.length} batch items invalid; none was accepted`;
    return {
      ok: false,
      rejection: webhookRejection(first.code, `${first.message} (${summary})`, { path: first.path }),
    };
  }
  const spans = findBatchSpans(body);
  if (spans === undefined || spans.items.length !== parsed.items.length) {
    return {
      ok: false,
      rejection: webhookRejection('PROCESSING_FAILED', 'the batch items could not be located in the body'),
    };
  }
  const envelope = Buffer.concat([
    body.subarray(0, spans.array.start + 1),
    body.subarray(spans.array.end - 1),
  ]);
  const writes: RawWrite[] = [];
  for (const [index, item] of parsed.items.entries()) {
    const span = spans.items[index];
    if (!item.ok || span === undefined) continue;
    const write = messageWrite(
      sourceId,
      item.event,
      body.subarray(span.start, span.end),
      lineage,
      `batch[${index}].`,
    );
    if ('rejection' in write) return { ok: false, rejection: write.rejection };
    writes.push({
      ...write,
      headers: {
        ...write.headers,
        [WEBHOOK_RAW_HEADERS.batchIndex]: String(index),
        [WEBHOOK_RAW_HEADERS.batchSize]: String(parsed.items.length),
        [WEBHOOK_RAW_HEADERS.batchEnvelope]: envelope,
      },
    });
  }
  return { ok: true, writes };
}

function messageWrite(
  sourceId: string,
  message: SegmentMessage,
  value: Buffer,
  lineage: WebhookLineage,
  pathPrefix: string,
): RawWrite | { rejection: WebhookRejection } {
  const key = trackDeviceKey(sourceId, message);
  if (key === undefined) {
    // The schemas already demand userId or anonymousId; this guards the key against a looser schema.
    const path = `${pathPrefix}userId`;
    return {
      rejection: webhookRejection(
        'RECORD_SCHEMA_VIOLATION',
        `${path}: required field missing (a device id, userId or anonymousId is required)`,
        { path },
      ),
    };
  }
  return {
    key,
    value,
    headers: lineageHeaders('track', sourceId, lineage, message.type),
    eventType: message.type,
    registerPush: isRegisterPush(message),
  };
}

/** A body with a `batch` member or `type: "batch"` is a batch (the latter without items is then refused). */
function isBatchBody(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  return Object.hasOwn(value, 'batch') || (value as Record<string, unknown>)['type'] === 'batch';
}
