import type { PartnerRequest } from './infobip-request.js';
import type { IntileryItem } from './intilery-plan.js';

/** Where one Intilery brand's tracking API lives and its `auth-token`. */
export interface IntileryAccount {
  readonly clientId: string;
  readonly accountId: string;
  readonly brandId: string;
  readonly authToken: string;
}

/** `/track/{clientId}/{accountId}/{BRANDID}/v1/{action}` ([INT-API]). */
export function trackingPath(account: IntileryAccount, action: 'identify' | 'track' | 'batch'): string {
  const segment = (value: string) => encodeURIComponent(value);
  return `/track/${segment(account.clientId)}/${segment(account.accountId)}/${segment(account.brandId)}/v1/${action}`;
}

/**
 * The request for pending items: one item goes to its own endpoint (`identify` or `track`); several go
 * to `/v1/batch` as `{"batch":[…]}` in order. Header `auth-token`, JSON content type (both required).
 */
export function intileryRequest(account: IntileryAccount, items: readonly IntileryItem[]): PartnerRequest {
  const headers = {
    'auth-token': account.authToken,
    'content-type': 'application/json',
    accept: 'application/json',
  };
  const [only] = items;
  if (items.length === 1 && only !== undefined) {
    return {
      method: 'POST',
      path: trackingPath(account, only.event === 'identify' ? 'identify' : 'track'),
      headers,
      body: JSON.stringify(only),
    };
  }
  return {
    method: 'POST',
    path: trackingPath(account, 'batch'),
    headers,
    body: JSON.stringify({ batch: items }),
  };
}

/** The operation label of a request for `items` (metrics). */
export function intileryOperation(items: readonly IntileryItem[]): 'identify' | 'track' | 'batch' {
  const [only] = items;
  if (items.length === 1 && only !== undefined) return only.event === 'identify' ? 'identify' : 'track';
  return 'batch';
}

/** Bytes of an item as sent (Intilery: at most 32 KB per item, 1 MB per batch). */
export function itemBytes(item: IntileryItem): number {
  return Buffer.byteLength(JSON.stringify(item), 'utf8');
}
