import type { InfobipOperation } from './infobip-plan.js';

/** An HTTP request to a partner, relative to its base URL. */
export interface PartnerRequest {
  readonly method: 'GET' | 'POST' | 'PATCH';
  /** Path and query. */
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  /** JSON text, if the request has a body. */
  readonly body?: string;
}

/** Credentials of one Infobip account + mobile application profile. */
export interface InfobipCredentials {
  readonly apiKey: string;
  readonly appCode: string;
}

/** The path of a push registration. */
export function registrationPath(registrationId: string): string {
  return `/people/2/contactInformation/push/${encodeURIComponent(registrationId)}`;
}

/**
 * The HTTP request of an operation: `Authorization: App <key>` and `AppCode` on every call (seed:001),
 * `forceDepersonalize=true` only when asked (a retry after PERSONALIZATION_IMPOSSIBLE).
 */
export function infobipRequest(
  registrationId: string,
  operation: InfobipOperation,
  credentials: InfobipCredentials,
  options: { forceDepersonalize?: boolean } = {},
): PartnerRequest {
  const path = registrationPath(registrationId);
  const headers = {
    authorization: `App ${credentials.apiKey}`,
    appcode: credentials.appCode,
    accept: 'application/json',
  };
  const json = { ...headers, 'content-type': 'application/json' };
  switch (operation.op) {
    case 'patch':
      return { method: 'PATCH', path, headers: json, body: JSON.stringify(operation.body) };
    case 'personalize':
      return {
        method: 'POST',
        path: `${path}/personalize${options.forceDepersonalize === true ? '?forceDepersonalize=true' : ''}`,
        headers: json,
        body: JSON.stringify({ identity: operation.identity }),
      };
    case 'depersonalize':
      return { method: 'POST', path: `${path}/depersonalize`, headers };
  }
}
