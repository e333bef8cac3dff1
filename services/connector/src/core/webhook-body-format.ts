import { webhookRejection, type WebhookRejection } from './webhook-rejection.js';

/** How the body bytes are encoded on the wire. */
export type BodyEncoding = 'identity' | 'gzip';

/** The accepted body format, or why it is not accepted. */
export type BodyFormat =
  | { readonly ok: true; readonly encoding: BodyEncoding }
  | { readonly ok: false; readonly rejection: WebhookRejection };

const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/**
 * Checks `Content-Type` and `Content-Encoding`: the body must be `application/json` in UTF-8 (a `charset`
 * parameter other than utf-8 is refused, as RFC 8259 allows no other), sent plain or gzipped (Intilery's
 * Segment SDK fork uploads gzip batches). Anything else is 415 naming what was wrong.
 */
export function checkBodyFormat(
  contentType: string | undefined,
  contentEncoding: string | undefined,
): BodyFormat {
  const media = parseMediaType(contentType);
  if (media === undefined || media.type !== 'application/json') {
    return unsupported(
      contentType === undefined
        ? 'content-type is missing; send application/json'
        : 'content-type must be application/json',
    );
  }
  const charset = media.parameters.get('charset');
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
    return unsupported('charset must be utf-8 (JSON is UTF-8 only)');
  }
  const encoding = (contentEncoding ?? '').trim().toLowerCase();
  if (encoding === '' || encoding === 'identity') return { ok: true, encoding: 'identity' };
  if (encoding === 'gzip' || encoding === 'x-gzip') return { ok: true, encoding: 'gzip' };
  return unsupported('content-encoding must be gzip or identity');
}

function unsupported(message: string): BodyFormat {
  return { ok: false, rejection: webhookRejection('REQUEST_UNSUPPORTED_MEDIA_TYPE', message) };
}

/** `type/subtype` in lower case and the parameters (names and values lower-cased, quotes removed). */
function parseMediaType(
  header: string | undefined,
): { type: string; parameters: Map<string, string> } | undefined {
  if (header === undefined) return undefined;
  const [essence = '', ...rest] = header.split(';');
  const type = essence.trim().toLowerCase();
  const [main, sub, extra] = type.split('/');
  if (main === undefined || sub === undefined || extra !== undefined) return undefined;
  if (!TOKEN.test(main) || !TOKEN.test(sub)) return undefined;
  const parameters = new Map<string, string>();
  for (const parameter of rest) {
    const at = parameter.indexOf('=');
    if (at < 0) continue;
    const name = parameter.slice(0, at).trim().toLowerCase();
    const value = parameter
      .slice(at + 1)
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .toLowerCase();
    parameters.set(name, value);
  }
  return { type, parameters };
}
