import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

/** How a webhook source authenticates its requests. */
export type WebhookAuth =
  /** No credentials: only for sources that cannot send any (CM.com documents none); set explicitly. */
  | { readonly mode: 'none' }
  /** `Authorization: Basic base64(username:password)`; Segment sends the write key as username, no password. */
  | { readonly mode: 'basic'; readonly username: string; readonly password: string }
  /** `Authorization: Bearer <token>`. */
  | { readonly mode: 'bearer'; readonly token: string }
  /** HMAC-SHA256 of the raw body (as sent, before any decompression) in a header. */
  | {
      readonly mode: 'hmac-sha256';
      readonly secret: string;
      /** Header carrying the signature, lower case. */
      readonly header: string;
      readonly encoding: 'hex' | 'base64';
      /** Text before the signature in the header, e.g. `sha256=`; matched ignoring case. */
      readonly prefix: string;
    };

/** Reads a request header by its lower-case name. */
export type HeaderLookup = (name: string) => string | undefined;

/** True when checking any of `auths` needs the body (HMAC), so the check waits until the body is read. */
export function authNeedsBody(auths: readonly WebhookAuth[]): boolean {
  return auths.some((auth) => auth.mode === 'hmac-sha256');
}

/**
 * True when the request carries valid credentials for one of `auths` (several allow rotating a secret).
 * Every configured credential is checked, whatever matched first, and every comparison is constant-time,
 * so the answer time does not tell which part of a guess was right. `body` is needed for HMAC.
 */
export function checkWebhookAuth(
  auths: readonly WebhookAuth[],
  header: HeaderLookup,
  body: Uint8Array | undefined,
): boolean {
  let accepted = false;
  for (const auth of auths) {
    // Non-short-circuit on purpose: each credential costs the same time whether an earlier one matched.
    accepted = checkOne(auth, header, body) || accepted;
  }
  return accepted;
}

function checkOne(auth: WebhookAuth, header: HeaderLookup, body: Uint8Array | undefined): boolean {
  switch (auth.mode) {
    case 'none':
      return true;
    case 'basic': {
      const given = basicCredentials(header('authorization'));
      const user = constantTimeEqual(given?.username ?? '', auth.username);
      const password = constantTimeEqual(given?.password ?? '', auth.password);
      return given !== undefined && user && password;
    }
    case 'bearer': {
      const token = schemeValue(header('authorization'), 'bearer');
      return constantTimeEqual(token ?? '', auth.token) && token !== undefined;
    }
    case 'hmac-sha256': {
      if (body === undefined) return false;
      const expected = createHmac('sha256', auth.secret).update(body).digest();
      const given = signatureBytes(header(auth.header), auth);
      return constantTimeEqual(given ?? Buffer.alloc(0), expected) && given !== undefined;
    }
  }
}

/**
 * Compares two secrets in time independent of where they differ and of their lengths: both sides are hashed
 * to 32 bytes first, so `timingSafeEqual` always gets equal-length inputs.
 */
export function constantTimeEqual(given: string | Uint8Array, expected: string | Uint8Array): boolean {
  return timingSafeEqual(sha256(given), sha256(expected));
}

function sha256(value: string | Uint8Array): Buffer {
  return createHash('sha256').update(value).digest();
}

/** The value after `<scheme> ` in an Authorization header (scheme matched ignoring case). */
function schemeValue(authorization: string | undefined, scheme: string): string | undefined {
  if (authorization === undefined) return undefined;
  const trimmed = authorization.trim();
  const space = trimmed.indexOf(' ');
  if (space < 0 || trimmed.slice(0, space).toLowerCase() !== scheme) return undefined;
  return trimmed.slice(space + 1).trim();
}

function basicCredentials(
  authorization: string | undefined,
): { username: string; password: string } | undefined {
  const encoded = schemeValue(authorization, 'basic');
  if (encoded === undefined || !/^[A-Za-z0-9+/]*={0,2}$/.test(encoded)) return undefined;
  const decoded = Buffer.from(encoded, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}

function signatureBytes(
  value: string | undefined,
  auth: Extract<WebhookAuth, { mode: 'hmac-sha256' }>,
): Buffer | undefined {
  if (value === undefined) return undefined;
  const trimmed = value.trim();
  if (trimmed.slice(0, auth.prefix.length).toLowerCase() !== auth.prefix.toLowerCase()) return undefined;
  const signature = trimmed.slice(auth.prefix.length);
  if (auth.encoding === 'hex') {
    return /^(?:[0-9a-fA-F]{2})+$/.test(signature) ? Buffer.from(signature, 'hex') : undefined;
  }
  return /^[A-Za-z0-9+/_-]+={0,2}$/.test(signature) ? Buffer.from(signature, 'base64') : undefined;
}
