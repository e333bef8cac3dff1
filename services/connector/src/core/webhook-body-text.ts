import { webhookRejection, type WebhookRejection } from './webhook-rejection.js';

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/**
 * The body as text, or a 400 when it is not UTF-8. Strict on purpose: the raw topics keep the original bytes,
 * so what is accepted must be JSON a consumer can decode as UTF-8 exactly as this check did. A byte-order mark
 * is kept as text (and then fails JSON parsing) for the same reason.
 */
export function bodyText(
  body: Uint8Array,
):
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly rejection: WebhookRejection } {
  try {
    return { ok: true, text: UTF8.decode(body) };
  } catch {
    return {
      ok: false,
      rejection: webhookRejection('RECORD_INVALID_JSON', 'invalid JSON: the body is not valid UTF-8', {
        path: '',
      }),
    };
  }
}
