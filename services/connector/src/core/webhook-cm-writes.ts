import { parseCmRequest } from '@pushstream/schemas';
import { bodyText } from './webhook-body-text.js';
import { cmDeviceKey } from './webhook-device-key.js';
import { lineageHeaders, type WebhookLineage, type WebhookWrites } from './webhook-raw-write.js';
import { rawInputRejection, webhookRejection } from './webhook-rejection.js';

/**
 * Validates a CM.com push webhook body (one event) and yields its one raw record: the body bytes untouched,
 * keyed `cm:<appKey>:<installationId>`. The event's `to.number` must be the route's app key (compared
 * ignoring case and hyphens, both GUID spellings), so one app's route cannot write another app's devices.
 */
export function cmWebhookWrites(appKey: string, body: Buffer, lineage: WebhookLineage): WebhookWrites {
  const text = bodyText(body);
  if (!text.ok) return text;
  const parsed = parseCmRequest(text.text);
  if (!parsed.ok) return { ok: false, rejection: rawInputRejection(parsed.error) };
  const event = parsed.event;
  if (guidForm(event.to.number) !== guidForm(appKey)) {
    return {
      ok: false,
      rejection: webhookRejection('RECORD_SCHEMA_VIOLATION', 'to.number: is not the app key of this route', {
        path: 'to.number',
      }),
    };
  }
  const eventType = event.event.type;
  return {
    ok: true,
    writes: [
      {
        key: cmDeviceKey(appKey, event),
        value: body,
        headers: lineageHeaders('cm', appKey, lineage, eventType),
        eventType,
      },
    ],
  };
}

function guidForm(value: string): string {
  return value.replaceAll('-', '').toLowerCase();
}
